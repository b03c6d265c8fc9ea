package dev.hotline.server.config.internal;

import dev.hotline.acd.model.BlacklistEntry;
import dev.hotline.acd.model.CallerNumbers;
import dev.hotline.acd.model.MatchKind;
import dev.hotline.acd.model.VipEntry;
import dev.hotline.server.config.internal.Fields.Item;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads the files about callers: {@code blacklist.yaml} (refused callers) and {@code vips.yaml} (VIP customers). */
public final class CallersFileReader {
    private static final Set<String> BLACKLIST_FILE_KEYS = Fields.known("blacklist");
    private static final Set<String> BLACKLIST_KEYS = Fields.known("number", "match", "expires", "reason", "prompt");
    private static final Set<String> VIPS_FILE_KEYS = Fields.known("vips");
    private static final Set<String> VIP_KEYS = Fields.known("number", "name", "tier");

    private CallersFileReader() {
    }

    /**
     * Reads the blacklist. An expiry written as a date keeps the entry through that whole day in {@code centreZone}.
     */
    public static List<BlacklistEntry> blacklist(Where top, YamlNode root, ZoneId centreZone,
                                                 CallerNumbers callerNumbers, LoadContext ctx) {
        Optional<Fields> file = Fields.of(ctx.problems(), top, root, BLACKLIST_FILE_KEYS);
        List<BlacklistEntry> entries = new ArrayList<>();
        FirstSeen<String> seen = new FirstSeen<>();
        for (Item item : file.map(f -> f.list("blacklist", "number")).orElse(List.of())) {
            blacklistEntry(item, centreZone, callerNumbers, seen, ctx).ifPresent(entries::add);
        }
        return entries;
    }

