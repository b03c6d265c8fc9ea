package dev.hotline.acd.internal;

import dev.hotline.acd.AgentState;
import dev.hotline.acd.PhoneState;
import dev.hotline.acd.model.AgentConfig;
import java.util.Optional;

/** One configured agent and where they are in the working day. Mutable; owned by the engine thread. */
final class Agent {

    /**
     * The agent's membership of a skill group, with the agent's level in it. It is itself the agent's place in the
     * group's longest-idle list, the list every READY change updates, so that update loads no object of its own;
     * {@link #bySkill} is its place in the skill-level lists, kept only while the group has many READY agents.
     */
    static final class Membership extends ReadyLink {
        private final Group group;
        private final int level;
        final ReadyLink bySkill;
        /** Its place among the group's memberships ({@link Group#member}), which the group's heaps refer to it by. */
        final int index;

        Membership(Agent agent, Group group, int level) {
            super(agent);
            this.group = group;
            this.level = level;
            this.bySkill = new ReadyLink(agent);
            this.index = group.join(this);
        }

        Agent agent() {
            return agent;
        }

        Group group() {
            return group;
        }

        int level() {
            return level;
        }
    }

    /** A place in one ready list of one group ({@link ReadyQueue}). */
    static class ReadyLink {
        final Agent agent;
        ReadyLink prev;
        ReadyLink next;
        boolean linked;

        ReadyLink(Agent agent) {
            this.agent = agent;
        }
    }

    /** The configured id, kept here so the hot path reads it without going through {@link #config}. */
    final String id;
    /** {@link #id} as the decisions carry it, made once rather than on every call the agent answers. */
    final Optional<String> idAsOptional;
    AgentConfig config;
    /** The configured endpoint, beside the id for the same reason. */
    String endpoint;
    /** {@link #endpoint} as the decisions carry it, made with it. */
    Optional<String> endpointAsOptional;
    /** Position in the configuration: the deterministic tie-break of every strategy. */
    int order;
    Membership[] memberships = {};

    AgentState state = AgentState.LOGGED_OUT;
    String reason = "";
    long stateSince;
    /** Strategy keys, changed only while the agent is not READY (out of the ready indexes). */
    long readySince;
    long lastOfferSeq = -1;
    /** Calls answered and talk time since the first login of the day {@link #countsDay} (centre's zone). */
    int answered;
    long talkMillis;
    long countsDay = Long.MIN_VALUE;

    /** Calls answered and talk time on one day (its epoch day in the centre's zone). */
    record DayCounts(long day, int answered, long talkMillis) {
    }

    /**
     * What the agent's phone is doing: only a READY agent whose phone is free is in the ready indexes. Changed only
     * through {@link Centre#setPhone}, which takes the agent out of the indexes while it changes.
     */
    PhoneState phone = PhoneState.FREE;

    /**
     * Where the agent goes when the call and its wrap-up are over: READY unless the agent asked for NOT_READY (with
     * {@link #afterCallReason}) or LOGGED_OUT during the call. Anything else than READY only while RESERVED, TALKING
     * or in WRAP_UP; every other state resets it ({@link Centre#setState}).
     */
    AgentState afterCall = AgentState.READY;
    String afterCallReason = "";

    Call call;
    Timer wrapUpTimer;
    /** Makes the agent ready again after a missed call; cancelled by any change of state ({@link Centre#setState}). */
    Timer missedCallTimer;
    /** Removed from the configuration while on a call: logged out when the call is over. */
    boolean leaving;

    Agent(AgentConfig config) {
        this.id = config.id();
        this.idAsOptional = Optional.of(id);
        configure(config);
    }

    /** Takes the agent's settings from {@code config} (same id): at start and on every configuration change. */
    void configure(AgentConfig config) {
        this.config = config;
        this.endpoint = config.endpoint();
        this.endpointAsOptional = Optional.of(endpoint);
    }

    String id() {
        return id;
    }

    /** The agent's membership of {@code group}, or null. */
    Membership membershipOf(Group group) {
        for (Membership m : memberships) {
            if (m.group() == group) {
                return m;
            }
        }
        return null;
    }

    /** READY with a free phone: the agent a waiting call may be offered to. */
    boolean offerable() {
        return state == AgentState.READY && phone.offerable();
    }

    int levelIn(Group group) {
        for (Membership m : memberships) {
            if (m.group() == group) {
                return m.level();
            }
        }
        return 0;
    }

    /** Whether the agent is a member of one of the first {@code count} of {@code groups}. */
    boolean inAnyOf(Group[] groups, int count) {
        for (int i = 0; i < count; i++) {
            if (levelIn(groups[i]) > 0) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "agent " + id;
    }
}
