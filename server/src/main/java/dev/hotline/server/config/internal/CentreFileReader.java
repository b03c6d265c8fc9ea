package dev.hotline.server.config.internal;

import dev.hotline.acd.model.CallerNumbers;
import dev.hotline.acd.model.CentreSettings;
import dev.hotline.acd.model.VipPolicy;
import dev.hotline.server.config.Durations;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code centre.yaml}: the centre-wide settings and the VIP policy. */
public final class CentreFileReader {
    public static final Duration DEFAULT_REPORT_INTERVAL = Duration.ofMinutes(15);
    public static final Duration DEFAULT_SHORT_ABANDON = Duration.ofSeconds(5);
    public static final Duration DEFAULT_VIP_ESCALATE_AFTER = Duration.ZERO;

    private static final Set<String> FILE_KEYS = Fields.known("settings", "vip");
    private static final Set<String> SETTINGS_KEYS =
            Fields.known("zone", "reportInterval", "shortAbandon", "busyPrompt", "defaultBusinessType", "callerNumbers");
    private static final Set<String> CALLER_NUMBERS_KEYS =
            Fields.known("countryCode", "internationalPrefix", "trunkPrefix");
    public static final String DEFAULT_INTERNATIONAL_PREFIX = "00";
    public static final String DEFAULT_TRUNK_PREFIX = "0";
    private static final Set<String> VIP_KEYS = Fields.known("group", "escalateAfter", "priorityBoost");
    /** {@code Etc/GMT+8} and the like: POSIX signs, the opposite of the offsets people write. */
    private static final Pattern POSIX_ZONE = Pattern.compile("(?i)Etc/GMT([+-])0*([1-9]\\d?)");

    /** What {@code centre.yaml} holds; empty parts were reported. */
    public record CentreFile(Optional<CentreSettings> settings, Optional<VipPolicy> vipPolicy) {
    }

    private CentreFileReader() {
    }

    public static CentreFile read(Where top, YamlNode root, LoadContext ctx) {
        Optional<Fields> file = Fields.of(ctx.problems(), top, root, FILE_KEYS);
        if (file.isEmpty()) {
            return new CentreFile(Optional.empty(), Optional.empty());
        }
        Fields f = file.get();
        Optional<CentreSettings> settings = f.required("settings").flatMap(n -> settings(f.at("settings"), n, ctx));
        Optional<VipPolicy> vip = f.node("vip").map(n -> vipPolicy(f.at("vip"), n, ctx))
                .orElse(Optional.of(new VipPolicy(Optional.empty(), DEFAULT_VIP_ESCALATE_AFTER,
                        VipPolicy.DEFAULT_PRIORITY_BOOST)));
        return new CentreFile(settings, vip);
    }

