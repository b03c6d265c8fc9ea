package dev.hotline.acd.internal;

import dev.hotline.acd.AgentState;

/**
 * One set of skill groups that serve calls together (a call's eligible groups at some point of its plan), with its
 * agents counted once each however many of the groups they belong to. Kept up to date as agents change state, at a
 * cost of one update per set an agent's groups are in, so the expected wait and the RANDOM draw never scan agents.
 */
final class GroupSet {

    final Group[] groups;
    /** Distinct member agents logged in. */
    int loggedIn;
    /** Distinct member agents logged in and not NOT_READY: working through these groups. */
    int staffed;
    /** Distinct READY member agents. */
    int ready;
    /** The last agent change counted here, so an agent in several of the groups counts once. */
    long stamp = -1;

    GroupSet(Group[] groups) {
        this.groups = groups;
    }

    /**
     * Whether an agent moving from {@code a} to {@code b} leaves every count as it is (RESERVED to TALKING to
     * WRAP_UP, say), so the sets of the agent's groups need not be visited at all.
     */
    static boolean countedAlike(AgentState a, AgentState b) {
        return (a == AgentState.LOGGED_OUT) == (b == AgentState.LOGGED_OUT)
                && (a == AgentState.NOT_READY) == (b == AgentState.NOT_READY)
                && (a == AgentState.READY) == (b == AgentState.READY);
    }

    /** Counts {@code agent}'s state in (delta 1) or out (delta -1). */
    void count(AgentState state, int delta) {
        if (state != AgentState.LOGGED_OUT) {
            loggedIn += delta;
            if (state != AgentState.NOT_READY) {
                staffed += delta;
            }
            if (state == AgentState.READY) {
                ready += delta;
            }
        }
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("groups");
        for (Group g : groups) {
            s.append(' ').append(g.id);
        }
        return s.toString();
    }
}
