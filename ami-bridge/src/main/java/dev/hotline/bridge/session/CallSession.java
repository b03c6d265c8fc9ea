package dev.hotline.bridge.session;

import dev.hotline.acd.AcdEvent;
import dev.hotline.acd.Decision;
import dev.hotline.acd.WaitingCall;
import dev.hotline.acd.model.Treatment;
import dev.hotline.bridge.agi.AgiCommand;
import dev.hotline.bridge.agi.AgiCommands;
import dev.hotline.bridge.agi.AgiEnvironment;
import dev.hotline.bridge.agi.AgiReply;
import dev.hotline.bridge.agi.codec.WireText;
import dev.hotline.bridge.agi.server.AgiChannel;
import dev.hotline.ivr.Action;
import dev.hotline.ivr.CallContext;
import dev.hotline.ivr.FlowInterpreter;
import dev.hotline.ivr.Input;
import dev.hotline.ivr.Outcome;
import dev.hotline.ivr.SessionState;
import dev.hotline.ivr.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One inbound call, from the FastAGI session's start to its end: joins the Asterisk channel to the IVR and the ACD.
 *
 * <p>A small state machine ({@link Phase}) driven by three inputs, all handled one at a time on the session's
 * {@link SerialMailbox}: AGI replies and the caller's hang-up (from the FastAGI event loop), the ACD's decisions about
 * this call (from the engine thread, which only posts them here), and IVR steps (lookups, timers).
 *
 * <p>Commands are sent one at a time; each chain of commands belongs to an <em>activity</em> (a prompt, an IVR
 * step, an announcement, a Dial). Starting a new activity, or the caller hanging up, makes the replies of the old one
 * lead nowhere, so an offer can cut an announcement short after the prompt that is playing.
 *
 * <p>The call's record is the ACD's {@link Decision.CallEnded}; the journal persists it from the decision stream.
 *
 * <p>A <b>callback</b>'s session ({@link Callback}) is the same call seen from the other end: the customer answered
 * the call Hotline placed, so there is no IVR; the ACD classifies it by the number the customer once dialled, the
 * customer hears the callback's greeting and waits in the callback's business queue, and {@link Callbacks} hears
 * how it ended.
 */
public final class CallSession {

    private static final Logger LOG = LoggerFactory.getLogger(CallSession.class);
    /** The attached-data key naming the callback request a callback's call serves (in the agent's screen pop). */
    public static final String CALLBACK_DATA = "callback_request";
    /** How long after a prompt's result -1 the caller's HANGUP line must have come, else the prompt failed. */
    static final Duration PROMPT_FAILED_AFTER = Duration.ofSeconds(1);
    /** How much sooner than the ACD's ring timer Asterisk's Dial gives up ({@link #dialSeconds}). */
    static final long DIAL_MARGIN_MILLIS = 1_000;

    /** Where the call is, as the session sees it. */
    enum Phase {
        /** Waiting for the ACD's classification. */
        ARRIVING,
        /** Running an IVR flow (the route's, or a treatment's once the ACD has let the call go). */
        IN_IVR,
        /** Asked the ACD for a queue, waiting for its answer. */
        QUEUEING,
        /** In a queue, with music on hold. */
        WAITING,
        /** Dial to an agent is running (ringing, then talking). */
        DIALING,
        /** Playing the last prompts before hanging up. */
        ENDING,
        /** Over: the channel is closed, nothing more is sent. */
        DONE
    }

    private final CallSessions sessions;
    private final AgiChannel channel;
    /**
     * A callback's call: the request it serves and what to queue it as.
     *
     * @param requestId the callback request ({@code agi://<hotline>/callback?request=<id>})
     * @param call      what the call is queued as
     */
    record Callback(String requestId, Callbacks.CallbackCall call) {
    }

    private final SerialMailbox mailbox;
    private final String callId;
    /** Present for a callback's call. */
    private final Optional<Callback> callback;
    /** The inbound channel's name, for the call's record and its recording. */
    private final String channelName;
    private final String caller;
    private final String dialled;
    private final String language;

    private Phase phase = Phase.ARRIVING;
    /** The activity whose replies may still lead somewhere. */
    private int activity;
    /** The ACD knows the call and has not ended it, and the session has not told it the call ended. */
    private boolean acdOpen;
    /** This session receives the call id's decisions (a duplicate id's session does not). */
    private boolean subscribed;
    /** The session plays the call's last prompts itself; a CallEnded meanwhile must not cut them short. */
    private boolean endingOwned;
    private boolean hungUp;
    /**
     * The caller is in Asterisk's VoiceMail (a queue's treatment): a hang-up is how most messages end, so it must not
     * end the session before VMSTATUS tells whether a message was left (GET VARIABLE works on a dead channel).
     */
    private boolean inVoicemail;
    /**
     * A message or callback request the flow made is being filed: a caller who hangs up now (most end a message by
     * hanging up) has left it, so the call ends as the flow goes on from a filed request, not as an abandon.
     */
    private boolean filing;
    /** The reply to the last command given to the channel: a command given now goes on the wire after it. */
    private CompletionStage<AgiReply> lastQueued;
    private boolean musicOn;
    /** A position announcement is being said (a chain an offer cuts short). */
    private boolean announcing;
    /** Escalation steps' prompts on the line, not yet played: nothing cuts them short. */
    private int stepPrompts;
    /**
     * When the caller last heard their position, or started waiting: the next announcement is due
     * {@code announceEvery} after it, however many offers rang meanwhile. -1 before the call first waits.
     */
    private long announcedAt = -1;
    private SessionScheduler.Timer announceTimer;
    /** Fires when the Dial of the offer being rung has run well past its own timeout, unanswered. */
    private SessionScheduler.Timer dialWatch;

    private String businessType = "";
    private boolean vip;

    private FlowInterpreter ivr;
    private SessionState ivrState;
    private String flowName = "";
    /** The flow runs for the ACD (its ending is reported); false for a treatment flow after the ACD let go. */
    private boolean flowInAcd;
    /** The flow runs because a queue's treatment sent the call to it: it may end the call, not queue it again. */
    private boolean treatmentFlow;

