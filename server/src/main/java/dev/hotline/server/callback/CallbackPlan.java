package dev.hotline.server.callback;

import dev.hotline.bridge.session.Callbacks;
import dev.hotline.server.config.CallbackSettings;
import dev.hotline.server.journal.CallbackOutcome;
import dev.hotline.server.journal.JournalRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The open callback requests and when each may be rung: the callback desk's rules, without threads, sockets or a
 * clock (every method is told the time). What it decides comes back as the journal records that say so.
 *
 * <ul>
 *   <li>Requests are rung oldest first, and only when the business type's queue is open and has an agent ready with
 *   nobody waiting for them: a callback never jumps ahead of a caller on the line, and a customer who answers is put
 *   through at once rather than made to wait again.</li>
 *   <li>A customer's number is rung for one request at a time: a customer who asked twice is not rung twice at once
 *   nor sooner than {@code retryAfter} after not answering; when one call reaches an agent the other request is
 *   closed as the customer got through, and when one is given up the other is too.</li>
 *   <li>A customer who does not answer, is busy, or hangs up before an agent answers is rung again after
 *   {@code retryAfter}, up to {@code attempts} times; then the request is given up.</li>
 *   <li>A request is closed when its call reaches an agent, when a later call from the number is answered by an
 *   agent (the customer got through themselves), when Hotline's rules end its call without an agent (the number is
 *   blacklisted now, the queue turned it away), or when it is older than {@code expireAfter}.</li>
 * </ul>
 */
final class CallbackPlan {

    /** Where an open request is. */
    enum Stage {
        /** Waiting for its turn (or for the next attempt). */
        WAITING,
        /** The customer's phone is ringing. */
        RINGING,
        /** The customer answered: the call is Hotline's, in the queue or with an agent. */
        ON_THE_LINE
    }

    /**
     * The room a business type's queue has for callbacks now; business types that share a queue share its room.
     *
     * @param queue       the queue ("" for none)
     * @param open        it is open (hours, holidays)
     * @param agentsReady agents of the queue a call could be offered to now
     * @param waiting     callers waiting in the queue
     */
    record Room(String queue, boolean open, int agentsReady, int waiting) {
        static final Room NONE = new Room("", false, 0, 0);
    }

    /** A customer to ring now: the request and which attempt this is (1 for the first). */
    record Ring(CallbackRequest request, int attempt) {
    }

    private static final class Open {
        final CallbackRequest request;
        int attempts;
        long notBefore;
        Stage stage = Stage.WAITING;

        Open(CallbackRequest request, int attempts, long notBefore) {
            this.request = request;
            this.attempts = attempts;
            this.notBefore = notBefore;
        }
    }

    /** Replaced by a reload: attempts, retry and expiry apply from then on to every open request. */
    private CallbackSettings settings;
    /** In request order: the oldest is rung first. */
    private final Map<String, Open> open = new LinkedHashMap<>();

    CallbackPlan(CallbackSettings settings) {
        this.settings = settings;
    }

    /**
     * Rules from a reload: the attempts, retry interval and expiry apply to every open request from now on (a
     * request already waiting for its next attempt keeps the time it was given).
     */
    void useSettings(CallbackSettings next) {
        settings = next;
    }

    /** A new request: it may be rung at once. A request already open is not added twice. */
    void add(CallbackRequest request) {
        open.putIfAbsent(request.id(), new Open(request, 0, request.requestedAt()));
    }

    /** A request read back from the journal at a start, rung {@code attempts} times so far, the last at {@code lastAt}. */
    void restore(CallbackRequest request, int attempts, long lastAt) {
        open.putIfAbsent(request.id(), new Open(request, attempts,
                attempts == 0 ? request.requestedAt() : lastAt + settings.retryAfter().toMillis()));
    }

