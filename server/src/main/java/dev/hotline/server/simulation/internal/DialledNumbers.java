package dev.hotline.server.simulation.internal;

import dev.hotline.acd.model.CentreConfig;
import dev.hotline.acd.model.MatchKind;
import dev.hotline.acd.model.NumberRoute;
import java.util.Optional;

/** Finds a number to dial for a business type in the configuration's number plan. */
public final class DialledNumbers {
    private DialledNumbers() {
    }

    /**
     * The first exact number routed to {@code businessType}; failing that, its first prefix padded with zeros, as
     * long as no exact number or longer prefix of the plan claims that padded number. Empty when the business type
     * is reached only through patterns or as the default (the traffic must then name the number).
     */
    public static Optional<String> of(CentreConfig config, String businessType) {
        for (NumberRoute r : config.numbers()) {
            if (r.kind() == MatchKind.EXACT && r.businessType().equals(businessType)) {
                return Optional.of(r.number());
            }
        }
        for (NumberRoute r : config.numbers()) {
            if (r.kind() == MatchKind.PREFIX && r.businessType().equals(businessType)) {
                String padded = r.number() + "0".repeat(Math.max(1, 10 - r.number().length()));
                if (!claimedByAnother(config, r, padded)) {
                    return Optional.of(padded);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean claimedByAnother(CentreConfig config, NumberRoute prefix, String number) {
        for (NumberRoute r : config.numbers()) {
            boolean claims = switch (r.kind()) {
                case EXACT -> r.number().equals(number);
                case PREFIX -> r.number().length() > prefix.number().length() && number.startsWith(r.number());
                case PATTERN -> false; // patterns rank below prefixes
            };
            if (claims) {
                return true;
            }
        }
        return false;
    }
}
