package dev.hotline.acd.model;

import java.util.List;
import java.util.Objects;

/** One thing an escalation step does to a call that is still waiting. */
public sealed interface EscalationAction {

    /** The call becomes eligible for these skill groups too. */
    record AddGroups(List<String> groups) implements EscalationAction {
        public AddGroups {
            groups = List.copyOf(groups);
        }
    }

    /** The call's priority rises by {@code by} (higher is served first). */
    record RaisePriority(int by) implements EscalationAction {
    }

    /** The call leaves this queue for the treatment (another queue, voicemail, an IVR flow, a prompt and hang-up). */
    record OverflowTo(Treatment treatment) implements EscalationAction {
        public OverflowTo {
            Objects.requireNonNull(treatment, "treatment");
        }
    }

    /** The caller hears a prompt (the bridge plays it between music on hold). */
    record Announce(String prompt) implements EscalationAction {
        public Announce {
            Objects.requireNonNull(prompt, "prompt");
        }
    }
}