    /** The settings in force when the call started: a reload meanwhile does not change how this call waits. */
    private final SessionSettings settings;
    private Decision.CallOffered offer;
    private Decision.CallOffered nextOffer;
    /** The ACD withdrew the offer (its ring timer fired) while Dial still ran. */
    private boolean offerWithdrawn;
    /** Step prompts that fell due after the ACD let the offer go, while the line was not yet free for them. */
    private final List<String> heldStepPrompts = new ArrayList<>();
    /** When the Dial of the offer in progress started (ms), to tell a phone that gave up early from a ring-out. */
    private long dialStartedAt;
    /**
     * Asterisk has answered the Dial of the offer in progress. A caller's hang-up before the Dial went (the music
     * still being stopped, a prompt still playing) came before the agent's phone could ring; so did one whose HANGUP
     * line comes while the Dial's reply is still due: Asterisk sends that line only between commands, after a running
     * command's reply (docs/asterisk.md), so that Dial was read on a channel already hung up and rings nobody. Only a
     * HANGUP after the Dial's reply follows a Dial that ran.
     */
    private boolean dialReplied;
    private boolean answerReported;
    /** An agent answered the call (the answer reached Hotline, or Dial ended answered). */
    private boolean agentReached;

    CallSession(CallSessions sessions, AgiChannel channel, AgiEnvironment environment, String callId,
                SerialMailbox mailbox, Optional<Callback> callback) {
        this.sessions = sessions;
        this.settings = sessions.settings();
        this.channel = channel;
        this.mailbox = mailbox;
        this.callId = callId;
        this.callback = callback;
        this.channelName = environment.channel();
        // a callback's channel shows the centre's caller id: the call is the customer's, to the number they dialled
        this.caller = callback.map(c -> c.call().number()).orElseGet(() -> environment.callerId().orElse(""));
        this.dialled = callback.map(c -> c.call().dialled()).orElseGet(
                () -> environment.dnid().filter(d -> !d.isEmpty()).orElse(environment.extension()));
        this.language = environment.language().isEmpty() ? settings.language() : environment.language();
    }

    /** The call's id in the ACD: Asterisk's unique id of the inbound channel. */
    public String callId() {
        return callId;
    }

    Phase phase() {
        return phase;
    }

    // ------------------------------------------------------------------------------------------ inputs

    void start() {
        channel.onHangup(() -> mailbox.post(this::callerHungUp));
        mailbox.post(this::arrive);
    }

    /** Busy prompt and hang up, without the ACD: a callback Hotline is not placing. */
    void refuse() {
        mailbox.post(() -> {
            endingOwned = true;
            playAndHangUp(sessions.loop.busyPrompt(), true);
        });
    }

    /** Dial's U() subroutine on the agent's channel reported the answer. */
    void agentAnswered() {
        mailbox.post(() -> {
            if (phase == Phase.DIALING && offer != null && !answerReported && !hungUp) {
                answerReported = true;
                cancelDialWatch(); // a conversation lasts as long as it lasts
                agentReached = true;
                if (offerWithdrawn) {
                    answeredTooLate();
                    return;
                }
                // before the ACD hears of the answer, so the file is noted before the call can end
                sessions.recorder.answered(callId, channelName, offer.queue());
                submit(new AcdEvent.OfferAnswered(now(), callId, offer.agentId()));
            }
        });
    }

    /**
     * The agent picked up just as the ACD's ring timer withdrew the offer: Asterisk has bridged them all the same.
     * The ACD holds the call as waiting again and may offer it to another agent, whose phone would never ring (and
     * who would be made not ready for it), so it is told the call left; the conversation goes on outside its figures.
     */
    private void answeredTooLate() {
        LOG.warn("call {}: agent {} answered after the ACD's ring timeout had withdrawn the offer; the caller talks "
                + "to them, and the ACD counts the call as abandoned now (this conversation is not in its figures)",
                callId, offer.agentId());
        nextOffer = null;
        // the ACD's CallEnded must not cut the conversation short: the session ends with Dial
        endingOwned = true;
        if (acdOpen) {
            acdOpen = false;
            submit(new AcdEvent.CallerHungUp(now(), callId));
        }
    }

    private void arrive() {
        if (!sessions.loop.subscribe(callId, decision -> mailbox.post(() -> decided(decision)))) {
            LOG.warn("call {}: the ACD already routes a call with this id; the caller hears the busy prompt", callId);
            endingOwned = true;
            playAndHangUp(sessions.loop.busyPrompt(), true);
            return;
        }
        subscribed = true;
        // noted before the ACD hears of the call: its record may be taken as soon as the ACD refuses it
        sessions.telephony.started(callId, channelName);
        if (!sessions.loop.submit(new AcdEvent.CallArrived(now(), callId, caller, dialled))) {
            sessions.telephony.forget(callId);
            sessions.loop.unsubscribe(callId);
            subscribed = false;
            endingOwned = true;
            playAndHangUp(sessions.loop.busyPrompt(), true);
            return;
        }
        acdOpen = true;
    }

    private void decided(Decision decision) {
        if (phase == Phase.DONE) {
            return;
        }
        switch (decision) {
            case Decision.CallRefused r -> {
                acdOpen = false;
                endingOwned = true;
                playAndHangUp(r.prompt(), true);
            }
            case Decision.CallClassified c -> classified(c);
            case Decision.CallQueued q -> waitWithMusic();
            case Decision.Announcement a -> {
                if (phase == Phase.WAITING) {
                    stepPrompt(a.prompt());
                } else if (phase == Phase.DIALING && offerWithdrawn) {
                    // the ACD let the offer go and the call waits again, but the line still holds the prompt the
                    // offer waited for, or the Dial that has not ended yet: the caller hears the step once it is free
                    heldStepPrompts.add(a.prompt());
                }
            }
            case Decision.CallOffered o -> {
                if (phase == Phase.DIALING) {
                    // the line is still in the Dial of an offer the ACD let go: this one waits for it, and the ACD
                    // holds it meanwhile rather than count this agent's ring timeout for a phone not yet rung
                    nextOffer = o;
                    submit(new AcdEvent.OfferDelayed(now(), callId, o.agentId()));
                } else {
                    dial(o, false);
                }
            }
            case Decision.CallRequeued r -> {
                if (phase != Phase.DIALING) {
                    waitWithMusic();
                } else if (nextOffer != null && nextOffer.agentId().equals(r.agentId())) {
                    nextOffer = null;
                } else {
                    offerWithdrawn = true;
                }
            }
            case Decision.CallTreated t -> treated(t);
            case Decision.CallEnded e -> {
                acdOpen = false;
                if (!endingOwned) {
                    endingOwned = true;
                    hangUpAndFinish();
                }
            }
            case Decision.EventRejected r -> rejected(r);
            // the call stays where it is: an escalation changes its groups, a move keeps it waiting with music
            case Decision.CallEscalated e -> { }
            case Decision.CallReplanned r -> { }
            case Decision.CallMoved m -> { }
            case Decision.CallAnswered a -> { }
            case Decision.AgentStateChanged s -> { }
            case Decision.AgentAfterCall a -> { }
            case Decision.AgentPhoneChanged p -> { }
            case Decision.ConfigApplied c -> { }
        }
    }