    private static Optional<CentreSettings> settings(Where at, YamlNode node, LoadContext ctx) {
        Optional<Fields> fields = Fields.of(ctx.problems(), at, node, SETTINGS_KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        Optional<ZoneId> zone = f.requiredText("zone").flatMap(z -> zone(z, f.at("zone"), ctx));
        Optional<Duration> reportInterval = f.has("reportInterval")
                ? f.duration("reportInterval").filter(d -> reportIntervalIsSound(d, f.at("reportInterval"), ctx))
                : Optional.of(DEFAULT_REPORT_INTERVAL);
        Optional<Duration> shortAbandon = f.has("shortAbandon") ? f.duration("shortAbandon")
                : Optional.of(DEFAULT_SHORT_ABANDON);
        Optional<String> busyPrompt = f.has("busyPrompt") ? f.text("busyPrompt")
                : Optional.of(CentreSettings.DEFAULT_BUSY_PROMPT);
        if (f.has("busyPrompt")) {
            busyPrompt.ifPresent(p -> PromptNames.check(p, f.at("busyPrompt"), ctx));
        }
        Optional<String> defaultBusinessType = f.text("defaultBusinessType");
        defaultBusinessType.ifPresent(id -> ctx.ids().refer(Ids.Kind.BUSINESS_TYPE, id, f.at("defaultBusinessType")));
        Optional<CallerNumbers> callerNumbers = f.node("callerNumbers")
                .map(n -> callerNumbers(f.at("callerNumbers"), n, ctx)).orElse(Optional.of(CallerNumbers.AS_GIVEN));
        // every line under it commented out: read as absent, a blacklisted caller sent as +86... would pass
        if (!f.valueGiven("callerNumbers", "give its countryCode (and prefixes), or remove the key to compare caller "
                + "numbers exactly as Asterisk gives them")) {
            callerNumbers = Optional.empty();
        }
        if (zone.isEmpty() || reportInterval.isEmpty() || shortAbandon.isEmpty() || busyPrompt.isEmpty()
                || f.has("defaultBusinessType") && defaultBusinessType.isEmpty() || callerNumbers.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CentreSettings(zone.get(), reportInterval.get(), shortAbandon.get(), busyPrompt.get(),
                defaultBusinessType, callerNumbers.get()));
    }

    /** {@code callerNumbers}: the country code (required), the international and trunk prefixes. */
    private static Optional<CallerNumbers> callerNumbers(Where at, YamlNode node, LoadContext ctx) {
        Optional<Fields> fields = Fields.of(ctx.problems(), at, node, CALLER_NUMBERS_KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        Optional<String> countryCode = f.requiredText("countryCode")
                .filter(c -> digits(c, 1, 3, "countryCode", f.at("countryCode"), ctx));
        if (countryCode.isPresent() && countryCode.get().startsWith("0")) {
            ctx.problems().add(f.at("countryCode"), "countryCode '" + countryCode.get()
                    + "' starts with 0: write the country's calling code without + or 00 (86 for China)");
            countryCode = Optional.empty();
        }
        Optional<String> international = f.has("internationalPrefix")
                ? f.text("internationalPrefix").filter(p -> digits(p, 1, 4, "internationalPrefix",
                        f.at("internationalPrefix"), ctx))
                : Optional.of(DEFAULT_INTERNATIONAL_PREFIX);
        Optional<String> trunk = f.has("trunkPrefix")
                ? f.textOrEmpty("trunkPrefix").filter(p -> digits(p, 0, 2, "trunkPrefix", f.at("trunkPrefix"), ctx))
                : Optional.of(DEFAULT_TRUNK_PREFIX);
        if (international.isPresent() && trunk.isPresent() && !trunk.get().isEmpty()
                && trunk.get().startsWith(international.get())) {
            ctx.problems().add(f.at("trunkPrefix"), "trunkPrefix '" + trunk.get()
                    + "' starts with the international prefix '" + international.get()
                    + "': a number of the country could not be told from a number abroad");
            return Optional.empty();
        }
        if (countryCode.isEmpty() || international.isEmpty() || trunk.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CallerNumbers(countryCode.get(), international.get(), trunk.get()));
    }

    private static boolean digits(String text, int least, int most, String key, Where at, LoadContext ctx) {
        if (!text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            ctx.problems().add(at, key + " '" + text + "' must be digits only"
                    + (text.startsWith("+") ? " (write it without +)" : ""));
            return false;
        }
        if (text.length() < least || text.length() > most) {
            ctx.problems().add(at, key + " '" + text + "' must be "
                    + (least == 0 ? "at most " + most : least + " to " + most) + " digits");
            return false;
        }
        return true;
    }

    private static boolean reportIntervalIsSound(Duration d, Where at, LoadContext ctx) {
        // Intervals are aligned to midnight in the centre's zone, so they must tile the day.
        if (d.isZero()) {
            ctx.problems().add(at, "report interval 0s: an interval must be longer than that (use e.g. 15m, 30m or "
                    + "1h)");
            return false;
        }
        if (Duration.ofDays(1).toSeconds() % d.toSeconds() != 0) {
            ctx.problems().add(at, "report interval " + Durations.format(d)
                    + " does not divide a day evenly (use e.g. 15m, 30m or 1h)");
            return false;
        }
        return true;
    }

    private static Optional<VipPolicy> vipPolicy(Where at, YamlNode node, LoadContext ctx) {
        Optional<Fields> fields = Fields.of(ctx.problems(), at, node, VIP_KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        Optional<String> group = f.text("group");
        group.ifPresent(g -> ctx.ids().refer(Ids.Kind.SKILL_GROUP, g, f.at("group")));
        Optional<Duration> escalateAfter = f.has("escalateAfter") ? f.duration("escalateAfter")
                : Optional.of(DEFAULT_VIP_ESCALATE_AFTER);
        Optional<Integer> boost = f.has("priorityBoost")
                ? f.integer("priorityBoost").filter(b -> priorityRaise(b, "priorityBoost", f.at("priorityBoost"), ctx))
                : Optional.of(VipPolicy.DEFAULT_PRIORITY_BOOST);
        if (f.has("group") && group.isEmpty() || escalateAfter.isEmpty() || boost.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new VipPolicy(group, escalateAfter.get(), boost.get()));
    }

    /**
     * The most a priority may start at or rise by in one go. Every raise of a call (an escalation step, the VIP
     * boost, the IVR's and a callback's raise) is at most this, so their sum cannot overflow and turn the most urgent
     * caller into the last.
     */
    static final int MOST_PRIORITY = 1000;

    /** A priority raise: 1 to {@link #MOST_PRIORITY} ("priorities only rise"). */
    static boolean priorityRaise(int value, String key, Where at, LoadContext ctx) {
        if (value < 1) {
            ctx.problems().add(at, key + " must be at least 1, got " + value);
            return false;
        }
        if (value > MOST_PRIORITY) {
            ctx.problems().add(at, key + " must be at most " + MOST_PRIORITY + ", got " + value);
            return false;
        }
        return true;
    }

    /**
     * A time zone by its id; a POSIX-style {@code Etc/GMT+8}, which is eight hours <em>behind</em> UTC, is warned
     * about: whoever writes it for China means the opposite.
     */
    static Optional<ZoneId> zone(String text, Where at, LoadContext ctx) {
        ZoneId zone;
        try {
            zone = ZoneId.of(text);
        } catch (DateTimeException e) {
            ctx.problems().add(at, "unknown time zone '" + text + "' (write a region like Asia/Shanghai or an offset "
                    + "like +08:00)");
            return Optional.empty();
        }
        Matcher posix = POSIX_ZONE.matcher(text);
        if (posix.matches()) {
            String offset = zone.getRules().getOffset(java.time.Instant.EPOCH).getId();
            String opposite = (posix.group(1).equals("+") ? "+" : "-") + String.format(java.util.Locale.ROOT,
                    "%02d:00", Integer.parseInt(posix.group(2)));
            ctx.warnings().add(at, "time zone " + text + " is UTC" + offset + ": the Etc/GMT names count the other "
                    + "way round; for UTC" + opposite + " write " + opposite
                    + (opposite.equals("+08:00") ? " (or Asia/Shanghai)" : ""));
        }
        return Optional.of(zone);
    }
}
