package dev.hotline.bridge.session;

import static dev.hotline.bridge.session.ScriptedAgiChannel.ok;
import static dev.hotline.bridge.session.ScriptedAgiChannel.variable;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.hotline.acd.AcdEvent;
import dev.hotline.acd.AgentState;
import dev.hotline.acd.Decision;
import dev.hotline.acd.OfferEnd;
import dev.hotline.acd.Outcome;
import dev.hotline.acd.PhoneState;
import dev.hotline.acd.model.CentreSettings;
import dev.hotline.bridge.LogCapture;
import dev.hotline.acd.model.Treatment;
import dev.hotline.bridge.agi.AgiReply;
import dev.hotline.bridge.engine.TestCentre;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One inbound call joined to the ACD and the IVR, as Asterisk sees it on the FastAGI wire. */
class CallSessionTest {

    private static final String CALLER = "13800138000";
    /** A callback the menu flow files: to the caller's number, for the business type of the number dialled. */
    private static final String CALLBACK_OF_CALLER = "callback " + CALLER + " for tea";

    private final CallCentreRig rig = new CallCentreRig();

    @Test
    void aBlacklistedCallerHearsTheBusyPromptAndIsHungUp() {
        ScriptedAgiChannel call = rig.call(TestCentre.BLACKLISTED, TestCentre.TEA_AD);
        rig.settle(call);

        assertThat(call.sent()).containsExactly("ANSWER",
                "STREAM FILE " + CentreSettings.DEFAULT_BUSY_PROMPT + " \"\"", "HANGUP");
        assertThat(call.closed()).isTrue();
        assertThat(rig.ended("1795413048.1").outcome()).isEqualTo(Outcome.REFUSED);
    }

    @Test
    void aSecondCallWithTheUniqueidOfACallInProgressIsServedUnderANameOfItsOwnAndTheFirstWaitsOn() {
        rig.agentsLoggedIn("1001");
        ScriptedAgiChannel first = rig.call("1795413048.7", CALLER, TestCentre.TEA_AD);
        rig.settle(first);

        ScriptedAgiChannel second = rig.call("1795413048.7", "13900139000", TestCentre.TEA_AD);
        rig.settle(second);

        assertThat(rig.decisions(Decision.CallClassified.class)).extracting(Decision.CallClassified::callId)
                .containsExactly("1795413048.7", "hotline-" + TestCentre.START.toEpochMilli() + "-1");
        assertThat(second.sent()).containsExactly("ANSWER", "EXEC StartMusicOnHold default");
        assertThat(first.sent()).containsExactly("ANSWER", "EXEC StartMusicOnHold default");
        assertThat(first.closed()).isFalse();
        assertThat(rig.decisions(Decision.CallQueued.class)).hasSize(2);
    }

    @Test
    void aUniqueidThatCannotNameACallIsReplacedByANameUniqueAcrossRestartsSoNoRecordingOverwritesAnother() {
        rig.agentsLoggedIn("1001");
        ScriptedAgiChannel call = rig.call("../../../tmp/x", CALLER, TestCentre.TEA_AD);
        rig.settle(call);

        assertThat(rig.decisions(Decision.CallClassified.class)).singleElement().satisfies(c -> assertThat(
                c.callId()).isEqualTo("hotline-" + TestCentre.START.toEpochMilli() + "-1"));
    }

    @Test
    void anAdvertisementNumberReachesItsBusinessQueueAndHearsMusicOnHold() {
        rig.agentsLoggedIn("1001");
        ScriptedAgiChannel call = rig.call(CALLER, TestCentre.TEA_AD);
        rig.settle(call);

        assertThat(call.sent()).containsExactly("ANSWER", "EXEC StartMusicOnHold default");
        assertThat(rig.decisions(Decision.CallQueued.class)).singleElement()
                .satisfies(q -> assertThat(q.queue()).isEqualTo("sales"));
        assertThat(call.closed()).isFalse();
    }

    @Test
    void newSettingsTakeEffectForCallsThatStartAfterThemWhileAWaitingCallKeepsItsOwn() {
        rig.agentsLoggedIn("1001");
        ScriptedAgiChannel before = rig.call(CALLER, TestCentre.TEA_AD);
        rig.settle(before);
        SessionSettings d = SessionSettings.DEFAULTS;

        // jazz on hold, and the position announced every 30 s where it was never announced
        rig.sessions.useSettings(new SessionSettings("jazz", Duration.ofSeconds(30), d.positionPrompt(),
                d.positionSuffix(), d.nextPrompt(), d.holdTimePrompt(), d.minutesPrompt(), d.minutePrompt(),
                d.answeredContext(),
                d.language(),
                d.requestTimeout()));
        ScriptedAgiChannel after = rig.call("13900139000", TestCentre.TEA_AD);
        rig.settle(after);
        rig.advance(Duration.ofSeconds(30));
        rig.settle(after);
        rig.settle(before);

        assertThat(after.sent()).startsWith("ANSWER", "EXEC StartMusicOnHold jazz", "EXEC StopMusicOnHold")
                .endsWith("EXEC StartMusicOnHold jazz");
        assertThat(before.sent()).as("no announcement, and its own music").containsExactly("ANSWER",
                "EXEC StartMusicOnHold default");
    }

    @Test
    void theAgentsAnswerAsksForTheRecordingBeforeTheAcdHearsOfItAndTheCallsChannelIsNotedForItsRecord() {
        rig.agentsReady("1002");
        ScriptedAgiChannel call = rig.call(CALLER, TestCentre.TEA_AD);
        rig.settle(call);
        String queue = rig.decisions(Decision.CallOffered.class).getFirst().queue();

        rig.agentAnswers("1795413048.1");

        assertThat(rig.recordingsAsked).containsExactly("1795413048.1 PJSIP/trunk-00000001 " + queue);
        assertThat(rig.telephony.take("1795413048.1").orElseThrow().channel()).isEqualTo("PJSIP/trunk-00000001");
    }

    @Test
    void aCallTheAcdNeverTookLeavesNothingNotedForARecord() {
        rig.loop.subscribe("1795413048.1", d -> { });
        ScriptedAgiChannel call = rig.call(CALLER, TestCentre.TEA_AD);
        rig.settle(call);

        assertThat(rig.telephony.size()).isZero();
    }

    @Test
    void theCallerIsPutThroughToTheAgentChosenByTheAcdWithDialAndTheAgentsRingTimeout() {
        rig.agentsLoggedIn("1001", "1002");
        ScriptedAgiChannel call = rig.call(CALLER, TestCentre.TEA_AD);
        rig.settle(call);
        rig.agentsReady("1002");
        rig.settle(call);

        assertThat(call.sent()).containsExactly("ANSWER", "EXEC StartMusicOnHold default",
                "EXEC StopMusicOnHold", "EXEC Dial PJSIP/1002,19,U(hotline-answered^1795413048.1)");

        rig.agentAnswers("1795413048.1");
        assertThat(rig.decisions(Decision.CallAnswered.class)).singleElement()
                .satisfies(a -> assertThat(a.agentId()).isEqualTo("1002"));

        rig.advance(Duration.ofSeconds(95));
        call.reply("EXEC Dial", ok("-1"));
        call.reply("GET VARIABLE DIALSTATUS", variable("ANSWER"));
        rig.settle(call);

        assertThat(call.sent()).endsWith("GET VARIABLE DIALSTATUS", "HANGUP");
        assertThat(call.closed()).isTrue();
        Decision.CallEnded ended = rig.ended("1795413048.1");
        assertThat(ended.outcome()).isEqualTo(Outcome.ANSWERED);
        assertThat(ended.agentId()).contains("1002");
        assertThat(ended.talkMillis()).isEqualTo(95_000);
        assertThat(ended.cause()).isEqualTo("agent hung up");
    }