    private void callerHungUp() {
        if (hungUp || phase == Phase.DONE) {
            return;
        }
        hungUp = true;
        if (inVoicemail) {
            return; // VoiceMail answers -1 and saves the message; voicemailLeft reads VMSTATUS, then ends
        }
        if (filing) {
            return; // the filing's answer ends the call (filedAfterHangUp), within ivr.requestTimeout
        }
        endForHangUp();
    }

    /** The caller is gone: the flow or the ACD is told how the call ended, and the session ends. */
    private void endForHangUp() {
        activity++;
        if (ivrState != null && !ivrState.finished()) {
            ivrState = ivr.step(ivrState, Input.HANG_UP, Instant.ofEpochMilli(now())).state();
        }
        if (ivrState != null && flowInAcd && acdOpen
                && ivrState.outcome().orElse(null) instanceof Outcome.EndedByFlow ended) {
            // the flow had reached its end, its goodbye still playing (or not yet sent, after a request filed as
            // the caller hung up): the caller was served, not lost
            acdOpen = false;
            recordResults(ended);
            submit(ended.selfServiceCompleted() ? new AcdEvent.SelfServiceCompleted(now(), callId, flowName)
                    : new AcdEvent.IvrEnded(now(), callId, flowName, ended.disposition()));
        }
        if (acdOpen) {
            acdOpen = false;
            // as Hotline stops it closes the session itself: the caller is still there, and the dialplan goes on;
            // so it does when Asterisk broke the protocol or stopped answering (nobody is known to have hung up)
            Optional<String> cut = channel.endedWithoutHangUp();
            submit(sessions.isStopping() ? new AcdEvent.CallHandedBack(now(), callId, "Hotline stopped")
                    : cut.isPresent() ? new AcdEvent.CallHandedBack(now(), callId, cut.get())
                    : new AcdEvent.CallerHungUp(now(), callId, phase == Phase.DIALING && dialReplied));
        }
        finish();
    }

    // ------------------------------------------------------------------------------------------ ACD

    private void classified(Decision.CallClassified c) {
        businessType = c.businessType();
        vip = c.vip().isPresent();
        fire(AgiCommands.answer());
        if (callback.isPresent()) {
            queueCallback(callback.get());
            return;
        }
        c.ivrFlow().ifPresentOrElse(flow -> startFlow(flow, true),
                () -> requestQueue(Optional.empty(), 0, Map.of()));
    }

    /** The greeting, then the callback's queue with its priority and the data the customer's request attached. */
    private void queueCallback(Callback cb) {
        Callbacks.CallbackCall call = cb.call();
        Map<String, String> data = new java.util.HashMap<>(call.attachedData());
        data.put(CALLBACK_DATA, cb.requestId());
        Runnable queue = () -> requestQueue(Optional.of(call.businessType()), call.priorityRaise(), data);
        if (call.greeting().isEmpty()) {
            queue.run();
            return;
        }
        AgiCommand greeting;
        try {
            greeting = AgiCommands.streamFile(call.greeting(), "");
        } catch (IllegalArgumentException e) {
            LOG.warn("call {}: the callback greeting cannot be played ({}); queued without it", callId,
                    e.getMessage());
            queue.run();
            return;
        }
        activity++;
        run(List.of(greeting), queue);
    }

    private void requestQueue(Optional<String> type, int priorityRaise, Map<String, String> attachedData) {
        phase = Phase.QUEUEING;
        submit(new AcdEvent.QueueRequested(now(), callId, type, priorityRaise, attachedData));
    }

    private void waitWithMusic() {
        if (phase == Phase.ENDING || phase == Phase.IN_IVR) {
            return;
        }
        phase = Phase.WAITING;
        if (announcedAt < 0) {
            announcedAt = now();
        }
        if (!musicOn && stepPrompts == 0) {
            musicOn = true;
            fire(AgiCommands.exec("StartMusicOnHold", settings.musicOnHoldClass()));
        }
        armAnnouncements();
    }

    /**
     * An escalation step's prompt ("thank you for waiting, we are connecting you to a colleague"): the caller hears it
     * whatever the step or the ACD does next, so it goes on the line at once, not as a chain an offer cuts short: an
     * offer rings once it has played (the line is busy: the ACD holds the offer meanwhile), and a step's hang-up,
     * voicemail or overflow follows it. A position announcement under way is cut after its current prompt. Music comes
     * back after it for a caller still waiting.
     */
    private void stepPrompt(String prompt) {
        if (hungUp) {
            return;
        }
        if (announcing) {
            announcing = false;
            activity++;
        }
        AgiCommand play;
        try {
            play = AgiCommands.streamFile(prompt, "");
        } catch (IllegalArgumentException e) {
            LOG.error("call {}: escalation step prompt '{}' cannot be sent: {}", callId, WireText.visible(prompt),
                    e.getMessage());
            return;
        }
        stopMusic().forEach(this::queue);
        stepPrompts++;
        queue(play).whenComplete((reply, failure) -> mailbox.post(() -> {
            stepPrompts--;
            // the caller was just spoken to: the next position announcement is a whole interval after this prompt
            announcedAt = now();
            if (stepPrompts == 0 && phase == Phase.WAITING && !hungUp && !announcing) {
                waitWithMusic();
            }
        }));
    }

