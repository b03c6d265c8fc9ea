package dev.hotline.ivr;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ShippedFlowsLoadTest {
    private static final FlowSet FLOWS = ShippedFlows.load();

    @Test
    void everyShippedFlowLoadsWithoutAProblem() {
        assertThat(FLOWS.names()).containsExactlyInAnyOrder("welcome", "tv-shopping", "account-number",
                "phone-banking", "timetable", "satisfaction-survey");
    }

    /**
     * Callers must always be able to reach a person: every menu of the hotlines offers the agent key, and it leads
     * to a queue. (The welcome subflow's after-hours menu runs only when the line is closed, and the satisfaction
     * survey comes after the agent: neither has anyone to pass the caller to.)
     */
    @ParameterizedTest
    @ValueSource(strings = {"tv-shopping", "phone-banking", "timetable"})
    void everyMenuOfAHotlineOffersTheAgentKeyAndItLeadsToAQueue(String name) {
        Flow flow = FLOWS.flow(name).orElseThrow();
        Flow.AgentEscape escape = flow.agentEscape().orElseThrow();

        assertThat(flow.nodes().get(escape.target())).isInstanceOf(Node.Queue.class);
        assertThat(flow.nodes().values()).filteredOn(Node.Menu.class::isInstance)
                .isNotEmpty()
                .allSatisfy(menu -> assertThat(((Node.Menu) menu).agentEscape()).as(menu.id()).isTrue());
    }
}
