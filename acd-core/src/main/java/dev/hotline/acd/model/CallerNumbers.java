package dev.hotline.acd.model;

import java.util.Objects;

/**
 * How the centre's country writes telephone numbers, so that the blacklist and the VIP directory know a caller
 * whichever form the network sends the caller number in: the same mobile arrives as {@code 13800138000},
 * {@code +8613800138000} or {@code 008613800138000}, the same landline as {@code 02166668888} or
 * {@code +862166668888}. Entries and caller numbers are both compared by their {@linkplain #significant significant
 * number}, the national number without country code or trunk prefix.
 *
 * <p>{@link #AS_GIVEN} (no country code) compares numbers as written, spaces and other separators aside: for centres
 * whose Asterisk dialplan already writes every caller number in one form.
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
        number = withoutSeparators(number);
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
     * The number without what only helps people read it: spaces, {@code - . ( )} (RFC 3966's visual separators) and a
     * {@code tel:} in front. A carrier or a PBX that writes {@code +86 138-0013-8000} means the listed
     * {@code 13800138000}, and a blacklisted caller must not pass because of a space.
     */
    static String withoutSeparators(String number) {
        int i = 0;
        while (i < number.length() && !isSeparator(number.charAt(i)) && number.charAt(i) != ':') {
            i++;
        }
        if (i == number.length()) {
            return number; // the usual case: nothing to take out, nothing allocated
        }
        String rest = number;
        if (number.regionMatches(true, 0, "tel:", 0, 4)) {
            // a tel: URI's parameters (;phone-context=..., ;ext=...) are not part of the number
            int parameters = number.indexOf(';');
            rest = number.substring(4, parameters < 0 ? number.length() : parameters);
        }
        StringBuilder kept = new StringBuilder(rest.length());
        for (int j = 0; j < rest.length(); j++) {
            char c = rest.charAt(j);
            if (!isSeparator(c)) {
                kept.append(c);
            }
        }
        return kept.toString();
    }

    private static boolean isSeparator(char c) {
        return c == '-' || c == '.' || c == '(' || c == ')' || Character.isWhitespace(c) || Character.isSpaceChar(c);
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