    @Test
    void anUnansweredOfferRequeuesTheCallerWithMusicAgainAndOffersTheNextAgent() {
        rig.agentsReady("1001", "1002");
        ScriptedAgiChannel call = rig.call(CALLER, TestCentre.TEA_AD);
        rig.settle(call);
        assertThat(call.sent()).last().isEqualTo("EXEC Dial PJSIP/1001,19,U(hotline-answered^1795413048.1)");

        call.reply("EXEC Dial", ok("0"));
        call.reply("GET VARIABLE DIALSTATUS", variable("NOANSWER"));
        rig.settle(call);

        assertThat(call.sent()).containsExactly("ANSWER", "EXEC StartMusicOnHold default", "EXEC StopMusicOnHold",
                "EXEC Dial PJSIP/1001,19,U(hotline-answered^1795413048.1)", "GET VARIABLE DIALSTATUS",
                "EXEC StartMusicOnHold default", "EXEC StopMusicOnHold",
                "EXEC Dial PJSIP/1002,19,U(hotline-answered^1795413048.1)");
        assertThat(rig.decisions(Decision.CallRequeued.class)).singleElement()
                .satisfies(r -> assertThat(r.cause()).contains("no answer"));
    }

    /** A caller waits in the queue of {@code line} until its escalation step falls due; what they were sent since. */
    private List<String> stepFallsDue(ScriptedAgiChannel call) {
        rig.settle(call);
        int before = call.sent().size();
        rig.advance(TestCentre.STEP_AFTER);
        rig.settle(call);
        return call.sent().subList(before, call.sent().size());
    }

    private static final String SORRY = "STREAM FILE " + TestCentre.SORRY + " \"\"";

    @Test
    void aStepsPromptCountsAsAnnouncementSoThePositionComesAWholeIntervalAfterIt() {
        CallCentreRig announcing = new CallCentreRig(Duration.ofSeconds(15)).agentsLoggedIn("1001");
        ScriptedAgiChannel call = announcing.call(CALLER, TestCentre.SORRY_THEN_BACKUP);
        announcing.settle(call);

        announcing.advance(TestCentre.STEP_AFTER);
        announcing.settle(call);
        announcing.advance(Duration.ofSeconds(5));
        announcing.settle(call);
        assertThat(call.sent()).as("15 s after the call began to wait, 5 s after the step's prompt").contains(SORRY)
                .noneMatch(c -> c.contains("queue-youarenext"));

        announcing.advance(Duration.ofSeconds(10));
        announcing.settle(call);
        assertThat(call.sent()).as("15 s after the step's prompt").filteredOn(c -> c.contains("queue-youarenext"))
                .hasSize(1);
    }

    @Test
    void aStepsPromptIsHeardBeforeTheStepHangsUp() {
        rig.agentsLoggedIn("1001");
        ScriptedAgiChannel call = rig.call(CALLER, TestCentre.SORRY_THEN_HANG_UP);

        assertThat(stepFallsDue(call)).containsExactly("EXEC StopMusicOnHold", SORRY,
                "STREAM FILE " + TestCentre.GOODBYE + " \"\"", "HANGUP");
    }

    @Test
    void aStepsPromptIsHeardBeforeTheStepSendsTheCallerToVoicemail() {
        rig.agentsLoggedIn("1001");
        ScriptedAgiChannel call = rig.call(CALLER, TestCentre.SORRY_THEN_VOICEMAIL);

        assertThat(stepFallsDue(call)).containsExactly("EXEC StopMusicOnHold", SORRY,
                "EXEC VoiceMail " + TestCentre.MAILBOX + ",u");
    }

    @Test
    void aCallerAStepMovesToAnotherQueueHearsItsPromptThenMusicAgain() {
        rig.agentsLoggedIn("1001");
        ScriptedAgiChannel call = rig.call(CALLER, TestCentre.SORRY_THEN_SALES);

        assertThat(stepFallsDue(call)).containsExactly("EXEC StopMusicOnHold", SORRY,
                "EXEC StartMusicOnHold default");
        assertThat(rig.decisions(Decision.CallMoved.class)).singleElement()
                .satisfies(m -> assertThat(m.toQueue()).isEqualTo("sales"));
    }

    @Test
    void aStepThatBringsAnIdleAgentRingsThemOnlyOnceTheCallerHasHeardItsPrompt() {
        rig.agentsLoggedIn("1001").agentsReady("1003");
        ScriptedAgiChannel call = rig.call(CALLER, TestCentre.SORRY_THEN_BACKUP);

        assertThat(stepFallsDue(call)).containsExactly("EXEC StopMusicOnHold", SORRY,
                "EXEC Dial PJSIP/1003,19,U(hotline-answered^1795413048.1)");
    }

    @Test
    void anAnnouncementThatFellDueWhileAnOfferRangComesShortlyAfterTheCallerIsBackNotAWholeIntervalLater() {
        CallCentreRig announcing = new CallCentreRig(Duration.ofSeconds(10)).agentsReady("1001");
        ScriptedAgiChannel call = announcing.call(CALLER, TestCentre.TEA_AD);
        announcing.settle(call);
        announcing.advance(Duration.ofSeconds(19));   // rang through the announcement due at 10 s
        call.reply("EXEC Dial", ok("0"));
        call.reply("GET VARIABLE DIALSTATUS", variable("NOANSWER"));
        announcing.settle(call);
        announcing.advance(Duration.ofSeconds(1));
        announcing.settle(call);
        assertThat(call.sent()).as("music first").doesNotContain("STREAM FILE queue-youarenext \"\"");

        announcing.advance(Duration.ofSeconds(1));
        announcing.settle(call);

        assertThat(call.sent()).endsWith("EXEC StartMusicOnHold default", "EXEC StopMusicOnHold",
                "STREAM FILE queue-youarenext \"\"", "EXEC StartMusicOnHold default");
    }

    @Test
    void aMusicOnHoldClassAsteriskCannotPlayIsSaidInTheLogWhileTheCallerWaits() {
        try (LogCapture log = LogCapture.of(CallSession.class, Level.WARN)) {
            rig.agentsLoggedIn("1001");   // on a break: the caller waits
            ScriptedAgiChannel call = rig.call(CALLER, TestCentre.TEA_AD);
            call.reply("ANSWER", ok("0"));
            rig.loop.runOnce();   // queued: music on
            call.reply("EXEC StartMusicOnHold", ok("-1"));
            rig.settle(call);

            assertThat(log.lines()).singleElement().asString().contains("Asterisk answered 'EXEC StartMusicOnHold "
                    + "default' with '200 result=-1'; the call goes on");
        }
    }

    @Test
    void aDialStatusAsteriskNeverSetsMakesTheAgentNotReadyWithAPlainReasonNotTheRawText() {
        rig.agentsReady("1001", "1002");
        ScriptedAgiChannel call = rig.call(CALLER, TestCentre.TEA_AD);
        rig.settle(call);

        call.reply("EXEC Dial", ok("0"));
        call.reply("GET VARIABLE DIALSTATUS", variable("WEIRD$$"));
        rig.settle(call);

        assertThat(rig.decisions(Decision.CallRequeued.class)).singleElement()
                .satisfies(r -> assertThat(r.cause()).contains("dial failed (unknown DIALSTATUS)")
                        .doesNotContain("weird"));
    }

    @Test
    void asteriskStopsRingingTheAgentASecondBeforeTheAcdsRingTimerSoItsNoAnswerDecidesAndNoLateAnswerSlipsIn() {
        rig.agentsReady("1001", "1002");
        ScriptedAgiChannel call = rig.call(CALLER, TestCentre.TEA_AD);
        rig.settle(call);
        assertThat(call.sent()).last().as("the queue rings 20 s; Dial is told 19").asString()
                .startsWith("EXEC Dial PJSIP/1001,19,");

        rig.advance(Duration.ofSeconds(19));    // Asterisk's Dial gives up
        call.reply("EXEC Dial", ok("0"));
        call.reply("GET VARIABLE DIALSTATUS", variable("NOANSWER"));
        rig.settle(call);
        rig.advance(Duration.ofSeconds(2));     // past the ACD's own ring timer, cancelled by the report

        assertThat(rig.decisions(Decision.CallRequeued.class)).singleElement()
                .satisfies(r -> assertThat(r.cause()).isEqualTo("no answer"));
        assertThat(rig.decisions(Decision.CallOffered.class)).extracting(Decision.CallOffered::agentId)
                .containsExactly("1001", "1002");
        assertThat(rig.journal).noneMatch(d -> d instanceof Decision.EventRejected);
    }

