package dev.hotline.bridge.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * What a simulated caller keys in, one entry per prompt that takes digits ({@link SimulatedCaller#presses()}): an
 * entry is used up by the prompts that read it, and what a prompt does not read stays for the next one.
 */
final class CallerKeypad {

    private final Deque<String> entries;

    CallerKeypad(List<String> entries) {
        this.entries = new ArrayDeque<>(entries);
    }

    /**
     * An interruptible prompt ({@code STREAM FILE} with escape digits) is playing: the key that stops it, if the next
     * entry starts with one of {@code escapeDigits}. An empty entry lets this prompt play out and is used up; an
     * entry starting with another key waits for a later prompt.
     */
    Optional<Character> interrupt(String escapeDigits) {
        String entry = entries.peekFirst();
        if (entry == null || escapeDigits.isEmpty()) {
            return Optional.empty();
        }
        if (entry.isEmpty()) {
            entries.removeFirst();
            return Optional.empty();
        }
        if (escapeDigits.indexOf(entry.charAt(0)) < 0) {
            return Optional.empty();
        }
        keyed(1);
        return Optional.of(entry.charAt(0));
    }

    /**
     * {@code GET DATA} reads an entry: its digits up to a {@code #} or {@code maxDigits}. A full entry returns at once,
     * leaving a following {@code #} for the next prompt ({@code agi-session-basic.txt}: {@code 1234#} with 4 digits
     * gives 1234 and the next WAIT FOR DIGIT gets the #); a {@code #} before the maximum ends the entry and is used.
     * Empty when the caller keys nothing in at this prompt.
     */
    Optional<String> entry(int maxDigits) {
        String entry = nextKeyedEntry();
        if (entry == null) {
            return Optional.empty();
        }
        int hash = entry.indexOf('#');
        int end = Math.min(hash < 0 ? entry.length() : hash, maxDigits);
        boolean terminated = end < maxDigits && end < entry.length() && entry.charAt(end) == '#';
        keyed(terminated ? end + 1 : end);
        return Optional.of(entry.substring(0, end));
    }

    /** {@code WAIT FOR DIGIT} reads one key: the first of the next entry; empty when none is keyed in. */
    Optional<Character> digit() {
        String entry = nextKeyedEntry();
        if (entry == null) {
            return Optional.empty();
        }
        keyed(1);
        return Optional.of(entry.charAt(0));
    }

    /**
     * The entry this prompt reads, or null when the caller keys nothing in at it (no entry left, or an empty entry,
     * which this prompt uses up).
     */
    private String nextKeyedEntry() {
        String entry = entries.peekFirst();
        if (entry != null && entry.isEmpty()) {
            entries.removeFirst();
            return null;
        }
        return entry;
    }

    /** The caller keyed the first {@code count} characters of the current entry; the rest waits for a prompt. */
    private void keyed(int count) {
        String entry = entries.removeFirst();
        if (count < entry.length()) {
            entries.addFirst(entry.substring(count));
        }
    }
}
