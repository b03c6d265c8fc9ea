package dev.hotline.bridge.session;

import dev.hotline.bridge.agi.AgiCommand;
import dev.hotline.bridge.agi.AgiCommands;
import dev.hotline.bridge.agi.AgiReply;
import dev.hotline.ivr.Action;
import dev.hotline.ivr.Input;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The IVR actions that are one AGI command each, and how Asterisk's reply becomes the interpreter's next input
 * (docs/ivr.md, "Actions and their AGI commands"). Every argument goes through {@link AgiCommands}.
 */
final class IvrCommands {

    /** GET DATA needs a sound to play; a collect without a prompt waits in one second of silence. */
    static final String SILENCE = "silence/1";

    private IvrCommands() {
    }

    /**
     * The command for a prompt-like action.
     *
     * @throws IllegalArgumentException when a value cannot be said or sent (digits that are not DTMF, an unknown zone)
     */
    static AgiCommand command(Action action) {
        return switch (action) {
            case Action.Play p -> AgiCommands.streamFile(p.prompt(), p.escapeDigits());
            case Action.SayNumber n -> AgiCommands.sayNumber(n.number(), n.escapeDigits());
            case Action.SayDigits d -> AgiCommands.sayDigits(d.digits(), d.escapeDigits());
            case Action.SayDateTime t -> AgiCommands.sayDateTime(Instant.ofEpochSecond(t.epochSecond()),
                    t.escapeDigits(), format(t.part()), ZoneId.of(t.zone()));
            case Action.Collect c -> AgiCommands.getData(c.prompt().isEmpty() ? SILENCE : c.prompt(), c.timeout(),
                    c.maxDigits());
            case Action.SetLanguage l -> AgiCommands.setVariable("CHANNEL(language)", l.language());
            case Action.Lookup l -> throw notACommand(l);
            case Action.RecordMessage r -> throw notACommand(r);
            case Action.RequestCallback r -> throw notACommand(r);
            case Action.TransferToQueue t -> throw notACommand(t);
            case Action.Hangup h -> throw notACommand(h);
            case Action.Finished f -> throw notACommand(f);
        };
    }

    /** Asterisk's say.conf date formats: weekday, month, day, year; hour, minutes, am/pm. */
    private static String format(Action.DateTimePart part) {
        return switch (part) {
            case DATE -> "ABdY";
            case TIME -> "IMp";
            case DATE_AND_TIME -> "ABdY 'digits/at' IMp";
        };
    }

    /**
     * The input a reply to {@link #command} means; null when the reply says the caller hung up or may have (result
     * -1, or 511): a hang-up arrives separately and ends the flow, and a -1 without one is a prompt Asterisk could
     * not play ({@link #mayBeHangUp}).
     */
    static Input input(Action action, AgiReply reply) {
        return switch (reply) {
            case AgiReply.Success s when mayBeHangUp(s) -> null;
            case AgiReply.DeadChannel dead -> null;
            case AgiReply.Success s when action instanceof Action.Collect ->
                    s.result().isEmpty() ? Input.TIMEOUT : Input.digits(s.result());
            case AgiReply.Success s when action instanceof Action.SetLanguage -> Input.DONE;
            case AgiReply.Success s -> keyOrDone(s.result());
            // a command Asterisk did not take: the flow goes on as if the caller heard it and pressed nothing
            case AgiReply.InvalidCommand invalid -> notHeard(action);
            case AgiReply.Usage usage -> notHeard(action);
            case AgiReply.Trying trying -> notHeard(action);
        };
    }

    /**
     * Result -1: the caller hung up (Asterisk's HANGUP line follows at once), or the prompt could not be played (a
     * missing sound file: {@code 200 result=-1 endpos=0} and the caller still there, fixture agi-errors.txt).
     */
    static boolean mayBeHangUp(AgiReply reply) {
        return reply instanceof AgiReply.Success s && s.result().equals("-1");
    }

    /**
     * What the flow hears of a prompt the caller did not hear (not sent, not taken, not played): it ended, and a
     * digit collection timed out with nothing keyed, so the flow's own retries and failure path apply.
     */
    static Input notHeard(Action action) {
        return action instanceof Action.Collect ? Input.TIMEOUT : Input.DONE;
    }

    /** STREAM FILE and SAY answer 0 when played to the end, else the ASCII code of the key that interrupted. */
    private static Input keyOrDone(String result) {
        int code;
        try {
            code = Integer.parseInt(result);
        } catch (NumberFormatException e) {
            return Input.DONE;
        }
        return code > 0 ? Input.digits(String.valueOf((char) code)) : Input.DONE;
    }

    private static IllegalArgumentException notACommand(Action action) {
        return new IllegalArgumentException("IVR action " + action + " is not one AGI command");
    }
}
