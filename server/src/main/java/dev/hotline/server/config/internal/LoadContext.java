package dev.hotline.server.config.internal;

/**
 * What the readers of one configuration directory share: the problems found, the ids declared so far, and the
 * warnings: settings that are valid and work as written but that an admin most likely does not mean (a door left
 * open), said by {@code validate} and logged by {@code serve} without refusing the configuration.
 */
public record LoadContext(Problems problems, Ids ids, Problems warnings) {
    public static LoadContext fresh() {
        return new LoadContext(new Problems(), new Ids(), new Problems());
    }
}
