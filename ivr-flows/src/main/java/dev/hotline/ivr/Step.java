package dev.hotline.ivr;

import java.util.Objects;

/** The result of one interpreter step: the session's new state and what the telephony side must do next. */
public record Step(SessionState state, Action action) {
    public Step {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(action, "action");
    }
}
