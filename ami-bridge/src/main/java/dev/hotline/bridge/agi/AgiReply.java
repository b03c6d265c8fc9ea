package dev.hotline.bridge.agi;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What Asterisk answers to one AGI command. Error codes are values, not exceptions: a 510, 511 or 520 says something
 * about the command that was sent, never about the health of the session.
 */
public sealed interface AgiReply {

    /**
     * {@code 200 result=<result>[ (<data>)][ endpos=<n>]}. The result is kept as text because it is not always a
     * number: {@code GET DATA} answers with the digits the caller typed ({@code 200 result=12*3}) or nothing at all
     * ({@code 200 result= (timeout)}).
     *
     * @param result the text after {@code result=} up to the first space, possibly empty
     * @param data   the text in parentheses ({@code 200 result=1 ()} is a variable set to the empty string, present
     *               but empty), or a trailing note such as {@code Gosub complete}; empty when Asterisk sent none
     * @param endpos the sample offset where playback stopped, for the streaming commands
     */
    record Success(String result, Optional<String> data, OptionalLong endpos) implements AgiReply {
        public Success {
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(endpos, "endpos");
        }

        /** As Asterisk wrote it, for log lines. */
        @Override
        public String toString() {
            return "200 result=" + result + data.map(d -> " (" + d + ")").orElse("")
                    + (endpos.isPresent() ? " endpos=" + endpos.getAsLong() : "");
        }

        /**
         * The result as a number, for the commands whose result is one (ANSWER, STREAM FILE, WAIT FOR DIGIT, EXEC...).
         *
         * @throws IllegalStateException if the result is not an integer, naming it
         */
        public int resultCode() {
            try {
                return Integer.parseInt(result);
            } catch (NumberFormatException e) {
                throw new IllegalStateException("AGI result is not a number: '" + result + "'", e);
            }
        }
    }

    /** {@code 510 Invalid or unknown command}: no such command (a command ending in CR gets this too). */
    record InvalidCommand() implements AgiReply {
        @Override
        public String toString() {
            return "510 Invalid or unknown command";
        }
    }

    /** {@code 511 Command Not Permitted on a dead channel or intercept routine}: the caller has already hung up. */
    record DeadChannel() implements AgiReply {
        @Override
        public String toString() {
            return "511 Command Not Permitted on a dead channel or intercept routine";
        }
    }

    /**
     * {@code 520}: the command's arguments were wrong. Asterisk sends the proper usage as a multi-line block
     * ({@code 520-...} up to {@code 520 End of proper usage.}); {@code usage} holds the lines in between, joined by LF.
     */
    record Usage(String usage) implements AgiReply {
        public Usage {
            Objects.requireNonNull(usage, "usage");
        }

        @Override
        public String toString() {
            return "520 Invalid command syntax (usage: " + usage.lines().findFirst().orElse("") + ")";
        }
    }

    /** {@code 100 result=0 Trying...}: an interim note (GOSUB); the final reply to the same command follows. */
    record Trying() implements AgiReply {
        @Override
        public String toString() {
            return "100 result=0 Trying...";
        }
    }
}
