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

    public Ids() {
        for (Kind k : Kind.values()) {
            declared.put(k, new LinkedHashMap<>());
        }
    }

    /**
     * Declares an id; reports and returns false if it was declared before, or if it holds a space or an invisible
     * character: ids go into logs, API paths, Dial arguments and reports, where "sales\u200b-a" would look like
     * "sales-a" and match nothing.
     */
    public boolean declare(Kind kind, String id, Where where, Problems problems) {
        if (id.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
            problems.add(where, kind.label + " id '" + visible(id) + "' holds a space or an invisible character: an "
                    + "id is one word of visible characters");
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
    private static String visible(String id) {
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

    public boolean isDeclared(Kind kind, String id) {
        return declared.get(kind).containsKey(id);
    }

    /** Reports every reference to an id nobody declared, listing the known ones. */
    public void checkReferences(Problems problems) {
        for (Reference r : references) {
            if (unreadable.contains(r.kind()) || isDeclared(r.kind(), r.id())) {
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
            problems.add(r.where(), "unknown " + r.kind().label + " '" + r.id() + "' (" + hint + ")");
        }
    }
}