    private void treated(Decision.CallTreated treated) {
        switch (treated.treatment()) {
            case Treatment.Overflow o -> { }
            case Treatment.Hangup h -> {
                endingOwned = true;
                playAndHangUp(h.prompt(), false);
            }
            case Treatment.Voicemail v -> {
                endingOwned = true;
                List<AgiCommand> commands = stopMusic();
                try {
                    if (!v.prompt().isEmpty()) {
                        commands.add(AgiCommands.streamFile(v.prompt(), ""));
                    }
                    commands.add(AgiCommands.exec("VoiceMail", v.mailbox(), "u"));
                } catch (IllegalArgumentException e) {
                    LOG.error("call {}: voicemail treatment cannot be sent: {}", callId, e.getMessage());
                    playAndHangUp(sessions.loop.busyPrompt(), false);
                    return;
                }
                phase = Phase.ENDING;
                inVoicemail = true;
                runWhatever(commands, () -> voicemailLeft(v.mailbox(), Map.of("queue", treated.queue(),
                        "treatment", treated.cause().name())));
            }
            case Treatment.IvrFlow f -> {
                // the ACD keeps the call while the flow runs, and counts how the flow ends it (self-service...);
                // the flow cannot put it back in a queue (that one just turned it away): see TransferToQueue
                endingOwned = true;
                activity++;
                stopMusic().forEach(this::fire);
                treatmentFlow = true;
                startFlow(f.flow(), true);
            }
        }
    }

    private void rejected(Decision.EventRejected r) {
        switch (r.event()) {
            case AcdEvent.CallArrived a -> {
                // the ACD does not know the call (another call holds its id): no record will take its facts
                LOG.warn("call {}: the ACD refused it ({}); the caller hears the busy prompt. Two Asterisk servers "
                        + "without a systemname can give two calls one uniqueid (docs/asterisk.md)", callId,
                        r.message());
                sessions.telephony.forget(callId);
                acdOpen = false;
                endingOwned = true;
                playAndHangUp(sessions.loop.busyPrompt(), true);
            }
            case AcdEvent.QueueRequested q -> {
                LOG.warn("call {}: the ACD refused the queue request ({}); the caller hears the busy prompt", callId,
                        r.message());
                if (acdOpen) {
                    acdOpen = false;
                    submit(new AcdEvent.IvrEnded(now(), callId, flowName.isEmpty() ? "none" : flowName,
                            "queue request refused"));
                }
                endingOwned = true;
                playAndHangUp(sessions.loop.busyPrompt(), false);
            }
            default -> LOG.info("call {}: the ACD rejected {}: {}", callId, r.event(), r.message());
        }
    }

    // ------------------------------------------------------------------------------------------ IVR

    private void startFlow(String flow, boolean inAcd) {
        phase = Phase.IN_IVR;
        flowName = flow;
        flowInAcd = inAcd;
        ivr = new FlowInterpreter(sessions.flows.get(), sessions.flowListener, sessions.queueHours);
        Step step;
        try {
            step = ivr.start(flow, new CallContext(caller, dialled, businessType, vip, language,
                            sessions.loop.callerNumbers().significant(caller)),
                    Instant.ofEpochMilli(now()));
        } catch (IllegalArgumentException e) {
            LOG.error("call {}: IVR flow {} cannot start: {}", callId, flow, e.getMessage());
            if (inAcd && acdOpen) {
                acdOpen = false;
                submit(new AcdEvent.IvrEnded(now(), callId, flow, "flow cannot start"));
            }
            endingOwned = true;
            playAndHangUp(sessions.loop.busyPrompt(), false);
            return;
        }
        perform(step);
    }

    private void perform(Step step) {
        ivrState = step.state();
        Action action = step.action();
        switch (action) {
            case Action.Play a -> prompt(a);
            case Action.SayNumber a -> prompt(a);
            case Action.SayDigits a -> prompt(a);
            case Action.SayDateTime a -> prompt(a);
            case Action.Collect a -> prompt(a);
            case Action.SetLanguage a -> prompt(a);
            case Action.Lookup lookup -> {
                int mine = activity;
                sessions.lookups.lookup(lookup).whenComplete((input, failure) -> mailbox.post(() -> {
                    if (mine == activity) {
                        Input answer = failure != null ? new Input.LookupFailed(lookup.source() + ": " + failure)
                                : input;
                        if (answer instanceof Input.LookupFailed failed) {
                            // a back end that is down shows in the log, not only in callers put through to agents
                            LOG.warn("call {}: flow {} node {}: lookup failed ({}); the flow takes its failed path",
                                    callId, ivrState.flow(), ivrState.node(), WireText.visible(failed.reason()));
                        }
                        step(answer);
                    }
                }));
            }
            case Action.RecordMessage record -> {
                String file = "hotline/messages/" + safe(record.mailbox()) + "-" + callId;
                send(AgiCommands.recordFile(file, "wav", "#", record.maxDuration()), reply -> fileRequest("message for "
                        + record.mailbox(), () -> sessions.requests.messageRecorded(callId, caller, record.mailbox(),
                        file, record.attachedData())));
            }
            case Action.RequestCallback callback -> fileRequest("callback request",
                    () -> sessions.requests.callbackRequested(callId, callback.number(), dialled,
                            callback.businessType().isEmpty() ? businessType : callback.businessType(),
                            callback.attachedData()));
            case Action.TransferToQueue transfer -> {
                if (flowInAcd && acdOpen && !treatmentFlow) {
                    requestQueue(transfer.businessType().isEmpty() ? Optional.empty()
                            : Optional.of(transfer.businessType()), transfer.priorityRaise(), transfer.attachedData());
                } else {
                    LOG.warn("call {}: treatment flow {} asks for a queue, but a queue's treatment sent the call "
                            + "there; the caller hears the busy prompt", callId, flowName);
                    if (flowInAcd && acdOpen) {
                        acdOpen = false;
                        submit(new AcdEvent.IvrEnded(now(), callId, flowName, "queue asked in a treatment flow"));
                    }
                    endingOwned = true;
                    playAndHangUp(sessions.loop.busyPrompt(), false);
                }
            }
            case Action.Hangup hangup -> {
                endingOwned = true;
                if (flowInAcd && acdOpen) {
                    acdOpen = false;
                    Outcome outcome = ivrState.outcome().orElseThrow();
                    if (outcome instanceof Outcome.EndedByFlow ended) {
                        recordResults(ended);
                    }
                    submit(outcome instanceof Outcome.EndedByFlow ended && ended.selfServiceCompleted()
                            ? new AcdEvent.SelfServiceCompleted(now(), callId, flowName)
                            : new AcdEvent.IvrEnded(now(), callId, flowName, hangup.disposition()));
                }
                hangUpAndFinish();
            }
            case Action.Finished finished -> { }
        }
    }

