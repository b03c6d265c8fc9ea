package dev.hotline.server.serve.internal;

import dev.hotline.bridge.agi.codec.WireText;
import dev.hotline.bridge.engine.EngineLoop;
import dev.hotline.bridge.session.IvrRequests;
import dev.hotline.server.callback.CallbackRequest;
import dev.hotline.server.config.CallbackSettings;
import dev.hotline.server.journal.CardNumbers;
import dev.hotline.server.journal.JournalRecord;
import dev.hotline.server.journal.JournalWriter;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files what callers leave in the IVR in the journal ({@code message-left}, {@code callback-requested}), with
 * everything needed to act on them, so that they survive a restart and {@code hotline report} can count them. The
 * records are written on the engine's thread, stamped with its time, so they stand among the call's decisions in
 * the order they happened; a log line says the same for whoever watches the log (and is all there is of a request
 * the journal could not take).
 *
 * <p>A request is filed once its line is forced to the disk ({@link JournalWriter#append(JournalRecord)}): only then
 * does the returned stage complete and the caller hear that it was taken. It fails when the journal loses the record
 * (its hand-off full or closed, a write error); a journal that never answers is the call session's timeout.
 */
public final class JournaledIvrRequests implements IvrRequests {
    private static final Logger log = LoggerFactory.getLogger("dev.hotline.server.requests");

    /** A number a callback can ring. */
    private static final Pattern PHONE_NUMBER = Pattern.compile("\\+?[0-9]{3,20}");

    private final EngineLoop engine;
    private final JournalWriter journal;
    private final Consumer<CallbackRequest> callbacks;
    /** The callback rules in force: which numbers may be called back. Replaced by a reload. */
    private volatile CallbackSettings callbackSettings;

    /**
     * @param callbacks hears of every callback request once it is filed (the callback desk), on the journal's
     *                  completion thread
     */
    public JournaledIvrRequests(EngineLoop engine, JournalWriter journal, Consumer<CallbackRequest> callbacks,
                                CallbackSettings callbackSettings) {
        this.engine = engine;
        this.journal = journal;
        this.callbacks = callbacks;
        this.callbackSettings = callbackSettings;
    }

    /** A reload's callback rules: requests from now on are checked against its allowed numbers. */
    public void useCallbackSettings(CallbackSettings next) {
        callbackSettings = next;
    }

    @Override
    public CompletionStage<Void> messageRecorded(String callId, String callerNumber, String mailbox, String file,
                                                 Map<String, String> attachedData) {
        // the caller number and what was keyed in or looked up come from outside: escaped, never raw in the log
        log.info("message left: call {}, caller {}, mailbox {}, {}, data {}", callId, WireText.visible(callerNumber),
                mailbox, file.isEmpty() ? "kept by Asterisk's VoiceMail" : "recording " + file + ".wav",
                WireText.visible(CardNumbers.masked(attachedData).toString()));
        return filed(now -> new JournalRecord.MessageLeft(now, callId, callerNumber, mailbox, file, attachedData))
                .thenAccept(filed -> { });
    }

    /**
     * Files the request once its number is one a phone can ring and callbacks may ring
     * ({@code callbacks.allowedNumbers}); the callback desk, if callbacks are placed, hears
     * of it once it is on disk.
     */
    @Override
    public CompletionStage<Void> callbackRequested(String callId, String number, String dialledNumber,
                                                   String businessType, Map<String, String> attachedData) {
        if (!PHONE_NUMBER.matcher(number).matches()) {
            // the caller's to give (a withheld caller id): the session says so at WARN, and the flow's failed path runs
            return CompletableFuture.failedFuture(new IllegalArgumentException("'" + WireText.visible(number)
                    + "' is not a phone number to call back (3 to 20 digits, an optional leading +)"));
        }
        CallbackSettings rules = callbackSettings;
        if (!rules.allows(number)) {
            // a number keyed in the IVR could be an international or premium-rate one: not filed, so never rung
            return CompletableFuture.failedFuture(new IllegalArgumentException("'" + number + "' is not a number "
                    + "callbacks may ring (server.yaml callbacks.allowedNumbers: " + rules.allowedNumbersDescribed()
                    + ")"));
        }
        log.info("callback requested: call {}, number {}, business type {}, data {}", callId, WireText.visible(number),
                businessType, WireText.visible(CardNumbers.masked(attachedData).toString()));
        return filed(now -> new JournalRecord.CallbackRequested(now, callId, number, dialledNumber, businessType,
                attachedData)).thenAccept(filed -> callbacks.accept(CallbackRequest.of(filed)));
    }

    /** What a flow's end node recorded (a survey's rating): journaled as {@code ivr-results}, nobody waits for it. */
    @Override
    public void resultsRecorded(String callId, String flow, String disposition, Map<String, String> results) {
        log.info("IVR results: call {}, flow {}, {}, {}", callId, flow, disposition,
                WireText.visible(CardNumbers.masked(results).toString()));
        filed(now -> new JournalRecord.IvrResults(now, callId, flow, disposition, results)).whenComplete(
                (line, failure) -> {
                    if (failure != null) {
                        log.warn("IVR results of call {} not journaled: {}", callId, failure.toString());
                    }
                });
    }

    /** Appends the record on the engine's thread, at its time; completes with it once the line is on disk. */
    private <R extends JournalRecord> CompletionStage<R> filed(LongFunction<R> record) {
        CompletableFuture<R> durable = new CompletableFuture<>();
        engine.execute(now -> {
            R line = record.apply(now);
            journal.append(line).whenComplete((done, failure) -> {
                if (failure == null) {
                    durable.complete(line);
                } else {
                    durable.completeExceptionally(failure);
                }
            });
        });
        return durable;
    }
}
