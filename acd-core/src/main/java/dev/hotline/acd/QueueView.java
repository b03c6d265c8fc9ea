package dev.hotline.acd;

/**
 * A queue as the wallboard sees it now.
 *
 * @param queueId              the queue
 * @param waiting              calls waiting (not ringing an agent)
 * @param ringing              calls ringing an agent
 * @param oldestWaitMillis     how long the longest-waiting of them has been in the ACD; 0 when none waits
 * @param agentsLoggedIn       distinct logged-in agents of the queue's skill groups
 * @param agentsReady          of them, READY with a free phone: those a call can be offered to now
 * @param agentsPhoneBusy      of them, READY but not offered calls because their phone is busy (a private call)
 *                             or unreachable
 * @param smoothedHandleMillis the handle time expected waits are computed from (see {@link WaitingCall})
 * @param retired              removed from the configuration; it still serves the calls it holds
 * @param open                 it takes new calls now: in the configuration, within its opening hours, not on a
 *                             holiday (make-up working days keep the hours they name)
 * @param closedBecause        why it takes none when closed ("holiday: National Day", "outside its opening hours",
 *                             "removed from the configuration: ..."); empty when open
 */
public record QueueView(String queueId, int waiting, int ringing, long oldestWaitMillis, int agentsLoggedIn,
                        int agentsReady, int agentsPhoneBusy, long smoothedHandleMillis, boolean retired,
                        boolean open, String closedBecause) {
}
