package dev.hotline.server.journal;

import static dev.hotline.server.journal.JournalFixtures.SHANGHAI;
import static dev.hotline.server.journal.JournalFixtures.example;
import static dev.hotline.server.journal.JournalFixtures.shippedConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hotline.acd.AcdEvent;
import dev.hotline.acd.AssignmentReason;
import dev.hotline.acd.Decision;
import dev.hotline.acd.OfferEnd;
import dev.hotline.acd.model.CentreConfig;
import dev.hotline.acd.model.RoutingStrategy;
import dev.hotline.server.journal.internal.JournalCodec;
import dev.hotline.server.journal.internal.RecordType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JournalFormatTest {
    private static final CentreConfig CONFIG = shippedConfig();
    private final JournalCodec codec = new JournalCodec();

    @ParameterizedTest
    @EnumSource(RecordType.class)
    void everyKindOfRecordReadsBackEqualToWhatWasWritten(RecordType type) throws Exception {
        JournalRecord record = example(type, CONFIG);

        String line = codec.write(record, SHANGHAI);

        assertThat(line).doesNotContain("\n");
        assertThat(codec.read(line)).isEqualTo(record);
    }

    @Test
    void everyKindOfDecisionHasARecordType() {
        Set<Class<?>> named = Arrays.stream(RecordType.values()).map(RecordType::recordClass)
                .collect(Collectors.toSet());

        assertThat(named).containsAll(List.of(Decision.class.getPermittedSubclasses()));
    }

    @Test
    void everyLineStartsWithVersionTypeAndTimeInTheCentresZoneAndInEpochMillis() {
        String line = codec.write(example(RecordType.CALL_REQUEUED, CONFIG), SHANGHAI);

        assertThat(line).isEqualTo("{\"v\":1,\"type\":\"call-requeued\",\"at\":\"2026-11-23T09:00:01.234+08:00\","
                + "\"atMillis\":1795395601234,\"callId\":\"c2\",\"agentId\":\"1001\",\"queue\":\"sales-health\","
                + "\"cause\":\"ring-no-answer\",\"offerEnd\":\"NO_ANSWER\"}");
    }

    @Test
    void nestedClosedHierarchiesCarryTheirOwnType() {
        String line = codec.write(example(RecordType.CALL_TREATED, CONFIG), SHANGHAI);

        assertThat(line).contains("\"treatment\":{\"type\":\"voicemail\",\"mailbox\":\"after-sales\","
                + "\"prompt\":\"vm/leave-message\"},\"cause\":\"CLOSED\"");
    }

    @Test
    void anEmptyOptionalIsWrittenAsNull() {
        var ended = new Decision.CallEnded(5, "c1", dev.hotline.acd.Outcome.ABANDONED, Optional.empty(),
                Optional.empty(), 0, 0, "caller hung up in the IVR", "13911112222", "4008001001", Optional.empty());

        String line = codec.write(new JournalRecord.Logged(ended), SHANGHAI);

        assertThat(line).contains("\"queue\":null,\"agentId\":null");
    }

    @Test
    void aCardNumberTheIvrAttachedIsWrittenMaskedWhereverAttachedDataStandsAndOtherDataWhole() {
        var offered = new Decision.CallOffered(5, "c1", "1001", "PJSIP/1001", "banking", 15_000, 2_000, "13911112222",
                "4008001009", "banking", Optional.empty(),
                Map.of("account", "6222 0212 3456 7894", "order", "A-77", "phone", "13911112222"),
                new AssignmentReason("banking", "banking", Optional.empty(), RoutingStrategy.LONGEST_IDLE, "why"));
        var rejected = new Decision.EventRejected(6, new AcdEvent.QueueRequested(6, "c2", Optional.empty(), 0,
                Map.of("account", "6222021234567894")), "call c2 cannot be queued");

        String offeredLine = codec.write(new JournalRecord.Logged(offered), SHANGHAI);
        String rejectedLine = codec.write(new JournalRecord.Logged(rejected), SHANGHAI);

        assertThat(offeredLine).contains("\"account\":\"622202******7894\"", "\"order\":\"A-77\"",
                "\"phone\":\"13911112222\"").doesNotContain("3456");
        assertThat(rejectedLine).contains("\"account\":\"622202******7894\"");
    }

    @Test
    void theRejectedEventIsKeptWithItsType() {
        String line = codec.write(new JournalRecord.Logged(new Decision.EventRejected(10,
                new AcdEvent.CallerHungUp(9, "c7"), "unknown call c7")), SHANGHAI);

        assertThat(line).endsWith("\"event\":{\"type\":\"caller-hung-up\",\"at\":9,\"callId\":\"c7\","
                + "\"whileDialling\":true},\"message\":\"unknown call c7\"}");
    }

    @Test
    void aRejectedHangUpJournaledBeforeHangUpsSaidWhetherTheyWereDiallingStillReads() throws Exception {
        JournalRecord record = codec.read("{\"v\":1,\"type\":\"event-rejected\",\"at\":\"1970-01-01T08:00:00.010+08:00\","
                + "\"atMillis\":10,\"event\":{\"type\":\"caller-hung-up\",\"at\":9,\"callId\":\"c7\"},"
                + "\"message\":\"unknown call c7\"}");

        assertThat(record).isInstanceOfSatisfying(JournalRecord.Logged.class, logged -> assertThat(logged.decision())
                .isInstanceOfSatisfying(Decision.EventRejected.class, rejected -> assertThat(rejected.event())
                        .as("what such a line meant").isEqualTo(new AcdEvent.CallerHungUp(9, "c7", true))));
    }

    @Test
    void aNegativeDurationIsDamageNotAFigure() {
        String line = codec.write(example(RecordType.CALL_ENDED, CONFIG), SHANGHAI)
                .replace("\"waitedMillis\":31000", "\"waitedMillis\":-30000");

        assertThatThrownBy(() -> codec.read(line)).isInstanceOf(JournalCodec.MalformedRecordException.class)
                .hasMessage("call-ended: field 'waitedMillis' is negative (-30000): a duration never is");
    }

    @Test
    void aLineOfAnotherFormatVersionIsRefusedNamingBothVersions() {
        assertThatThrownBy(() -> codec.read("{\"v\":2,\"type\":\"call-ended\",\"atMillis\":1}"))
                .isInstanceOf(JournalCodec.MalformedRecordException.class)
                .hasMessage("format version 2 (this Hotline reads version 1)");
    }

    @Test
    void anUnknownTypeIsRefusedNamingIt() {
        assertThatThrownBy(() -> codec.read("{\"v\":1,\"type\":\"call-parked\",\"atMillis\":1}"))
                .hasMessage("unknown type 'call-parked'");
    }

    @Test
    void aMissingFieldIsRefusedNamingTheTypeAndTheField() {
        assertThatThrownBy(() -> codec.read("{\"v\":1,\"type\":\"call-requeued\",\"atMillis\":1,"
                + "\"agentId\":\"1001\",\"queue\":\"q\",\"cause\":\"x\"}"))
                .hasMessage("call-requeued: missing field 'callId'");
    }

    @Test
    void aValueOfTheWrongKindIsRefusedNamingTheField() {
        assertThatThrownBy(() -> codec.read("{\"v\":1,\"type\":\"call-ended\",\"atMillis\":1,\"callId\":\"c\","
                + "\"outcome\":\"HUNG\",\"queue\":null,\"agentId\":null,\"waitedMillis\":0,\"talkMillis\":0,"
                + "\"cause\":\"x\"}"))
                .hasMessageStartingWith("call-ended: field 'outcome': Cannot deserialize value of type "
                        + "`dev.hotline.acd.Outcome` from String \"HUNG\"");
    }

    @Test
    void fieldsAddedByANewerWriterOfTheSameVersionAreSkipped() throws Exception {
        JournalRecord read = codec.read("{\"v\":1,\"type\":\"call-requeued\",\"atMillis\":1,\"callId\":\"c\","
                + "\"agentId\":\"1001\",\"queue\":\"q\",\"cause\":\"x\","
                + "\"offerEnd\":\"NO_ANSWER\",\"ringMillis\":15000}");

        assertThat(read).isEqualTo(new JournalRecord.Logged(new Decision.CallRequeued(1, "c", "1001", "q", "x",
                OfferEnd.NO_ANSWER)));
    }

    @Test
    void aRequeueWrittenBeforeOfferEndWasAddedReadsAsTakenBackSoAnOldJournalCountsNoMissedOffer() throws Exception {
        JournalRecord read = codec.read("{\"v\":1,\"type\":\"call-requeued\",\"atMillis\":1,\"callId\":\"c\","
                + "\"agentId\":\"1001\",\"queue\":\"q\",\"cause\":\"no answer within 15 s\"}");

        assertThat(read).isEqualTo(new JournalRecord.Logged(new Decision.CallRequeued(1, "c", "1001", "q",
                "no answer within 15 s", OfferEnd.TAKEN_BACK)));
    }

    @Test
    void anUnknownOfferEndIsNamed() {
        assertThatThrownBy(() -> codec.read("{\"v\":1,\"type\":\"call-requeued\",\"atMillis\":1,\"callId\":\"c\","
                + "\"agentId\":\"1001\",\"queue\":\"q\",\"cause\":\"x\",\"offerEnd\":\"LOST\"}"))
                .hasMessageStartingWith("call-requeued: field 'offerEnd': Cannot deserialize value of type "
                        + "`dev.hotline.acd.OfferEnd` from String \"LOST\"");
    }

    @Test
    void theCallRecordIsOneFlatLineWithTheTelephonySideAfterTheEnginesFields() {
        String line = codec.write(example(RecordType.CALL_ENDED, CONFIG), SHANGHAI);

        assertThat(line).endsWith("\"callId\":\"c2\",\"outcome\":\"ANSWERED\",\"queue\":\"sales-health\","
                + "\"agentId\":\"1002\",\"waitedMillis\":31000,\"talkMillis\":185000,\"cause\":\"agent hung up\","
                + "\"callerNumber\":\"13911112222\",\"dialledNumber\":\"4008001001\",\"endpoint\":\"PJSIP/1002\","
                + "\"channel\":\"PJSIP/trunk-0000001a\",\"recording\":\"hotline-1795395601.26.wav\"}");
    }

    @Test
    void aCallEndWithoutATelephonySideHasNullChannelAndRecording() throws Exception {
        var ended = new Decision.CallEnded(5, "c1", dev.hotline.acd.Outcome.SELF_SERVICE, Optional.empty(),
                Optional.empty(), 0, 0, "self-service completed in flow balance", "139", "400", Optional.empty());

        String line = codec.write(CallRecords.ACD_ONLY.complete(ended), SHANGHAI);

        assertThat(line).endsWith("\"endpoint\":null,\"channel\":null,\"recording\":null}");
        assertThat(codec.read(line)).isEqualTo(CallRecords.ACD_ONLY.complete(ended));
    }

    @Test
    void aCallRecordWrittenBeforeTheCdrFieldsReadsWithThemEmpty() throws Exception {
        JournalRecord read = codec.read("{\"v\":1,\"type\":\"call-ended\",\"atMillis\":1,\"callId\":\"c\","
                + "\"outcome\":\"ABANDONED\",\"queue\":\"q\",\"agentId\":null,\"waitedMillis\":9,\"talkMillis\":0,"
                + "\"cause\":\"caller hung up\"}");

        assertThat(read).isEqualTo(new JournalRecord.CallRecord(new Decision.CallEnded(1, "c",
                dev.hotline.acd.Outcome.ABANDONED, Optional.of("q"), Optional.empty(), 9, 0, "caller hung up", "", "",
                Optional.empty()), Optional.empty(), Optional.empty()));
    }

    @Test
    void anOfferWrittenBeforeTheScreenPopFieldsReadsWithThemEmpty() throws Exception {
        JournalRecord read = codec.read("{\"v\":1,\"type\":\"call-offered\",\"atMillis\":1,\"callId\":\"c\","
                + "\"agentId\":\"1001\",\"endpoint\":\"PJSIP/1001\",\"queue\":\"q\",\"ringTimeoutMillis\":15000,"
                + "\"waitedMillis\":9,\"callerNumber\":\"13911112222\",\"attachedData\":{},\"reason\":{\"queue\":\"q\","
                + "\"group\":\"g\",\"escalationStep\":null,\"strategy\":\"LONGEST_IDLE\",\"explanation\":\"x\"}}");

        assertThat(read).isInstanceOfSatisfying(JournalRecord.Logged.class, logged -> assertThat(logged.decision())
                .isInstanceOfSatisfying(Decision.CallOffered.class, offer -> {
                    assertThat(offer.dialledNumber()).isEmpty();
                    assertThat(offer.businessType()).isEmpty();
                    assertThat(offer.vip()).isEmpty();
                }));
    }

    @Test
    void aCallbackRequestWrittenBeforeTheDialledNumberReadsWithItEmpty() throws Exception {
        JournalRecord read = codec.read("{\"v\":1,\"type\":\"callback-requested\",\"atMillis\":1,\"callId\":\"c\","
                + "\"number\":\"13911112222\",\"businessType\":\"\",\"attachedData\":{}}");

        assertThat(read).isEqualTo(new JournalRecord.CallbackRequested(1, "c", "13911112222", "", "", Map.of()));
    }

    @Test
    void onlyFieldsAddedWithinTheVersionMayBeMissing() {
        assertThatThrownBy(() -> codec.read("{\"v\":1,\"type\":\"call-ended\",\"atMillis\":1,\"callId\":\"c\","
                + "\"outcome\":\"ABANDONED\",\"queue\":\"q\",\"agentId\":null,\"talkMillis\":0,\"cause\":\"x\"}"))
                .hasMessage("call-ended: missing field 'waitedMillis'");
    }
}
