package dev.hotline.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.acd.model.CentreSettings;
import dev.hotline.acd.model.EscalationAction;
import dev.hotline.acd.model.EscalationStep;
import dev.hotline.acd.model.OpeningHours;
import dev.hotline.acd.model.OpeningHours.Holiday;
import dev.hotline.acd.model.OpeningHours.MakeUpDay;
import dev.hotline.acd.model.OpeningHours.Period;
import dev.hotline.acd.model.QueueConfig;
import dev.hotline.acd.model.QueueTreatments;
import dev.hotline.acd.model.RoutingStrategy;
import dev.hotline.acd.model.Treatment;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueuesFileTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;
    ConfigFixture config;

    @BeforeEach
    void smallValidCentre() {
        config = new ConfigFixture(dir);
    }

    /** The fixture's queue with {@code extra} lines (indented as queue keys) added after its groups. */
    private ConfigFixture withSalesQueue(String extra) {
        return config.with("queues.yaml", """
                queues:
                  - id: sales
                    groups: [sales-a]
                """ + extra.indent(4));
    }

    private QueueConfig salesQueue() {
        return config.valid().queues().getFirst();
    }

    @Test
    void aQueueWithOnlyIdAndGroupsGetsTheDocumentedDefaults() {
        Treatment busy = new Treatment.Hangup(CentreSettings.DEFAULT_BUSY_PROMPT);

        assertThat(salesQueue()).isEqualTo(new QueueConfig("sales", "sales", List.of("sales-a"),
                RoutingStrategy.LONGEST_IDLE, 0, Duration.ofSeconds(20), Duration.ofSeconds(20),
                Duration.ofSeconds(30), 0, Optional.empty(), List.of(), OpeningHours.always(SHANGHAI),
                new QueueTreatments(new Treatment.Hangup("hotline/closed-outside-hours"), busy, busy, busy)));
    }

    @Test
    void everyQueueSettingIsRead() {
        config.withFlow("callback-request").with("queues.yaml", """
                queues:
                  - id: sales
                    name: Sales
                    groups: [sales-a]
                    strategy: skill-level
                    basePriority: 5
                    serviceLevel: 15s
                    ringTimeout: 12s
                    wrapUp: 1m
                    maxWaiting: 40
                    maxWait: 10m
                    treatments:
                      closed: {ivr: callback-request}
                      full: {overflow: other}
                      maxWait: {voicemail: sales, prompt: leave-a-message}
                      noAgents: {hangup: nobody-here}
                  - id: other
                    groups: [sales-b]
                """);

        QueueConfig q = salesQueue();
        assertThat(q.name()).isEqualTo("Sales");
        assertThat(q.strategy()).isEqualTo(RoutingStrategy.SKILL_LEVEL);
        assertThat(q.basePriority()).isEqualTo(5);
        assertThat(q.serviceLevelThreshold()).isEqualTo(Duration.ofSeconds(15));
        assertThat(q.ringTimeout()).isEqualTo(Duration.ofSeconds(12));
        assertThat(q.wrapUp()).isEqualTo(Duration.ofMinutes(1));
        assertThat(q.maxWaiting()).isEqualTo(40);
        assertThat(q.maxWait()).contains(Duration.ofMinutes(10));
        assertThat(q.treatments()).isEqualTo(new QueueTreatments(new Treatment.IvrFlow("callback-request"),
                new Treatment.Overflow("other"), new Treatment.Voicemail("sales", "leave-a-message"),
                new Treatment.Hangup("nobody-here")));
    }

    @Test
    void escalationStepsKeepTheirActionsInTheOrderWritten() {
        withSalesQueue("""
                escalation:
                  - after: 0s
                    name: vip-first
                    raisePriority: 10
                    addGroups: [sales-b]
                  - after: 5m
                    announce: sorry-for-the-wait
                    overflowTo: {voicemail: sales}
                """);

        assertThat(salesQueue().escalation()).containsExactly(
                new EscalationStep("vip-first", Duration.ZERO, List.of(new EscalationAction.RaisePriority(10),
                        new EscalationAction.AddGroups(List.of("sales-b")))),
                new EscalationStep("after-5m", Duration.ofMinutes(5), List.of(
                        new EscalationAction.Announce("sorry-for-the-wait"),
                        new EscalationAction.OverflowTo(new Treatment.Voicemail("sales", "")))));
    }

    @Test
    void openingHoursAreReadInTheQueuesZoneWithHolidayRangesExpanded() {
        withSalesQueue("""
                hours:
                  zone: Europe/Paris
                  weekly:
                    mon-fri: [08:00-12:00, 13:00-24:00]
                    sat: 10:00-16:00
                  holidays:
                    - {date: 2026-12-25, name: Christmas}
                    - {from: 2026-12-31, to: 2027-01-01, name: New Year}
                """);

        OpeningHours hours = salesQueue().hours();
        assertThat(hours.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(hours.weekly()).containsOnlyKeys(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY);
        assertThat(hours.weekly().get(DayOfWeek.WEDNESDAY)).containsExactly(
                new Period(LocalTime.of(8, 0), LocalTime.of(12, 0)), new Period(LocalTime.of(13, 0), LocalTime.MAX));
        assertThat(hours.weekly().get(DayOfWeek.SATURDAY)).containsExactly(
                new Period(LocalTime.of(10, 0), LocalTime.of(16, 0)));
        assertThat(hours.holidays()).containsExactly(new Holiday(LocalDate.of(2026, 12, 25), "Christmas"),
                new Holiday(LocalDate.of(2026, 12, 31), "New Year"), new Holiday(LocalDate.of(2027, 1, 1), "New Year"));
    }

    @Test
    void hoursWithOnlyHolidaysAreOpenAllDayOnOtherDays() {
        withSalesQueue("""
                hours:
                  holidays:
                    - {date: 2026-10-01, name: National Day}
                """);

        OpeningHours hours = salesQueue().hours();
        assertThat(hours.weekly()).isEqualTo(OpeningHours.always(SHANGHAI).weekly());
        assertThat(hours.zone()).isEqualTo(SHANGHAI);
    }

    @Test
    void weeklyWrittenWithNoValueIsAProblemNotAQueueOpenRoundTheClock() {
        withSalesQueue("""
                hours:
                  weekly:
                    # mon-fri: 09:00-18:00
                """);

        assertThat(config.problems()).containsExactly("queues.yaml:5:14: queues[sales].hours.weekly: weekly has no "
                + "value: list the opening periods by day (mon-fri: 09:00-18:00), write weekly: {} for never open, or "
                + "remove the key for open around the clock");
    }

    @Test
    void aQueueIdUsedTwiceIsReported() {
        config.with("queues.yaml", """
                queues:
                  - id: sales
                    groups: [sales-a]
                  - id: sales
                    groups: [sales-b]
                """);

        assertThat(config.problems()).containsExactly(
                "queues.yaml:4:9: queues[sales].id: duplicate queue id 'sales' (first at line 2)");
    }

    @Test
    void aQueueMustBeServedByKnownSkillGroups() {
        config.with("queues.yaml", """
                queues:
                  - id: sales
                    groups: [sales-a, vip-gold]
                """);

        assertThat(config.problems()).containsExactly(
                "queues.yaml:3:23: queues[sales].groups[1]: unknown skill group 'vip-gold' (known: sales-a, sales-b)");
    }

    @Test
    void aQueueWithNoGroupsIsReported() {
        config.with("queues.yaml", """
                queues:
                  - id: sales
                    groups: []
                """);

        assertThat(config.problems()).containsExactly(
                "queues.yaml:3:13: queues[sales].groups: a queue needs at least one skill group to serve it");
    }

    @Test
    void aGroupListedTwiceForAQueueIsReported() {
        config.with("queues.yaml", """
                queues:
                  - id: sales
                    groups: [sales-a, sales-a]
                """);

        assertThat(config.problems()).containsExactly(
                "queues.yaml:3:23: queues[sales].groups[1]: skill group 'sales-a' is listed twice");
    }

    @Test
    void aQueueRecordsItsAnsweredCallsOnlyWhenItSaysSo() {
        config.with("queues.yaml", """
                queues:
                  - id: sales
                    groups: [sales-a]
                    recording: true
                  - id: service
                    groups: [sales-a]
                    recording: false
                  - id: general
                    groups: [sales-a]
                """);

        assertThat(config.recordedQueues()).containsExactly("sales");
    }

    @Test
    void aRecordingSettingThatIsNotTrueOrFalseIsReported() {
        withSalesQueue("recording: always\n");

        assertThat(config.problems()).containsExactly(
                "queues.yaml:4:16: queues[sales].recording: expected true or false, got the text 'always'");
    }

    @Test
    void anUnknownStrategyIsReportedWithTheKnownOnes() {
        withSalesQueue("strategy: fifo\n");

        assertThat(config.problems()).containsExactly("queues.yaml:4:15: queues[sales].strategy: unknown strategy "
                + "'fifo' (known: longest-idle, round-robin, fewest-calls, least-talk-time, linear, random, skill-level)");
    }

    @Test
    void nonsensicalLimitsAreReported() {
        withSalesQueue("""
                ringTimeout: 0s
                maxWaiting: -1
                """);

        assertThat(config.problems()).containsExactly(
                "queues.yaml:4:18: queues[sales].ringTimeout: ringTimeout must be longer than 0s",
                "queues.yaml:5:17: queues[sales].maxWaiting: maxWaiting must be 0 (no limit) or more, got -1");
    }

    @Test
    void aRingTimeoutLongerThanAPhoneRingsIsAProblem() {
        withSalesQueue("""
                ringTimeout: 100h
                """);

        assertThat(config.problems()).containsExactly("queues.yaml:4:18: queues[sales].ringTimeout: ringTimeout "
                + "100h is longer than a phone rings: at most 5m");
    }

    @Test
    void aOneSecondRingTimeoutIsValidButWarnedOfAsAsteriskMayStillRingWhenTheAcdGivesUp() {
        withSalesQueue("""
                ringTimeout: 1s
                """);

        assertThat(config.warnings()).containsExactly("queues.yaml:4:18: queues[sales].ringTimeout: ringTimeout "
                + "1s is shorter than 2s: Asterisk's Dial takes whole seconds and is told a second less, at least "
                + "1s, so it may still ring when the ACD gives up, and an agent who picks up then talks to a caller the "
                + "ACD has let go (docs/asterisk.md)");
    }

    @Test
    void escalationStepsMustBeInTimeOrder() {
        withSalesQueue("""
                escalation:
                  - after: 2m
                    raisePriority: 5
                  - after: 60s
                    addGroups: [sales-b]
                """);

        assertThat(config.problems()).containsExactly("queues.yaml:7:16: queues[sales].escalation[1].after: "
                + "after 1m is not later than the previous step's 2m: list steps in time order");
    }

    @Test
    void anEscalationStepAfterTheMaxWaitNeverFires() {
        withSalesQueue("""
                maxWait: 5m
                escalation:
                  - after: 5m
                    raisePriority: 5
                """);

        assertThat(config.problems()).containsExactly("queues.yaml:6:16: queues[sales].escalation[0].after: "
                + "after 5m is not before the queue's maxWait 5m: the call has left the queue by then");
    }

    @Test
    void aVipCallerWouldLeaveAQueueWhoseMaxWaitEndsBeforeTheVipRuleLetsItsOtherGroupsTakeTheCall() {
        config.with("centre.yaml", ConfigFixture.CENTRE + "vip: {group: sales-b, escalateAfter: 20s}\n");
        withSalesQueue("""
                maxWait: 10s
                """);

        assertThat(config.problems()).containsExactly("queues.yaml:4:14: queues[sales].maxWait: maxWait 10s is not "
                + "after the VIP rule's escalateAfter 20s (centre.yaml vip): a VIP caller whose VIP agents are busy "
                + "would be sent away before the queue's other groups may take the call");
    }

    @Test
    void aVipCallerWouldBeSentAwayByAnOverflowStepDueBeforeTheVipRuleLetsItsOtherGroupsTakeTheCall() {
        config.with("centre.yaml", ConfigFixture.CENTRE + "vip: {group: sales-b, escalateAfter: 20s}\n");
        withSalesQueue("""
                escalation:
                  - after: 15s
                    raisePriority: 2
                  - after: 20s
                    overflowTo: {voicemail: sales}
                """);

        assertThat(config.problems()).containsExactly("queues.yaml:7:16: queues[sales].escalation[1].after: this "
                + "step sends calls away at 20s, not after the VIP rule's escalateAfter 20s (centre.yaml vip): a VIP "
                + "caller whose VIP agents are busy would be sent away before the queue's other groups may take the "
                + "call");
    }

    @Test
    void anOverflowToAnotherQueueBeforeTheVipRulesWaitKeepsTheVipCallWaitingSoIsNoProblem() {
        config.with("centre.yaml", ConfigFixture.CENTRE + "vip: {group: sales-b, escalateAfter: 20s}\n");
        config.with("queues.yaml", """
                queues:
                  - id: sales
                    groups: [sales-a]
                    maxWait: 10s
                    treatments:
                      maxWait: {overflow: busy-hour}
                    escalation:
                      - after: 5s
                        overflowTo: {overflow: busy-hour}
                  - id: busy-hour
                    groups: [sales-b]
                """);

        assertThat(salesQueue().maxWait()).contains(Duration.ofSeconds(10));
    }

    @Test
    void withoutAVipGroupOrWithoutAWaitForItAShortMaxWaitIsNoProblem() {
        config.with("centre.yaml", ConfigFixture.CENTRE + "vip: {group: sales-b}\n");
        withSalesQueue("""
                maxWait: 10s
                """);
        assertThat(salesQueue().maxWait()).contains(Duration.ofSeconds(10));

        config.with("centre.yaml", ConfigFixture.CENTRE + "vip: {escalateAfter: 20s}\n");
        assertThat(salesQueue().maxWait()).contains(Duration.ofSeconds(10));
    }

    @Test
    void stepNamesAreEachUsedOnceAndTheVipRulesIsTaken() {
        withSalesQueue("""
                escalation:
                  - after: 30s
                    name: prio-up
                    raisePriority: 2
                  - after: 60s
                    name: prio-up
                    raisePriority: 2
                  - after: 90s
                    name: vip-escalation
                    addGroups: [sales-b]
                """);

        assertThat(config.problems()).containsExactly(
                "queues.yaml:9:15: queues[sales].escalation[1].name: duplicate step name 'prio-up' (first at line 6)",
                "queues.yaml:12:15: queues[sales].escalation[2].name: 'vip-escalation' is the VIP rule's step "
                        + "(centre.yaml vip): give this step a name of its own, so that reasons and the journal tell "
                        + "the two apart");
    }

    @Test
    void anEscalationStepAfterAnOverflowNeverFires() {
        withSalesQueue("""
                escalation:
                  - after: 1m
                    overflowTo: {voicemail: sales}
                  - after: 2m
                    raisePriority: 5
                """);

        assertThat(config.problems()).containsExactly("queues.yaml:7:16: queues[sales].escalation[1].after: "
                + "this step never fires: queues[sales].escalation[0] already sends the call away with overflowTo");
    }

    @Test
    void aQueueCannotOverflowToItself() {
        withSalesQueue("""
                escalation:
                  - after: 1m
                    overflowTo: {overflow: sales}
                treatments:
                  full: {overflow: sales}
                """);

        assertThat(config.problems()).containsExactly(
                "queues.yaml:6:32: queues[sales].escalation[0].overflowTo.overflow: queue 'sales' cannot overflow to itself",
                "queues.yaml:8:24: queues[sales].treatments.full.overflow: queue 'sales' cannot overflow to itself");
    }

    @Test
    void anOverflowMustGoToAKnownQueue() {
        withSalesQueue("""
                treatments:
                  noAgents: {overflow: sales-2}
                """);

        assertThat(config.problems()).containsExactly(
                "queues.yaml:5:28: queues[sales].treatments.noAgents.overflow: unknown queue 'sales-2' (known: sales)");
    }

    @Test
    void addGroupsMustNameKnownGroupsThatDoNotAlreadyServeTheCall() {
        withSalesQueue("""
                escalation:
                  - after: 1m
                    addGroups: [sales-a, sales-b]
                  - after: 2m
                    addGroups: [sales-b, vip-gold]
                """);

        assertThat(config.problems()).containsExactly(
                "queues.yaml:6:21: queues[sales].escalation[0].addGroups[0]: skill group 'sales-a' already serves "
                        + "queue 'sales'",
                "queues.yaml:8:21: queues[sales].escalation[1].addGroups[0]: skill group 'sales-b' was already "
                        + "added by queues[sales].escalation[0]",
                "queues.yaml:8:30: queues[sales].escalation[1].addGroups[1]: unknown skill group 'vip-gold' "
                        + "(known: sales-a, sales-b)");
    }

    @Test
    void raisePriorityMustRaiseIt() {
        withSalesQueue("""
                escalation:
                  - after: 1m
                    raisePriority: -5
                """);

        assertThat(config.problems()).containsExactly(
                "queues.yaml:6:24: queues[sales].escalation[0].raisePriority: raisePriority must be at least 1, got -5");
    }

    @Test
    void prioritiesAreBoundedSoTheirSumCannotOverflowAndSendTheMostUrgentCallerToTheBack() {
        withSalesQueue("""
                basePriority: 2147483647
                escalation:
                  - after: 1m
                    raisePriority: 1001
                """);

        assertThat(config.problems()).containsExactly(
                "queues.yaml:4:19: queues[sales].basePriority: basePriority must be from -1000 to 1000, got 2147483647",
                "queues.yaml:7:24: queues[sales].escalation[0].raisePriority: raisePriority must be at most 1000, "
                        + "got 1001");
    }

    @Test
    void theLowestAndHighestPrioritiesAreAccepted() {
        withSalesQueue("""
                basePriority: -1000
                escalation:
                  - after: 1m
                    raisePriority: 1000
                """);

        assertThat(salesQueue().basePriority()).isEqualTo(-1000);
    }

    @Test
    void anEscalationStepMustDoSomething() {
        withSalesQueue("""
                escalation:
                  - after: 1m
                    name: forgotten
                """);

        assertThat(config.problems()).containsExactly("queues.yaml:5:9: queues[sales].escalation[0]: "
                + "an escalation step needs at least one action (addGroups, raisePriority, announce, overflowTo)");
    }

    @Test
    void overflowToMustBeTheLastActionOfAStep() {
        withSalesQueue("""
                escalation:
                  - after: 1m
                    overflowTo: {voicemail: sales}
                    announce: too-late
                """);

        assertThat(config.problems()).containsExactly("queues.yaml:6:21: queues[sales].escalation[0].overflowTo: "
                + "overflowTo must be the step's last action: the call has left the queue after it");
    }

    @Test
    void aTreatmentDoesExactlyOneThing() {
        withSalesQueue("""
                treatments:
                  closed: {hangup: closed, voicemail: sales}
                  full: {prompt: busy}
                  maxWait: hangup
                """);

        assertThat(config.problems()).containsExactly(
                "queues.yaml:5:43: queues[sales].treatments.closed.voicemail: a treatment does one thing: found both "
                        + "hangup and voicemail",
                "queues.yaml:6:13: queues[sales].treatments.full: a treatment needs one of hangup, overflow, "
                        + "voicemail, ivr (e.g. {hangup: hotline/closed})",
                "queues.yaml:7:16: queues[sales].treatments.maxWait: expected a treatment like {hangup: prompt}, "
                        + "{overflow: queue}, {voicemail: mailbox} or {ivr: flow}, got the text 'hangup'");
    }

    @Test
    void aQueueTimeZoneMustExist() {
        withSalesQueue("""
                hours:
                  zone: China/Beijing
                """);

        assertThat(config.problems()).containsExactly("queues.yaml:5:13: queues[sales].hours.zone: unknown time "
                + "zone 'China/Beijing' (write a region like Asia/Shanghai or an offset like +08:00)");
    }

    @Test
    void anOpenPeriodMustCloseAfterItOpens() {
        withSalesQueue("""
                hours:
                  weekly:
                    mon-fri: [18:00-08:00]
                    sat: 09:00-09:00
                """);

        assertThat(config.problems()).containsExactly(
                "queues.yaml:6:19: queues[sales].hours.weekly.mon-fri[0]: period 18:00-08:00 closes before it "
                        + "opens (a period ends the day it starts: split a night shift at 24:00)",
                "queues.yaml:7:14: queues[sales].hours.weekly.sat: period 09:00-09:00 closes when it opens "
                        + "(a period ends the day it starts: split a night shift at 24:00)");
    }

    @Test
    void openPeriodsAreWrittenAsTimesOfDay() {
        withSalesQueue("""
                hours:
                  weekly:
                    mon: [8-18]
                    tue: [08:00-25:00]
                """);

        assertThat(config.problems()).containsExactly(
                "queues.yaml:6:15: queues[sales].hours.weekly.mon[0]: '8-18' is not an open period: write "
                        + "HH:MM-HH:MM, e.g. 08:00-18:00",
                "queues.yaml:7:15: queues[sales].hours.weekly.tue[0]: '25:00' is not a time of day (write HH:MM "
                        + "from 00:00 to 24:00)");
    }

    @Test
    void openPeriodsOfADayMustNotOverlap() {
        withSalesQueue("""
                hours:
                  weekly:
                    daily: [08:00-12:00, 11:30-18:00]
                """);

        assertThat(config.problems()).containsExactly("queues.yaml:6:30: queues[sales].hours.weekly.daily[1]: "
                + "period 11:30-18:00 overlaps 08:00-12:00");
    }

    @Test
    void daysAreNamedAndGivenOnce() {
        withSalesQueue("""
                hours:
                  weekly:
                    monday: 08:00-18:00
                    mon-fri: 08:00-18:00
                    fri: 08:00-20:00
                    sun-sat: 10:00-12:00
                """);

        assertThat(config.problems()).containsExactly(
                "queues.yaml:6:9: queues[sales].hours.weekly.monday: unknown day 'monday' (write mon, tue, wed, "
                        + "thu, fri, sat, sun, a range like mon-fri, or daily)",
                "queues.yaml:8:9: queues[sales].hours.weekly.fri: fri is already given by 'mon-fri' (line 7)",
                "queues.yaml:9:9: queues[sales].hours.weekly.sun-sat: day range 'sun-sat' runs past Sunday: ranges "
                        + "go from mon towards sun, so write it as two, sun and mon-sat");
    }

    @Test
    void aStepNameIsOneWordAsAnIdIsForItNamesTheStepInEveryReasonAndJournalLine() {
        withSalesQueue("""
                escalation:
                  - after: 30s
                    name: priority up
                    raisePriority: 2
                """);

        assertThat(config.problems()).containsExactly("queues.yaml:6:15: queues[sales].escalation[0].name: step name "
                + "'priority up' holds a space or an invisible character: a step name is one word of visible "
                + "characters (priority-up)");
    }

    @Test
    void aPromptWrittenWithItsFilesExtensionIsWarnedAboutForAsteriskWouldFindNoSuchSound() {
        withSalesQueue("""
                maxWaiting: 10
                maxWait: 5m
                escalation:
                  - after: 30s
                    name: sorry
                    announce: hotline/still-busy.wav
                treatments:
                  closed: {hangup: hotline/closed.gsm}
                  full: {voicemail: sales, prompt: hotline/leave-a-message}
                  maxWait: {voicemail: sales, prompt: hotline/v1.2-leave-a-message}
                """);

        assertThat(config.warnings()).containsExactly(
                "queues.yaml:9:19: queues[sales].escalation[0].announce: prompt 'hotline/still-busy.wav' is written "
                        + "with its file's extension: Asterisk adds the format itself and finds no "
                        + "hotline/still-busy.wav.<format>, so callers hear nothing; write hotline/still-busy",
                "queues.yaml:11:24: queues[sales].treatments.closed.hangup: prompt 'hotline/closed.gsm' is written "
                        + "with its file's extension: Asterisk adds the format itself and finds no "
                        + "hotline/closed.gsm.<format>, so callers hear nothing; write hotline/closed");
    }

    @Test
    void holidaysHaveSoundDates() {
        withSalesQueue("""
                hours:
                  holidays:
                    - {from: 2026-10-07, to: 2026-10-01, name: National Day}
                    - {date: 2026-13-01}
                    - {name: Someday}
                    - {date: 2026-05-01, from: 2026-05-01, to: 2026-05-05}
                """);

        assertThat(config.problems()).containsExactly(
                "queues.yaml:6:34: queues[sales].hours.holidays[0].to: to 2026-10-01 is before from 2026-10-07",
                "queues.yaml:7:18: queues[sales].hours.holidays[1].date: '2026-13-01' is not a date (write "
                        + "YYYY-MM-DD, e.g. 2026-10-01)",
                "queues.yaml:8:11: queues[sales].hours.holidays[2]: a holiday needs date (one day), or from and to "
                        + "(several days)",
                "queues.yaml:9:11: queues[sales].hours.holidays[3]: a holiday has either date, or from and to, not both");
    }

    @Test
    void aHolidayCalendarWhoseEveryDayIsPastIsWarnedAboutForTheComingHolidaysAreOpenDays() {
        // the fixture judges dates as of the start of 7 December 2026, in each queue's zone
        withSalesQueue("""
                hours:
                  holidays:
                    - {from: 2026-10-01, to: 2026-10-07, name: National Day}
                    - {date: 2026-06-19, name: Dragon Boat Festival}
                """);

        assertThat(config.warnings()).containsExactly("queues.yaml:6:9: queues[sales].hours.holidays: every holiday "
                + "listed is past (the last: 2026-10-07, National Day): the queue keeps its weekly hours on the coming "
                + "public holidays; list them");
    }

    @Test
    void aHolidayCalendarWithADayToComeOrTodayIsNotWarnedAbout() {
        withSalesQueue("""
                hours:
                  holidays:
                    - {date: 2026-10-01}
                    - {date: 2026-12-07}
                """);

        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void whetherAHolidayIsPastIsJudgedInTheQueuesZone() {
        // 20:00 UTC on 6 December is already the 7th in Shanghai, still the 6th in Los Angeles
        AsOf evening = new AsOf.Moment(Instant.parse("2026-12-06T20:00:00Z"));
        String holiday = """
                  holidays:
                    - {date: 2026-12-06, name: a local day off}
                """;
        withSalesQueue("hours:\n  zone: America/Los_Angeles\n" + holiday);
        assertThat(((ConfigResult.Valid) ConfigLoader.load(config.dir(), evening)).warnings()).isEmpty();

        withSalesQueue("hours:\n  zone: Asia/Shanghai\n" + holiday);
        assertThat(((ConfigResult.Valid) ConfigLoader.load(config.dir(), evening)).warnings())
                .extracting(ConfigProblem::message).singleElement().asString().startsWith("every holiday listed is past");
    }

    @Test
    void holidaysOrMakeUpDaysWrittenWithNoValueAreAProblemNotAQueueOpenOnEveryPublicHoliday() {
        withSalesQueue("""
                hours:
                  weekly:
                    mon-fri: 09:00-18:00
                  holidays:
                  #  - {from: 2026-10-01, to: 2026-10-07, name: National Day}
                  makeUpDays:
                  #  - {date: 2026-10-10, name: National Day make-up day}
                """);

        assertThat(config.problems()).containsExactly(
                "queues.yaml:7:16: queues[sales].hours.holidays: holidays has no value: list the days the queue is "
                        + "closed ({date: 2026-10-01, name: National Day} or {from: 2026-10-01, to: 2026-10-07, name: "
                        + "National Day}), write holidays: [] for none, or remove the key",
                "queues.yaml:9:18: queues[sales].hours.makeUpDays: makeUpDays has no value: list the weekend days "
                        + "worked as weekdays ({date: 2026-10-10, name: National Day make-up day}), write "
                        + "makeUpDays: [] for none, or remove the key");
    }

    @Test
    void noHolidaysWrittenAsAnEmptyListIsNone() {
        withSalesQueue("""
                hours:
                  holidays: []
                  makeUpDays: []
                """);

        assertThat(salesQueue().hours().holidays()).isEmpty();
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void aHolidayListedTwiceIsReported() {
        withSalesQueue("""
                hours:
                  holidays:
                    - {from: 2026-10-01, to: 2026-10-07, name: National Day}
                    - {date: 2026-10-06, name: Mid-Autumn Festival}
                """);

        assertThat(config.problems()).containsExactly("queues.yaml:7:11: queues[sales].hours.holidays[1]: "
                + "duplicate holiday date 2026-10-06 (first at line 6)");
    }

    @Test
    void aMakeUpWorkingDayKeepsTheHoursOfTheWeekdayItIsWorkedAs() {
        withSalesQueue("""
                hours:
                  weekly:
                    mon-fri: 09:00-21:00
                    sat-sun: 10:00-18:00
                  holidays:
                    - {from: 2026-01-01, to: 2026-01-03, name: New Year's Day}
                    - {date: 2027-01-01, name: New Year's Day}
                  makeUpDays:
                    - {date: 2026-01-04, name: New Year's make-up day}
                    - {date: 2026-02-28, as: fri}
                """);

        OpeningHours hours = salesQueue().hours();
        assertThat(hours.makeUpDays()).containsExactly(
                new MakeUpDay(LocalDate.of(2026, 1, 4), DayOfWeek.MONDAY, "New Year's make-up day"),
                new MakeUpDay(LocalDate.of(2026, 2, 28), DayOfWeek.FRIDAY, ""));
        // Sunday 4 January 2026 at 09:30 Shanghai time: open as on a Monday (a plain Sunday opens at 10:00)
        assertThat(hours.isOpenAt(Instant.parse("2026-01-04T01:30:00Z").toEpochMilli())).isTrue();
        assertThat(hours.isOpenAt(Instant.parse("2026-01-11T01:30:00Z").toEpochMilli())).isFalse();
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void makeUpDaysHaveADateAWeekdayAndAreNeitherHolidaysNorListedTwice() {
        withSalesQueue("""
                hours:
                  holidays:
                    - {from: 2026-10-01, to: 2026-10-07, name: National Day}
                  makeUpDays:
                    - {date: 2026-10-03}
                    - {date: 2026-10-10, as: monday}
                    - {as: mon}
                    - {date: 2026-09-20}
                    - {date: 2026-09-20, name: again}
                """);

        assertThat(config.problems()).containsExactly(
                "queues.yaml:8:11: queues[sales].hours.makeUpDays[0]: 2026-10-03 is a holiday (line 6) and a "
                        + "make-up working day: a day is one or the other",
                "queues.yaml:9:34: queues[sales].hours.makeUpDays[1].as: unknown day 'monday' (write mon, tue, wed, "
                        + "thu, fri, sat or sun: the weekday whose hours the make-up day keeps)",
                "queues.yaml:10:11: queues[sales].hours.makeUpDays[2]: a make-up day needs date (the day worked; as, "
                        + "the weekday whose hours it keeps, is optional: mon by default)",
                "queues.yaml:12:11: queues[sales].hours.makeUpDays[4]: duplicate make-up day 2026-09-20 (first at "
                        + "line 11)");
    }

    @Test
    void aDateWrittenWithoutAValueIsSaidToHaveNone() {
        withSalesQueue("""
                hours:
                  holidays:
                    - {from: 2026-10-01, to: , name: National Day}
                  makeUpDays:
                    - {date: , name: National Day make-up day}
                """);

        assertThat(config.problems()).containsExactly(
                "queues.yaml:6:33: queues[sales].hours.holidays[0].to: to has no value: write a date like 2026-10-01",
                "queues.yaml:8:17: queues[sales].hours.makeUpDays[0].date: date has no value: write a date like "
                        + "2026-10-01");
    }

    @Test
    void makeUpDaysOfAQueueWithTheSameHoursEveryDayAreWarnedAboutOnceAndNotAtAllWhenItNeverOpens() {
        withSalesQueue("""
                hours:
                  weekly:
                    daily: 08:00-20:00
                  makeUpDays:
                    - {date: 2026-01-04}
                    - {date: 2026-02-14}
                    - {date: 2026-02-28}
                """);
        assertThat(config.warnings()).containsExactly("queues.yaml:8:11: queues[sales].hours.makeUpDays[0]: the 3 "
                + "make-up days change nothing: the queue keeps the same hours every day of the week (08:00-20:00; "
                + "check weekly)");

        withSalesQueue("""
                hours:
                  weekly: {}
                  makeUpDays:
                    - {date: 2026-01-04}
                    - {date: 2026-02-14}
                """);
        assertThat(config.warnings()).singleElement().asString().contains("queue 'sales' never opens");
    }

    @Test
    void aMakeUpDayThatOpensTheQueueAsItsOwnWeekdayWouldIsWarnedAbout() {
        withSalesQueue("""
                hours:
                  weekly:
                    mon-fri: 09:00-21:00
                  makeUpDays:
                    - {date: 2026-01-05}
                    - {date: 2026-01-07, as: fri}
                    - {date: 2026-01-10, as: sun}
                """);

        assertThat(config.warnings()).containsExactly(
                "queues.yaml:8:11: queues[sales].hours.makeUpDays[0]: make-up day 2026-01-05 changes nothing: it is "
                        + "a Monday and keeps Monday's hours (check its date and as)",
                "queues.yaml:9:11: queues[sales].hours.makeUpDays[1]: make-up day 2026-01-07 changes nothing: it is "
                        + "a Wednesday, and the queue's Wednesday hours are Friday's (check its date and as)",
                "queues.yaml:10:11: queues[sales].hours.makeUpDays[2]: make-up day 2026-01-10 changes nothing: it is "
                        + "a Saturday, and the queue's Saturday hours are Sunday's (closed both days) (check its date "
                        + "and as)");
    }

    @Test
    void aMakeUpDayKeepingTheHoursOfAWeekdayTheQueueIsClosedOnIsWarnedAbout() {
        withSalesQueue("""
                hours:
                  weekly:
                    tue-fri: 09:00-21:00
                    sat-sun: [10:00-12:00, 13:00-18:00]
                  makeUpDays:
                    - {date: 2026-02-14}
                """);

        assertThat(config.warnings()).containsExactly("queues.yaml:9:11: queues[sales].hours.makeUpDays[0]: make-up "
                + "day 2026-02-14 closes the queue all day: it is a Saturday (open 10:00-12:00, 13:00-18:00) and keeps "
                + "Monday's hours, and the queue is closed on Mondays (check its as, mon by default)");
    }

    @Test
    void holidaysAndMakeUpDaysOutsideTheYearsACalendarHoldsAreTypos() {
        withSalesQueue("""
                hours:
                  holidays:
                    - {date: 1900-10-01}
                    - {from: 2026-10-01, to: +10000-10-07}
                  makeUpDays:
                    - {date: 9999-02-14}
                """);

        assertThat(config.problems()).containsExactly(
                "queues.yaml:6:18: queues[sales].hours.holidays[0].date: '1900-10-01' is not a date a centre's "
                        + "calendar holds (years 2000 to 2199): check the year",
                "queues.yaml:7:34: queues[sales].hours.holidays[1].to: '+10000-10-07' is not a date a centre's "
                        + "calendar holds (years 2000 to 2199): check the year",
                "queues.yaml:9:18: queues[sales].hours.makeUpDays[0].date: '9999-02-14' is not a date a centre's "
                        + "calendar holds (years 2000 to 2199): check the year");
    }

    @Test
    void aPosixZoneNameIsWarnedAboutForItsReversedSign() {
        withSalesQueue("""
                hours:
                  zone: Etc/GMT+8
                """);

        assertThat(salesQueue().hours().zone()).isEqualTo(ZoneId.of("Etc/GMT+8"));
        assertThat(config.warnings()).containsExactly("queues.yaml:5:13: queues[sales].hours.zone: time zone "
                + "Etc/GMT+8 is UTC-08:00: the Etc/GMT names count the other way round; for UTC+08:00 write +08:00 "
                + "(or Asia/Shanghai)");
    }

    @Test
    void aNumberBeyondAnyRangeIsSaidToBeSo() {
        withSalesQueue("""
                maxWaiting: 2147483648
                """);

        assertThat(config.problems()).containsExactly("queues.yaml:4:17: queues[sales].maxWaiting: the number "
                + "2147483648 is far beyond what any setting takes (the docs give each key's range)");
    }

    @Test
    void overlappingHolidayRangesAreSaidOnceWithTheDaysTheyShare() {
        withSalesQueue("""
                hours:
                  holidays:
                    - {from: 2026-02-15, to: 2026-02-23, name: Spring Festival}
                    - {from: 2026-02-20, to: 2026-02-25, name: Lantern week}
                """);

        assertThat(config.problems()).containsExactly("queues.yaml:7:11: queues[sales].hours.holidays[1]: "
                + "duplicate holiday dates 2026-02-20 to 2026-02-23 (4 days, first at line 6): the holidays overlap");
    }

    @Test
    void aHolidayIsAtMost31DaysCountingItsFirstAndLastDay() {
        withSalesQueue("""
                hours:
                  holidays:
                    - {from: 2026-01-01, to: 2026-01-31, name: January}
                    - {from: 2026-03-01, to: 2026-04-01, name: Too long}
                """);

        assertThat(config.problems()).containsExactly("queues.yaml:7:34: queues[sales].hours.holidays[1].to: a "
                + "holiday from 2026-03-01 to 2026-04-01 is longer than 31 days: check the dates");
    }

    @Test
    void aNumberWrittenOtherThanInPlainDecimalDigitsSaysSoRatherThanOutOfRange() {
        withSalesQueue("""
                maxWaiting: 1_000
                basePriority: 0x10
                """);

        assertThat(config.problems()).containsExactly(
                "queues.yaml:4:17: queues[sales].maxWaiting: write the number 1_000 in plain decimal digits (no _, 0x, "
                        + "0o or +)",
                "queues.yaml:5:19: queues[sales].basePriority: write the number 0x10 in plain decimal digits (no _, "
                        + "0x, 0o or +)");
    }

    @Test
    void aNumberWithALeadingZeroIsSaidSoWhetherYamlTookItForANumberOrForText() {
        withSalesQueue("""
                maxWaiting: 040
                basePriority: 09
                """);

        assertThat(config.problems()).containsExactly(
                "queues.yaml:4:17: queues[sales].maxWaiting: write the number 040 without its leading zero (40)",
                "queues.yaml:5:19: queues[sales].basePriority: write the number 09 without its leading zero (9)");
    }

    @Test
    void aQuotedTrueIsSaidToBeQuoted() {
        withSalesQueue("""
                recording: "true"
                """);

        assertThat(config.problems()).containsExactly("queues.yaml:4:16: queues[sales].recording: expected true or "
                + "false without quotes, got the text 'true'");
    }
}
