package dev.hotline.server.serve.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.acd.model.AgentConfig;
import dev.hotline.acd.model.CentreConfig;
import dev.hotline.acd.model.Skill;
import dev.hotline.server.config.ConfigLoader;
import dev.hotline.server.config.ConfigResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a reload says it changed in the centre: what was added, removed or changed, by id. */
class ConfigChangesTest {
    private static final CentreConfig SHIPPED = ((ConfigResult.Valid) ConfigLoader.load(
            Path.of(System.getProperty("hotline.config.dir", "../config")))).config();

    @Test
    void theSameConfigurationChangesNothing() {
        assertThat(ConfigChanges.between(SHIPPED, SHIPPED)).isEmpty();
    }

    private static dev.hotline.ivr.FlowSet flows(String... namesAndPrompts) {
        java.util.Map<String, String> texts = new java.util.HashMap<>();
        for (int i = 0; i < namesAndPrompts.length; i += 2) {
            texts.put(namesAndPrompts[i] + ".yaml", "flow: " + namesAndPrompts[i] + "\nstart: bye\nnodes:\n"
                    + "  bye: { type: hangup, prompts: [" + namesAndPrompts[i + 1] + "], disposition: done }\n");
        }
        return switch (dev.hotline.ivr.FlowLoader.load(texts, java.util.Map.of())) {
            case dev.hotline.ivr.FlowLoadResult.Loaded loaded -> loaded.flows();
            case dev.hotline.ivr.FlowLoadResult.Rejected rejected -> throw new AssertionError(rejected.errors());
        };
    }

    @Test
    void changedCentreSettingsAreNamedWithTheirNewValues() {
        var was = SHIPPED.settings();
        var is = new dev.hotline.acd.model.CentreSettings(was.zone(), java.time.Duration.ofMinutes(30),
                java.time.Duration.ofSeconds(8), was.busyPrompt(), was.defaultBusinessType(), was.callerNumbers());
        CentreConfig after = new CentreConfig(is, SHIPPED.numbers(), SHIPPED.businessTypes(), SHIPPED.queues(),
                SHIPPED.groups(), SHIPPED.agents(), SHIPPED.blacklist(), SHIPPED.vipPolicy(), SHIPPED.vips());

        assertThat(ConfigChanges.between(SHIPPED, after)).containsExactly("the centre's settings changed (centre.yaml "
                + "settings): reportInterval 30m (the interval in progress ends now; the next ones follow the new "
                + "grid), shortAbandon 8s");
    }

    @Test
    void anEditedLookupTableIsNamedThoughNoFlowChanged() {
        java.util.Map<String, String> flow = java.util.Map.of("status.yaml", "flow: status\nstart: bye\nnodes:\n"
                + "  bye: { type: hangup, prompts: [hello], disposition: done }\n");
        var before = ((dev.hotline.ivr.FlowLoadResult.Loaded) dev.hotline.ivr.FlowLoader.load(flow,
                java.util.Map.of("tables/orders.csv", "phone,status\n13800138000,shipped\n"))).flows();
        var after = ((dev.hotline.ivr.FlowLoadResult.Loaded) dev.hotline.ivr.FlowLoader.load(flow,
                java.util.Map.of("tables/orders.csv", "phone,status\n13800138000,delivered\n",
                        "tables/fares.csv", "train,fare\nG1,553\n"))).flows();

        assertThat(ConfigChanges.between(before, after)).containsExactly("IVR lookup tables added: tables/fares.csv",
                "IVR lookup tables changed: tables/orders.csv");
        assertThat(ConfigChanges.between(after, after)).isEmpty();
    }

    @Test
    void turningRecordingOnOrOffForAQueueIsSaid() {
        assertThat(ConfigChanges.recordingBetween(java.util.Set.of("after-sales", "sales-home"),
                java.util.Set.of("sales-home", "sales-health"))).containsExactly(
                "calls answered from now on are recorded in queues: sales-health",
                "calls answered from now on are no longer recorded in queues: after-sales");
        assertThat(ConfigChanges.recordingBetween(java.util.Set.of("x"), java.util.Set.of("x"))).isEmpty();
    }

