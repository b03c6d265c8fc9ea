package dev.hotline.ivr;

import dev.hotline.ivr.internal.CompiledFlow;
import dev.hotline.ivr.internal.Expr;
import dev.hotline.ivr.internal.SessionVariables;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs flows as a pure step function: {@code (session state, input) -> (new state, next action)}. It holds no
 * session data, reads no clock (the instant comes with each call) and is safe to share between threads; the same
 * state and input always give the same step.
 */
public final class FlowInterpreter {
    /** The most digits a number said as decimal or money may have before the point, and after it. */
    static final int MOST_DIGITS = 18;
    private static final String ALL_KEYS = "0123456789*#";
    /** Nodes passed within one step; validation rules out loops without input, so reaching it is a bug. */
    private static final int MAX_HOPS = 10_000;

    private final FlowSet flows;
    private final FlowListener listener;
    private final QueueHours queueHours;

    /**
     * @param queueHours the queues' hours conditions read as {@code queue_open} and {@code queue_holiday}
     */
    public FlowInterpreter(FlowSet flows, FlowListener listener, QueueHours queueHours) {
        this.flows = Objects.requireNonNull(flows, "flows");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.queueHours = Objects.requireNonNull(queueHours, "queueHours");
    }

    /** An interpreter whose flows know of no queue's hours ({@link QueueHours#NONE}). */
    public FlowInterpreter(FlowSet flows, FlowListener listener) {
        this(flows, listener, QueueHours.NONE);
    }

    public FlowInterpreter(FlowSet flows) {
        this(flows, FlowListener.NONE);
    }

    /**
     * Starts a session of a flow for a call.
     *
     * @throws IllegalArgumentException when there is no such flow or it is a subflow
     */
    public Step start(String flowName, CallContext call, Instant now) {
        CompiledFlow flow = flows.compiled(flowName);
        if (flow.flow().subflow()) {
            throw new IllegalArgumentException("flow '" + flowName + "' is a subflow: it runs only from subflow nodes");
        }
        Run run = new Run(call, flow, "", List.of(), 0, "", flow.initialVariables(), call.language(), List.of(), 0,
                "", now);
        return run.finish(run.enter(flow.flow().start()));
    }

    /**
     * Feeds the answer to the state's awaited action (or a hang-up) and returns the next action. A finished session
     * stays finished: any input returns its {@link Action.Finished}.
     *
     * @throws IllegalStateException when the input cannot answer the awaited action (a bridge bug, e.g. a lookup
     *                               result while a prompt plays), or the state names a node the flow set lacks
     */
    public Step step(SessionState state, Input input, Instant now) {
        if (state.finished()) {
            return new Step(state, state.awaiting());
        }
        Run run = new Run(state.call(), flows.compiled(state.flow()), state.node(), state.pending(), state.attempt(),
                state.typed(), state.variables(), state.language(), state.returns(), state.steps() + 1,
                state.servedAs(), now);
        if (input instanceof Input.HangUp) {
            return run.finish(run.callerHungUp());
        }
        if (run.steps > run.flow.flow().maxSteps()) {
            return run.finish(run.stepLimitReached());
        }
        return run.finish(run.answer(state.awaiting(), input));
    }

    private enum Failure { TIMEOUT, INVALID }

    /** One step's working copy of a session; becomes the new immutable state at the end of the step. */
    private final class Run {
        final CallContext call;
        final Instant now;
        final int steps;
        CompiledFlow flow;
        String nodeId;
        Node node;
        List<Action> pending;
        int attempt;
        String typed;
        Map<String, Object> variables;
        boolean variablesCopied;
        String language;
        List<SessionState.Return> returns;
        String servedAs;
        Outcome outcome;
        String jump;

