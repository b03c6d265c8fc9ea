package dev.hotline.server.journal;

import dev.hotline.ivr.CheckDigits;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Payment card numbers masked for the journal and the logs: a value of 13 to 19 digits (spaces and dashes between
 * them allowed) whose last digit is its Luhn check digit keeps its first six and last four digits, the others become
 * {@code *}, as PCI DSS allows a card number to be shown. What the IVR attached reaches the agent's screen pop whole;
 * what is kept on disk and in the logs is masked, so a journal or a log handed to someone holds no card number.
 */
public final class CardNumbers {

    private CardNumbers() {
    }

    /** {@code data} with every card number masked; the same map when there is none. */
    public static Map<String, String> masked(Map<String, String> data) {
        Map<String, String> masked = null;
        for (Map.Entry<String, String> e : data.entrySet()) {
            String value = mask(e.getValue());
            if (!value.equals(e.getValue())) {
                if (masked == null) {
                    masked = new LinkedHashMap<>(data);
                }
                masked.put(e.getKey(), value);
            }
        }
        return masked == null ? data : masked;
    }

    /** {@code value} masked when it is a card number ({@code 622202******1234}), else {@code value} itself. */
    public static String mask(String value) {
        if (value == null || value.length() < 13 || value.length() > 19 + 6) {
            return value;
        }
        StringBuilder digits = new StringBuilder(19);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if ((c != ' ' && c != '-') || i == 0 || i == value.length() - 1) {
                return value;
            }
        }
        if (digits.length() < 13 || digits.length() > 19 || !CheckDigits.luhn(digits.toString())) {
            return value;
        }
        return digits.substring(0, 6) + "*".repeat(digits.length() - 10) + digits.substring(digits.length() - 4);
    }
}