    /**
     * Gives up the requests, not being rung or served, that are older than {@code expireAfter}, whose number
     * callbacks may no longer ring ({@code allowedNumbers} changed since they were filed), or that were rung
     * {@code attempts} times already (read back after a restart that came between the last attempt and its closing,
     * or {@code attempts} lowered by a reload), with the same customer's other waiting requests, as after a last
     * attempt.
     */
    List<JournalRecord> expire(long now) {
        List<JournalRecord> closed = new ArrayList<>();
        Set<String> gaveUp = new HashSet<>();
        for (Iterator<Open> it = open.values().iterator(); it.hasNext(); ) {
            Open o = it.next();
            if (o.stage != Stage.WAITING) {
                continue;
            }
            if (now - o.request.requestedAt() >= settings.expireAfter().toMillis()) {
                it.remove();
                closed.add(closed(now, o, CallbackOutcome.EXPIRED, ""));
            } else if (!settings.allows(o.request.number())) {
                it.remove();
                closed.add(closed(now, o, CallbackOutcome.NUMBER_NOT_ALLOWED, ""));
            } else if (o.attempts >= settings.attempts()) {
                it.remove();
                closed.add(closed(now, o, CallbackOutcome.GAVE_UP, ""));
                gaveUp.add(o.request.number());
            }
        }
        if (!gaveUp.isEmpty()) {
            giveUpWaitingRequestsOf(gaveUp, now, closed);
        }
        return closed;
    }

    /**
     * The customers to ring now, oldest request first, as many per queue as its room allows; they are
     * counted as ringing from now.
     *
     * @param roomOf the room of a business type ({@link Room#NONE} for one the configuration no longer has)
     */
    List<Ring> due(long now, Function<String, Room> roomOf) {
        // counted per queue: two business types served by one queue (after-sales, general enquiries) share its agents
        Map<String, Room> rooms = new HashMap<>();
        Map<String, Integer> free = new HashMap<>();
        // one call to a customer at a time: two requests from one number (they asked twice) never ring it together,
        // nor one while the other waits out retryAfter after the customer did not answer
        Set<String> numbersNotNow = new HashSet<>();
        for (Open o : open.values()) {
            if (o.stage == Stage.RINGING) {
                free.merge(rooms.computeIfAbsent(o.request.businessType(), roomOf).queue(), -1, Integer::sum);
            }
            if (o.stage != Stage.WAITING || (o.attempts > 0 && o.notBefore > now)) {
                numbersNotNow.add(o.request.number());
            }
        }
        List<Ring> rings = new ArrayList<>();
        for (Open o : open.values()) {
            if (o.stage != Stage.WAITING || o.notBefore > now || o.attempts >= settings.attempts()
                    || numbersNotNow.contains(o.request.number())) {
                continue;
            }
            Room room = rooms.computeIfAbsent(o.request.businessType(), roomOf);
            String queue = room.queue();
            int left = free.getOrDefault(queue, 0) + (room.open() ? room.agentsReady() - room.waiting() : 0);
            if (left <= 0) {
                continue;
            }
            free.put(queue, free.getOrDefault(queue, 0) - 1);
            numbersNotNow.add(o.request.number());
            o.stage = Stage.RINGING;
            o.attempts++;
            rings.add(new Ring(o.request, o.attempts));
        }
        return rings;
    }

    /** The customer answered (the OriginateResponse said so, or their call reached Hotline first). */
    List<JournalRecord> answered(String requestId, long now) {
        Open o = open.get(requestId);
        if (o == null || o.stage != Stage.RINGING) {
            return List.of();
        }
        o.stage = Stage.ON_THE_LINE;
        return List.of(new JournalRecord.CallbackAttempted(now, requestId, o.request.number(), o.attempts,
                "answered", ""));
    }

    /**
     * The customer was not reached: {@code result} is {@code no-answer}, {@code busy} or {@code failed}. Rung again
     * after {@code retryAfter}, or given up after the last attempt.
     */
    List<JournalRecord> notReached(String requestId, long now, String result, String detail) {
        Open o = open.get(requestId);
        if (o == null || o.stage != Stage.RINGING) {
            return List.of();
        }
        return attemptFailed(o, now, result, detail);
    }