        Run(CallContext call, CompiledFlow flow, String nodeId, List<Action> pending, int attempt, String typed,
            Map<String, Object> variables, String language, List<SessionState.Return> returns, int steps,
            String servedAs, Instant now) {
            this.servedAs = servedAs;
            this.call = call;
            this.flow = flow;
            this.nodeId = nodeId;
            this.node = nodeId.isEmpty() ? null : flow.node(nodeId);
            this.pending = pending;
            this.attempt = attempt;
            this.typed = typed;
            this.variables = variables;
            this.language = language;
            this.returns = returns;
            this.steps = steps;
            this.now = now;
        }

        Step finish(Action action) {
            Action awaiting = outcome != null ? new Action.Finished(outcome) : action;
            return new Step(new SessionState(call, flowName(), nodeId, awaiting, pending, attempt, typed, variables,
                    language, returns, steps, servedAs), action);
        }

        String flowName() {
            return flow.flow().name();
        }

        // ---- moving between nodes ---------------------------------------------------------------------------

        /** Enters {@code target} and passes through nodes that need nothing from the caller until one does. */
        Action enter(String target) {
            String next = target;
            for (int hops = 0; hops < MAX_HOPS; hops++) {
                nodeId = next;
                node = flow.node(next);
                pending = List.of();
                typed = "";
                attempt = 0;
                jump = null;
                listener.entered(flowName(), nodeId);
                Action action = arrive();
                if (action != null) {
                    return action;
                }
                next = jump;
            }
            throw new IllegalStateException("flow '" + flowName() + "' passed " + MAX_HOPS
                    + " nodes without waiting for the caller, at node '" + nodeId + "'");
        }

        /** Records the exit and returns its target, for {@link #enter} or {@link #jump}. */
        String exit(String exit, String target) {
            listener.exited(flowName(), nodeId, exit);
            return target;
        }

        Action leave(String exit, String target) {
            return enter(exit(exit, target));
        }

        Action arrive() {
            switch (node) {
                case Node.Play play -> {
                    pending = plays(play.prompts(), play.bargeIn(), List.of());
                    return emit();
                }
                case Node.Menu menu -> {
                    if (servedAs.isEmpty()) {
                        menu.onHangUp().ifPresent(bye -> servedAs = flowName() + "/" + bye);
                    }
                    pending = menuActions(menu, Optional.empty());
                    return emit();
                }
                case Node.Collect collect -> {
                    pending = collectActions(collect, Optional.empty());
                    return emit();
                }
                case Node.Say say -> {
                    try {
                        pending = sayActions(say, flow.exprs(nodeId).main().orElseThrow().evaluate(variables()));
                        return emit();
                    } catch (Expr.ExpressionFailedException | IllegalArgumentException | ArithmeticException e) {
                        expressionFailed(e);
                        jump = exit("next", say.next());
                        return null;
                    }
                }
                case Node.Branch branch -> {
                    jump = branch(branch);
                    return null;
                }
                case Node.SetVariables set -> {
                    List<Expr> exprs = flow.exprs(nodeId).items();
                    int i = 0;
                    for (String name : set.assignments().keySet()) {
                        try {
                            setVariable(name, exprs.get(i).evaluate(variables()));
                        } catch (Expr.ExpressionFailedException e) {
                            expressionFailed(e);
                        }
                        i++;
                    }
                    jump = exit("next", set.next());
                    return null;
                }
                case Node.Lookup lookup -> {
                    return lookup(lookup);
                }
                case Node.Queue queue -> {
                    Action.TransferToQueue transfer = new Action.TransferToQueue(
                            text(flow.exprs(nodeId).second(), ""), queue.priorityRaise(),
                            attached(queue.attach()));
                    if (queue.prompts().isEmpty()) {
                        outcome = new Outcome.Transferred(flowName(), nodeId, transfer);
                        return transfer;
                    }
                    // "one moment, an agent will be with you": then the transfer, which the last prompt's end emits
                    pending = plays(queue.prompts(), "", List.of(transfer));
                    return emit();
                }
                case Node.Voicemail mail -> {
                    pending = plays(mail.prompts(), "", List.of(
                            new Action.RecordMessage(mail.mailbox(), mail.maxDuration(), attached(mail.attach()))));
                    return emit();
                }
                case Node.Callback callback -> {
                    CompiledFlow.NodeExprs exprs = flow.exprs(nodeId);
                    try {
                        String number = String.valueOf(exprs.main().orElseThrow().evaluate(variables()));
                        pending = List.of(new Action.RequestCallback(number, text(exprs.second(), ""),
                                attached(callback.attach())));
                        return emit();
                    } catch (Expr.ExpressionFailedException e) {
                        // no number, no request: what follows the node would promise a callback nobody will make
                        expressionFailed(e);
                        if (!callback.failed().isEmpty()) {
                            jump = exit("failed", callback.failed());
                            return null;
                        }
                        listener.exited(flowName(), nodeId, "failed");
                        return toAgent("request-failed");
                    }
                }
                case Node.Goto go -> {
                    jump = exit("next", go.target());
                    return null;
                }
                case Node.Subflow call -> {
                    List<SessionState.Return> stack = new ArrayList<>(returns);
                    stack.add(new SessionState.Return(flowName(), nodeId, call.next()));
                    returns = List.copyOf(stack);
                    flow = flows.compiled(call.flow());
                    jump = flow.flow().start();
                    return null;
                }
                case Node.Return ignored -> {
                    SessionState.Return back = returns.getLast();
                    returns = returns.subList(0, returns.size() - 1);
                    flow = flows.compiled(back.flow());
                    nodeId = back.node();
                    jump = exit("next", back.next());
                    return null;
                }
                case Node.LanguageChoice choice -> {
                    List<String> prompts = choice.prompts();
                    String keys = String.join("", choice.options().keySet());
                    pending = plays(prompts.subList(0, prompts.size() - 1), keys, List.of(new Action.Collect(
                            prompts.getLast(), 1, choice.timeout(), choice.timeout(), "")));
                    return emit();
                }
                case Node.Hangup hangup -> {
                    pending = plays(hangup.prompts(), "", List.of(new Action.Hangup(hangup.disposition())));
                    return emit();
                }
            }
        }

