package dev.hotline.server.config.internal;

import dev.hotline.server.config.AsOf;

/**
 * What the readers of one configuration directory share: the problems found, the ids declared so far, the
 * warnings (settings that are valid and work as written but that an admin most likely does not mean: a door left
 * open, said by {@code validate} and logged by {@code serve} without refusing the configuration), and the time of
 * the load, against which dates that have already passed are warned about (an expired blacklist entry).
 */
public record LoadContext(Problems problems, Ids ids, Problems warnings, AsOf asOf) {
    public static LoadContext fresh(AsOf asOf) {
        return new LoadContext(new Problems(), new Ids(), new Problems(), asOf);
    }
}
