package dev.hotline.acd.internal;

import dev.hotline.acd.model.BlacklistEntry;
import dev.hotline.acd.model.BusinessType;
import dev.hotline.acd.model.CallerNumbers;
import dev.hotline.acd.model.CentreConfig;
import dev.hotline.acd.model.DialPattern;
import dev.hotline.acd.model.MatchKind;
import dev.hotline.acd.model.NumberRoute;
import dev.hotline.acd.model.QueueConfig;
import dev.hotline.acd.model.VipEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The number lookups of one configuration, compiled once: the blacklist (caller number), the dialled-number plan
 * (number to business type) and the VIP directory. Exact numbers are one hash lookup, prefixes one per distinct
 * length, patterns are tried in configured order only when neither matched.
 *
 * <p>Building it checks what classification relies on (patterns parse, every route and the default lead to a
 * business type, every business type to a queue), so a broken plan is refused before it is put in force.
 */
final class NumberPlan {

    /**
     * The business type a dialled number belongs to, and why; made once per route. Its queue is filled in when the
     * plan is put in force ({@link #resolveQueues}), so a call handed from the IVR to its own business type's queue
     * needs no look-up by name.
     */
    static final class Classification {
        private final BusinessType businessType;
        private final Optional<String> ivrFlow;
        private final String rule;
        private BusinessQueue queue;
        private NumberPlan plan;

        Classification(BusinessType businessType, Optional<String> ivrFlow, String rule) {
            this.businessType = businessType;
            this.ivrFlow = ivrFlow;
            this.rule = rule;
        }

        BusinessType businessType() {
            return businessType;
        }

        Optional<String> ivrFlow() {
            return ivrFlow;
        }

        String rule() {
            return rule;
        }

        /** The business type's queue in the configuration this plan belongs to; null before it is put in force. */
        BusinessQueue queue() {
            return queue;
        }
    }

    /** Every classification this plan hands out, to resolve their queues when it is put in force. */
    private final List<Classification> classifications = new ArrayList<>();

    private record PatternRoute(DialPattern pattern, Classification classification) {
    }

    /** Each route's classification is made once, here, rather than for every call. */
    private final Map<String, Classification> exactRoutes = new HashMap<>();
    private final PrefixIndex<Classification> prefixRoutes;
    private final List<PatternRoute> patternRoutes = new ArrayList<>();
    private final Map<String, BusinessType> businessTypes = new HashMap<>();
    private final Classification defaultClassification;
    private final Map<String, List<BlacklistEntry>> exactBlacklist = new HashMap<>();
    private final PrefixIndex<List<BlacklistEntry>> prefixBlacklist;
    /** By their significant numbers ({@link CallerNumbers#significant}), as the look-ups compare callers. */
    private final Map<String, VipEntry> vips = new HashMap<>();
    private final CallerNumbers callerNumbers;

    /** @throws IllegalArgumentException naming the route or business type and what is wrong with it */
    NumberPlan(CentreConfig config) {
        Set<String> queues = new HashSet<>();
        for (QueueConfig q : config.queues()) {
            queues.add(q.id());
        }
        for (BusinessType bt : config.businessTypes()) {
            if (!queues.contains(bt.queue())) {
                throw new IllegalArgumentException("business type " + bt.id() + " names unknown queue " + bt.queue());
            }
            businessTypes.putIfAbsent(bt.id(), bt);
        }
        List<NumberRoute> prefixes = new ArrayList<>();
        for (NumberRoute r : config.numbers()) {
            if (!businessTypes.containsKey(r.businessType())) {
                throw new IllegalArgumentException("number route " + r.number() + " names unknown business type "
                        + r.businessType());
            }
            switch (r.kind()) {
                case EXACT -> exactRoutes.putIfAbsent(r.number(), classification(r, "exact "));
                case PREFIX -> prefixes.add(r);
                case PATTERN -> patternRoutes.add(new PatternRoute(pattern(r), classification(r, "pattern ")));
            }
        }
        prefixRoutes = PrefixIndex.of(prefixes, NumberRoute::number, r -> classification(r, "prefix "),
                (first, second) -> first);
        String defaultId = config.settings().defaultBusinessType().orElse(null);
        BusinessType defaultType = defaultId == null ? null : businessTypes.get(defaultId);
        if (defaultId != null && defaultType == null) {
            throw new IllegalArgumentException("the default business type " + defaultId + " is unknown");
        }
        defaultClassification = defaultType == null ? null
                : remember(new Classification(defaultType, defaultType.ivrFlow(), "default"));

        callerNumbers = config.settings().callerNumbers();
        List<BlacklistEntry> blockedPrefixes = new ArrayList<>();
        for (BlacklistEntry b : config.blacklist()) {
            String significant = significantEntry(b.number(), "blacklist entry");
            if (b.kind() == MatchKind.EXACT) {
                exactBlacklist.computeIfAbsent(significant, k -> new ArrayList<>()).add(b);
            } else {
                blockedPrefixes.add(b);
            }
        }
        prefixBlacklist = PrefixIndex.of(blockedPrefixes, b -> callerNumbers.significant(b.number()), List::of,
                NumberPlan::concat);
        for (VipEntry v : config.vips()) {
            vips.putIfAbsent(significantEntry(v.number(), "VIP"), v);
        }
    }