        /** Emits the node's next pending action; a hang-up action ends the session. */
        Action emit() {
            Action action = pending.getFirst();
            pending = pending.subList(1, pending.size());
            if (action instanceof Action.Hangup && node instanceof Node.Hangup hangup) {
                outcome = endedAt(hangup);
            } else if (action instanceof Action.TransferToQueue transfer) {
                outcome = new Outcome.Transferred(flowName(), nodeId, transfer);
            }
            return action;
        }

        /** The hang-up node of {@link SessionState#servedAs}, when the caller has been served. */
        Optional<Node.Hangup> servedHangup() {
            if (servedAs.isEmpty()) {
                return Optional.empty();
            }
            int slash = servedAs.indexOf('/'); // flow names are file names: no slash
            return flows.names().contains(servedAs.substring(0, slash))
                    && flows.compiled(servedAs.substring(0, slash)).flow().nodes()
                    .get(servedAs.substring(slash + 1)) instanceof Node.Hangup hangup ? Optional.of(hangup)
                    : Optional.empty();
        }

        Outcome endedAt(Node.Hangup hangup) {
            Map<String, String> results = new LinkedHashMap<>();
            hangup.record().forEach(name -> results.put(name, String.valueOf(variables.get(name))));
            return new Outcome.EndedByFlow(flowName(), nodeId, hangup.disposition(), hangup.selfService(), results);
        }

        // ---- inputs -----------------------------------------------------------------------------------------

