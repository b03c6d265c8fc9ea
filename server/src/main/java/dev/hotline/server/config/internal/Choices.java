package dev.hotline.server.config.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Enum values as admins write them: {@code LONGEST_IDLE} is {@code longest-idle}. */
public final class Choices {
    private Choices() {
    }

    public static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The constant written as {@code text}, or a report naming the allowed values. */
    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text, String what, Where at,
                                                        Problems problems) {
        return parse(type, java.util.EnumSet.allOf(type), text, what, at, problems);
    }

    /** As {@link #parse(Class, String, String, Where, Problems)}, where only {@code allowed} may be written. */
    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, java.util.Set<E> allowed, String text,
                                                        String what, Where at, Problems problems) {
        for (E e : type.getEnumConstants()) {
            if (name(e).equals(text) && allowed.contains(e)) {
                return Optional.of(e);
            }
        }
        problems.add(at, "unknown " + what + " '" + text + "' (known: " + Arrays.stream(type.getEnumConstants())
                .filter(allowed::contains).map(Choices::name).collect(Collectors.joining(", ")) + ")");
        return Optional.empty();
    }
}
