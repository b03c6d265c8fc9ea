package dev.hotline.acd.model;

import java.util.Objects;

/**
 * How the centre's country writes telephone numbers, so that the blacklist and the VIP directory know a caller
 * whichever form the network sends the caller number in: the same mobile arrives as {@code 13800138000},
 * {@code +8613800138000} or {@code 008613800138000}, the same landline as {@code 02166668888} or
 * {@code +862166668888}. Entries and caller numbers are both compared by their {@linkplain #significant significant
 * number}, the national number without country code or trunk prefix.
 *
 * <p>{@link #AS_GIVEN} (no country code) compares numbers exactly as written: for centres whose Asterisk dialplan
 * already writes every caller number in one form.
 *
 * @param countryCode         the country's calling code, digits without {@code +} ("86"); empty: numbers as given
 * @param internationalPrefix what callers dial before a country code ("00"); {@code +} is always understood too
 * @param trunkPrefix         what precedes an area code within the country ("0"); may be empty
 */
public record CallerNumbers(String countryCode, String internationalPrefix, String trunkPrefix) {

    /** Numbers compared exactly as written. */
    public static final CallerNumbers AS_GIVEN = new CallerNumbers("", "", "");

    public CallerNumbers {
        Objects.requireNonNull(countryCode, "countryCode");
        Objects.requireNonNull(internationalPrefix, "internationalPrefix");
        Objects.requireNonNull(trunkPrefix, "trunkPrefix");
        if (!countryCode.isEmpty() && internationalPrefix.isEmpty()) {
            throw new IllegalArgumentException("an international prefix is needed with country code " + countryCode);
        }
    }

    /**
     * The number as the centre compares it: a number of this country without its {@code +}/international prefix and
     * country code, or without its trunk prefix; a number of another country in its international form with the
     * international prefix ({@code +1555...} and {@code 001555...} alike); with {@link #AS_GIVEN}, the number itself.
     */
    public String significant(String number) {
        if (countryCode.isEmpty()) {
            return number;
        }
        if (number.startsWith("+")) {
            return number.startsWith(countryCode, 1)
                    ? national(number.substring(1 + countryCode.length()))
                    : internationalPrefix + number.substring(1);
        }
        if (number.startsWith(internationalPrefix)) {
            return number.startsWith(countryCode, internationalPrefix.length())
                    ? national(number.substring(internationalPrefix.length() + countryCode.length()))
                    : number;
        }
        return national(number);
    }

    /**
     * A number of this country without its trunk prefix: also after the country code, where "+86 (0)21..." puts one
     * that does not belong (no significant number begins with the trunk prefix where the country has one).
     */
    private String national(String number) {
        return !trunkPrefix.isEmpty() && number.startsWith(trunkPrefix) ? number.substring(trunkPrefix.length())
                : number;
    }
}