        Action answer(Action awaiting, Input input) {
            switch (awaiting) {
                case Action.Play p -> {
                    return afterPrompt(input, awaiting);
                }
                case Action.SayNumber s -> {
                    return afterPrompt(input, awaiting);
                }
                case Action.SayDigits s -> {
                    return afterPrompt(input, awaiting);
                }
                case Action.SayDateTime s -> {
                    return afterPrompt(input, awaiting);
                }
                case Action.Collect c -> {
                    return switch (input) {
                        case Input.Digits d -> keys(d.digits(), false);
                        case Input.Timeout t -> keys("", false);
                        default -> throw unexpected(input, awaiting);
                    };
                }
                case Action.Lookup l -> {
                    Node.Lookup lookup = (Node.Lookup) node;
                    return switch (input) {
                        case Input.LookupResult r when r.fields().isEmpty() -> leave("not-found", lookup.notFound());
                        case Input.LookupResult r -> {
                            setVariable(lookup.into(), r.fields());
                            yield leave("found", lookup.found());
                        }
                        case Input.LookupFailed f -> leave("failed", lookup.failed());
                        default -> throw unexpected(input, awaiting);
                    };
                }
                case Action.SetLanguage s -> {
                    return afterAction(input, awaiting);
                }
                case Action.RecordMessage r -> {
                    return afterRequest(input, awaiting);
                }
                case Action.RequestCallback r -> {
                    return afterRequest(input, awaiting);
                }
                case Action.TransferToQueue t -> throw unexpected(input, awaiting);
                case Action.Hangup h -> throw unexpected(input, awaiting);
                case Action.Finished f -> throw unexpected(input, awaiting);
            }
        }

        IllegalStateException unexpected(Input input, Action awaiting) {
            return new IllegalStateException("flow '" + flowName() + "' node '" + nodeId + "' awaits the answer to "
                    + awaiting.getClass().getSimpleName() + ", got " + input);
        }

        Action afterPrompt(Input input, Action awaiting) {
            return switch (input) {
                case Input.ActionDone d -> nextOrLeave();
                // A key the prompt was not interruptible by cannot have cut it short: the prompt ended.
                case Input.Digits d when d.digits().isEmpty()
                        || escapeDigits(awaiting).indexOf(d.digits().charAt(0)) < 0 -> nextOrLeave();
                case Input.Digits d -> switch (node) {
                    case Node.Menu m -> keys(d.digits(), true);
                    case Node.Collect c -> keys(d.digits(), true);
                    case Node.LanguageChoice c -> keys(d.digits(), true);
                    default -> leave("next", node.exits().get("next"));
                };
                default -> throw unexpected(input, awaiting);
            };
        }

        String escapeDigits(Action prompt) {
            return switch (prompt) {
                case Action.Play p -> p.escapeDigits();
                case Action.SayNumber p -> p.escapeDigits();
                case Action.SayDigits p -> p.escapeDigits();
                case Action.SayDateTime p -> p.escapeDigits();
                default -> "";
            };
        }

        Action afterAction(Input input, Action awaiting) {
            if (!(input instanceof Input.ActionDone)) {
                throw unexpected(input, awaiting);
            }
            return nextOrLeave();
        }

        /**
         * After a message or a callback request: on once it is filed; when it could not be, the node's failed exit,
         * or without one a person, so that the caller is never told a request was taken when it was not.
         */
        Action afterRequest(Input input, Action awaiting) {
            if (!(input instanceof Input.RequestFailed)) {
                return afterAction(input, awaiting);
            }
            String target = node.exits().get("failed");
            if (target != null) {
                return leave("failed", target);
            }
            listener.exited(flowName(), nodeId, "failed");
            return toAgent("request-failed");
        }

        Action nextOrLeave() {
            if (!pending.isEmpty()) {
                return emit();
            }
            String next = node.exits().get("next");
            if (next == null) {
                throw new IllegalStateException("flow '" + flowName() + "' node '" + nodeId
                        + "' has nothing left to do and no next node");
            }
            return leave("next", next);
        }