    private static Optional<BlacklistEntry> blacklistEntry(Item item, ZoneId centreZone, CallerNumbers callerNumbers,
                                                           FirstSeen<String> seen, LoadContext ctx) {
        Optional<Fields> fields = Fields.of(ctx.problems(), item.where(), item.node(), BLACKLIST_KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        Optional<MatchKind> kind = f.has("match")
                ? f.text("match").flatMap(m -> {
                    if (m.equals(Choices.name(MatchKind.PATTERN))) {
                        ctx.problems().add(f.at("match"), "a blacklist entry matches exact or prefix, not pattern");
                        return Optional.empty();
                    }
                    return Choices.parse(MatchKind.class, java.util.EnumSet.of(MatchKind.EXACT, MatchKind.PREFIX), m,
                            "match", f.at("match"), ctx.problems());
                })
                : Optional.of(MatchKind.EXACT);
        Optional<String> number = f.requiredText("number");
        boolean sound = number.isPresent() && kind.isPresent()
                && NumbersFileReader.soundNumber(written(number.get(), callerNumbers), kind.get(), f.at("number"), ctx)
                && someCaller(number.get(), callerNumbers, f.at("number"), ctx)
                && seen.firstTime(Choices.name(kind.get()) + ":" + callerNumbers.significant(number.get()),
                f.at("number"), ctx.problems(), "blacklist entry for " + Choices.name(kind.get()) + " number '"
                        + number.get() + "'" + asCompared(number.get(), callerNumbers));
        Optional<String> expiresText = f.text("expires");
        Optional<Instant> expires = expiresText.flatMap(t -> expiry(t, f.at("expires"), centreZone, ctx));
        Optional<String> reason = f.text("reason");
        Optional<String> prompt = f.text("prompt");
        prompt.ifPresent(p -> PromptNames.check(p, f.at("prompt"), ctx));
        if (!sound || f.has("expires") && expires.isEmpty() || f.has("reason") && reason.isEmpty()
                || f.has("prompt") && prompt.isEmpty()) {
            return Optional.empty();
        }
        if (kind.get() == MatchKind.PREFIX && callerNumbers.significant(number.get()).length() < SHORTEST_SURE_PREFIX) {
            // 1 refuses every mainland mobile, 00 every caller from abroad: rarely meant, and a flood of refusals
            ctx.warnings().add(f.at("number"), "blacklist prefix '" + number.get() + "' refuses every caller whose "
                    + "number starts with it: a whole class of callers (1: every mobile in China; 00: every caller "
                    + "from abroad), not one nuisance line; write the number range you mean");
        }
        String significant = callerNumbers.significant(number.get());
        if (kind.get() == MatchKind.EXACT && significant.length() < SHORTEST_LIKELY_CALLER) {
            // a range written without match: prefix (1700 for the 1700... virtual-operator numbers) refuses nobody
            ctx.warnings().add(f.at("number"), "blacklist number '" + number.get() + "' has " + significant.length()
                    + " digits: it refuses only a caller whose whole number is " + significant + "; for every number "
                    + "that starts with it, add match: prefix");
        }
        if (expires.isPresent() && !expires.get().isAfter(ctx.asOf().in(centreZone))) {
            String when = expiresText.get();
            ctx.warnings().add(f.at("expires"), "blacklist entry for '" + number.get() + "' has run out (at "
                    + (when.length() == DATE_LENGTH ? "the end of " : "") + when + "): it refuses nobody; remove it, "
                    + "or give a later date to keep the caller out");
        }
        return Optional.of(new BlacklistEntry(number.get(), kind.get(), expires, reason.orElse(""), prompt));
    }

    /** An expiry this long is a date (2026-12-31), kept through that whole day; a longer one is an instant. */
    private static final int DATE_LENGTH = "2026-12-31".length();

    /** An exact caller number this short is most likely a range written without {@code match: prefix}. */
    private static final int SHORTEST_LIKELY_CALLER = 5;

    /** A blacklist prefix of fewer significant digits than this turns away whole classes of callers. */
    private static final int SHORTEST_SURE_PREFIX = 3;

    /**
     * The digits of an entry: with centre.yaml's {@code callerNumbers}, {@code +8613800138000} is as good as
     * {@code 13800138000} (both compare by the significant number), so the {@code +} of an international form is
     * not a stray character; without it, numbers compare as written and must be written as the network sends them.
     */
    private static String written(String number, CallerNumbers callerNumbers) {
        return number.startsWith("+") && number.length() > 1 && !callerNumbers.countryCode().isEmpty()
                ? number.substring(1) : number;
    }

    /**
     * Whether {@code number} leaves a caller number once centre.yaml's {@code callerNumbers} takes off the country
     * code or trunk prefix: one that does not would match every caller as a prefix, no caller as a number.
     */
    private static boolean someCaller(String number, CallerNumbers callerNumbers, Where at, LoadContext ctx) {
        if (!number.isEmpty() && callerNumbers.significant(number).isEmpty()) {
            ctx.problems().add(at, "'" + number + "' is only the " + (number.startsWith(callerNumbers.trunkPrefix())
                    && !number.startsWith(callerNumbers.internationalPrefix()) ? "trunk prefix"
                    : "international prefix and country code") + " of centre.yaml's callerNumbers: write the"
                    + " number that follows it");
            return false;
        }
        return true;
    }

    /** For a duplicate's message: the number as the centre compares callers, when it is not as written. */
    private static String asCompared(String number, CallerNumbers callerNumbers) {
        String significant = callerNumbers.significant(number);
        return significant.equals(number) ? "" : " (caller " + significant + " once centre.yaml's callerNumbers"
                + " reads it)";
    }

    private static Optional<Instant> expiry(String text, Where at, ZoneId centreZone, LoadContext ctx) {
        try {
            Instant expiry = text.length() == DATE_LENGTH
                    ? LocalDate.parse(text).plusDays(1).atStartOfDay(centreZone).toInstant()
                    : OffsetDateTime.parse(text).toInstant();
            int year = LocalDate.ofInstant(expiry.minusMillis(1), centreZone).getYear();
            if (year < HoursReader.FIRST_YEAR || year > HoursReader.LAST_YEAR) {
                // 9999-12-31 for "never" runs out all the same one day, and 1026 is a typo
                ctx.problems().add(at, "'" + text + "' is not a date a centre's calendar holds (years "
                        + HoursReader.FIRST_YEAR + " to " + HoursReader.LAST_YEAR + "): check the year, or leave "
                        + "expires out for an entry that never runs out");
                return Optional.empty();
            }
            return Optional.of(expiry);
        } catch (DateTimeParseException e) {
            ctx.problems().add(at, "'" + text + "' is neither a date (2026-12-31) nor an instant "
                    + "(2026-12-31T18:00:00+08:00)");
            return Optional.empty();
        }
    }

    /**
     * Reads the VIPs; a VIP that {@code blacklist} (read before) refuses is warned about: the blacklist is looked at
     * first, so the VIP entry never takes effect.
     */
    public static List<VipEntry> vips(Where top, YamlNode root, CallerNumbers callerNumbers,
                                      List<BlacklistEntry> blacklist, LoadContext ctx) {
        Optional<Fields> file = Fields.of(ctx.problems(), top, root, VIPS_FILE_KEYS);
        List<VipEntry> vips = new ArrayList<>();
        FirstSeen<String> seen = new FirstSeen<>();
        for (Item item : file.map(f -> f.list("vips", "number")).orElse(List.of())) {
            vip(item, callerNumbers, seen, ctx).ifPresent(vip -> {
                vips.add(vip);
                refusedBy(vip.number(), blacklist, callerNumbers).ifPresent(entry -> ctx.warnings().add(
                        item.where(), "VIP " + vip.number() + " is also refused "
                                + "by blacklist.yaml's " + Choices.name(entry.kind()) + " entry " + entry.number()
                                + ": the blacklist is looked at first, so this caller hears the busy prompt, never "
                                + "the VIP rule"));
            });
        }
        return vips;
    }

    /** The blacklist entry that refuses {@code number}, as the engine compares callers (expiry aside). */
    private static Optional<BlacklistEntry> refusedBy(String number, List<BlacklistEntry> blacklist,
                                                      CallerNumbers callerNumbers) {
        String caller = callerNumbers.significant(number);
        for (BlacklistEntry entry : blacklist) {
            String listed = callerNumbers.significant(entry.number());
            if (entry.kind() == MatchKind.PREFIX ? caller.startsWith(listed) : caller.equals(listed)) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    private static Optional<VipEntry> vip(Item item, CallerNumbers callerNumbers, FirstSeen<String> seen,
                                          LoadContext ctx) {
        Optional<Fields> fields = Fields.of(ctx.problems(), item.where(), item.node(), VIP_KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        Optional<String> number = f.requiredText("number");
        boolean sound = number.isPresent()
                && NumbersFileReader.soundNumber(written(number.get(), callerNumbers), MatchKind.EXACT, f.at("number"),
                ctx)
                && someCaller(number.get(), callerNumbers, f.at("number"), ctx)
                && seen.firstTime(callerNumbers.significant(number.get()), f.at("number"), ctx.problems(),
                "VIP number '" + number.get() + "'" + asCompared(number.get(), callerNumbers));
        Optional<String> name = f.text("name");
        Optional<String> tier = f.text("tier");
        if (!sound || f.has("name") && name.isEmpty() || f.has("tier") && tier.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new VipEntry(number.get(), name.orElse(""), tier.orElse("")));
    }
}