    @Test
    void dialIsToldTheRingTimeoutInWholeSecondsASecondShortAndNeverZeroWhichWouldMeanForever() {
        assertThat(CallSession.dialSeconds(20_000)).isEqualTo(19);
        assertThat(CallSession.dialSeconds(20_900)).isEqualTo(19);
        assertThat(CallSession.dialSeconds(2_000)).isEqualTo(1);
        assertThat(CallSession.dialSeconds(1_500)).isEqualTo(1);
        assertThat(CallSession.dialSeconds(1)).isEqualTo(1);
    }

    @Test
    void aCalledBackCustomerHearsTheGreetingThenWaitsInTheCallbacksQueueAheadWithWhatTheyAttached() {
        rig.agentsLoggedIn("1001");
        rig.callbacksPlaced.put("cb-7", new Callbacks.CallbackCall(CALLER, TestCentre.TEA_AD, "tea", 10,
                "hotline/callback-greeting", Map.of("order", "A-77")));

        ScriptedAgiChannel call = rig.customerAnswersCallback("cb-7", CALLER);
        rig.settle(call);

        assertThat(call.sent()).containsExactly("ANSWER", "STREAM FILE hotline/callback-greeting \"\"",
                "EXEC StartMusicOnHold default");
        assertThat(rig.decisions(Decision.CallClassified.class)).singleElement()
                .satisfies(c -> assertThat(c.businessType()).isEqualTo("tea"));
        assertThat(rig.decisions(Decision.CallQueued.class)).singleElement().satisfies(q -> {
            assertThat(q.queue()).isEqualTo("sales");
            assertThat(q.priority()).isEqualTo(10);
        });
        rig.agentsReady("1001");
        assertThat(rig.decisions(Decision.CallOffered.class)).singleElement()
                .satisfies(o -> assertThat(o.attachedData()).containsEntry("order", "A-77")
                        .containsEntry(CallSession.CALLBACK_DATA, "cb-7"));
    }

    @Test
    void aCallbackAnAgentAnsweredIsReportedDoneAndRecordedAsTheCustomersCallToTheNumberTheyDialled() {
        rig.agentsReady("1001");
        ScriptedAgiChannel call = theCallerAnswersTheirCallbackWithoutAGreeting();
        rig.agentAnswers("1795413048.1");
        call.reply("EXEC Dial", ok("-1"));
        call.reply("GET VARIABLE DIALSTATUS", variable("ANSWER"));
        rig.settle(call);

        assertThat(rig.callbackEndings).containsExactly("cb-7 1795413048.1 AGENT_ANSWERED");
        Decision.CallEnded ended = rig.ended("1795413048.1");
        assertThat(ended.outcome()).isEqualTo(Outcome.ANSWERED);
        assertThat(ended.callerNumber()).isEqualTo(CALLER);
        assertThat(ended.dialledNumber()).isEqualTo(TestCentre.TEA_AD);
    }

    @Test
    void aCalledBackCustomerWhoHangsUpBeforeAnAgentAnswersIsReportedSoTheCallbackCanBeTriedAgain() {
        rig.agentsLoggedIn("1001");
        ScriptedAgiChannel call = theCallerAnswersTheirCallbackWithoutAGreeting();

        call.callerHangsUp();
        rig.loop.runOnce();

        assertThat(rig.callbackEndings).containsExactly("cb-7 1795413048.1 CUSTOMER_HUNG_UP");
        assertThat(rig.ended("1795413048.1").outcome()).isEqualTo(Outcome.ABANDONED);
    }

    /** Hotline placed callback cb-7 to {@link #CALLER} for the tea line, and the caller answered it. */
    private ScriptedAgiChannel theCallerAnswersTheirCallbackWithoutAGreeting() {
        rig.callbacksPlaced.put("cb-7", new Callbacks.CallbackCall(CALLER, TestCentre.TEA_AD, "tea", 10, "",
                Map.of()));
        ScriptedAgiChannel call = rig.customerAnswersCallback("cb-7", CALLER);
        rig.settle(call);
        return call;
    }

    @Test
    void aCallbackTheAcdRefusesIsReportedNotServedSoItIsNotTriedAgain() {
        rig.callbacksPlaced.put("cb-7", new Callbacks.CallbackCall(TestCentre.BLACKLISTED, TestCentre.TEA_AD, "tea",
                10, "", Map.of()));
        ScriptedAgiChannel call = rig.customerAnswersCallback("cb-7", TestCentre.BLACKLISTED);
        rig.settle(call);

        assertThat(call.sent()).containsExactly("ANSWER",
                "STREAM FILE " + CentreSettings.DEFAULT_BUSY_PROMPT + " \"\"", "HANGUP");
        assertThat(rig.callbackEndings).containsExactly("cb-7 1795413048.1 NOT_SERVED");
    }

    @Test
    void aCustomerAnsweringACallbackHotlineIsNotPlacingHearsTheBusyPromptAndTheAcdNeverSeesIt() {
        ScriptedAgiChannel call = rig.customerAnswersCallback("cb-unknown", CALLER);
        rig.settle(call);

        assertThat(call.sent()).containsExactly("ANSWER",
                "STREAM FILE " + CentreSettings.DEFAULT_BUSY_PROMPT + " \"\"", "HANGUP");
        assertThat(call.closed()).isTrue();
        assertThat(rig.decisions(Decision.class)).isEmpty();
        assertThat(rig.callbackEndings).isEmpty();
    }

    @Test
    void aCallerWhoHangsUpWhileWaitingIsRemovedFromTheQueueAtOnce() {
        rig.agentsLoggedIn("1001");
        ScriptedAgiChannel call = rig.call(CALLER, TestCentre.TEA_AD);
        rig.settle(call);
        rig.advance(Duration.ofSeconds(42));

        call.callerHangsUp();
        rig.loop.runOnce();

        Decision.CallEnded ended = rig.ended("1795413048.1");
        assertThat(ended.outcome()).isEqualTo(Outcome.ABANDONED);
        assertThat(ended.waitedMillis()).isEqualTo(42_000);
        assertThat(ended.cause()).isEqualTo("caller hung up while waiting in queue sales");
        assertThat(call.closed()).isTrue();
        assertThat(call.sent()).containsExactly("ANSWER", "EXEC StartMusicOnHold default");
    }

    @Test
    void aCallerWhoHangsUpInTheIvrEndsTheCall() {
        ScriptedAgiChannel call = rig.call(CALLER, TestCentre.TEA_AD_WITH_MENU);
        assertThat(call.sent()).containsExactly("ANSWER", "GET DATA tv/main-menu 5000 1");

        call.reply("ANSWER", ok("0"));
        call.callerHangsUp();
        rig.loop.runOnce();

        Decision.CallEnded ended = rig.ended("1795413048.1");
        assertThat(ended.outcome()).isEqualTo(Outcome.ABANDONED);
        assertThat(ended.cause()).isEqualTo("caller hung up in the IVR");
        assertThat(call.closed()).isTrue();
    }

    /** A caller of the menu flow who pressed 2 and hears their order's status (tv/order-delivered). */
    private ScriptedAgiChannel callerHearingTheirOrderStatus() {
        ScriptedAgiChannel call = rig.call(CALLER, TestCentre.TEA_AD_WITH_MENU);
        call.reply("ANSWER", ok("0"));
        call.reply("GET DATA tv/main-menu", ok("2"));
        rig.loop.runOnce();
        assertThat(call.next()).isEqualTo("STREAM FILE tv/order-delivered \"\"");
        return call;
    }