    @Test
    void anIvrFlowAddedRemovedOrChangedIsNamed() {
        var before = flows("welcome", "hello", "survey", "rate-us", "closed", "goodbye");
        var after = flows("welcome", "hello-again", "closed", "goodbye", "timetable", "times");

        assertThat(ConfigChanges.between(before, after)).containsExactly("IVR flows added: timetable",
                "IVR flows removed: survey", "IVR flows changed: welcome");
        assertThat(ConfigChanges.between(after, after)).isEmpty();
    }

    @Test
    void anAgentAddedAndOneRemovedAreNamed() {
        List<AgentConfig> agents = new ArrayList<>(SHIPPED.agents());
        AgentConfig removed = agents.removeFirst();
        agents.add(new AgentConfig("1013", "Zhou Lin", "PJSIP/1013", List.of(new Skill("after-sales", 5))));
        CentreConfig after = new CentreConfig(SHIPPED.settings(), SHIPPED.numbers(), SHIPPED.businessTypes(),
                SHIPPED.queues(), SHIPPED.groups(), agents, SHIPPED.blacklist(), SHIPPED.vipPolicy(), SHIPPED.vips());

        assertThat(ConfigChanges.between(SHIPPED, after)).containsExactly("agents added: 1013",
                "agents removed: " + removed.id());
    }

    @Test
    void aNumberMovedToAnotherBusinessAndABlacklistEntryAddedAreSaidSoTheAdminSeesTheEditTookEffect() {
        List<dev.hotline.acd.model.NumberRoute> numbers = new ArrayList<>(SHIPPED.numbers());
        dev.hotline.acd.model.NumberRoute first = numbers.getFirst();
        numbers.set(0, new dev.hotline.acd.model.NumberRoute(first.number(), first.kind(), "after-sales",
                first.ivrFlow(), first.label()));
        List<dev.hotline.acd.model.BlacklistEntry> blacklist = new ArrayList<>(SHIPPED.blacklist());
        blacklist.add(new dev.hotline.acd.model.BlacklistEntry("13700000000", dev.hotline.acd.model.MatchKind.EXACT,
                java.util.Optional.empty(), "abuse", java.util.Optional.empty()));
        CentreConfig after = new CentreConfig(SHIPPED.settings(), numbers, SHIPPED.businessTypes(),
                SHIPPED.queues(), SHIPPED.groups(), SHIPPED.agents(), blacklist, SHIPPED.vipPolicy(), SHIPPED.vips());

        assertThat(ConfigChanges.between(SHIPPED, after)).containsExactly("numbers changed: " + first.number(),
                "blacklist entries added: 13700000000");
    }

    @Test
    void ofAQueueOrAgentThatStaysTheKeysThatChangedAreNamed() {
        List<dev.hotline.acd.model.QueueConfig> queues = new ArrayList<>(SHIPPED.queues());
        // the queue with public holidays
        int at = queues.indexOf(queues.stream().filter(c -> !c.hours().holidays().isEmpty()).findFirst().orElseThrow());
        var q = queues.get(at);
        var hours = q.hours();
        queues.set(at, new dev.hotline.acd.model.QueueConfig(q.id(), q.name(), q.groups(), q.strategy(),
                q.basePriority(), q.serviceLevelThreshold(), q.ringTimeout(), q.wrapUp().plusSeconds(15),
                q.maxWaiting(), q.maxWait(), q.escalation(), new dev.hotline.acd.model.OpeningHours(hours.zone(),
                hours.weekly(), List.of(), hours.makeUpDays()), q.treatments()));
        List<AgentConfig> agents = new ArrayList<>(SHIPPED.agents());
        AgentConfig a = agents.getFirst();
        agents.set(0, new AgentConfig(a.id(), a.name(), "PJSIP/2" + a.id(), a.skills()));
        CentreConfig after = new CentreConfig(SHIPPED.settings(), SHIPPED.numbers(), SHIPPED.businessTypes(),
                queues, SHIPPED.groups(), agents, SHIPPED.blacklist(), SHIPPED.vipPolicy(), SHIPPED.vips());

        assertThat(ConfigChanges.between(SHIPPED, after)).containsExactly("agents changed: " + a.id() + " (endpoint)",
                "queues changed: " + q.id() + " (wrapUp, hours.holidays)");
    }
}
