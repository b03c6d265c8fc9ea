package dev.hotline.ivr;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a flow, as written under {@code nodes:}. Expressions (conditions, values) are CEL source text,
 * compiled and type-checked when the flow is loaded.
 */
public sealed interface Node {

    /** The node's id, unique within its flow. */
    String id();

    /**
     * Where the node can lead, by exit name (the names per-node statistics count exits under). The flow-wide agent
     * escape is not included.
     */
    Map<String, String> exits();

    /** Whether the node waits for the caller to press keys (so a loop through it is not a loop without input). */
    default boolean waitsForCaller() {
        return false;
    }

    private static Map<String, String> exitsOf(String... nameTargetPairs) {
        Map<String, String> exits = new LinkedHashMap<>();
        for (int i = 0; i < nameTargetPairs.length; i += 2) {
            exits.put(nameTargetPairs[i], nameTargetPairs[i + 1]);
        }
        return Collections.unmodifiableMap(exits);
    }

    /** Play prompts one after the other; a key in {@code bargeIn} skips the rest. */
    record Play(String id, List<String> prompts, String bargeIn, String next) implements Node {
        public Play {
            prompts = List.copyOf(prompts);
        }

        @Override
        public Map<String, String> exits() {
            return exitsOf("next", next);
        }
    }

    /**
     * A menu: prompts, then one option per key sequence. After {@code retries} invalid entries or timeouts the caller
     * goes to {@code onFailure}. The flow's agent escape works here unless {@code agentEscape} is false. When
     * {@code into} is given, the chosen option's keys are stored in that string variable. {@code onHangUp} names the
     * hang-up node a caller who hangs up at this menu ends as (a menu after the answer: "to hear it again press 1"):
     * such a caller got what they called for, and counts as that node says, not as lost in the IVR.
     */
    record Menu(String id, List<String> prompts, Map<String, String> options, Duration timeout,
                Duration interDigitTimeout, Optional<String> invalidPrompt, Optional<String> timeoutPrompt, int retries,
                String onFailure, boolean agentEscape, Optional<String> into, Optional<String> onHangUp)
            implements Node {
        public Menu {
            prompts = List.copyOf(prompts);
            options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
            Objects.requireNonNull(onHangUp, "onHangUp");
        }

        @Override
        public Map<String, String> exits() {
            Map<String, String> exits = new LinkedHashMap<>();
            options.forEach((key, target) -> exits.put("key " + key, target));
            exits.put("failure", onFailure);
            onHangUp.ifPresent(target -> exits.put("hang-up", target));
            return Collections.unmodifiableMap(exits);
        }

        @Override
        public boolean waitsForCaller() {
            return true;
        }
    }

    /** How a collected entry is checked beyond its length and pattern. */
    enum CheckDigit { NONE, LUHN }

    /** Collect digits into a string variable, checked by length, pattern and check digit, with retries. */
    record Collect(String id, List<String> prompts, int minDigits, int maxDigits, String terminator, Duration timeout,
                   Duration interDigitTimeout, Optional<String> pattern, CheckDigit check, int retries,
                   Optional<String> invalidPrompt, Optional<String> timeoutPrompt, String into, String next,
                   String onFailure) implements Node {
        public Collect {
            prompts = List.copyOf(prompts);
        }

        @Override
        public Map<String, String> exits() {
            return exitsOf("valid", next, "failure", onFailure);
        }

        @Override
        public boolean waitsForCaller() {
            return true;
        }
    }

    /** How a say node speaks its value. */
    enum SayAs { NUMBER, DECIMAL, DIGITS, MONEY, DATE, TIME, DATE_AND_TIME }

    /** Say a value (number, decimal, digits, money in a currency, date or time) in the caller's language. */
    record Say(String id, SayAs as, String value, String currency, String bargeIn, String next) implements Node {
        @Override
        public Map<String, String> exits() {
            return exitsOf("next", next);
        }
    }

    /** One rule of a branch: when the condition holds, go to the target. */
    record Rule(String when, String target) {
    }

    /** Ordered rules, the first whose condition holds wins; {@code otherwise} when none does. */
    record Branch(String id, List<Rule> rules, String otherwise) implements Node {
        public Branch {
            rules = List.copyOf(rules);
        }