    @Test
    void aCallerWhoHangsUpDuringTheGoodbyeOfASelfServiceEndWasServedNotLost() {
        ScriptedAgiChannel call = callerHearingTheirOrderStatus();
        call.reply("STREAM FILE tv/order-delivered", ok("0"));
        rig.loop.runOnce();
        assertThat(call.next()).isEqualTo("STREAM FILE common/thanks-goodbye \"\"");

        call.callerHangsUp();
        rig.loop.runOnce();

        assertThat(rig.ended("1795413048.1").outcome()).isEqualTo(Outcome.SELF_SERVICE);
        assertThat(rig.filed).as("what the end node records is kept").contains("results menu order-status-told "
                + "{told=}");
    }

    @Test
    void aPromptAsteriskCannotPlayWhileTheCallerStaysIsSkippedAndTheFlowGoesOn() {
        ScriptedAgiChannel call = callerHearingTheirOrderStatus();
        call.sent().clear();

        call.reply("STREAM FILE tv/order-delivered", ok("-1"));   // a missing sound file: no HANGUP follows
        rig.settle(call);
        assertThat(call.sent()).as("a hang-up's HANGUP line may still come").isEmpty();
        rig.advance(CallSession.PROMPT_FAILED_AFTER);
        rig.settle(call);

        assertThat(call.sent()).containsExactly("STREAM FILE common/thanks-goodbye \"\"", "HANGUP");
        assertThat(rig.ended("1795413048.1").outcome()).isEqualTo(Outcome.SELF_SERVICE);
    }

    @Test
    void aCallerWhoHangsUpDuringAPromptIsNotTakenForAMissingSoundFile() {
        ScriptedAgiChannel call = callerHearingTheirOrderStatus();

        call.callerHangsUp();   // 200 result=-1, then HANGUP
        rig.loop.runOnce();
        rig.advance(CallSession.PROMPT_FAILED_AFTER);

        assertThat(call.sent()).last().isEqualTo("STREAM FILE tv/order-delivered \"\"");
        assertThat(rig.ended("1795413048.1").outcome()).isEqualTo(Outcome.ABANDONED);
    }

    @Test
    void aMenuAsteriskRefusesAsAnUnknownCommandCountsAsNoKeyPressedSoTheMenusRetriesApply() {
        ScriptedAgiChannel call = rig.call(CALLER, TestCentre.TEA_AD_WITH_MENU);
        call.reply("ANSWER", ok("0"));

        call.reply("GET DATA tv/main-menu", new AgiReply.InvalidCommand());
        rig.settle(call);

        assertThat(call.sent()).containsExactly("ANSWER", "GET DATA tv/main-menu 5000 1",
                "GET DATA tv/main-menu 5000 1");
        call.reply("GET DATA tv/main-menu", new AgiReply.Usage("Usage: GET DATA <file to be streamed> [timeout]"));
        rig.settle(call);
        assertThat(call.sent()).hasSize(4);
        assertThat(call.closed()).isFalse();
    }

    @Test
    void theIvrsSelfServiceCompletionIsReportedToTheAcd() {
        ScriptedAgiChannel call = rig.call(CALLER, TestCentre.TEA_AD_WITH_MENU);
        call.reply("ANSWER", ok("0"));
        call.reply("GET DATA tv/main-menu", ok("2"));
        rig.settle(call);

        assertThat(call.sent()).containsExactly("ANSWER", "GET DATA tv/main-menu 5000 1",
                "STREAM FILE tv/order-delivered \"\"", "STREAM FILE common/thanks-goodbye \"\"", "HANGUP");
        Decision.CallEnded ended = rig.ended("1795413048.1");
        assertThat(ended.outcome()).isEqualTo(Outcome.SELF_SERVICE);
        assertThat(ended.cause()).isEqualTo("self-service completed in flow menu");
        assertThat(call.closed()).isTrue();
    }

    @Test
    void anIvrEndingWithoutSelfServiceEndsTheCallInTheIvr() {
        ScriptedAgiChannel call = rig.call(CALLER, TestCentre.TEA_AD_WITH_MENU);
        call.reply("ANSWER", ok("0"));
        call.reply("GET DATA tv/main-menu", ok("9"));
        rig.settle(call);

        assertThat(call.sent()).endsWith("STREAM FILE common/closed-hours \"\"", "HANGUP");
        Decision.CallEnded ended = rig.ended("1795413048.1");
        assertThat(ended.outcome()).isEqualTo(Outcome.ENDED_IN_IVR);
        assertThat(ended.cause()).isEqualTo("flow menu ended the call (closed-hours)");
    }

    @Test
    void theIvrsQueueNodeAsksTheAcdForTheQueueWithItsPriorityAndAttachedData() {
        rig.agentsLoggedIn("1001");
        ScriptedAgiChannel call = rig.call(CALLER, TestCentre.TEA_AD_WITH_MENU);
        call.reply("ANSWER", ok("0"));
        call.reply("GET DATA tv/main-menu", ok("1"));
        rig.settle(call);

        assertThat(call.sent()).last().isEqualTo("EXEC StartMusicOnHold default");
        assertThat(rig.decisions(Decision.CallQueued.class)).singleElement()
                .satisfies(q -> assertThat(q.priority()).isEqualTo(2));
        rig.agentsReady("1001");
        assertThat(rig.decisions(Decision.CallOffered.class)).singleElement()
                .satisfies(o -> assertThat(o.attachedData()).containsEntry("choice", "order"));
    }

    /** A caller in the menu flow presses {@code key}; the prompts and commands that return at once play along. */
    private ScriptedAgiChannel inTheMenuPresses(String key) {
        ScriptedAgiChannel call = rig.call(CALLER, TestCentre.TEA_AD_WITH_MENU);
        call.reply("ANSWER", ok("0"));
        call.reply("GET DATA tv/main-menu", ok(key));
        rig.settle(call);
        return call;
    }

    @Test
    void aCallerIsPromisedACallbackOnlyOnceTheRequestIsInTheJournal() {
        ScriptedAgiChannel call = inTheMenuPresses("4");
        assertThat(rig.filed).containsExactly(CALLBACK_OF_CALLER);
        // the caller hears nothing more while the request is being filed
        assertThat(call.sent()).containsExactly("ANSWER", "GET DATA tv/main-menu 5000 1");

        rig.filings.get(CALLBACK_OF_CALLER).complete(null);
        rig.settle(call);

        assertThat(call.sent()).containsExactly("ANSWER", "GET DATA tv/main-menu 5000 1",
                "STREAM FILE common/request-noted \"\"", "HANGUP");
        assertThat(rig.ended("1795413048.1").cause()).isEqualTo("flow menu ended the call (request-noted)");
    }

    @Test
    void aCallbackRequestTheJournalCannotWriteIsNotPromisedTheCallerHearsTheFlowsFailedBranch() {
        ScriptedAgiChannel call = inTheMenuPresses("4");

        rig.filings.get(CALLBACK_OF_CALLER).completeExceptionally(new IOException("No space left on device"));
        rig.settle(call);

        assertThat(call.sent()).containsExactly("ANSWER", "GET DATA tv/main-menu 5000 1",
                "STREAM FILE common/request-not-taken \"\"", "HANGUP");
        assertThat(rig.ended("1795413048.1").cause()).isEqualTo("flow menu ended the call (request-not-taken)");
    }

    @Test
    void aCallbackRequestTheJournalHasNotConfirmedWithinTwoSecondsIsNotPromisedEvenIfItIsWrittenLater() {
        ScriptedAgiChannel call = inTheMenuPresses("4");

        rig.advance(Duration.ofMillis(1_999));
        rig.settle(call);
        assertThat(call.sent()).containsExactly("ANSWER", "GET DATA tv/main-menu 5000 1");

        rig.advance(Duration.ofMillis(1));
        rig.settle(call);
        rig.filings.get(CALLBACK_OF_CALLER).complete(null);
        rig.settle(call);

        assertThat(call.sent()).containsExactly("ANSWER", "GET DATA tv/main-menu 5000 1",
                "STREAM FILE common/request-not-taken \"\"", "HANGUP");
        assertThat(rig.scheduler.pending()).isZero();
    }

