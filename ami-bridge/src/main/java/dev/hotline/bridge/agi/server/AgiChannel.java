package dev.hotline.bridge.agi.server;

import dev.hotline.bridge.agi.AgiCommand;
import dev.hotline.bridge.agi.AgiReply;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * One FastAGI session as the call-session layer sees it. Every method may be called from any thread; replies and
 * callbacks arrive on the session's event-loop thread and must not block it.
 */
public interface AgiChannel {

    /**
     * Sends a command. One command is on the wire at a time; further commands wait in order. The stage completes with
     * Asterisk's final reply ({@code 100 Trying} is not final), or fails with {@link AgiChannelClosedException} if the
     * session ends first. After the caller hangs up, Asterisk still answers: {@code 511} for the commands that need a
     * live channel, normal replies for GET/SET VARIABLE and EXEC.
     */
    CompletionStage<AgiReply> send(AgiCommand command);

    /**
     * Runs {@code listener} once, when the caller hangs up (Asterisk's unsolicited {@code HANGUP} line) or, if no such
     * line came, when the connection closes. A listener added after that runs at once.
     */
    void onHangup(Runnable listener);

    /**
     * Closes the session at once, without the reply to the command on the wire: Asterisk is stalled or the connection
     * cut ({@code why} says how Hotline knows). The hang-up listeners run; {@link #endedWithoutHangUp()} gives
     * {@code why}.
     */
    void abandon(String why);

    /**
     * Why the session ended without the caller hanging up, when it did: Hotline closed it because Asterisk broke the
     * protocol or stopped answering (see {@link AgiCommand#replyExpectedWithin()}), or Asterisk closed the connection
     * without a {@code HANGUP} line (it says one whenever the caller hangs up). The call then goes on in Asterisk's
     * dialplan after AGI(), if Asterisk still runs; nobody is known to have hung up. Empty while the session runs and
     * after a hang-up.
     */
    default Optional<String> endedWithoutHangUp() {
        return Optional.empty();
    }

    /**
     * Ends the session: commands not yet sent fail, the one on the wire still gets its reply, then Hotline closes its
     * sending side; Asterisk answers with {@code HANGUP} and closes, and the dialplan continues after AGI().
     */
    void close();
}
