package dev.hotline.bridge.session;

import dev.hotline.acd.AcdEvent;
import dev.hotline.acd.Decision;
import dev.hotline.bridge.agi.AgiEnvironment;
import dev.hotline.bridge.engine.EngineLoop;
import dev.hotline.bridge.engine.ManualClock;
import dev.hotline.bridge.engine.TestCentre;
import dev.hotline.ivr.FlowListener;
import dev.hotline.ivr.FlowLoadResult;
import dev.hotline.ivr.FlowLoader;
import dev.hotline.ivr.FlowSet;
import dev.hotline.ivr.Input;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The real engine loop (stepped by hand, fake clock), the real routing engine over {@link TestCentre}, real IVR flows,
 * the real call sessions, and scripted Asterisk channels. Session tasks run on the calling thread, so every step is
 * deterministic.
 */
final class CallCentreRig {

    /**
     * The IVR flow of {@link TestCentre#TEA_AD_WITH_MENU}: 1 order (queue), 2 order status (self-service), 4 call me
     * back (its failed exit says sorry), 5 leave a message (no failed exit), 9 closed.
     */
    static final String MENU_FLOW = """
            flow: menu
            start: main
            variables: { told: string }
            nodes:
              main:
                type: menu
                prompts: [tv/main-menu]
                options: { "1": to-sales, "2": status, "3": say-caller, "4": call-me-back, "5": leave-message,
                           "9": closed }
                timeout: 5s
                on-failure: to-sales
              to-sales:
                type: queue
                priority-raise: 2
                attach: { choice: "'order'" }
              status:
                type: play
                prompts: [tv/order-delivered]
                next: told
              say-caller:
                type: say
                as: digits
                value: caller
                next: told
              told:
                type: hangup
                prompts: [common/thanks-goodbye]
                disposition: order-status-told
                self-service: true
                record: [told]
              call-me-back:
                type: callback
                number: caller
                next: request-noted
                failed: request-not-taken
              leave-message:
                type: voicemail
                mailbox: sales
                max-duration: 60s
                next: request-noted
              request-noted:
                type: hangup
                prompts: [common/request-noted]
                disposition: request-noted
              request-not-taken:
                type: hangup
                prompts: [common/request-not-taken]
                disposition: request-not-taken
              closed:
                type: hangup
                prompts: [common/closed-hours]
                disposition: closed-hours
            """;

    final ManualClock clock = new ManualClock(TestCentre.START);
    final List<Decision> journal = new ArrayList<>();
    final EngineLoop loop;
    final VirtualScheduler scheduler = new VirtualScheduler(clock);
    /** The callbacks being placed, by request id: what a customer answering one is queued as. */
    final Map<String, Callbacks.CallbackCall> callbacksPlaced = new HashMap<>();
    /** How the calls of answered callbacks ended: "request call ENDING". */
    final List<String> callbackEndings = new ArrayList<>();
    /** What the sessions asked to file ("callback 13800138000", "message sales hotline/messages/sales-<id>"). */
    final List<String> filed = new ArrayList<>();
    /** Each request's filing, completed by the test (it stands for the journal forcing the request's line). */
    final Map<String, CompletableFuture<Void>> filings = new LinkedHashMap<>();
    final Map<String, CompletableFuture<Input>> lookups = new LinkedHashMap<>();
    final CallSessions sessions;
    /** What the sessions noted of each call's telephony side. */
    final CallTelephony telephony = new CallTelephony();
    /** The recordings asked for when agents answered: "call channel queue", and whether the ACD knew of the answer. */
    final List<String> recordingsAsked = new ArrayList<>();
    /** Loaded once: compiling a flow's expressions takes a while. */
    private static final FlowSet FLOWS = switch (FlowLoader.load(Map.of("menu.yaml", MENU_FLOW), Map.of())) {
        case FlowLoadResult.Loaded loaded -> loaded.flows();
        case FlowLoadResult.Rejected rejected -> throw new AssertionError(rejected.errors());
    };
    private int calls;

    CallCentreRig(Duration announceEvery) {
        loop = new EngineLoop(TestCentre.config(), 1, clock, 1_000, List.of(journal::add));
        IvrRequests requests = new IvrRequests() {
            @Override
            public CompletableFuture<Void> messageRecorded(String callId, String callerNumber, String mailbox,
                                                           String file, Map<String, String> attachedData) {
                return filing("message " + mailbox + " " + file);
            }

            @Override
            public CompletableFuture<Void> callbackRequested(String callId, String number, String dialledNumber,
                                                             String businessType, Map<String, String> attachedData) {
                return filing("callback " + number + " for " + businessType);
            }

            @Override
            public void resultsRecorded(String callId, String flow, String disposition, Map<String, String> results) {
                filed.add("results " + flow + " " + disposition + " " + new java.util.TreeMap<>(results));
            }
        };
        LookupService lookupService = lookup -> lookups.computeIfAbsent(lookup.source(), s -> new CompletableFuture<>());
        CallRecorder recorder = (callId, channel, queue) -> recordingsAsked.add(callId + " " + channel + " " + queue
                + (decisions(Decision.CallAnswered.class).isEmpty() ? "" : " (after the ACD heard of the answer)"));
        Callbacks callbacks = new Callbacks() {
            @Override
            public Optional<CallbackCall> answered(String requestId, String callId) {
                return Optional.ofNullable(callbacksPlaced.remove(requestId));
            }

            @Override
            public void ended(String requestId, String callId, Ending ending) {
                callbackEndings.add(requestId + " " + callId + " " + ending);
            }
        };
        sessions = new CallSessions(loop, () -> FLOWS, FlowListener.NONE, lookupService, requests, scheduler,
                Runnable::run, SessionSettings.DEFAULTS.withAnnounceEvery(announceEvery), telephony, recorder,
                callbacks);
    }