    @Test
    void theStepAfterARecordedMessageComesOnlyOnceTheMessageIsInTheJournal() {
        ScriptedAgiChannel call = inTheMenuPresses("5");
        call.reply("RECORD FILE hotline/messages/sales-1795413048.1 wav \"#\" 60000", ok("0"));
        rig.settle(call);
        assertThat(rig.filed).containsExactly("message sales hotline/messages/sales-1795413048.1");
        assertThat(call.sent()).last().asString().startsWith("RECORD FILE");

        rig.filings.get("message sales hotline/messages/sales-1795413048.1").complete(null);
        rig.settle(call);

        assertThat(call.sent()).endsWith("STREAM FILE common/request-noted \"\"", "HANGUP");
    }

    @Test
    void aMessageTheJournalCannotWriteAtANodeWithoutAFailedExitPutsTheCallerThroughToAnAgent() {
        rig.agentsLoggedIn("1001");
        ScriptedAgiChannel call = inTheMenuPresses("5");
        call.reply("RECORD FILE", ok("0"));
        rig.settle(call);

        rig.filings.get("message sales hotline/messages/sales-1795413048.1")
                .completeExceptionally(new IOException("journal hand-off full or closed"));
        rig.settle(call);

        assertThat(call.sent()).doesNotContain("STREAM FILE common/request-noted \"\"").last()
                .isEqualTo("EXEC StartMusicOnHold default");
        rig.agentsReady("1001");
        assertThat(rig.decisions(Decision.CallOffered.class)).singleElement().satisfies(o -> assertThat(
                o.attachedData()).containsEntry("ivr_ended", "request-failed").containsEntry("ivr_node",
                "menu/leave-message"));
    }

    @Test
    void aCallerWhoHangsUpWhileTheirCallbackRequestIsFiledLeftItAndDidNotAbandon() {
        ScriptedAgiChannel call = inTheMenuPresses("4");

        call.callerHangsUp();
        rig.loop.runOnce();
        assertThat(call.closed()).as("the call ends once the request is filed or not").isFalse();
        rig.filings.get(CALLBACK_OF_CALLER).complete(null);
        rig.settle(call);

        assertThat(call.sent()).as("nothing more to a caller who is gone")
                .containsExactly("ANSWER", "GET DATA tv/main-menu 5000 1");
        assertThat(rig.ended("1795413048.1").outcome()).isEqualTo(Outcome.ENDED_IN_IVR);
        assertThat(rig.ended("1795413048.1").cause()).isEqualTo("flow menu ended the call (request-noted)");
        assertThat(call.closed()).isTrue();
    }

    @Test
    void aCallerWhoEndsTheirMessageByHangingUpLeftAMessageAndDidNotAbandon() {
        ScriptedAgiChannel call = inTheMenuPresses("5");
        assertThat(call.sent()).last().asString().startsWith("RECORD FILE");

        // Asterisk answers the RECORD FILE (-1, the recording kept), then sends HANGUP
        call.callerHangsUp();
        rig.settle(call);
        assertThat(rig.filed).containsExactly("message sales hotline/messages/sales-1795413048.1");
        rig.filings.get("message sales hotline/messages/sales-1795413048.1").complete(null);
        rig.settle(call);

        assertThat(rig.ended("1795413048.1").outcome()).isEqualTo(Outcome.ENDED_IN_IVR);
        assertThat(call.sent()).last().asString().startsWith("RECORD FILE");
        assertThat(call.closed()).isTrue();
        assertThat(rig.scheduler.pending()).isZero();
    }

    @Test
    void aCallerWhoHangsUpWhileARequestIsFiledThatTheJournalCannotWriteAbandoned() {
        ScriptedAgiChannel call = inTheMenuPresses("4");

        call.callerHangsUp();
        rig.loop.runOnce();
        rig.filings.get(CALLBACK_OF_CALLER).completeExceptionally(new IOException("journal hand-off full or closed"));
        rig.settle(call);

        assertThat(rig.ended("1795413048.1").outcome()).isEqualTo(Outcome.ABANDONED);
        assertThat(call.closed()).isTrue();
    }

    @Test
    void aCallerWhoHangsUpWhileARequestIsFiledIsLetGoWhenTheJournalDoesNotAnswerInTime() {
        ScriptedAgiChannel call = inTheMenuPresses("4");

        call.callerHangsUp();
        rig.loop.runOnce();
        rig.advance(Duration.ofSeconds(2));
        rig.settle(call);

        assertThat(rig.ended("1795413048.1").outcome()).isEqualTo(Outcome.ABANDONED);
        assertThat(call.closed()).isTrue();
    }

    @Test
    void aClosedQueuePlaysItsPromptAndHangsUp() {
        rig.agentsLoggedIn("1001");
        ScriptedAgiChannel call = rig.call(CALLER, TestCentre.NIGHT_LINE);
        rig.settle(call);

        assertThat(call.sent()).containsExactly("ANSWER", "STREAM FILE " + TestCentre.CLOSED_PROMPT + " \"\"",
                "HANGUP");
        assertThat(call.closed()).isTrue();
        assertThat(rig.ended("1795413048.1").outcome()).isEqualTo(Outcome.REFUSED);
    }

    @Test
    void aCallerWhoHangsUpAfterLeavingAMessageInAClosedQueuesVoicemailHasItFiled() {
        ScriptedAgiChannel call = rig.call(CALLER, TestCentre.MESSAGE_LINE);
        rig.settle(call);
        assertThat(call.sent()).containsExactly("ANSWER", "STREAM FILE " + TestCentre.LEAVE_A_MESSAGE + " \"\"",
                "EXEC VoiceMail " + TestCentre.MAILBOX + ",u");

        call.callerHangsUp();
        rig.settle(call);
        assertThat(call.closed()).as("VoiceMail saves the message as the caller hangs up: not over yet").isFalse();
        call.reply("GET VARIABLE VMSTATUS", variable("SUCCESS"));
        rig.settle(call);

        assertThat(rig.filed).containsExactly("message " + TestCentre.MAILBOX + " ");
        assertThat(call.sent()).last().isEqualTo("GET VARIABLE VMSTATUS");
        assertThat(call.closed()).isTrue();
        assertThat(rig.ended("1795413048.1").outcome()).as("sent elsewhere by its queue")
                .isEqualTo(Outcome.OVERFLOWED);
    }

    @Test
    void aConnectionLostWhileTheCallerIsInVoicemailStillEndsTheSession() {
        ScriptedAgiChannel call = rig.call(CALLER, TestCentre.MESSAGE_LINE);
        rig.settle(call);
        assertThat(rig.sessions.liveCalls()).isEqualTo(1);

        call.connectionLost();
        rig.settle(call);

        assertThat(rig.sessions.liveCalls()).as("nothing left behind").isZero();
        assertThat(rig.filed).isEmpty();
    }

    @Test
    void aCallerWhoLeavesVoicemailWithoutAMessageHasNothingFiledAndIsHungUp() {
        ScriptedAgiChannel call = rig.call(CALLER, TestCentre.MESSAGE_LINE);
        rig.settle(call);

        call.reply("EXEC VoiceMail", ok("0"));
        call.reply("GET VARIABLE VMSTATUS", variable("FAILED"));
        rig.settle(call);

        assertThat(rig.filed).isEmpty();
        assertThat(call.sent()).endsWith("GET VARIABLE VMSTATUS", "HANGUP");
        assertThat(call.closed()).isTrue();
    }

