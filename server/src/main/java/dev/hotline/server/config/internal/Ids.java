package dev.hotline.server.config.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ids each file declares (skill groups, queues, business types, IVR flows) and the references other entries make to them.
 * References are checked once every file has been read, since they cross files.
 */
public final class Ids {

    /** What an id names. */
    public enum Kind {
        SKILL_GROUP("skill group"), QUEUE("queue"), BUSINESS_TYPE("business type"), IVR_FLOW("IVR flow"),
        AGENT("agent");

        private final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** Known ids listed with an unknown one, at most. */
    private static final int HINTED = 12;

    private record Reference(Kind kind, String id, Where where) {
    }

    private final Map<Kind, Map<String, Where>> declared = new EnumMap<>(Kind.class);
    private final List<Reference> references = new ArrayList<>();
    private final Set<Kind> unreadable = EnumSet.noneOf(Kind.class);
    /** Ids that exist but cannot be named by references of their kind, with why (an IVR subflow). */
    private final Map<Kind, Map<String, String>> unusable = new EnumMap<>(Kind.class);
    /** Ids written where they are declared but refused there (a space, too long), as "KIND:id". */
    private final Set<String> refused = new java.util.HashSet<>();

    public Ids() {
        for (Kind k : Kind.values()) {
            declared.put(k, new LinkedHashMap<>());
        }
    }

    /** The longest id, in characters: far beyond any name an admin writes, short enough for a log line. */
    static final int MOST_CHARACTERS = 64;

    /** Whether {@code name} holds no space nor invisible character, as an id (or a step's name) must. */
    static boolean oneVisibleWord(String name) {
        return name.codePoints().noneMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.isISOControl(c) || Character.getType(c) == Character.FORMAT);
    }

    /**
     * Declares an id; reports and returns false if it was declared before, if it is longer than
     * {@link #MOST_CHARACTERS}, or if it holds a space or an invisible
     * character: ids go into logs, API paths, Dial arguments and reports, where "sales\u200b-a" would look like
     * "sales-a" and match nothing.
     */
    public boolean declare(Kind kind, String id, Where where, Problems problems) {
        if (!oneVisibleWord(id)) {
            problems.add(where, kind.label + " id '" + visible(id) + "' holds a space or an invisible character: an "
                    + "id is one word of visible characters");
            refused.add(kind + ":" + id);
            return false;
        }
        int length = id.codePointCount(0, id.length());
        if (length > MOST_CHARACTERS) {
            problems.add(where, kind.label + " id '" + id.substring(0, id.offsetByCodePoints(0, 20)) + "...' is "
                    + length + " characters long: an id is at most " + MOST_CHARACTERS + " (it names the "
                    + kind.label + " in logs, reports and the API)");
            refused.add(kind + ":" + id);
            return false;
        }
        Where first = declared.get(kind).putIfAbsent(id, where);
        if (first == null) {
            return true;
        }
        problems.add(where, "duplicate " + kind.label + " id '" + id + "' (first at line " + first.mark().line() + ")");
        return false;
    }

    /**
     * Notes an id that exists but that references of {@code kind} cannot name: a reference to it is reported with
     * {@code why} ("is a subflow: ...") rather than as unknown.
     */
    public void unusable(Kind kind, String id, String why) {
        unusable.computeIfAbsent(kind, k -> new LinkedHashMap<>()).put(id, why);
    }

