package dev.hotline.acd.model;

import java.util.Objects;

/**
 * A VIP customer, recognised by caller number.
 *
 * @param number the caller number, exactly
 * @param name   the customer's name (shown to the agent)
 * @param tier   the customer's tier as the business names it ("gold", "platinum")
 */
public record VipEntry(String number, String name, String tier) {
    public VipEntry {
        Objects.requireNonNull(number, "number");
        name = name == null ? "" : name;
        tier = tier == null ? "" : tier;
    }
}