    @Test
    void periodicAnnouncementsTellTheCallerItsPositionAndNoWaitingTimeWhileTheOnlyAgentIsOnABreak() {
        CallCentreRig announcing = new CallCentreRig(Duration.ofSeconds(30)).agentsLoggedIn("1001");
        ScriptedAgiChannel first = announcing.call(CALLER, TestCentre.TEA_AD);
        announcing.settle(first);
        ScriptedAgiChannel second = announcing.call("13800138001", TestCentre.TEA_AD);
        announcing.settle(second);

        announcing.advance(Duration.ofSeconds(30));
        announcing.settle(second);

        assertThat(second.sent()).containsExactly("ANSWER", "EXEC StartMusicOnHold default",
                "EXEC StopMusicOnHold", "STREAM FILE queue-thereare \"\"", "SAY NUMBER 2 \"\"",
                "STREAM FILE queue-callswaiting \"\"", "EXEC StartMusicOnHold default");

        announcing.advance(Duration.ofSeconds(30));
        announcing.settle(second);
        assertThat(second.sent()).filteredOn(c -> c.startsWith("SAY NUMBER 2")).hasSize(2);
    }

    @Test
    void anExpectedWaitOfOneMinuteIsSaidInTheSingularAsAppQueueSaysIt() {
        CallCentreRig announcing = new CallCentreRig(Duration.ofSeconds(30)).agentsReady("1001");
        ScriptedAgiChannel first = announcing.call(CALLER, TestCentre.TEA_AD);
        announcing.settle(first);
        announcing.agentAnswers("1795413048.1");
        // a 70 s conversation, no wrap-up: the queue's handle time is 70 s from its first handled call
        announcing.advance(Duration.ofSeconds(70));
        first.reply("EXEC Dial", ok("-1"));
        first.reply("GET VARIABLE DIALSTATUS", variable("ANSWER"));
        announcing.settle(first);
        ScriptedAgiChannel second = announcing.call("13800138001", TestCentre.TEA_AD);
        announcing.settle(second);
        announcing.agentAnswers("1795413048.2");
        ScriptedAgiChannel third = announcing.call("13800138002", TestCentre.TEA_AD);
        announcing.settle(third);

        announcing.advance(Duration.ofSeconds(30));
        announcing.settle(third);

        assertThat(third.sent()).containsSubsequence("STREAM FILE queue-youarenext \"\"",
                "STREAM FILE queue-holdtime \"\"", "SAY NUMBER 1 \"\"", "STREAM FILE queue-minute \"\"");
    }

    @Test
    void periodicAnnouncementsTellTheCallerTheExpectedWaitWhileAnAgentTakesCalls() {
        CallCentreRig announcing = new CallCentreRig(Duration.ofSeconds(30)).agentsReady("1001");
        ScriptedAgiChannel first = announcing.call(CALLER, TestCentre.TEA_AD);
        announcing.settle(first);
        announcing.agentAnswers("1795413048.1");   // 1001 talks: the next caller waits for them
        ScriptedAgiChannel second = announcing.call("13800138001", TestCentre.TEA_AD);
        announcing.settle(second);

        announcing.advance(Duration.ofSeconds(30));
        announcing.settle(second);

        assertThat(second.sent()).containsSubsequence("STREAM FILE queue-youarenext \"\"",
                "STREAM FILE queue-holdtime \"\"",
                "SAY NUMBER 3 \"\"", "STREAM FILE queue-minutes \"\"");
    }

    @Test
    void anOfferCutsAnAnnouncementShortAfterThePromptThatPlays() {
        CallCentreRig announcing = new CallCentreRig(Duration.ofSeconds(30)).agentsLoggedIn("1001");
        ScriptedAgiChannel call = hearingTheFirstAnnouncement(announcing);

        announcing.agentsReady("1001");
        call.playAlong();

        assertThat(call.sent()).containsExactly("ANSWER", "EXEC StartMusicOnHold default", "EXEC StopMusicOnHold",
                "STREAM FILE queue-youarenext \"\"", "EXEC Dial PJSIP/1001,19,U(hotline-answered^1795413048.1)");
    }

    @Test
    void anOfferMadeWhileAPromptPlaysRingsForTheWholeRingTimeoutFromWhenDialStarts() {
        CallCentreRig announcing = new CallCentreRig(Duration.ofSeconds(30)).agentsLoggedIn("1001");
        ScriptedAgiChannel call = hearingTheFirstAnnouncement(announcing);
        announcing.agentsReady("1001");
        assertThat(call.next()).as("the offer waits for the prompt").startsWith("STREAM FILE queue-youarenext");

        announcing.advance(Duration.ofSeconds(10));   // a long prompt
        call.reply("STREAM FILE queue-youarenext", ok("0"));
        announcing.settle(call);
        assertThat(call.next()).startsWith("EXEC Dial PJSIP/1001,19,");
        announcing.advance(Duration.ofSeconds(19));

        assertThat(announcing.decisions(Decision.CallRequeued.class)).as("Asterisk's 19 s of ringing are not over")
                .isEmpty();
        announcing.advance(Duration.ofSeconds(1));
        assertThat(announcing.decisions(Decision.CallRequeued.class)).as("the backstop, 20 s after Dial began")
                .singleElement().satisfies(r -> assertThat(r.agentId()).isEqualTo("1001"));
    }

    @Test
    void anOfferWaitsForAPromptLongerThanTheRingTimeoutAndThenRingsForAllOfIt() {
        CallCentreRig announcing = new CallCentreRig(Duration.ofSeconds(30)).agentsLoggedIn("1001");
        ScriptedAgiChannel call = hearingTheFirstAnnouncement(announcing);
        announcing.agentsReady("1001");

        announcing.advance(Duration.ofSeconds(25));   // a prompt longer than the queue's 20 s ring timeout
        assertThat(announcing.decisions(Decision.CallRequeued.class)).as("the offer waits for the line").isEmpty();
        call.reply("STREAM FILE queue-youarenext", ok("0"));
        announcing.settle(call);
        assertThat(call.next()).startsWith("EXEC Dial PJSIP/1001,19,");
        announcing.advance(Duration.ofSeconds(19));
        assertThat(announcing.decisions(Decision.CallRequeued.class)).isEmpty();
        announcing.advance(Duration.ofSeconds(1));

        assertThat(announcing.decisions(Decision.CallRequeued.class)).singleElement()
                .satisfies(r -> assertThat(r.agentId()).isEqualTo("1001"));
    }

    @Test
    void aCallerWhoHangsUpDuringThePromptAnOfferWaitsForIsNotDialledOut() {
        CallCentreRig announcing = new CallCentreRig(Duration.ofSeconds(30)).agentsLoggedIn("1001");
        ScriptedAgiChannel call = hearingTheFirstAnnouncement(announcing);
        announcing.agentsReady("1001");

        call.callerHangsUp();
        announcing.settle(call);
        announcing.advance(Duration.ofSeconds(2));
        announcing.settle(call);

        assertThat(call.sent()).noneMatch(c -> c.startsWith("EXEC Dial"));
        assertThat(announcing.ended("1795413048.1").outcome()).isEqualTo(Outcome.ABANDONED);
        assertThat(announcing.decisions(Decision.AgentStateChanged.class)).filteredOn(c -> c.agentId().equals("1001"))
                .last().satisfies(c -> assertThat(c.to()).isEqualTo(dev.hotline.acd.AgentState.READY));
    }

    /** A caller queued on a rig announcing every 30 s, 30 s on: the position prompt plays (music is off). */
    @Test
    void aDialThatEndsNoAnswerLongBeforeItsTimeoutIsAPhoneThatGaveUpNotAnAgentWhoLetItRing() {
        rig.agentsReady("1001");
        ScriptedAgiChannel call = rig.call(CALLER, TestCentre.TEA_AD);
        rig.settle(call);
        rig.advance(Duration.ofSeconds(2));
        call.reply("EXEC Dial", ok("0"));
        call.reply("GET VARIABLE DIALSTATUS", variable("NOANSWER"));
        rig.settle(call);

        assertThat(rig.decisions(Decision.CallRequeued.class)).singleElement().satisfies(r -> {
            assertThat(r.cause()).isEqualTo(CallSession.EARLY_NO_ANSWER);
            assertThat(r.offerEnd()).isEqualTo(OfferEnd.FAILED);
        });
    }

