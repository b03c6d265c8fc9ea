package dev.hotline.server.config.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.hotline.server.config.internal.YamlNode.Entry;
import dev.hotline.server.config.internal.YamlNode.ListNode;
import dev.hotline.server.config.internal.YamlNode.MapNode;
import dev.hotline.server.config.internal.YamlNode.Mark;
import dev.hotline.server.config.internal.YamlNode.Scalar;
import dev.hotline.server.config.internal.YamlNode.ScalarType;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;

/** Reads one YAML document into a {@link YamlNode} tree in a single pass over Jackson's streaming YAML parser. */
public final class YamlTreeReader {
    /**
     * The longest file read, in characters. SnakeYAML's default (3 MiB) is about 25,000 agents in agents.yaml, and the
     * engine is built for 100,000; what is left is a bound on a file that is not a configuration at all.
     */
    private static final int MOST_CHARACTERS = 256 * 1024 * 1024;
    // rebuild(): builder() alone reads an empty value as "", not null
    private static final YAMLFactory FACTORY = new YAMLFactory().rebuild().loaderOptions(loaderOptions()).build();

    private YamlTreeReader() {
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MOST_CHARACTERS);
        return options;
    }

    /** A YAML text that cannot be read, with the place the parser gave up. */
    public static final class SyntaxError extends Exception {
        private final Mark mark;

        SyntaxError(Mark mark, String message) {
            super(message, null, false, false);
            this.mark = mark;
        }

        public Mark mark() {
            return mark;
        }
    }

    /** The document's root; an empty document is an empty map at line 1. */
    public static YamlNode read(String text) throws SyntaxError {
        invisibleCharacters(text);
        try (YAMLParser parser = (YAMLParser) FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new MapNode(new Mark(1, 1), List.of());
            }
            YamlNode root = node(parser, first);
            if (parser.nextToken() != null) {
                throw new SyntaxError(mark(parser.currentTokenLocation()),
                        "a second YAML document starts here: a configuration file holds one document");
            }
            noScalarAnchors(text);
            return root;
        } catch (StreamReadException e) {
            throw withKeyHint(syntaxError(e), text);
        } catch (StreamConstraintsException e) {
            // Jackson's own limits, whose messages name its Java settings
            throw new SyntaxError(new Mark(1, 1), e.getMessage().contains("nesting depth")
                    ? "YAML syntax error: lists or maps nested over 1000 deep ([[[[... or {{{{...): no configuration "
                    + "nests so deep; look for brackets left open"
                    : "YAML syntax error: " + e.getMessage().replaceAll(", from `[^`]*`", ""));
        } catch (IOException e) {
            // The text is in memory: only the parser's own failures can end up here.
            throw new SyntaxError(new Mark(1, 1), "YAML syntax error: " + e.getMessage());
        }
    }

    private static YamlNode node(YAMLParser parser, JsonToken token) throws IOException, SyntaxError {
        Mark mark = mark(parser.currentTokenLocation());
        if (parser.isCurrentAlias()) {
            throw new SyntaxError(mark, "YAML aliases (*" + parser.getText()
                    + ") are not supported: write the value out in full");
        }
        if (parser.getObjectId() != null) {
            // an anchor alone does nothing, but says the writer means to repeat a value by alias
            throw new SyntaxError(mark, "YAML anchors (&" + parser.getObjectId()
                    + ") are not supported: write each value out in full where it applies");
        }
        if (parser.getTypeId() != null) {
            // !!int "40", !!python/object: a tag would be dropped without a word, and the value read as written
            throw new SyntaxError(mark, "YAML tags (!" + parser.getTypeId().replaceFirst("^tag:yaml.org,2002:", "!")
                    + ") are not supported: write the plain value (in quotes to make it text)");
        }
        return switch (token) {
            case START_OBJECT -> {
                List<Entry> entries = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String key = parser.currentName();
                    Mark keyMark = mark(parser.currentTokenLocation());
                    entries.add(new Entry(key, keyMark, node(parser, parser.nextToken())));
                }
                yield new MapNode(mark, entries);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    items.add(node(parser, t));
                }
                yield new ListNode(mark, items);
            }
            case VALUE_STRING -> new Scalar(mark, parser.getText(), ScalarType.STRING);
            case VALUE_NUMBER_INT -> new Scalar(mark, parser.getText(), ScalarType.INTEGER);
            case VALUE_NUMBER_FLOAT -> new Scalar(mark, parser.getText(), ScalarType.DECIMAL);
            case VALUE_TRUE, VALUE_FALSE -> new Scalar(mark, parser.getText(), ScalarType.BOOLEAN);
            case VALUE_NULL -> new Scalar(mark, "", ScalarType.NULL);
            default -> throw new IllegalStateException("unexpected YAML token " + token + " at " + mark);
        };
    }

    /**
     * Jackson's parser says nothing of an anchor on a single value ({@code zone: &z Asia/Shanghai}), which SnakeYAML's
     * events do: read only when the text has an {@code &} at all.
     */
    private static void noScalarAnchors(String text) throws SyntaxError {
        if (text.indexOf('&') < 0) {
            return;
        }
        for (Event e : new Yaml(loaderOptions()).parse(new StringReader(text))) {
            if (e instanceof NodeEvent n && !(e instanceof AliasEvent) && n.getAnchor() != null) {
                throw new SyntaxError(new Mark(e.getStartMark().getLine() + 1, e.getStartMark().getColumn() + 1),
                        "YAML anchors (&" + n.getAnchor() + ") are not supported: write each value out in full "
                                + "where it applies");
            }
        }
    }

    /** A line that starts like {@code #: value}: an IVR key {@code #} left unquoted, which YAML reads as a comment. */
    private static final Pattern COMMENTED_KEY = Pattern.compile("^\\s*#\\s*:\\s*\\S.*$", Pattern.MULTILINE);
    /** An unquoted {@code *} or {@code #} where a key stands, in block ({@code *: x}) or flow ({@code { *: x }}) style. */
    private static final Pattern UNQUOTED_KEY = Pattern.compile("(^|[\\s{,])([*#])\\s*:");
    /** How many lines back from a syntax error an unquoted key is looked for. */
    private static final int KEY_HINT_LINES = 4;

    /**
     * An IVR flow: as {@link #read}, and the keys {@code #} and {@code *} of a menu's options must be quoted; unquoted,
     * {@code #: agent} is a comment and the option silently does not exist. In a flow a comment written so is no
     * comment anyone means (elsewhere {@code #: raised from 40} is an ordinary comment, and is left alone).
     */
    public static YamlNode readFlow(String text) throws SyntaxError {
        YamlNode root = read(text);
        noKeysReadAsComments(text);
        return root;
    }

    private static void noKeysReadAsComments(String text) throws SyntaxError {
        if (text.indexOf('#') < 0) {
            return;
        }
        Matcher m = COMMENTED_KEY.matcher(text);
        if (m.find()) {
            int line = lineOf(text, m.start());
            int column = m.group().indexOf('#') + 1;
            throw new SyntaxError(new Mark(line, column), "'" + m.group().strip() + "' is a YAML comment, not a key '#':"
                    + " write the key in quotes (\"#\": ...)");
        }
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /**
     * A syntax error at or just after a line with an unquoted {@code *} or {@code #} key says why and how to write it:
     * in a flow mapping ({@code { 1: a, #: b }}) the comment takes the rest of the line, and the parser gives up lines
     * later.
     */
    private static SyntaxError withKeyHint(SyntaxError error, String text) {
        List<String> lines = text.lines().limit(error.mark().line()).toList();
        for (int i = lines.size() - 1; i >= Math.max(0, lines.size() - KEY_HINT_LINES); i--) {
            Matcher key = UNQUOTED_KEY.matcher(lines.get(i));
            if (key.find()) {
                String k = key.group(2);
                String where = i + 1 == error.mark().line() ? "" : " on line " + (i + 1);
                return new SyntaxError(error.mark(), error.getMessage() + ": the key " + k + where
                        + " must be in quotes (\"" + k + "\": ...), since YAML reads an unquoted " + k
                        + (k.equals("*") ? " as an alias" : " as the start of a comment"));
            }
        }
        return error;
    }

    /**
     * A control character (NUL, ESC pasted from a terminal, form feed) anywhere, or a non-breaking space in a line's
     * indentation (pasted from a web page): invisible in most editors, so said at its own line and column and named.
     * The parser refuses the first kind with a place lines away from it and the second as a token it does not expect.
     */
    private static void invisibleCharacters(String text) throws SyntaxError {
        int line = 1;
        int column = 1;
        boolean indenting = true;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\n') {
                line++;
                column = 1;
                indenting = true;
                continue;
            }
            boolean control = c < 0x20 && c != '\t' && c != '\r' || c >= 0x7f && c <= 0x9f && c != 0x85;
            if (control) {
                throw new SyntaxError(new Mark(line, column), String.format("YAML syntax error: control character "
                        + "U+%04X%s, invisible in most editors: delete it", c, controlName(c)));
            }
            if (c == 0xa0 && indenting) {
                throw new SyntaxError(new Mark(line, column), "YAML syntax error: a non-breaking space (U+00A0) in "
                        + "the indentation, copied from a web page or a document: indent with plain spaces");
            }
            if (c == 0x3000 && indenting) {
                throw new SyntaxError(new Mark(line, column), "YAML syntax error: a full-width space (U+3000, typed "
                        + "with a Chinese input method) in the indentation: indent with plain spaces");
            }
            indenting &= c == ' ' || c == '\t';
            column++;
        }
    }

    private static String controlName(int c) {
        return switch (c) {
            case 0x00 -> " (NUL)";
            case 0x08 -> " (backspace)";
            case 0x0b -> " (vertical tab)";
            case 0x0c -> " (form feed)";
            case 0x1b -> " (ESC, from a terminal's colours or keys)";
            case 0x7f -> " (DEL)";
            default -> "";
        };
    }

    private static SyntaxError syntaxError(StreamReadException e) {
        // SnakeYAML's own exception has the precise mark and a one-line problem; Jackson's message spans lines.
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException m && m.getProblemMark() != null) {
                // where the parser gave up can be far below the mistake (an unclosed quote runs on to the next one):
                // where the construct it was reading began points at it
                String started = m.getContextMark() == null
                        || m.getContextMark().getLine() == m.getProblemMark().getLine() ? ""
                        : " that starts at line " + (m.getContextMark().getLine() + 1);
                String context = m.getContext() == null ? "" : " (" + m.getContext() + started + ")";
                return new SyntaxError(new Mark(m.getProblemMark().getLine() + 1, m.getProblemMark().getColumn() + 1),
                        "YAML syntax error: " + m.getProblem() + context);
            }
        }
        String firstLine = e.getOriginalMessage().lines().findFirst().orElse("");
        if (firstLine.startsWith("Expected a field name")) {
            // Jackson names the parser's event class here ("got this instead: <org.yaml.snakeyaml.events...>")
            return new SyntaxError(mark(e.getLocation()), "YAML syntax error: a key must be plain text, not "
                    + (firstLine.contains("SequenceStart") ? "a list" : firstLine.contains("MappingStart") ? "a map"
                    : "a list or a map") + " (write the key as text: name: value)");
        }
        return new SyntaxError(mark(e.getLocation()), "YAML syntax error: " + firstLine);
    }

    private static Mark mark(JsonLocation location) {
        return location == null ? new Mark(1, 1)
                : new Mark(Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
    }
}
