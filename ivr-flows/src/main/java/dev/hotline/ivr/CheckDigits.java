package dev.hotline.ivr;

/** Check-digit schemes for collected numbers (card and account numbers): what a collect node's {@code check} means. */
public final class CheckDigits {
    private CheckDigits() {
    }

    /** The Luhn (mod 10) check used by payment cards and many account numbers; false for non-digits. */
    public static boolean luhn(String digits) {
        if (digits.isEmpty()) {
            return false;
        }
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            int d = c - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