    @Test
    void aDialThatEndsNoAnswerAtItsTimeoutIsARingNoAnswer() {
        rig.agentsReady("1001");
        ScriptedAgiChannel call = rig.call(CALLER, TestCentre.TEA_AD);
        rig.settle(call);
        rig.advance(Duration.ofSeconds(19));     // Dial was told 19 s of the queue's 20
        call.reply("EXEC Dial", ok("0"));
        call.reply("GET VARIABLE DIALSTATUS", variable("NOANSWER"));
        rig.settle(call);

        assertThat(rig.decisions(Decision.CallRequeued.class)).singleElement().satisfies(r -> {
            assertThat(r.cause()).isEqualTo("no answer");
            assertThat(r.offerEnd()).as("counted against the agent as a ring-out").isEqualTo(OfferEnd.NO_ANSWER);
        });
    }

    @Test
    void aStepThatFallsDueAfterAnOfferHeldForTheLineWasTakenBackIsHeardOnceThePromptEnds() {
        CallCentreRig announcing = new CallCentreRig(Duration.ofSeconds(5)).agentsLoggedIn("1001");
        ScriptedAgiChannel call = announcing.call(CALLER, TestCentre.SORRY_THEN_BACKUP);
        announcing.settle(call);
        announcing.advance(Duration.ofSeconds(5));
        call.reply("EXEC StopMusicOnHold", ok("0"));
        assertThat(call.next()).as("the position plays").startsWith("STREAM FILE queue-youarenext");
        announcing.agentsReady("1001");           // the offer waits for the prompt
        announcing.loop.submit(new AcdEvent.PhoneStateChanged(announcing.loop.now(), "1001", PhoneState.BUSY));
        announcing.loop.runOnce();                 // the phone is taken: the ACD takes the offer back
        assertThat(announcing.decisions(Decision.CallRequeued.class)).singleElement()
                .satisfies(r -> assertThat(r.offerEnd()).isEqualTo(OfferEnd.TAKEN_BACK));

        announcing.advance(Duration.ofSeconds(5)); // the step falls due while the position still plays
        announcing.settle(call);

        assertThat(call.sent()).containsSubsequence("STREAM FILE queue-youarenext \"\"", SORRY,
                "EXEC StartMusicOnHold default");
    }

    private static ScriptedAgiChannel hearingTheFirstAnnouncement(CallCentreRig announcing) {
        ScriptedAgiChannel call = announcing.call(CALLER, TestCentre.TEA_AD);
        announcing.settle(call);
        announcing.advance(Duration.ofSeconds(30));
        call.reply("EXEC StopMusicOnHold", ok("0"));
        return call;
    }

    @Test
    void hostileCallerIdCannotInjectASecondAgiCommand() {
        String hostile = "138\" EXEC System \"rm -rf /";
        ScriptedAgiChannel call = rig.call(hostile, TestCentre.TEA_AD_WITH_MENU);
        call.reply("ANSWER", ok("0"));
        call.reply("GET DATA tv/main-menu", ok("3"));
        rig.settle(call);

        assertThat(call.sent()).containsExactly("ANSWER", "GET DATA tv/main-menu 5000 1",
                "STREAM FILE common/thanks-goodbye \"\"", "HANGUP");
        assertThat(rig.decisions(Decision.CallClassified.class)).singleElement()
                .satisfies(c -> assertThat(c.callerNumber()).isEqualTo(hostile));
    }

    @Test
    void asHotlineStopsAWaitingCallerIsHandedBackToTheDialplanNotCountedAsAnAbandon() {
        rig.agentsLoggedIn("1001");   // on a break: the caller waits
        ScriptedAgiChannel call = rig.call(CALLER, TestCentre.TEA_AD);
        rig.settle(call);

        rig.sessions.stopping();
        call.callerHangsUp();   // FastAGI closes every session; Asterisk's dialplan goes on after AGI()
        rig.loop.runOnce();

        assertThat(rig.ended("1795413048.1").outcome()).isEqualTo(Outcome.OVERFLOWED);
        assertThat(rig.ended("1795413048.1").cause()).isEqualTo("handed back to Asterisk's dialplan: Hotline stopped");
        assertThat(rig.journal).noneMatch(d -> d instanceof Decision.EventRejected);
    }

    @Test
    void aWaitingCallWhoseAsteriskStoppedAnsweringIsHandedBackToTheDialplanNotCountedAsAnAbandon() {
        rig.agentsLoggedIn("1001");   // on a break: the caller waits
        ScriptedAgiChannel call = rig.call(CALLER, TestCentre.TEA_AD);
        rig.settle(call);

        call.cutShortByHotline("Asterisk did not answer 'EXEC StopMusicOnHold' within PT10S (stalled, or the "
                + "connection is cut)");
        rig.loop.runOnce();

        assertThat(rig.ended("1795413048.1").outcome()).isEqualTo(Outcome.OVERFLOWED);
        assertThat(rig.ended("1795413048.1").cause()).isEqualTo("handed back to Asterisk's dialplan: Asterisk did "
                + "not answer 'EXEC StopMusicOnHold' within PT10S (stalled, or the connection is cut)");
    }