        Action callerHungUp() {
            listener.hungUp(flowName(), nodeId);
            outcome = switch (node) {
                case Node.Hangup hangup -> endedAt(hangup);
                // a menu after the answer: the caller got it, and ends as the menu's on-hang-up node says
                case Node.Menu menu when menu.onHangUp().isPresent()
                        && flow.node(menu.onHangUp().get()) instanceof Node.Hangup hangup -> endedAt(hangup);
                // served before, and hanging up while an answer is said again or at the menu before it
                default -> servedHangup().map(this::endedAt)
                        .orElseGet(() -> new Outcome.CallerHungUp(flowName(), nodeId));
            };
            pending = List.of();
            return new Action.Finished(outcome);
        }

        /**
         * A caller still in the IVR after the flow's max-steps inputs is lost in it: a person sorts it out, so the
         * call goes to its business type's queue (never a hang-up), telling the agent where the caller was stuck.
         */
        Action stepLimitReached() {
            return toAgent("step-limit");
        }

        /**
         * To the call's business type's queue, telling the agent why the IVR gave up and where, with what the flow's
         * agent escape would have attached (the caller's entries so far: an account number, an order).
         */
        Action toAgent(String why) {
            Map<String, String> data = new LinkedHashMap<>();
            flow.flow().agentEscape().map(escape -> flow.flow().nodes().get(escape.target()))
                    .filter(Node.Queue.class::isInstance).map(Node.Queue.class::cast)
                    .ifPresent(escape -> data.putAll(attached(escape.id(), escape.attach())));
            data.put("ivr_ended", why);
            data.put("ivr_node", flowName() + "/" + nodeId);
            Action.TransferToQueue transfer = new Action.TransferToQueue(call.businessType(), 0, data);
            outcome = new Outcome.Transferred(flowName(), nodeId, transfer);
            pending = List.of();
            return transfer;
        }

        /**
         * Keys at a menu, collect or language choice. {@code interrupted}: the key cut a prompt short, so it may be
         * the first of several (typed ahead).
         */
        Action keys(String entered, boolean interrupted) {
            return switch (node) {
                case Node.Menu menu -> menuKeys(menu, typed + entered, interrupted);
                case Node.Collect collect -> collectKeys(collect, typed + entered, interrupted);
                case Node.LanguageChoice choice -> chooseLanguage(choice, entered);
                default -> throw new IllegalStateException("node '" + nodeId + "' does not take keys");
            };
        }

        Action menuKeys(Node.Menu menu, String keys, boolean interrupted) {
            if (keys.isEmpty()) {
                return retryMenu(menu, Failure.TIMEOUT);
            }
            Optional<Flow.AgentEscape> escape = menuEscape(menu);
            boolean exact = menu.options().containsKey(keys) || escape.filter(e -> e.key().equals(keys)).isPresent();
            if (interrupted) {
                int longest = longestOption(menu);
                boolean longerStartsSo = menu.options().keySet().stream()
                        .anyMatch(o -> o.length() > keys.length() && o.startsWith(keys));
                if (longerStartsSo && keys.length() < longest) {
                    typed = keys;
                    pending = List.of(new Action.Collect("", longest - keys.length(), menu.interDigitTimeout(),
                            menu.interDigitTimeout(), ""));
                    return emit();
                }
            }
            if (!exact) {
                return retryMenu(menu, Failure.INVALID);
            }
            typed = "";
            if (escape.isPresent() && escape.get().key().equals(keys)) {
                return leave("agent", escape.get().target());
            }
            menu.into().ifPresent(into -> setVariable(into, keys));
            return leave("key " + keys, menu.options().get(keys));
        }

        Action retryMenu(Node.Menu menu, Failure failure) {
            typed = "";
            if (counted(failure) > menu.retries()) {
                return leave("failure", menu.onFailure());
            }
            pending = menuActions(menu, failure == Failure.TIMEOUT ? menu.timeoutPrompt() : menu.invalidPrompt());
            return emit();
        }

        int counted(Failure failure) {
            if (failure == Failure.TIMEOUT) {
                listener.timedOut(flowName(), nodeId);
            } else {
                listener.invalidInput(flowName(), nodeId);
            }
            return ++attempt;
        }