    /** An entry's significant number, which must not be empty: an empty prefix would match every caller. */
    private String significantEntry(String number, String what) {
        String significant = callerNumbers.significant(number);
        if (significant.isEmpty()) {
            throw new IllegalArgumentException(what + " " + number + " is only a country code or trunk prefix");
        }
        return significant;
    }

    private Classification classification(NumberRoute route, String kind) {
        BusinessType type = businessTypes.get(route.businessType());
        return remember(new Classification(type, route.ivrFlow().or(type::ivrFlow), kind + route.number()));
    }

    private Classification remember(Classification c) {
        c.plan = this;
        classifications.add(c);
        return c;
    }

    /** Whether {@code c} is one of this plan's classifications (not one of a plan no longer in force). */
    boolean hands(Classification c) {
        return c.plan == this;
    }

    /** Puts this plan in force beside {@code queues}: each classification learns its business type's queue. */
    void resolveQueues(Map<String, BusinessQueue> queues) {
        for (Classification c : classifications) {
            c.queue = queues.get(c.businessType().queue());
        }
    }

    private static DialPattern pattern(NumberRoute route) {
        try {
            return DialPattern.parse(route.number());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("number route " + route.number() + ": " + e.getMessage(), e);
        }
    }

    /** {@code callerNumber} as the blacklist and the VIP directory compare it ({@link CallerNumbers#significant}). */
    String significant(String callerNumber) {
        return callerNumbers.significant(callerNumber);
    }

    /**
     * The entry that refuses the caller of significant number {@code caller} ({@link #significant}) at {@code at}: an
     * active exact entry, else the longest active prefix.
     */
    BlacklistEntry blacklisted(String caller, long at) {
        BlacklistEntry exact = firstActive(exactBlacklist.get(caller), at);
        if (exact != null) {
            return exact;
        }
        for (int i = 0; i < prefixBlacklist.lengthCount(); i++) {
            BlacklistEntry e = firstActive(prefixBlacklist.at(i, caller), at);
            if (e != null) {
                return e;
            }
        }
        return null;
    }

    /** The business type of {@code dialled}: exact, then longest prefix, then patterns in order, then the default. */
    Classification classify(String dialled) {
        Classification found = exactRoutes.get(dialled);
        for (int i = 0; i < prefixRoutes.lengthCount() && found == null; i++) {
            found = prefixRoutes.at(i, dialled);
        }
        for (int i = 0; i < patternRoutes.size() && found == null; i++) {
            PatternRoute p = patternRoutes.get(i);
            if (p.pattern().matches(dialled)) {
                found = p.classification();
            }
        }
        return found != null ? found : defaultClassification;
    }

    BusinessType businessType(String id) {
        return businessTypes.get(id);
    }

    /** The VIP entry of the caller of significant number {@code caller} ({@link #significant}), or null. */
    VipEntry vip(String caller) {
        return vips.get(caller);
    }

    private static BlacklistEntry firstActive(List<BlacklistEntry> entries, long at) {
        if (entries != null) {
            for (BlacklistEntry e : entries) {
                if (e.activeAt(at)) {
                    return e;
                }
            }
        }
        return null;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
