package dev.hotline.acd.model;

import java.util.Objects;
import java.util.Optional;

/**
 * What a call is about (a product advertised on one number, after-sales, ...). Each business type has its own queue.
 *
 * @param id      stable identifier used by number routes
 * @param name    display name
 * @param queue   the id of the queue its calls wait in
 * @param ivrFlow the default IVR flow for its numbers, used when the number route names none
 */
public record BusinessType(String id, String name, String queue, Optional<String> ivrFlow) {
    public BusinessType {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(ivrFlow, "ivrFlow");
        name = name == null ? id : name;
    }
}