        Optional<Flow.AgentEscape> menuEscape(Node.Menu menu) {
            return menu.agentEscape() ? flow.flow().agentEscape() : Optional.empty();
        }

        int longestOption(Node.Menu menu) {
            int longest = 1;
            for (String option : menu.options().keySet()) {
                longest = Math.max(longest, option.length());
            }
            return longest;
        }

        List<Action> menuActions(Node.Menu menu, Optional<String> notice) {
            LinkedHashSet<Character> firstKeys = new LinkedHashSet<>();
            menu.options().keySet().forEach(o -> firstKeys.add(o.charAt(0)));
            menuEscape(menu).ifPresent(e -> firstKeys.add(e.key().charAt(0)));
            StringBuilder keys = new StringBuilder();
            firstKeys.forEach(keys::append);
            List<String> prompts = new ArrayList<>();
            notice.ifPresent(prompts::add);
            prompts.addAll(menu.prompts());
            return plays(prompts.subList(0, prompts.size() - 1), keys.toString(), List.of(new Action.Collect(
                    prompts.getLast(), longestOption(menu), menu.timeout(), menu.interDigitTimeout(), "")));
        }

        Action collectKeys(Node.Collect collect, String keys, boolean interrupted) {
            String entry = collect.terminator().isEmpty() || !keys.endsWith(collect.terminator())
                    ? keys : keys.substring(0, keys.length() - 1);
            boolean terminated = entry.length() < keys.length();
            if (interrupted && !terminated && entry.length() < collect.maxDigits()) {
                typed = entry;
                pending = List.of(new Action.Collect("", collect.maxDigits() - entry.length(),
                        collect.interDigitTimeout(), collect.interDigitTimeout(), collect.terminator()));
                return emit();
            }
            if (entry.isEmpty()) {
                return retryCollect(collect, terminated ? Failure.INVALID : Failure.TIMEOUT);
            }
            boolean valid = entry.length() >= collect.minDigits() && entry.length() <= collect.maxDigits()
                    && flow.matchesPattern(nodeId, entry)
                    && (collect.check() != Node.CheckDigit.LUHN || CheckDigits.luhn(entry));
            Optional<Flow.AgentEscape> escape = flow.flow().agentEscape();
            if (!valid && escape.isPresent() && escape.get().key().equals(entry)) {
                // "an agent at any time with 0": the escape key alone is no account number, PIN or phone
                typed = "";
                return leave("agent", escape.get().target());
            }
            if (!valid) {
                return retryCollect(collect, Failure.INVALID);
            }
            typed = "";
            setVariable(collect.into(), entry);
            return leave("valid", collect.next());
        }

        Action retryCollect(Node.Collect collect, Failure failure) {
            typed = "";
            if (counted(failure) > collect.retries()) {
                return leave("failure", collect.onFailure());
            }
            pending = collectActions(collect, failure == Failure.TIMEOUT ? collect.timeoutPrompt()
                    : collect.invalidPrompt());
            return emit();
        }

        List<Action> collectActions(Node.Collect collect, Optional<String> notice) {
            List<String> prompts = new ArrayList<>();
            notice.ifPresent(prompts::add);
            prompts.addAll(collect.prompts());
            return plays(prompts.subList(0, prompts.size() - 1), ALL_KEYS, List.of(new Action.Collect(
                    prompts.getLast(), collect.maxDigits(), collect.timeout(), collect.interDigitTimeout(),
                    collect.terminator())));
        }

        Action chooseLanguage(Node.LanguageChoice choice, String entered) {
            String chosen = entered.isEmpty() ? null : choice.options().get(entered.substring(0, 1));
            if (chosen == null) {
                if (entered.isEmpty()) {
                    listener.timedOut(flowName(), nodeId);
                } else {
                    listener.invalidInput(flowName(), nodeId);
                }
                chosen = choice.defaultLanguage();
            }
            language = chosen;
            pending = List.of(new Action.SetLanguage(chosen));
            return emit();
        }

