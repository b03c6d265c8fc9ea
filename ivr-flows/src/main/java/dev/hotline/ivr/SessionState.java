package dev.hotline.ivr;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the interpreter knows about one caller's IVR session: plain immutable data, serialisable, so a session
 * can be stored and resumed (for instance on another server) by feeding the next input to {@link
 * FlowInterpreter#step}.
 *
 * @param call      what was known when the call arrived
 * @param flow      the flow being run (a subflow while one runs)
 * @param node      the current node
 * @param awaiting  the action whose answer the next input is; {@link Action.Finished} once the session is over
 * @param pending   the node's further actions, emitted one at a time as the previous ones complete
 * @param attempt   invalid entries and timeouts so far at the current menu or collect
 * @param typed     keys typed ahead while a menu or collect prompt played
 * @param variables the session's variables (String, Long, Double, Boolean or Map of String to String)
 * @param language  the caller's current language
 * @param returns   where each running subflow returns to, innermost last
 * @param steps     inputs taken so far (bounded by the flow's max-steps)
 * @param servedAs  the hang-up node ({@code flow/node}) a caller who hangs up from now on ends as: the
 *                  {@code on-hang-up} of the first menu after an answer they reached (they have had it, and a hang-up
 *                  while it is said again is no loss); empty before
 */
public record SessionState(CallContext call, String flow, String node, Action awaiting, List<Action> pending,
                           int attempt, String typed, Map<String, Object> variables, String language,
                           List<Return> returns, int steps, String servedAs) implements Serializable {
    public SessionState {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(awaiting, "awaiting");
        pending = List.copyOf(pending);
        Objects.requireNonNull(typed, "typed");
        variables = Map.copyOf(variables);
        Objects.requireNonNull(language, "language");
        returns = List.copyOf(returns);
        Objects.requireNonNull(servedAs, "servedAs");
    }

    /**
     * Where a subflow returns to.
     *
     * @param flow the calling flow
     * @param node the subflow node that called it
     * @param next the node the calling flow continues at
     */
    public record Return(String flow, String node, String next) implements Serializable {
        public Return {
            Objects.requireNonNull(flow, "flow");
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(next, "next");
        }
    }

    /** Whether the session is over. */
    public boolean finished() {
        return awaiting instanceof Action.Finished;
    }

    /** How the session ended, once it has. */
    public Optional<Outcome> outcome() {
        return awaiting instanceof Action.Finished f ? Optional.of(f.outcome()) : Optional.empty();
    }

    /** A variable's value, e.g. what a collect node stored. */
    public Optional<Object> variable(String name) {
        return Optional.ofNullable(variables.get(name));
    }
}