    /** The id with its spaces and invisible characters written out (\\u200b), so the message shows them. */
    static String visible(String id) {
        StringBuilder out = new StringBuilder();
        id.codePoints().forEach(c -> {
            if (c == ' ') {
                out.append(' ');
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)
                    || Character.getType(c) == Character.FORMAT) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** Notes that {@code where} names {@code id}, to be checked by {@link #checkReferences}. */
    public void refer(Kind kind, String id, Where where) {
        references.add(new Reference(kind, id, where));
    }

    /**
     * The file declaring this kind could not be read: references to it are not checked, since reporting every one
     * as unknown would bury the real problem.
     */
    public void unreadable(Kind kind) {
        unreadable.add(kind);
    }

    /** Where {@code id} was declared, if it was. */
    public java.util.Optional<Where> where(Kind kind, String id) {
        return java.util.Optional.ofNullable(declared.get(kind).get(id));
    }

    public boolean isDeclared(Kind kind, String id) {
        return declared.get(kind).containsKey(id);
    }

    /** Reports every reference to an id nobody declared, listing the known ones. */
    public void checkReferences(Problems problems) {
        for (Reference r : references) {
            if (unreadable.contains(r.kind()) || isDeclared(r.kind(), r.id())
                    || refused.contains(r.kind() + ":" + r.id())) {
                // an id refused where it is declared: its own problem says what is wrong, not each reference
                continue;
            }
            String why = unusable.getOrDefault(r.kind(), Map.of()).get(r.id());
            if (why != null) {
                problems.add(r.where(), r.kind().label + " '" + r.id() + "' " + why);
                continue;
            }
            Set<String> known = declared.get(r.kind()).keySet();
            // a centre may have thousands of agents: the first few say what the ids look like
            String hint = known.isEmpty() ? "none are defined" : "known: " + String.join(", ",
                    known.stream().limit(HINTED).toList()) + (known.size() > HINTED
                    ? " and " + (known.size() - HINTED) + " more" : "");
            problems.add(r.where(), "unknown " + r.kind().label + " '" + r.id() + "' (" + hint + ")"
                    + lookAlike(r.id(), known));
        }
    }

    /**
     * When a known id looks the same as {@code id} but is written with other characters (a Cyrillic 'о', a
     * full-width digit), which ones and where: both ids print alike, so the message alone would not tell them apart.
     */
    private static String lookAlike(String id, Set<String> known) {
        String skeleton = skeleton(id);
        for (String other : known) {
            if (!other.equals(id) && skeleton(other).equals(skeleton)) {
                return "; '" + other + "' looks the same but is written with " + differences(id, other);
            }
        }
        return "";
    }

    /** The characters of {@code other} that {@code id} does not have at their place, as U+XXXX at position. */
    private static String differences(String id, String other) {
        List<String> said = new ArrayList<>();
        int[] mine = id.codePoints().toArray();
        int[] theirs = other.codePoints().toArray();
        for (int i = 0; i < theirs.length; i++) {
            if (i >= mine.length || mine[i] != theirs[i]) {
                said.add(String.format("U+%04X at position %d", theirs[i], i + 1));
            }
        }
        return String.join(", ", said);
    }

    /** {@code id} with compatibility forms folded (full-width digits) and Cyrillic and Greek look-alikes as Latin. */
    static String skeleton(String id) {
        String folded = java.text.Normalizer.normalize(id, java.text.Normalizer.Form.NFKC);
        StringBuilder s = new StringBuilder(folded.length());
        folded.codePoints().forEach(c -> {
            int at = LOOK_ALIKES_FROM.indexOf(c);
            s.append(at >= 0 ? LOOK_ALIKES_TO.charAt(at) : (char) c);
        });
        return s.toString();
    }

    /** Cyrillic and Greek letters that print as Latin ones, and the Latin letters they look like, in order. */
    private static final String LOOK_ALIKES_FROM = "\u0430\u0435\u043E\u0440\u0441\u0443\u0445\u0456\u0455"
            + "\u0458\u0501\u0410\u0412\u0415\u041A\u041C\u041D\u041E\u0420\u0421\u0422\u0425\u0406"
            + "\u03BF\u03B1\u039F\u0391\u0392\u0395\u0397\u0399\u039A\u039C\u039D\u03A1\u03A4\u03A7";
    private static final String LOOK_ALIKES_TO = "aeopcyxisjdABEKMHOPCTXIoaOABEHIKMNPTX";
}