        // ---- expressions and data ---------------------------------------------------------------------------

        SessionVariables variables() {
            return new SessionVariables(call, language, now, flow.flow().calendar(), flow.flow().constants(),
                    variables, queueHours);
        }

        void setVariable(String name, Object value) {
            if (!variablesCopied) {
                variables = new HashMap<>(variables);
                variablesCopied = true;
            }
            variables.put(name, value);
        }

        void expressionFailed(RuntimeException e) {
            listener.expressionFailed(flowName(), nodeId, e.getMessage());
        }

        String branch(Node.Branch branch) {
            List<Expr> conditions = flow.exprs(nodeId).items();
            SessionVariables vars = variables();
            for (int i = 0; i < conditions.size(); i++) {
                try {
                    if (conditions.get(i).test(vars)) {
                        return exit("rule " + (i + 1), branch.rules().get(i).target());
                    }
                } catch (Expr.ExpressionFailedException e) {
                    // A rule that cannot be evaluated for this caller does not match; the next rule decides.
                    expressionFailed(e);
                }
            }
            return exit("otherwise", branch.otherwise());
        }

        Action lookup(Node.Lookup lookup) {
            LookupSource source = flow.flow().sources().get(lookup.source());
            CompiledFlow.NodeExprs exprs = flow.exprs(nodeId);
            try {
                switch (source) {
                    case LookupSource.Table table -> {
                        String key = (String) exprs.main().orElseThrow().evaluate(variables());
                        Optional<Map<String, String>> row = flow.tableRow(table.name(), key);
                        if (row.isEmpty()) {
                            jump = exit("not-found", lookup.notFound());
                            return null;
                        }
                        setVariable(lookup.into(), row.get());
                        jump = exit("found", lookup.found());
                        return null;
                    }
                    case LookupSource.Http http -> {
                        Map<String, String> parameters = new LinkedHashMap<>();
                        int i = 0;
                        SessionVariables vars = variables();
                        for (String name : lookup.parameters().keySet()) {
                            parameters.put(name, asText(exprs.items().get(i++).evaluate(vars)));
                        }
                        return new Action.Lookup(http.name(), http.url(), parameters, http.timeout(),
                                http.method());
                    }
                }
            } catch (Expr.ExpressionFailedException e) {
                expressionFailed(e);
                jump = exit("failed", lookup.failed());
                return null;
            }
        }

        Map<String, String> attached(Map<String, String> attach) {
            return attached(nodeId, attach);
        }

        /** The values of {@code attach}, the attach map of node {@code ofNode}, whose compiled expressions they are. */
        Map<String, String> attached(String ofNode, Map<String, String> attach) {
            Map<String, String> data = new LinkedHashMap<>();
            List<Expr> exprs = flow.exprs(ofNode).items();
            SessionVariables vars = variables();
            int i = 0;
            for (String key : attach.keySet()) {
                try {
                    data.put(key, asText(exprs.get(i).evaluate(vars)));
                } catch (Expr.ExpressionFailedException e) {
                    // The agent still gets the call and the rest of the data; the gap shows in the statistics.
                    expressionFailed(e);
                }
                i++;
            }
            return data;
        }

        String text(Optional<Expr> expr, String fallback) {
            if (expr.isEmpty()) {
                return fallback;
            }
            try {
                return asText(expr.get().evaluate(variables()));
            } catch (Expr.ExpressionFailedException e) {
                expressionFailed(e);
                return fallback;
            }
        }

        List<Action> sayActions(Node.Say say, Object value) {
            String keys = say.bargeIn();
            return switch (say.as()) {
                case NUMBER -> List.of(new Action.SayNumber((Long) value, keys));
                case DIGITS -> List.of(new Action.SayDigits((String) value, keys));
                case DECIMAL -> decimal(sayable(asText(value)), keys);
                case MONEY -> money(say.currency(), sayable(asText(value)), keys);
                case DATE -> List.of(dateTime(value, Action.DateTimePart.DATE, keys));
                case TIME -> List.of(dateTime(value, Action.DateTimePart.TIME, keys));
                case DATE_AND_TIME -> List.of(dateTime(value, Action.DateTimePart.DATE_AND_TIME, keys));
            };
        }

