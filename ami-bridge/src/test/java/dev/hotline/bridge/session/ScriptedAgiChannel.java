package dev.hotline.bridge.session;

import dev.hotline.bridge.agi.AgiCommand;
import dev.hotline.bridge.agi.AgiReply;
import dev.hotline.bridge.agi.server.AgiChannel;
import dev.hotline.bridge.agi.server.AgiChannelClosedException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Asterisk's side of one FastAGI session, played by a test: records every command, answers each with the reply the
 * test scripts (in order, like the one-command-at-a-time wire) and can hang the caller up at any moment.
 */
final class ScriptedAgiChannel implements AgiChannel {

    private final List<String> sent = new ArrayList<>();
    private final Deque<Pending> unanswered = new ArrayDeque<>();
    private final List<Runnable> hangupListeners = new ArrayList<>();
    private boolean hungUp;
    private boolean closed;

    private record Pending(String command, CompletableFuture<AgiReply> reply) {
    }

    static AgiReply ok(String result) {
        return new AgiReply.Success(result, Optional.empty(), OptionalLong.empty());
    }

    static AgiReply variable(String value) {
        return new AgiReply.Success("1", Optional.of(value), OptionalLong.empty());
    }

    private String cutShort;

    @Override
    public CompletionStage<AgiReply> send(AgiCommand command) {
        CompletableFuture<AgiReply> reply = new CompletableFuture<>();
        if (closed) {
            reply.completeExceptionally(new AgiChannelClosedException("closed; '" + command + "' was not sent"));
            return reply;
        }
        sent.add(command.text());
        unanswered.add(new Pending(command.text(), reply));
        return reply;
    }

    @Override
    public void onHangup(Runnable listener) {
        if (hungUp) {
            listener.run();
        } else {
            hangupListeners.add(listener);
        }
    }

    @Override
    public void close() {
        closed = true;
    }

    /** The oldest command still waiting for its reply, or null. */
    String next() {
        return unanswered.isEmpty() ? null : unanswered.peek().command();
    }

    /** Answers the oldest command, which must start with {@code expected}. */
    void reply(String expected, AgiReply reply) {
        String command = next();
        if (command == null || !command.startsWith(expected)) {
            throw new AssertionError("expected a pending '" + expected + "...' but the next command is " + command
                    + "; sent so far: " + sent);
        }
        unanswered.poll().reply().complete(reply);
    }

    /**
     * Answers, in order, every pending command that returns at once in real life (ANSWER, music on and off,
     * prompts played to the end, SET VARIABLE, HANGUP); stops at Dial, VoiceMail, GET DATA, GET VARIABLE and RECORD
     * FILE, whose replies the test gives.
     */
    void playAlong() {
        for (String command = next(); command != null && returnsAtOnce(command); command = next()) {
            unanswered.poll().reply().complete(ok(command.startsWith("HANGUP") || command.startsWith("SET VARIABLE")
                    ? "1" : "0"));
        }
    }

    private static boolean returnsAtOnce(String command) {
        return !command.startsWith("EXEC Dial") && !command.startsWith("EXEC VoiceMail") && !command.startsWith("GET ")
                && !command.startsWith("RECORD FILE");
    }

    /** The caller hangs up: a running command gets {@code 200 result=-1}, then Asterisk sends HANGUP. */
    void callerHangsUp() {
        if (next() != null) {
            unanswered.poll().reply().complete(ok("-1"));
        }
        callerHangsUpBeforeTheReply();
    }

    /**
     * The caller hangs up and Asterisk's HANGUP line comes before the reply to the command on the wire (which then
     * comes by {@link #reply}).
     */
    void callerHangsUpBeforeTheReply() {
        hungUp = true;
        List<Runnable> listeners = List.copyOf(hangupListeners);
        hangupListeners.clear();
        listeners.forEach(Runnable::run);
    }

    /** Hotline cut the session short (Asterisk stopped answering, or broke the protocol), then it ended. */
    void cutShortByHotline(String why) {
        cutShort = why;
        connectionLost();
    }

    @Override
    public void abandon(String why) {
        cutShortByHotline(why);
    }

    @Override
    public Optional<String> endedWithoutHangUp() {
        return Optional.ofNullable(cutShort);
    }

    /** The connection goes (Asterisk crashed, the network): what awaits a reply fails, as does what is sent later. */
    void connectionLost() {
        closed = true;
        for (Pending p = unanswered.poll(); p != null; p = unanswered.poll()) {
            p.reply().completeExceptionally(new AgiChannelClosedException("connection lost before the reply to '"
                    + p.command() + "'"));
        }
        if (!hungUp) {
            hungUp = true;
            List<Runnable> listeners = List.copyOf(hangupListeners);
            hangupListeners.clear();
            listeners.forEach(Runnable::run);
        }
    }

    List<String> sent() {
        return sent;
    }

    boolean closed() {
        return closed;
    }
}