    /** The customer could not be rung at all (no manager interface answered): not an attempt, tried next round. */
    List<JournalRecord> notRung(String requestId, long now, String why) {
        Open o = open.get(requestId);
        if (o == null || o.stage != Stage.RINGING) {
            return List.of();
        }
        o.attempts--;
        o.stage = Stage.WAITING;
        return List.of(new JournalRecord.CallbackAttempted(now, requestId, o.request.number(), o.attempts + 1,
                "no-manager-interface", why));
    }

    /** The customer answered, but their call never reached Hotline (the dialplan dropped it): a failed attempt. */
    List<JournalRecord> lostOnTheWay(String requestId, long now, String detail) {
        Open o = open.get(requestId);
        if (o == null || o.stage != Stage.ON_THE_LINE) {
            return List.of();
        }
        return attemptFailed(o, now, "failed", detail);
    }

    /** The call of an answered callback ended. */
    List<JournalRecord> callEnded(String requestId, String callId, Callbacks.Ending ending, long now) {
        Open o = open.get(requestId);
        if (o == null || o.stage != Stage.ON_THE_LINE) {
            return List.of();
        }
        return switch (ending) {
            case AGENT_ANSWERED -> {
                open.remove(requestId);
                yield List.of(closed(now, o, CallbackOutcome.AGENT_ANSWERED, callId));
            }
            case NOT_SERVED -> {
                open.remove(requestId);
                yield List.of(closed(now, o, CallbackOutcome.NOT_SERVED, callId));
            }
            case CUSTOMER_HUNG_UP -> again(o, now, callId);
        };
    }

    /**
     * An agent answered a call from {@code number}: its requests waiting for their turn are done, those of the
     * business types that call was served for ({@code servedFor}: an order taken by sales does not settle the
     * after-sales problem the customer asked to be called back about).
     */
    List<JournalRecord> customerGotThrough(String number, Predicate<String> servedFor, String callId, long now) {
        List<JournalRecord> closed = new ArrayList<>();
        for (Iterator<Open> it = open.values().iterator(); it.hasNext(); ) {
            Open o = it.next();
            if (o.stage == Stage.WAITING && o.request.number().equals(number)
                    && servedFor.test(o.request.businessType())) {
                it.remove();
                closed.add(closed(now, o, CallbackOutcome.CUSTOMER_CALLED, callId));
            }
        }
        return closed;
    }

    /** How many requests are open. */
    int size() {
        return open.size();
    }

    private List<JournalRecord> attemptFailed(Open o, long now, String result, String detail) {
        List<JournalRecord> records = new ArrayList<>();
        records.add(new JournalRecord.CallbackAttempted(now, o.request.id(), o.request.number(), o.attempts, result,
                detail));
        records.addAll(again(o, now, ""));
        return records;
    }

    private List<JournalRecord> again(Open o, long now, String callId) {
        if (o.attempts >= settings.attempts()) {
            open.remove(o.request.id());
            List<JournalRecord> closed = new ArrayList<>();
            closed.add(closed(now, o, CallbackOutcome.GAVE_UP, callId));
            // the customer's other requests would only ring the same phone that many times again
            giveUpWaitingRequestsOf(Set.of(o.request.number()), now, closed);
            return closed;
        }
        o.stage = Stage.WAITING;
        o.notBefore = now + settings.retryAfter().toMillis();
        return List.of();
    }

    /** Gives up the requests waiting for their turn from {@code numbers}, adding their closing to {@code closed}. */
    private void giveUpWaitingRequestsOf(Set<String> numbers, long now, List<JournalRecord> closed) {
        for (Iterator<Open> it = open.values().iterator(); it.hasNext(); ) {
            Open other = it.next();
            if (other.stage == Stage.WAITING && numbers.contains(other.request.number())) {
                it.remove();
                closed.add(closed(now, other, CallbackOutcome.GAVE_UP, ""));
            }
        }
    }

    private static JournalRecord closed(long now, Open o, CallbackOutcome outcome, String callId) {
        return new JournalRecord.CallbackClosed(now, o.request.id(), o.request.number(), outcome, o.attempts, callId);
    }
}
