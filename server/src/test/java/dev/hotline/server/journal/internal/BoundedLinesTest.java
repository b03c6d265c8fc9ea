package dev.hotline.server.journal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A journal file's lines, each kept only up to a length no record reaches. */
class BoundedLinesTest {

    private static List<BoundedLines.Line> lines(String text, int limit) throws IOException {
        BoundedLines in = new BoundedLines(new StringReader(text), limit);
        List<BoundedLines.Line> lines = new ArrayList<>();
        for (BoundedLines.Line line = in.next(); line != null; line = in.next()) {
            lines.add(line);
        }
        return lines;
    }

    @Test
    void linesEndAtALineEndAndALastLineWithoutOneIsALineToo() throws IOException {
        assertThat(lines("one\ntwo\r\n\nthree", 10)).containsExactly(new BoundedLines.Line("one", 3),
                new BoundedLines.Line("two", 3), new BoundedLines.Line("", 0), new BoundedLines.Line("three", 5));
        assertThat(lines("", 10)).isEmpty();
        assertThat(lines("one\n", 10)).containsExactly(new BoundedLines.Line("one", 3));
    }

    @Test
    void aLineLongerThanTheLimitIsCountedNotKeptAndTheNextLineIsReadWhole() throws IOException {
        assertThat(lines("12345678901\nok\n1234567890", 10)).containsExactly(new BoundedLines.Line(null, 11),
                new BoundedLines.Line("ok", 2), new BoundedLines.Line("1234567890", 10));
    }

    @Test
    void aLineOfTheLimitEndedByCarriageReturnAndLineFeedIsKeptWhole() throws IOException {
        assertThat(lines("1234567890\r\n12345678901\r\n", 10)).containsExactly(
                new BoundedLines.Line("1234567890", 10), new BoundedLines.Line(null, 11));
    }

    @Test
    void aLineLongerThanTheBufferIsReadAcrossItsRefills() throws IOException {
        String longLine = "x".repeat(200_000);

        assertThat(lines(longLine + "\nend", 300_000)).containsExactly(new BoundedLines.Line(longLine, 200_000),
                new BoundedLines.Line("end", 3));
        assertThat(lines(longLine + "\nend", 100_000)).containsExactly(new BoundedLines.Line(null, 200_000),
                new BoundedLines.Line("end", 3));
    }
}