    /** What the flow's end node recorded (a survey's rating), for the journal; nothing when it records nothing. */
    private void recordResults(Outcome.EndedByFlow ended) {
        if (!ended.results().isEmpty()) {
            sessions.requests.resultsRecorded(callId, ended.flow(), ended.disposition(), ended.results());
        }
    }

    /** A prompt-like action: one command, its reply is the flow's next input. */
    private void prompt(Action action) {
        AgiCommand command;
        try {
            command = IvrCommands.command(action);
        } catch (IllegalArgumentException e) {
            // the action and the reason may hold what a lookup answered: escaped, never raw in the log
            LOG.warn("call {}: flow {} node {}: {} cannot be sent ({}); skipped", callId, ivrState.flow(),
                    ivrState.node(), WireText.visible(action.toString()),
                    WireText.visible(String.valueOf(e.getMessage())));
            step(IvrCommands.notHeard(action));
            return;
        }
        send(command, reply -> {
            if (IvrCommands.mayBeHangUp(reply)) {
                awaitHangUp(action, command);
                return;
            }
            if (reply instanceof AgiReply.InvalidCommand || reply instanceof AgiReply.Usage) {
                LOG.warn("call {}: flow {} node {}: Asterisk did not take '{}' ({}); the flow goes on as if it was "
                        + "not heard", callId, ivrState.flow(), ivrState.node(), command,
                        reply instanceof AgiReply.Usage ? "520, its usage" : "510, an unknown command");
            }
            Input input = IvrCommands.input(action, reply);
            if (input != null) {
                step(input);
            }
        });
    }

    /**
     * Result -1 to a prompt: a hang-up's HANGUP line follows at once; if none has come within
     * {@link #PROMPT_FAILED_AFTER}, the caller is still there and the prompt could not be played (a missing sound
     * file), so the flow goes on rather than leave the caller in silence.
     */
    private void awaitHangUp(Action action, AgiCommand command) {
        SessionState waitingIn = ivrState;
        sessions.scheduler.schedule(PROMPT_FAILED_AFTER, () -> mailbox.post(() -> {
            if (!hungUp && phase == Phase.IN_IVR && ivrState == waitingIn) {
                LOG.warn("call {}: flow {} node {}: Asterisk could not play '{}' (result -1, and the caller is still "
                        + "there: a missing sound file?); the flow goes on", callId, ivrState.flow(), ivrState.node(),
                        command);
                step(IvrCommands.notHeard(action));
            }
        }));
    }

    /**
     * Files what the caller left and lets the flow go on only once it is filed ({@code ActionDone}): what the flow
     * plays next may tell the caller it was taken. If filing fails or is not confirmed within the settings'
     * {@code requestTimeout}, the flow hears {@code RequestFailed} and takes its failed path. The session waits on
     * its mailbox, blocking no thread; a hang-up meanwhile leaves the answer nowhere to go (the request is still
     * filed, or logged as lost).
     */
    private void fileRequest(String request, Supplier<CompletionStage<Void>> filing) {
        int mine = activity;
        String where = "flow " + ivrState.flow() + " node " + ivrState.node();
        Duration limit = settings.requestTimeout();
        CompletableFuture<Throwable> answer = new CompletableFuture<>();
        SessionScheduler.Timer timer = sessions.scheduler.schedule(limit,
                () -> answer.complete(new TimeoutException("not filed within " + limit.toMillis() + " ms")));
        try {
            filing.get().whenComplete((filed, failure) -> answer.complete(failure));
        } catch (RuntimeException e) {
            answer.complete(e);
        }
        this.filing = true;
        answer.thenAccept(failure -> mailbox.post(() -> {
            timer.cancel();
            this.filing = false;
            Input input = failure == null ? Input.DONE : new Input.RequestFailed(reason(failure));
            if (failure != null && cause(failure) instanceof IllegalArgumentException) {
                // what the caller gave (a withheld number to call back on): the flow's failed path, not a fault
                LOG.warn("call {}: {}: the {} was refused ({}); the caller is not told it was taken", callId, where,
                        request, reason(failure));
            } else if (failure != null) {
                LOG.error("call {}: {}: the {} could not be filed ({}); the caller is not told it was taken", callId,
                        where, request, reason(failure));
            }
            if (hungUp && phase != Phase.DONE) {
                filedAfterHangUp(input);
            } else if (mine == activity) {
                step(input);
            }
        }));
    }

    /**
     * The caller hung up while their request was being filed. Filed, the flow goes on from it as far as a caller no
     * longer there lets it (a "your request is noted" goodbye is its end, as the flow says); either way the hang-up
     * then ends the call.
     */
    private void filedAfterHangUp(Input input) {
        if (input == Input.DONE && ivrState != null && !ivrState.finished()) {
            ivrState = ivr.step(ivrState, Input.DONE, Instant.ofEpochMilli(now())).state();
        }
        endForHangUp();
    }

    private static String reason(Throwable failure) {
        Throwable cause = cause(failure);
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }

    private static Throwable cause(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private void step(Input input) {
        if (phase != Phase.IN_IVR) {
            return;
        }
        perform(ivr.step(ivrState, input, Instant.ofEpochMilli(now())));
    }

    // ------------------------------------------------------------------------------------------ queue and agent

    private void armAnnouncements() {
        if (announceTimer != null || hungUp || settings.announceEvery().isZero()) {
            return;
        }
        // due announceEvery after the last one (or after the call started waiting); one that fell due while an
        // offer rang comes a moment after the caller is back, unless the next offer comes first
        long due = announcedAt + settings.announceEvery().toMillis() - now();
        announceTimer = sessions.scheduler.schedule(Duration.ofMillis(Math.max(due, OVERDUE_ANNOUNCEMENT_AFTER)),
                () -> mailbox.post(this::announcementDue));
    }

    private void announcementDue() {
        announceTimer = null;
        if (phase != Phase.WAITING) {
            return;
        }
        if (announcedAt + settings.announceEvery().toMillis() > now()) {
            // a step's prompt spoke to the caller since this was armed: the interval counts from it
            armAnnouncements();
            return;
        }
        sessions.loop.waitingCall(callId).thenAccept(waiting -> mailbox.post(() -> {
            waiting.ifPresent(w -> {
                if (phase == Phase.WAITING && stepPrompts == 0) {
                    announcedAt = now();
                    announce(position(w));
                }
            });
            if (phase == Phase.WAITING) {
                armAnnouncements();
            }
        }));
    }

    private List<AgiCommand> position(WaitingCall waiting) {
        SessionSettings s = settings;
        List<AgiCommand> said = new ArrayList<>();
        if (waiting.position() == 1 && !s.nextPrompt().isEmpty()) {
            said.add(AgiCommands.streamFile(s.nextPrompt(), ""));
        } else {
            said.add(AgiCommands.streamFile(s.positionPrompt(), ""));
            said.add(AgiCommands.sayNumber(waiting.position(), ""));
            if (!s.positionSuffix().isEmpty()) {
                said.add(AgiCommands.streamFile(s.positionSuffix(), ""));
            }
        }
        long minutes = Math.round(waiting.expectedWaitMillis() / 60_000.0);
        if (minutes >= 1) {
            said.add(AgiCommands.streamFile(s.holdTimePrompt(), ""));
            said.add(AgiCommands.sayNumber(minutes, ""));
            said.add(AgiCommands.streamFile(minutes == 1 ? s.minutePrompt() : s.minutesPrompt(), ""));
        }
        return said;
    }

    /** Music off, the prompts, music on again; an offer meanwhile cuts it short after the prompt that plays. */
    private void announce(List<AgiCommand> prompts) {
        if (announcing) {
            return;
        }
        announcing = true;
        activity++;
        List<AgiCommand> commands = stopMusic();
        commands.addAll(prompts);
        run(commands, () -> {
            announcing = false;
            waitWithMusic();
        });
    }

    /** Dials the agent of {@code o}; {@code held}: the ACD was told the offer waits for the line (OfferDelayed). */
    private void dial(Decision.CallOffered o, boolean held) {
        cancelAnnouncements();
        announcing = false;
        phase = Phase.DIALING;
        offer = o;
        nextOffer = null;
        dialReplied = false;
        offerWithdrawn = false;
        answerReported = false;
        activity++;
        long seconds = dialSeconds(o.ringTimeoutMillis());
        AgiCommand dial;
        try {
            dial = AgiCommands.exec("Dial", o.endpoint(), Long.toString(seconds),
                    "U(" + settings.answeredContext() + "^" + callId + ")");
        } catch (IllegalArgumentException e) {
            LOG.error("call {}: agent {}'s endpoint cannot be dialled: {}", callId, o.agentId(), e.getMessage());
            phase = Phase.WAITING;
            submit(new AcdEvent.OfferFailed(now(), callId, o.agentId(), "endpoint cannot be dialled"));
            return;
        }
        CompletionStage<AgiReply> lineBusy = lastQueued;
        if (lineBusy == null || lineBusy.toCompletableFuture().isDone()) {
            if (held) {
                submit(new AcdEvent.OfferRinging(now(), callId, o.agentId(), o.ringTimeoutMillis()));
            }
            startDial(dial);
            return;
        }
        // A prompt still plays (a position announcement, a step's): Dial can start only when it ends. The ACD holds
        // the offer meanwhile and counts the ring timeout from when the phone rings, or it would withdraw an offer
        // still ringing (and make the agent not ready for a phone that never rang).
        if (!held) {
            submit(new AcdEvent.OfferDelayed(now(), callId, o.agentId()));
        }
        lineBusy.whenComplete((reply, failure) -> mailbox.post(() -> {
            if (phase != Phase.DIALING || offer != o) {
                return;
            }
            if (failure != null || reply instanceof AgiReply.Success r && r.result().equals("-1")) {
                // the caller hung up during the prompt (its HANGUP line follows at once), or the prompt failed:
                // dial only once it is clear the caller is still there
                sessions.scheduler.schedule(PROMPT_FAILED_AFTER, () -> mailbox.post(() -> lineFree(o, dial)));
                return;
            }
            lineFree(o, dial);
        }));
    }

    /** The caller's line is free for the delayed offer {@code o}: dialled if it still stands, else the next one. */
    private void lineFree(Decision.CallOffered o, AgiCommand dial) {
        if (phase != Phase.DIALING || offer != o || hungUp) {
            return;
        }
        if (offerWithdrawn || !acdOpen) {
            // the ACD let the offer go meanwhile: this agent's phone is not rung
            offer = null;
            phase = Phase.WAITING;
            backToWaiting();
            return;
        }
        submit(new AcdEvent.OfferRinging(now(), callId, o.agentId(), o.ringTimeoutMillis()));
        startDial(dial);
    }

    private void startDial(AgiCommand dial) {
        dialStartedAt = now();
        watchDial(offer);
        List<AgiCommand> commands = stopMusic();
        commands.add(dial);
        run(commands, () -> {
            dialReplied = true;
            send(AgiCommands.getVariable("DIALSTATUS"), this::dialEnded);
        });
    }

    /**
     * Dial ends by its own timeout unless the agent answers, and the answer is reported at once (the U() subroutine):
     * a Dial neither ended nor answered well after its timeout means Asterisk stalled or the connection is cut, and
     * nothing else would say so for hours (a frozen peer sends no HANGUP line). The ACD meanwhile withdrew the offer
     * and held every next one for a line that never came free, an agent at a time.
     */
    private void watchDial(Decision.CallOffered o) {
        cancelDialWatch();
        Duration overdue = Duration.ofSeconds(dialSeconds(o.ringTimeoutMillis())).plus(DIAL_OVERDUE);
        dialWatch = sessions.scheduler.schedule(overdue, () -> mailbox.post(() -> {
            if (phase == Phase.DIALING && offer == o && !answerReported && !hungUp) {
                String why = "Asterisk did not end Dial to agent " + o.agentId() + " within " + overdue
                        + " though nobody answered (stalled, or the connection is cut)";
                LOG.warn("call {}: {}; the call goes back to Asterisk's dialplan", callId, why);
                channel.abandon(why);
            }
        }));
    }

    private void cancelDialWatch() {
        if (dialWatch != null) {
            dialWatch.cancel();
            dialWatch = null;
        }
    }

    /** How long after its own timeout an unanswered Dial may take to end before Asterisk is taken to be stuck. */
    static final Duration DIAL_OVERDUE = Duration.ofSeconds(30);
    /** How long after a caller is back from a ring an announcement that fell due meanwhile comes, in ms. */
    static final long OVERDUE_ANNOUNCEMENT_AFTER = 2_000;

    /**
     * Dial's timeout for a ring timeout of the ACD: whole seconds (older Asterisks read no fraction), and a second
     * short of the ACD's timer, whose count began before Dial did. Asterisk then gives up first and says NOANSWER,
     * so an agent cannot pick up after the ACD has withdrawn the offer (a conversation the figures would miss); the
     * ACD's timer stays the backstop for a session that never reports. A ring timeout under two seconds gets one.
     */
    static long dialSeconds(long ringTimeoutMillis) {
        return Math.max(1, (ringTimeoutMillis - DIAL_MARGIN_MILLIS) / 1000);
    }

    private void dialEnded(AgiReply reply) {
        cancelDialWatch();
        String status = reply instanceof AgiReply.Success s && s.result().equals("1") ? s.data().orElse("") : "";
        Decision.CallOffered dialled = offer;
        offer = null;
        if (status.equals("ANSWER")) {
            agentReached = true;
            // the conversation is over and the caller is still here (a caller hang-up ends the session first)
            phase = Phase.ENDING;
            endingOwned = true;
            if (acdOpen) {
                acdOpen = false;
                if (!answerReported && !offerWithdrawn) {
                    LOG.warn("call {}: agent {} answered but the answer never reached Hotline (dialplan context {}"
                            + " missing?); reporting it now", callId, dialled.agentId(),
                            settings.answeredContext());
                    submit(new AcdEvent.OfferAnswered(now(), callId, dialled.agentId()));
                } else if (!answerReported) {
                    LOG.warn("call {}: agent {} talked to the caller, but the answer never reached Hotline (dialplan "
                            + "context {} missing?) and the ring timeout withdrew the offer: the call is counted as "
                            + "abandoned and the agent was made not ready for a missed call", callId,
                            dialled.agentId(), settings.answeredContext());
                }
                submit(offerWithdrawn && !answerReported ? new AcdEvent.CallerHungUp(now(), callId)
                        : new AcdEvent.AgentHungUp(now(), callId));
            }
            hangUpAndFinish();
            return;
        }
        phase = Phase.WAITING;
        if (!offerWithdrawn) {
            heldStepPrompts.clear(); // none: the offer stood until the Dial ended
            if (status.isEmpty()) {
                // Dial never set DIALSTATUS (a bad endpoint, an unknown channel driver): the agent's phone is the
                // likely cause, and the ACD makes the agent not ready for it
                LOG.warn("call {}: Dial to agent {} ({}) ended without a DIALSTATUS ({}); the agent is made not "
                        + "ready", callId, dialled.agentId(), dialled.endpoint(), reply);
            }
            String cause = cause(status);
            if (status.equals("NOANSWER")
                    && now() - dialStartedAt < dialSeconds(dialled.ringTimeoutMillis()) * 1000 - 1000) {
                // the phone (or the network) gave up well before Dial's timeout: not an agent who let it ring; one
                // wording, as it becomes the agent's not-ready reason, which the figures add up by
                cause = EARLY_NO_ANSWER;
            }
            if (cause.equals(UNKNOWN_STATUS)) {
                LOG.warn("call {}: Dial to agent {} ({}) ended with DIALSTATUS '{}', which Asterisk does not set; the "
                        + "agent is made not ready", callId, dialled.agentId(), dialled.endpoint(),
                        WireText.visible(status));
            }
            // the ACD answers with CallRequeued (music again) and perhaps the next agent's CallOffered
            submit(new AcdEvent.OfferFailed(now(), callId, dialled.agentId(), cause));
        } else {
            backToWaiting();
        }
    }

    /**
     * The line is free again after an offer the ACD let go: the step prompts that fell due meanwhile, then the next
     * offer (which waits for them) or the music.
     */
    private void backToWaiting() {
        List<String> held = List.copyOf(heldStepPrompts);
        heldStepPrompts.clear();
        if (acdOpen) {
            held.forEach(this::stepPrompt);
        }
        if (nextOffer != null) {
            dial(nextOffer, true);
        } else if (acdOpen && held.isEmpty()) {
            // after step prompts, the last of them brings the music back
            waitWithMusic();
        }
    }

    /** The not-ready reason of a NOANSWER well before Dial's timeout: the phone declined or was not reachable. */
    static final String EARLY_NO_ANSWER = "no answer before the ring timeout (the phone gave up)";

    /** The not-ready reason of a DIALSTATUS that is none of Asterisk's: its text stays in the log, not the figures. */
    private static final String UNKNOWN_STATUS = "dial failed (unknown DIALSTATUS)";

    /** The reason the agent is made not ready for, by Asterisk's DIALSTATUS (app_dial.c sets these and no other). */
    private static String cause(String dialStatus) {
        return switch (dialStatus) {
            case "NOANSWER" -> AcdEvent.OfferFailed.RANG_OUT;
            case "BUSY" -> "busy";
            case "CHANUNAVAIL" -> "unavailable";
            case "CONGESTION" -> "congestion";
            case "CANCEL" -> "dial cancel";
            case "DONTCALL", "TORTURE" -> "dial " + dialStatus.toLowerCase(Locale.ROOT);
            case "INVALIDARGS" -> "dial invalid arguments";
            case "" -> "dial failed";
            default -> UNKNOWN_STATUS;
        };
    }

    private void cancelAnnouncements() {
        if (announceTimer != null) {
            announceTimer.cancel();
            announceTimer = null;
        }
    }

    // ------------------------------------------------------------------------------------------ commands

    private List<AgiCommand> stopMusic() {
        List<AgiCommand> commands = new ArrayList<>();
        if (musicOn) {
            musicOn = false;
            commands.add(AgiCommands.exec("StopMusicOnHold"));
        }
        return commands;
    }

    private void playAndHangUp(String prompt, boolean answerFirst) {
        phase = Phase.ENDING;
        cancelAnnouncements();
        activity++;
        List<AgiCommand> commands = new ArrayList<>();
        if (answerFirst) {
            commands.add(AgiCommands.answer());
        }
        commands.addAll(stopMusic());
        commands.add(AgiCommands.streamFile(prompt, ""));
        commands.add(AgiCommands.hangup());
        run(commands, this::finish);
    }

    private void hangUpAndFinish() {
        phase = Phase.ENDING;
        cancelAnnouncements();
        activity++;
        if (hungUp) {
            finish();
        } else {
            send(AgiCommands.hangup(), reply -> finish());
        }
    }

    /**
     * Asterisk's VoiceMail returned (the caller hung up, or pressed #): VMSTATUS says whether it kept a message, and
     * a kept one is filed as {@code message-left} with the queue and treatment, for whoever calls back. The session
     * then ends, with a HANGUP if the caller is still there. The connection closing first ends it too.
     */
    private void voicemailLeft(String mailboxName, Map<String, String> about) {
        queue(AgiCommands.getVariable("VMSTATUS")).whenComplete((reply, failure) -> mailbox.post(() -> {
            inVoicemail = false;
            if (failure != null) {
                LOG.warn("call {}: whether a message was left in mailbox {} is unknown: {}", callId, mailboxName,
                        failure.getMessage());
            } else if (reply instanceof AgiReply.Success ok && ok.data().filter("SUCCESS"::equals).isPresent()) {
                sessions.requests.messageRecorded(callId, caller, mailboxName, "", about).whenComplete((filed, e) -> {
                    if (e != null) {
                        LOG.error("call {}: the message left in mailbox {} could not be filed: {}", callId,
                                mailboxName, reason(e));
                    }
                });
            } else {
                LOG.info("call {}: no message left in mailbox {} (VMSTATUS {})", callId, mailboxName,
                        reply instanceof AgiReply.Success ok ? ok.data().orElse("not set") : reply);
            }
            if (hungUp || phase == Phase.DONE) {
                finish();
            } else {
                run(List.of(AgiCommands.hangup()), this::finish);
            }
        }));
    }

    private void finish() {
        if (phase == Phase.DONE) {
            return;
        }
        phase = Phase.DONE;
        cancelAnnouncements();
        cancelDialWatch();
        if (subscribed) {
            sessions.loop.unsubscribe(callId);
        }
        callback.ifPresent(cb -> sessions.callbacks.ended(cb.requestId(), callId, agentReached
                ? Callbacks.Ending.AGENT_ANSWERED : hungUp ? Callbacks.Ending.CUSTOMER_HUNG_UP
                : Callbacks.Ending.NOT_SERVED));
        sessions.ended(this);
        channel.close();
    }

    /** Sends the commands one after another, then runs {@code then}; a newer activity stops the chain. */
    private void run(List<AgiCommand> commands, Runnable then) {
        if (commands.isEmpty()) {
            then.run();
            return;
        }
        send(commands.getFirst(), reply -> run(commands.subList(1, commands.size()), then));
    }

    /**
     * Sends the commands one after another, then runs {@code then}, whatever each reply was, failures included: for
     * a chain that must reach its end even when the connection goes (a closed channel fails what is sent at once).
     */
    private void runWhatever(List<AgiCommand> commands, Runnable then) {
        if (commands.isEmpty()) {
            then.run();
            return;
        }
        queue(commands.getFirst()).whenComplete((reply, failure) -> mailbox.post(() -> {
            if (phase != Phase.DONE) {
                runWhatever(commands.subList(1, commands.size()), then);
            }
        }));
    }

    /** Sends one command of the current activity; its reply is handled only if no newer activity began. */
    private void send(AgiCommand command, Consumer<AgiReply> then) {
        int mine = activity;
        queue(command).whenComplete((reply, failure) -> mailbox.post(() -> {
            if (failure != null) {
                LOG.debug("call {}: '{}' got no reply: {}", callId, command, failure.getMessage());
            } else if (mine == activity && phase != Phase.DONE) {
                then.accept(reply);
            }
        }));
    }

    /** Sends a command whose reply changes nothing (ANSWER before the IVR, music on). */
    private void fire(AgiCommand command) {
        queue(command).whenComplete((reply, failure) -> {
            if (failure != null) {
                LOG.debug("call {}: '{}' got no reply: {}", callId, command, failure.getMessage());
            } else if (failed(reply)) {
                // nothing waits on it, so nobody else would say it: a music-on-hold class that does not exist
                // leaves every waiting caller in silence
                LOG.warn("call {}: Asterisk answered '{}' with '{}'; the call goes on", callId, command, reply);
            }
        });
    }

    /** A reply that says the command did not work (a dead channel is the caller gone, said elsewhere). */
    private static boolean failed(AgiReply reply) {
        return switch (reply) {
            case AgiReply.Success s -> s.result().startsWith("-");
            case AgiReply.DeadChannel d -> false;
            case AgiReply.Trying t -> false;
            case AgiReply.InvalidCommand i -> true;
            case AgiReply.Usage u -> true;
        };
    }

    /** Every command goes through here: the channel sends them in order, one on the wire at a time. */
    private CompletionStage<AgiReply> queue(AgiCommand command) {
        CompletionStage<AgiReply> reply = channel.send(command);
        lastQueued = reply;
        return reply;
    }

    private void submit(AcdEvent event) {
        sessions.loop.submit(event);
    }

    private long now() {
        return sessions.loop.now();
    }

    /** A mailbox name as part of a file name: nothing that could leave the messages directory. */
    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
