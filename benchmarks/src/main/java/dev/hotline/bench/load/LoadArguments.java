package dev.hotline.bench.load;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} pairs with defaults; an unknown name or a value that is not a number is refused by name. */
final class LoadArguments {

    private final Map<String, String> values;

    private LoadArguments(Map<String, String> values) {
        this.values = values;
    }

    /** @param defaults name, value, name, value... : the names allowed and their defaults */
    static LoadArguments parse(String[] args, String... defaults) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < defaults.length; i += 2) {
            values.put(defaults[i], defaults[i + 1]);
        }
        for (int i = 0; i < args.length; i += 2) {
            if (!values.containsKey(args[i])) {
                throw new IllegalArgumentException("unknown option '" + args[i] + "'; options: " + values.keySet());
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + args[i] + " needs a value");
            }
            values.put(args[i], args[i + 1]);
        }
        return new LoadArguments(values);
    }

    int integer(String name) {
        String value = values.get(name);
        try {
            int parsed = Integer.parseInt(value.replace("_", "").replace(",", ""));
            if (parsed < 0) {
                throw new IllegalArgumentException(name + " must not be negative: " + value);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not a whole number: '" + value + "'", e);
        }
    }

    String text(String name) {
        return values.get(name);
    }
}