    CallCentreRig() {
        this(Duration.ZERO);
    }

    private CompletableFuture<Void> filing(String request) {
        filed.add(request);
        return filings.computeIfAbsent(request, r -> new CompletableFuture<>());
    }

    CallCentreRig agentsReady(String... agentIds) {
        for (String id : agentIds) {
            loop.submit(new AcdEvent.AgentLoggedIn(loop.now(), id));
            loop.submit(new AcdEvent.AgentReady(loop.now(), id));
        }
        loop.runOnce();
        return this;
    }

    CallCentreRig agentsLoggedIn(String... agentIds) {
        for (String id : agentIds) {
            loop.submit(new AcdEvent.AgentLoggedIn(loop.now(), id));
        }
        loop.runOnce();
        return this;
    }

    /** A call reaches Hotline's FastAGI {@code inbound} script; the engine takes its arrival. */
    ScriptedAgiChannel call(String caller, String dialled) {
        return call("1795413048." + (++calls), caller, dialled);
    }

    /** As {@link #call(String, String)}, on a channel whose {@code agi_uniqueid} is {@code uniqueId}. */
    ScriptedAgiChannel call(String uniqueId, String caller, String dialled) {
        ScriptedAgiChannel channel = new ScriptedAgiChannel();
        sessions.onStart(channel, environment("inbound", uniqueId, Optional.ofNullable(caller), dialled, Map.of()));
        loop.runOnce();
        return channel;
    }

    /**
     * A customer answers the callback {@code requestId} Hotline placed: Asterisk runs {@code callback?request=<id>}
     * on their channel, which shows the centre's caller id.
     */
    ScriptedAgiChannel customerAnswersCallback(String requestId, String customerNumber) {
        ScriptedAgiChannel channel = new ScriptedAgiChannel();
        String uniqueId = "1795413048." + (++calls);
        sessions.onStart(channel, environment("callback?request=" + requestId, uniqueId, Optional.of("4008001000"),
                customerNumber, Map.of("request", requestId)));
        loop.runOnce();
        return channel;
    }

    /** Dial's U() subroutine on the agent's channel runs {@code answered?call=<id>}. */
    ScriptedAgiChannel agentAnswers(String callId) {
        ScriptedAgiChannel channel = new ScriptedAgiChannel();
        sessions.onStart(channel, environment("answered?call=" + callId, "1795413099.1", Optional.of("1001"), "s",
                Map.of("call", callId)));
        loop.runOnce();
        return channel;
    }

    /** Asterisk plays along with the commands that return at once, and the engine takes what the session sent. */
    void settle(ScriptedAgiChannel channel) {
        for (int i = 0; i < 10; i++) {
            channel.playAlong();
            if (loop.runOnce() == 0 && (channel.next() == null || !returnsAtOnce(channel.next()))) {
                return;
            }
        }
    }

    private static boolean returnsAtOnce(String command) {
        return !command.startsWith("EXEC Dial") && !command.startsWith("EXEC VoiceMail") && !command.startsWith("GET ")
                && !command.startsWith("RECORD FILE");
    }

    /** Time passes: the engine's timers and the sessions' timers that fall due fire. */
    void advance(Duration by) {
        clock.advance(by);
        scheduler.runDue();
        loop.runOnce();
        loop.runOnce();
    }

    <T extends Decision> List<T> decisions(Class<T> type) {
        return journal.stream().filter(type::isInstance).map(type::cast).toList();
    }

    Decision.CallEnded ended(String callId) {
        return decisions(Decision.CallEnded.class).stream().filter(e -> e.callId().equals(callId)).findFirst()
                .orElseThrow(() -> new AssertionError("call " + callId + " has not ended; journal: " + journal));
    }

    static AgiEnvironment environment(String script, String uniqueId, Optional<String> callerId, String dialled,
                                      Map<String, String> parameters) {
        return new AgiEnvironment(script, "agi://127.0.0.1:4573/" + script, "PJSIP/trunk-00000001", "en", "PJSIP",
                uniqueId, "GIT-22", callerId, "Caller", Optional.of(dialled), "unknown", "from-pstn", dialled, "1",
                "0.0", "", "140117597632192", List.of(), parameters, new LinkedHashMap<>());
    }
}