        /**
         * A number from outside (a lookup's answer, a table) that can be said: at most 18 digits before the point and
         * 18 after. A back end answering 1e100000000 would otherwise have the interpreter write out a hundred million
         * digits while the caller hears silence and the call threads are busy for everyone.
         *
         * @throws IllegalArgumentException for anything else: the say node is skipped, as for a failed expression
         */
        private static BigDecimal sayable(String text) {
            BigDecimal value = new BigDecimal(text);
            if (value.precision() - value.scale() > MOST_DIGITS || value.scale() > MOST_DIGITS) {
                throw new IllegalArgumentException("'" + (text.length() > 40 ? text.substring(0, 40) + "..." : text)
                        + "' has more than " + MOST_DIGITS + " digits before or after the point: not a number to say");
            }
            return value;
        }

        /**
         * An amount as AGI can say it: the major units, the currency's major-unit prompt, and the minor units with
         * their prompt when there are any (e.g. "12" yuan "50" fen).
         */
        List<Action> money(String currency, BigDecimal amount, String keys) {
            BigDecimal rounded = amount.setScale(2, RoundingMode.HALF_EVEN);
            List<Action> actions = new ArrayList<>();
            if (rounded.signum() < 0) {
                actions.add(new Action.Play("money/minus", keys));
                rounded = rounded.negate();
            }
            long major = rounded.longValue();
            long minor = rounded.remainder(BigDecimal.ONE).movePointRight(2).longValue();
            actions.add(new Action.SayNumber(major, keys));
            actions.add(new Action.Play("money/" + currency + "-major", keys));
            if (minor > 0) {
                actions.add(new Action.SayNumber(minor, keys));
                actions.add(new Action.Play("money/" + currency + "-minor", keys));
            }
            return actions;
        }

        /** A decimal as AGI can say it: the whole part, "point", then the fraction digit by digit (1.75). */
        List<Action> decimal(BigDecimal value, String keys) {
            List<Action> actions = new ArrayList<>();
            if (value.signum() < 0) {
                actions.add(new Action.Play("digits/minus", keys));
                value = value.negate();
            }
            String plain = value.stripTrailingZeros().toPlainString();
            int point = plain.indexOf('.');
            actions.add(new Action.SayNumber(Long.parseLong(point < 0 ? plain : plain.substring(0, point)), keys));
            if (point >= 0) {
                actions.add(new Action.Play("digits/point", keys));
                actions.add(new Action.SayDigits(plain.substring(point + 1), keys));
            }
            return actions;
        }

        Action dateTime(Object value, Action.DateTimePart part, String keys) {
            long epochSecond = switch (value) {
                case Instant instant -> instant.getEpochSecond();
                case com.google.protobuf.Timestamp timestamp -> timestamp.getSeconds();
                default -> throw new IllegalArgumentException("not a timestamp: " + value);
            };
            return new Action.SayDateTime(epochSecond, flow.flow().calendar().zone().getId(), part, keys);
        }
    }

    private static List<Action> plays(List<String> prompts, String escapeDigits, List<Action> then) {
        List<Action> actions = new ArrayList<>(prompts.size() + then.size());
        for (String prompt : prompts) {
            actions.add(new Action.Play(prompt, escapeDigits));
        }
        actions.addAll(then);
        return actions;
    }

    private static String asText(Object value) {
        return switch (value) {
            case Double d when d == Math.rint(d) && !d.isInfinite() -> String.valueOf(d.longValue());
            case Duration d -> String.valueOf(d.toSeconds());
            default -> String.valueOf(value);
        };
    }
}
