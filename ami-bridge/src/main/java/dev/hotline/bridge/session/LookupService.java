package dev.hotline.bridge.session;

import dev.hotline.ivr.Action;
import dev.hotline.ivr.Input;
import java.util.concurrent.CompletionStage;

/**
 * Performs an IVR flow's HTTP lookups ({@link Action.Lookup}) for the call sessions. Must not block the caller: the
 * answer comes later, on any thread.
 */
@FunctionalInterface
public interface LookupService {

    /**
     * @return {@link Input.LookupResult} with the fields found (empty when the source knows nothing for the key), or
     *         {@link Input.LookupFailed} naming what went wrong; the stage itself never fails
     */
    CompletionStage<Input> lookup(Action.Lookup lookup);
}
