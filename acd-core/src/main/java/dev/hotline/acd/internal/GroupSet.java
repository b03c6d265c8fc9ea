package dev.hotline.acd.internal;

import dev.hotline.acd.AgentState;

/**
 * One set of skill groups that serve calls together (a call's eligible groups at some point of its plan), with its
 * agents counted once each however many of the groups they belong to. The logged-in and staffed counts are kept up to
 * date at a cost of one update per set an agent's groups are in, so the expected wait never scans agents; they change
 * only at login, logout and NOT_READY, not on the offers and wrap-ups that take agents in and out of READY, which is
 * why the READY agents are counted only when asked ({@link #ready()}).
 */
final class GroupSet {

    final Group[] groups;
    /** Distinct member agents logged in. */
    int loggedIn;
    /** Distinct member agents logged in and not NOT_READY: working through these groups. */
    int staffed;
    /** The last agent change counted here, so an agent in several of the groups counts once. */
    long stamp = -1;

    GroupSet(Group[] groups) {
        this.groups = groups;
    }

    /**
     * Whether an agent moving from {@code a} to {@code b} leaves every count as it is (READY to RESERVED to TALKING
     * to WRAP_UP to READY, say), so the sets of the agent's groups need not be visited at all.
     */
    static boolean countedAlike(AgentState a, AgentState b) {
        return (a == AgentState.LOGGED_OUT) == (b == AgentState.LOGGED_OUT)
                && (a == AgentState.NOT_READY) == (b == AgentState.NOT_READY);
    }

    /** Counts {@code agent}'s state in (delta 1) or out (delta -1). */
    void count(AgentState state, int delta) {
        if (state != AgentState.LOGGED_OUT) {
            loggedIn += delta;
            if (state != AgentState.NOT_READY) {
                staffed += delta;
            }
        }
    }

    /**
     * Distinct READY member agents whose phone is free (who may be offered a call), counted when asked: by the queue view and to explain a RANDOM draw only, while
     * keeping the count would cost a visit of the sets on every offer and every end of wrap-up. The first group's
     * READY agents are its counter; the members of the others are scanned, each counted unless an earlier group
     * has it.
     */
    int ready() {
        if (groups.length == 0) {
            return 0;
        }
        int ready = groups[0].readyCount;
        for (int i = 1; i < groups.length; i++) {
            for (Agent a : groups[i].members) {
                if (a.offerable() && !a.inAnyOf(groups, i)) {
                    ready++;
                }
            }
        }
        return ready;
    }

    /**
     * The READY member agents with a free phone, an agent in two of the groups counted twice: the groups' own counts,
     * no member scanned, so an upper bound cheap enough for every queued call's expected wait.
     */
    int readyAtMost() {
        int ready = 0;
        for (Group g : groups) {
            ready += g.readyCount;
        }
        return ready;
    }

    /** Whether any member agent is READY with a free phone: a group's own count each, no member scanned. */
    boolean anyReady() {
        for (Group g : groups) {
            if (g.readyCount > 0) {
                return true;
            }
        }
        return false;
    }

    /** Distinct READY member agents whose phone is busy or unreachable, counted when asked (the queue view). */
    int readyPhoneNotFree() {
        int count = 0;
        for (int i = 0; i < groups.length; i++) {
            for (Agent a : groups[i].readyPhoneNotFree) {
                if (!a.inAnyOf(groups, i)) {
                    count++;
                }
            }
        }
        return count;
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
