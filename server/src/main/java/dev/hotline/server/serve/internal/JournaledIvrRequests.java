package dev.hotline.server.serve.internal;

import dev.hotline.bridge.agi.codec.WireText;
import dev.hotline.bridge.engine.EngineLoop;
import dev.hotline.bridge.session.IvrRequests;
import dev.hotline.server.journal.JournalRecord;
import dev.hotline.server.journal.JournalWriter;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongFunction;
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

    private final EngineLoop engine;
    private final JournalWriter journal;

    public JournaledIvrRequests(EngineLoop engine, JournalWriter journal) {
        this.engine = engine;
        this.journal = journal;
    }

    @Override
    public CompletionStage<Void> messageRecorded(String callId, String callerNumber, String mailbox, String file,
                                                 Map<String, String> attachedData) {
        // the caller number and what was keyed in or looked up come from outside: escaped, never raw in the log
        log.info("message left: call {}, caller {}, mailbox {}, recording {}.wav, data {}", callId,
                WireText.visible(callerNumber), mailbox, file, WireText.visible(attachedData.toString()));
        return filed(now -> new JournalRecord.MessageLeft(now, callId, callerNumber, mailbox, file, attachedData));
    }

    @Override
    public CompletionStage<Void> callbackRequested(String callId, String number, String businessType,
                                                   Map<String, String> attachedData) {
        log.info("callback requested: call {}, number {}, business type {}, data {}", callId, WireText.visible(number),
                businessType.isEmpty() ? "(the dialled number's)" : businessType,
                WireText.visible(attachedData.toString()));
        return filed(now -> new JournalRecord.CallbackRequested(now, callId, number, businessType, attachedData));
    }

    /** Appends the record on the engine's thread, at its time; completes once the line is on disk. */
    private CompletionStage<Void> filed(LongFunction<JournalRecord> record) {
        CompletableFuture<Void> durable = new CompletableFuture<>();
        engine.execute(now -> journal.append(record.apply(now)).whenComplete((done, failure) -> {
            if (failure == null) {
                durable.complete(null);
            } else {
                durable.completeExceptionally(failure);
            }
        }));
        return durable;
    }
}
