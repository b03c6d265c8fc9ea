package dev.hotline.server.serve.internal;

import dev.hotline.bridge.ami.AmiActions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Asks the Asterisk servers one after the other, in configuration order, until one does what is asked: only the
 * server that carries a channel can record or hang it up, only the one a phone is registered to can ring it.
 */
public final class ServersInTurn {

    /**
     * How the asking ended.
     *
     * @param done    a server did it
     * @param refusals what each server asked before answered, in order, when none did (its refusal or failure)
     */
    public record Outcome(boolean done, List<String> refusals) {
        public Outcome {
            refusals = List.copyOf(refusals);
        }
    }

    private ServersInTurn() {
    }

    /**
     * @param servers the servers to ask, at least one
     * @param ask     one server's answer: empty when it did it, else why not (a failed stage counts as a refusal)
     */
    public static CompletionStage<Outcome> ask(List<AmiActions> servers,
                                               Function<AmiActions, CompletionStage<Optional<String>>> ask) {
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("no server to ask");
        }
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        ask(servers, 0, ask, new ArrayList<>(), outcome);
        return outcome;
    }

    private static void ask(List<AmiActions> servers, int index,
                            Function<AmiActions, CompletionStage<Optional<String>>> ask, List<String> refusals,
                            CompletableFuture<Outcome> outcome) {
        CompletionStage<Optional<String>> answer;
        try {
            answer = ask.apply(servers.get(index));
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        answer.whenComplete((refusal, failure) -> {
            if (failure == null && refusal.isEmpty()) {
                outcome.complete(new Outcome(true, List.of()));
                return;
            }
            refusals.add(failure != null ? messageOf(failure) : refusal.get());
            if (index + 1 < servers.size()) {
                ask(servers, index + 1, ask, refusals, outcome);
            } else {
                outcome.complete(new Outcome(false, refusals));
            }
        });
    }

    private static String messageOf(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