    @Test
    void aDialThatNeitherEndsNorIsAnsweredWellPastItsTimeoutHandsTheCallBackRatherThanHoldAgentAfterAgent() {
        rig.agentsReady("1001", "1002", "1003");
        ScriptedAgiChannel call = rig.call(CALLER, TestCentre.TEA_AD);
        rig.settle(call);
        assertThat(call.next()).startsWith("EXEC Dial PJSIP/1001,19,");

        rig.advance(Duration.ofSeconds(19 + 30 + 1));   // Asterisk froze: Dial never ends, no HANGUP comes
        rig.loop.runOnce();

        assertThat(rig.ended("1795413048.1").outcome()).isEqualTo(Outcome.OVERFLOWED);
        assertThat(rig.ended("1795413048.1").cause()).isEqualTo("handed back to Asterisk's dialplan: Asterisk did "
                + "not end Dial to agent 1001 within PT49S though nobody answered (stalled, or the connection is "
                + "cut)");
        assertThat(rig.decisions(Decision.CallOffered.class)).as("one more agent held at most, then freed")
                .hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void aConversationLongerThanTheDialTimeoutIsNotTakenForAStalledAsterisk() {
        rig.agentsReady("1001");
        ScriptedAgiChannel call = rig.call(CALLER, TestCentre.TEA_AD);
        rig.settle(call);
        rig.agentAnswers("1795413048.1");

        rig.advance(Duration.ofMinutes(10));
        rig.loop.runOnce();

        assertThat(rig.decisions(Decision.CallEnded.class)).isEmpty();
    }

    @Test
    void aCallerAClosedQueueSendsToAFlowIsCountedAsTheFlowEndsTheCallSelfServiceIncluded() {
        ScriptedAgiChannel call = rig.call(CALLER, TestCentre.AFTER_HOURS_MENU);
        call.reply("ANSWER", ok("0"));
        rig.settle(call);   // the ACD turns the call away to the flow
        call.reply("GET DATA tv/main-menu", ok("2"));   // order status: told, then goodbye
        rig.settle(call);

        assertThat(rig.decisions(Decision.CallTreated.class)).singleElement()
                .satisfies(t -> assertThat(t.treatment()).isEqualTo(new Treatment.IvrFlow("menu")));
        assertThat(rig.ended("1795413048.1").outcome()).isEqualTo(Outcome.SELF_SERVICE);
        assertThat(call.closed()).isTrue();
    }

    @Test
    void aCallerWhoAsksForAnAgentInTheFlowAClosedQueueSentThemToHearsTheBusyPromptAndEndsInTheIvr() {
        ScriptedAgiChannel call = rig.call(CALLER, TestCentre.AFTER_HOURS_MENU);
        call.reply("ANSWER", ok("0"));
        rig.settle(call);   // the ACD turns the call away to the flow
        call.reply("GET DATA tv/main-menu", ok("1"));   // an order: a queue, which just turned the call away
        rig.settle(call);

        assertThat(call.sent()).contains("STREAM FILE hotline/system-busy-try-later \"\"");
        assertThat(rig.ended("1795413048.1").outcome()).isEqualTo(Outcome.ENDED_IN_IVR);
        assertThat(rig.journal).noneMatch(d -> d instanceof Decision.EventRejected);
    }

    @Test
    void anOfferThatCrossesTheCallersHangUpIsRecordedAsNeverReachingThePhone() {
        rig.agentsLoggedIn("1001");
        ScriptedAgiChannel call = rig.call(CALLER, TestCentre.TEA_AD);
        rig.settle(call);   // waiting: nobody ready

        // the agent frees as the caller hangs up: the engine offers the call before the hang-up reaches it
        rig.loop.submit(new AcdEvent.AgentReady(rig.loop.now(), "1001"));
        call.callerHangsUp();
        rig.settle(call);

        assertThat(rig.ended("1795413048.1").cause())
                .isEqualTo("caller hung up before the offer to agent 1001 reached their phone");
        assertThat(call.sent()).noneMatch(command -> command.startsWith("EXEC Dial"));
        assertThat(rig.journal).noneMatch(d -> d instanceof Decision.EventRejected);
    }

    /** A caller waits with music until agent 1001 is ready: the session then stops the music for the Dial. */
    private ScriptedAgiChannel waitingWithMusicAsAgent1001GetsReady() {
        rig.agentsLoggedIn("1001");
        ScriptedAgiChannel call = rig.call(CALLER, TestCentre.TEA_AD);
        rig.settle(call);
        rig.agentsReady("1001");
        return call;
    }

    @Test
    void aCallerWhoHangsUpWhileTheMusicIsStoppedForTheDialHungUpBeforeTheOfferReachedThePhone() {
        ScriptedAgiChannel call = waitingWithMusicAsAgent1001GetsReady();
        assertThat(call.next()).startsWith("EXEC StopMusicOnHold");

        call.callerHangsUpBeforeTheReply();
        call.reply("EXEC StopMusicOnHold", ok("0"));
        rig.settle(call);

        assertThat(rig.ended("1795413048.1").cause())
                .isEqualTo("caller hung up before the offer to agent 1001 reached their phone");
        assertThat(call.sent()).noneMatch(command -> command.startsWith("EXEC Dial"));
    }

    @Test
    void aHangUpAsteriskSendsAfterTheMusicStoppedButBeforeTheDialsReplyCameBeforeTheOfferReachedThePhone() {
        ScriptedAgiChannel call = waitingWithMusicAsAgent1001GetsReady();

        // Asterisk's own order: the music's stop answered, then the HANGUP line; the Dial went out meanwhile and is
        // read by a channel already hung up, so it rings nobody (a Dial that ran is answered before HANGUP comes)
        call.reply("EXEC StopMusicOnHold", ok("0"));
        rig.loop.runOnce();
        assertThat(call.next()).startsWith("EXEC Dial");
        call.callerHangsUpBeforeTheReply();
        call.reply("EXEC Dial", ok("-1"));
        rig.settle(call);

        assertThat(rig.ended("1795413048.1").cause())
                .isEqualTo("caller hung up before the offer to agent 1001 reached their phone");
    }

    @Test
    void theCallerHangingUpWhileTheAgentsPhoneRingsWithdrawsTheOffer() {
        rig.agentsReady("1001");
        ScriptedAgiChannel call = rig.call(CALLER, TestCentre.TEA_AD);
        rig.settle(call);

        call.callerHangsUp();
        rig.loop.runOnce();

        assertThat(rig.ended("1795413048.1").cause()).isEqualTo("caller hung up while agent 1001's phone rang");
        assertThat(call.sent()).endsWith("EXEC Dial PJSIP/1001,19,U(hotline-answered^1795413048.1)",
                "GET VARIABLE DIALSTATUS");
        assertThat(call.closed()).isTrue();
        assertThat(rig.journal).noneMatch(d -> d instanceof Decision.EventRejected);
    }

    @Test
    void anAgentWhoAnswersJustAfterTheRingTimeoutTalksToTheCallerAndTheAcdNoLongerOffersTheCallToAnyone() {
        rig.agentsReady("1001", "1002");
        ScriptedAgiChannel call = rig.call(CALLER, TestCentre.TEA_AD);
        rig.settle(call);
        rig.advance(Duration.ofSeconds(20));   // the ACD's backstop ring timer: 1001 not ready, offered to 1002

        rig.agentAnswers("1795413048.1");       // 1001's answer, after the backstop (Dial never said NOANSWER)
        rig.loop.runOnce();

        assertThat(rig.ended("1795413048.1").outcome()).as("the ACD let the call go").isEqualTo(Outcome.ABANDONED);
        assertThat(rig.decisions(Decision.AgentStateChanged.class)).last().satisfies(s -> {
            assertThat(s.agentId()).isEqualTo("1002");
            assertThat(s.to()).as("1002's offer withdrawn, never rung").isEqualTo(AgentState.READY);
        });
        assertThat(call.closed()).as("the conversation goes on").isFalse();
        call.reply("EXEC Dial", ok("-1"));
        call.reply("GET VARIABLE DIALSTATUS", variable("ANSWER"));
        rig.settle(call);
        assertThat(call.sent()).filteredOn(c -> c.startsWith("EXEC Dial")).as("1002 is never dialled").hasSize(1);
        assertThat(call.closed()).isTrue();
        assertThat(rig.journal).noneMatch(d -> d instanceof Decision.EventRejected);
    }

    @Test
    void whenTheAcdsRingTimerFiresFirstTheNextOfferWaitsForDialToReturn() {
        rig.agentsReady("1001", "1002");
        ScriptedAgiChannel call = rig.call(CALLER, TestCentre.TEA_AD);
        rig.settle(call);

        rig.advance(Duration.ofSeconds(20));
        assertThat(rig.decisions(Decision.CallOffered.class)).extracting(Decision.CallOffered::agentId)
                .containsExactly("1001", "1002");
        assertThat(call.sent()).filteredOn(c -> c.startsWith("EXEC Dial")).hasSize(1);

        call.reply("EXEC Dial", ok("0"));
        call.reply("GET VARIABLE DIALSTATUS", variable("NOANSWER"));
        rig.settle(call);

        assertThat(call.sent()).last().isEqualTo("EXEC Dial PJSIP/1002,19,U(hotline-answered^1795413048.1)");
        assertThat(rig.journal).noneMatch(d -> d instanceof Decision.EventRejected);
    }

    @Test
    void anOfferWaitingForAnEarlierDialToReturnIsHeldAndItsPhoneGetsTheWholeRingTimeout() {
        rig.agentsReady("1001", "1002");
        ScriptedAgiChannel call = rig.call(CALLER, TestCentre.TEA_AD);
        rig.settle(call);
        rig.advance(Duration.ofSeconds(20));   // the ACD's backstop: 1001's offer let go, the call offered to 1002
        rig.advance(Duration.ZERO);            // the session hears of it and says the line is still in Dial

        rig.advance(Duration.ofSeconds(25));   // Asterisk's Dial to 1001 still has not returned (a slow Asterisk)
        assertThat(rig.decisions(Decision.CallRequeued.class)).extracting(Decision.CallRequeued::agentId)
                .as("1002's phone has not rung yet: its offer is held, not timed out").containsExactly("1001");

        call.reply("EXEC Dial", ok("0"));
        call.reply("GET VARIABLE DIALSTATUS", variable("NOANSWER"));
        rig.settle(call);
        assertThat(call.sent()).last().isEqualTo("EXEC Dial PJSIP/1002,19,U(hotline-answered^1795413048.1)");
        rig.advance(Duration.ofSeconds(19));
        assertThat(rig.decisions(Decision.CallRequeued.class)).as("1002 rings its whole ring timeout").hasSize(1);

        rig.advance(Duration.ofSeconds(1));
        assertThat(rig.decisions(Decision.CallRequeued.class)).last()
                .satisfies(r -> assertThat(r.agentId()).isEqualTo("1002"));
        assertThat(rig.journal).noneMatch(d -> d instanceof Decision.EventRejected);
    }
}