        @Override
        public Map<String, String> exits() {
            Map<String, String> exits = new LinkedHashMap<>();
            for (int i = 0; i < rules.size(); i++) {
                exits.put("rule " + (i + 1), rules.get(i).target());
            }
            exits.put("otherwise", otherwise);
            return Collections.unmodifiableMap(exits);
        }
    }

    /** Assign variables from expressions, in order (later ones see earlier ones). */
    record SetVariables(String id, Map<String, String> assignments, String next) implements Node {
        public SetVariables {
            assignments = Collections.unmodifiableMap(new LinkedHashMap<>(assignments));
        }

        @Override
        public Map<String, String> exits() {
            return exitsOf("next", next);
        }
    }

    /**
     * Look self-service data up in a source and store the record found in {@code into}. A table source matches
     * {@code key}; an HTTP source gets {@code parameters}.
     */
    record Lookup(String id, String source, Optional<String> key, Map<String, String> parameters, String into,
                  String found, String notFound, String failed) implements Node {
        public Lookup {
            parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        }

        @Override
        public Map<String, String> exits() {
            return exitsOf("found", found, "not-found", notFound, "failed", failed);
        }
    }

    /**
     * Hand the caller to the ACD, after its prompts ("an agent will be with you shortly"), with an optional business
     * type, priority raise and attached data. The business type's queue and its skill groups decide who serves the
     * call: a flow reaches other agents by naming another business type.
     */
    record Queue(String id, List<String> prompts, Optional<String> business, int priorityRaise,
                 Map<String, String> attach) implements Node {
        public Queue {
            prompts = List.copyOf(prompts);
            attach = Collections.unmodifiableMap(new LinkedHashMap<>(attach));
        }

        @Override
        public Map<String, String> exits() {
            return Map.of();
        }
    }

    /**
     * Play prompts, then record a message for a mailbox. {@code next} once the message is filed; {@code failed}
     * ("" for none: the caller goes to an agent) when it could not be.
     */
    record Voicemail(String id, List<String> prompts, String mailbox, Duration maxDuration, Map<String, String> attach,
                     String next, String failed) implements Node {
        public Voicemail {
            prompts = List.copyOf(prompts);
            attach = Collections.unmodifiableMap(new LinkedHashMap<>(attach));
        }

        @Override
        public Map<String, String> exits() {
            return failed.isEmpty() ? exitsOf("next", next) : exitsOf("next", next, "failed", failed);
        }
    }

    /**
     * File a request to call the caller back on a number. {@code next} once the request is filed; {@code failed}
     * ("" for none: the caller goes to an agent) when it could not be.
     */
    record Callback(String id, String number, Optional<String> business, Map<String, String> attach, String next,
                    String failed) implements Node {
        public Callback {
            attach = Collections.unmodifiableMap(new LinkedHashMap<>(attach));
        }

        @Override
        public Map<String, String> exits() {
            return failed.isEmpty() ? exitsOf("next", next) : exitsOf("next", next, "failed", failed);
        }
    }

    /** Continue at another node. */
    record Goto(String id, String target) implements Node {
        @Override
        public Map<String, String> exits() {
            return exitsOf("next", target);
        }
    }

    /** Run a subflow (a flow marked {@code subflow: true}) and continue at {@code next} when it returns. */
    record Subflow(String id, String flow, String next) implements Node {
        @Override
        public Map<String, String> exits() {
            return exitsOf("next", next);
        }
    }

    /** Leave a subflow, back to the node after the subflow node that called it. */
    record Return(String id) implements Node {
        @Override
        public Map<String, String> exits() {
            return Map.of();
        }
    }

    /** Let the caller choose a language by key; the default applies when they press nothing or a wrong key. */
    record LanguageChoice(String id, List<String> prompts, Map<String, String> options, String defaultLanguage,
                          Duration timeout, String next) implements Node {
        public LanguageChoice {
            prompts = List.copyOf(prompts);
            options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
        }

        @Override
        public Map<String, String> exits() {
            return exitsOf("next", next);
        }

        @Override
        public boolean waitsForCaller() {
            return true;
        }
    }

    /**
     * Play prompts and hang up with a disposition. {@code selfService} marks the ending as completed self-service;
     * {@code record} names the variables reported as results (a survey rating).
     */
    record Hangup(String id, List<String> prompts, String disposition, boolean selfService, List<String> record)
            implements Node {
        public Hangup {
            prompts = List.copyOf(prompts);
            record = List.copyOf(record);
        }

        @Override
        public Map<String, String> exits() {
            return Map.of();
        }
    }
}
