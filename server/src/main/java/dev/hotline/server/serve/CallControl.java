package dev.hotline.server.serve;

import dev.hotline.acd.model.AgentConfig;
import dev.hotline.bridge.ami.AmiActions;
import dev.hotline.bridge.ami.AmiActions.ListenMode;
import dev.hotline.bridge.session.CallTelephony;
import dev.hotline.server.serve.internal.ServersInTurn;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a supervisor (or, later, the admin API) does to calls through Asterisk's manager interface: hang a call up,
 * and listen in on an agent's call from the supervisor's own phone (an Originate into {@code ChanSpy}). The call
 * session cannot do either itself: while the agent talks it is blocked in {@code EXEC Dial}.
 *
 * <p>With several Asterisk servers each is asked in turn, in configuration order, until one does it (only the server
 * that carries the channel can hang it up; only the one the supervisor's phone is registered to can ring it). Every
 * outcome is a value that says what happened and why, never an exception.
 */
public final class CallControl {

    /** What became of a request. */
    public sealed interface Result {
        /** Asterisk did it. */
        record Done(String what) implements Result {
        }

        /** No running call has that id. */
        record NoSuchCall(String callId) implements Result {
        }

        /** No agent of the configuration in force has that id. */
        record NoSuchAgent(String agentId) implements Result {
        }

        /** The request cannot be done as asked ({@code why}): a supervisor's phone that is the agent's own. */
        record NotPossible(String why) implements Result {
        }

        /** No manager interface is configured or none is connected. */
        record NoManagerInterface(String why) implements Result {
        }

        /** Every server was asked and none did it; {@code reasons} says what each answered. */
        record Refused(List<String> reasons) implements Result {
            public Refused {
                reasons = List.copyOf(reasons);
            }
        }
    }

    private final CallTelephony telephony;
    private final Supplier<List<AgentConfig>> agents;
    private final Supplier<List<AmiActions>> servers;

    /**
     * @param telephony the running calls' inbound channels, as their sessions noted them
     * @param agents    the agents of the configuration in force
     * @param servers   the connected AMI servers in configuration order (none when AMI is not configured)
     */
    public CallControl(CallTelephony telephony, Supplier<List<AgentConfig>> agents,
                       Supplier<List<AmiActions>> servers) {
        this.telephony = Objects.requireNonNull(telephony, "telephony");
        this.agents = Objects.requireNonNull(agents, "agents");
        this.servers = Objects.requireNonNull(servers, "servers");
    }

    /**
     * Hangs up the caller's channel of a running call (cause 16, normal clearing). The FastAGI session then sees the
     * caller go, and the call ends as a caller hang-up would end it at the step it is at.
     */
    public CompletionStage<Result> hangUp(String callId) {
        Optional<String> channel = telephony.channelOf(callId);
        if (channel.isEmpty()) {
            return CompletableFuture.completedFuture(new Result.NoSuchCall(callId));
        }
        return inTurn(actions -> actions.hangup(channel.get()).thenApply(reply -> reply.success()
                ? Optional.<String>empty() : Optional.of(reply.message())), "hung up " + channel.get());
    }

    /**
     * Rings {@code supervisorEndpoint} and, once it is answered, lets the supervisor hear (or speak in, by
     * {@code mode}) the calls of the agent's phone.
     */
    public CompletionStage<Result> listenIn(String supervisorEndpoint, String agentId, ListenMode mode) {
        Objects.requireNonNull(mode, "mode");
        if (supervisorEndpoint == null || supervisorEndpoint.isBlank()) {
            throw new IllegalArgumentException("a supervisor's phone is needed to listen in on agent " + agentId);
        }
        Optional<AgentConfig> agent = agents.get().stream().filter(a -> a.id().equals(agentId)).findFirst();
        if (agent.isEmpty()) {
            return CompletableFuture.completedFuture(new Result.NoSuchAgent(agentId));
        }
        String spied = agent.get().endpoint();
        if (spied.equalsIgnoreCase(supervisorEndpoint)) {
            // ChanSpy would ring the agent's own phone in the middle of their call
            return CompletableFuture.completedFuture(new Result.NotPossible(supervisorEndpoint + " is agent "
                    + agentId + "'s own phone: give the supervisor's phone to ring"));
        }
        Optional<AgentConfig> otherAgents = agents.get().stream()
                .filter(a -> a.endpoint().equalsIgnoreCase(supervisorEndpoint)).findFirst();
        if (otherAgents.isPresent()) {
            // it would ring a colleague's phone, who would hear agent's call (a customer's data) or be taken off theirs
            return CompletableFuture.completedFuture(new Result.NotPossible(supervisorEndpoint + " is agent "
                    + otherAgents.get().id() + "'s phone, not a supervisor's: give the supervisor's phone to ring"));
        }
        // Asterisk's reasons 3 (no answer) and 5 (busy) say this server rang the supervisor's phone: another server
        // would ring it a second time, half a minute later
        int[] rang = {0};
        return inTurn(actions -> actions.listenIn(supervisorEndpoint, spied, mode).thenApply(result -> {
            if (result.success()) {
                return Optional.<String>empty();
            }
            if (result.reason() == 3 || result.reason() == 5) {
                rang[0] = result.reason();
                return Optional.<String>empty();
            }
            return Optional.of("originate failed, reason " + result.reason());
        }), supervisorEndpoint + " listens in on " + spied + " (" + mode + ")")
                .thenApply(result -> result instanceof Result.Done && rang[0] != 0
                        ? new Result.Refused(List.of(supervisorEndpoint + " rang and was " + (rang[0] == 3
                                ? "not answered" : "busy") + " (Asterisk reason " + rang[0] + ")"))
                        : result)
                // below the API's 60 s read timeout, so the supervisor's tool hears why rather than a dropped line
                .toCompletableFuture().completeOnTimeout(new Result.Refused(List.of("Asterisk did not say within "
                        + LISTEN_IN_ANSWER.toSeconds() + " s whether " + supervisorEndpoint + " answered")),
                        LISTEN_IN_ANSWER.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** How long a listen-in waits for Asterisk to say whether the supervisor's phone answered. */
    static final Duration LISTEN_IN_ANSWER = Duration.ofSeconds(45);

    /** Asks each server in turn; an empty answer means it did it, a text why not. */
    private CompletionStage<Result> inTurn(Function<AmiActions, CompletionStage<Optional<String>>> ask,
                                           String done) {
        List<AmiActions> asked = servers.get();
        if (asked.isEmpty()) {
            return CompletableFuture.completedFuture(new Result.NoManagerInterface(
                    "no Asterisk manager interface is connected (server.yaml ami:)"));
        }
        return ServersInTurn.ask(asked, ask).thenApply(outcome -> outcome.done()
                ? new Result.Done(done) : new Result.Refused(outcome.refusals()));
    }
}
