package dev.hotline.server.config.internal;

/** What the readers of one configuration directory share: the problems found and the ids declared so far. */
public record LoadContext(Problems problems, Ids ids) {
    public static LoadContext fresh() {
        return new LoadContext(new Problems(), new Ids());
    }
}
