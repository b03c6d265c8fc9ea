package dev.hotline.server.journal.internal;

import java.io.IOException;
import java.io.Reader;

/**
 * The lines of a journal file, each kept only up to a length no record reaches: a file a crash or a power cut left
 * with a gigabyte of zeros and no line end must be said to be damaged, not read into memory until the heap runs out.
 * Lines end at {@code \n} (a {@code \r} before it is dropped), as the writer writes them.
 */
public final class BoundedLines {

    /** One line: its text, or null when it was longer than the limit (then only its length is known). */
    public record Line(String text, long length) {
        public boolean overlong() {
            return text == null;
        }
    }

    private final Reader in;
    private final int limit;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int filled;
    private final StringBuilder line = new StringBuilder();

    /** Lines of {@code in} (buffered here), each kept up to {@code limit} characters. */
    public BoundedLines(Reader in, int limit) {
        this.in = in;
        this.limit = limit;
    }

    /** The next line, or null at the end of the input (a last line without a line end is a line too). */
    public Line next() throws IOException {
        line.setLength(0);
        long length = 0;
        boolean any = false;
        boolean endsWithReturn = false;
        while (true) {
            if (position == filled) {
                filled = in.read(buffer);
                position = 0;
                if (filled <= 0) {
                    filled = 0;
                    return any ? line(length, endsWithReturn) : null;
                }
            }
            any = true;
            int start = position;
            while (position < filled && buffer[position] != '\n') {
                position++;
            }
            int run = position - start;
            if (run > 0) {
                endsWithReturn = buffer[position - 1] == '\r';
            }
            // a \r before the line end is no part of the line: one more character may be kept for it
            if (length + run <= limit + 1L) {
                line.append(buffer, start, run);
            } else if (line.length() > 0) {
                line.setLength(0); // over the limit: from now on only counted
            }
            length += run;
            if (position < filled) {
                position++; // the line end
                return line(length, endsWithReturn);
            }
        }
    }

    private Line line(long length, boolean endsWithReturn) {
        if (endsWithReturn) {
            length--;
            if (line.length() > 0) {
                line.setLength(line.length() - 1);
            }
        }
        if (length > limit) {
            return new Line(null, length);
        }
        return new Line(line.toString(), length);
    }
}
