package dev.hotline.server.journal.internal;

import dev.hotline.acd.Decision;
import dev.hotline.acd.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The calls a run of the server had in progress, as its journal tells them: from classification to their end. A run
 * that stops cleanly ends every call it has (its call sessions report the callers leaving); calls still here at the
 * next run's start were lost with a run that did not stop cleanly (killed, a power cut), and would otherwise wait in
 * the figures for ever while the restarted server knows nothing of them.
 */
public final class CallsInProgress {

    /** What is known of one call in progress. */
    private static final class Open {
        final String callerNumber;
        final String dialledNumber;
        String queue;
        long queuedAt = -1;
        String agent;
        long answeredAt;
        long waitedMillis;

        Open(String callerNumber, String dialledNumber) {
            this.callerNumber = callerNumber;
            this.dialledNumber = dialledNumber;
        }
    }

    private final Map<String, Open> calls = new LinkedHashMap<>();

    /** Follows one decision of the journal. */
    public void follow(Decision decision) {
        switch (decision) {
            case Decision.CallClassified c -> calls.put(c.callId(), new Open(c.callerNumber(), c.dialledNumber()));
            case Decision.CallQueued q -> {
                Open call = calls.get(q.callId());
                if (call != null) {
                    call.queue = q.queue();
                    if (call.queuedAt < 0) {
                        call.queuedAt = q.at();
                    }
                }
            }
            case Decision.CallAnswered a -> {
                Open call = calls.get(a.callId());
                if (call != null) {
                    call.agent = a.agentId();
                    call.answeredAt = a.at();
                    call.waitedMillis = a.waitedMillis();
                }
            }
            case Decision.CallEnded e -> calls.remove(e.callId());
            default -> { }
        }
    }

    /** The calls in progress, for people: their ids, at most ten, with what each was doing. */
    public String describe() {
        StringBuilder s = new StringBuilder();
        int shown = 0;
        for (Map.Entry<String, Open> e : calls.entrySet()) {
            if (shown == 10) {
                s.append(" and ").append(calls.size() - shown).append(" more");
                break;
            }
            Open call = e.getValue();
            s.append(shown++ == 0 ? "" : ", ").append(e.getKey()).append(call.agent != null
                    ? " talking to agent " + call.agent : call.queue != null ? " waiting in queue " + call.queue
                    : " in the IVR");
        }
        return s.toString();
    }

    /** How many calls are in progress. */
    public int size() {
        return calls.size();
    }

    /**
     * Ends every call in progress at {@code at}, the last record of a run that did not stop cleanly, and forgets them:
     * a conversation as answered with the talk known by then, a call in a queue as gone back to Asterisk's dialplan
     * (its fallback takes the call when Hotline's connection drops: overflowed), a call in the IVR as ended there.
     */
    public List<Decision.CallEnded> lostAt(long at) {
        List<Decision.CallEnded> ended = new ArrayList<>();
        calls.forEach((id, call) -> {
            String lost = "the server stopped without a clean shutdown ";
            if (call.agent != null) {
                ended.add(new Decision.CallEnded(at, id, Outcome.ANSWERED, Optional.ofNullable(call.queue),
                        Optional.of(call.agent), call.waitedMillis, Math.max(0, at - call.answeredAt),
                        lost + "during the conversation: its end is not known", call.callerNumber, call.dialledNumber,
                        Optional.empty()));
            } else if (call.queue != null) {
                ended.add(new Decision.CallEnded(at, id, Outcome.OVERFLOWED, Optional.of(call.queue), Optional.empty(),
                        Math.max(0, at - call.queuedAt), 0, lost + "while the call waited: Asterisk's dialplan took it "
                        + "back", call.callerNumber, call.dialledNumber, Optional.empty()));
            } else {
                ended.add(new Decision.CallEnded(at, id, Outcome.ENDED_IN_IVR, Optional.empty(), Optional.empty(), 0,
                        0, lost + "while the call was in the IVR", call.callerNumber, call.dialledNumber,
                        Optional.empty()));
            }
        });
        calls.clear();
        return ended;
    }
}
