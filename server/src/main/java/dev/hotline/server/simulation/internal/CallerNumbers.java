package dev.hotline.server.simulation.internal;

import dev.hotline.acd.model.BlacklistEntry;
import dev.hotline.acd.model.CentreConfig;
import dev.hotline.acd.model.MatchKind;
import dev.hotline.acd.model.VipEntry;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Draws the numbers simulated callers call from: VIP callers from the configuration's VIP list, blacklisted callers
 * from its blacklist (a prefix entry gets random digits appended), ordinary callers as random mobile numbers that are
 * on neither list.
 */
public final class CallerNumbers {
    private static final int MOBILE_DIGITS = 11;
    private static final int MAX_REDRAWS = 1_000;

    private final List<String> vipNumbers;
    private final Set<String> vipSet;
    private final List<BlacklistEntry> blacklist;

    /** The VIP entries and the blacklist entries that are in force at {@code atMillis}. */
    public CallerNumbers(CentreConfig config, long atMillis) {
        this.vipNumbers = config.vips().stream().map(VipEntry::number).toList();
        this.vipSet = new HashSet<>(vipNumbers);
        this.blacklist = config.blacklist().stream().filter(b -> b.activeAt(atMillis)).toList();
    }

    public boolean hasVips() {
        return !vipNumbers.isEmpty();
    }

    public boolean hasBlacklist() {
        return !blacklist.isEmpty();
    }

    public String vip(RandomGenerator random) {
        return vipNumbers.get(random.nextInt(vipNumbers.size()));
    }

    public String blacklisted(RandomGenerator random) {
        BlacklistEntry entry = blacklist.get(random.nextInt(blacklist.size()));
        if (entry.kind() == MatchKind.EXACT) {
            return entry.number();
        }
        return entry.number() + digits(random, Math.max(4, MOBILE_DIGITS - entry.number().length()));
    }

    /** A mobile number on neither the VIP list nor the blacklist. */
    public String ordinary(RandomGenerator random) {
        for (int i = 0; i < MAX_REDRAWS; i++) {
            String candidate = "13" + digits(random, MOBILE_DIGITS - 2);
            if (!vipSet.contains(candidate) && !blacklisted(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("the blacklist covers every number the simulator draws for ordinary "
                + "callers (13xxxxxxxxx): shorten its prefix entries");
    }

    private boolean blacklisted(String number) {
        for (BlacklistEntry b : blacklist) {
            boolean match = b.kind() == MatchKind.EXACT ? number.equals(b.number()) : number.startsWith(b.number());
            if (match) {
                return true;
            }
        }
        return false;
    }

    private static String digits(RandomGenerator random, int count) {
        char[] d = new char[count];
        for (int i = 0; i < count; i++) {
            d[i] = (char) ('0' + random.nextInt(10));
        }
        return new String(d);
    }
}
