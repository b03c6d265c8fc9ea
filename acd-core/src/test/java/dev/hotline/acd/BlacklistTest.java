package dev.hotline.acd;

import static dev.hotline.acd.CentreFixture.centre;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.acd.Decision.CallRefused;
import dev.hotline.acd.model.BlacklistEntry;
import dev.hotline.acd.model.MatchKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The blacklist is checked before anything else; a blacklisted caller hears the busy prompt and the call ends. */
class BlacklistTest {

    private static BlacklistEntry exact(String number, String reason) {
        return new BlacklistEntry(number, MatchKind.EXACT, Optional.empty(), reason, Optional.empty());
    }

    private static BlacklistEntry prefix(String number, String reason) {
        return new BlacklistEntry(number, MatchKind.PREFIX, Optional.empty(), reason, Optional.empty());
    }

    @Test
    void aBlacklistedCallerHearsTheBusyPromptAndTheCallEnds() {
        var centre = centre().queue("sales", "s").blacklist(exact("13911112222", "abusive caller")).start()
                .arrive("c1", "13911112222", CentreFixture.numberOf("sales"));

        CallRefused refused = centre.last(CallRefused.class);
        assertThat(refused.cause()).isEqualTo(Decision.RefusalCause.BLACKLISTED);
        assertThat(refused.prompt()).isEqualTo(CentreFixture.BUSY);
        assertThat(refused.detail()).isEqualTo("abusive caller");
        assertThat(centre.kinds()).containsExactly("CallRefused", "CallEnded");
        assertThat(centre.ended("c1").outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(centre.ended("c1").cause()).isEqualTo("caller 13911112222 is blacklisted (exact 13911112222)");
    }

    @Test
    void anEntryWithItsOwnPromptPlaysThatPrompt() {
        var centre = centre().queue("sales", "s")
                .blacklist(new BlacklistEntry("139", MatchKind.PREFIX, Optional.empty(), "fraud ring",
                        Optional.of("custom/goodbye")))
                .start().arrive("c1", "13911112222", CentreFixture.numberOf("sales"));

        assertThat(centre.last(CallRefused.class).prompt()).isEqualTo("custom/goodbye");
    }

    @Test
    void aPrefixEntryBlocksEveryCallerNumberStartingWithIt() {
        var centre = centre().queue("sales", "s").blacklist(prefix("0871", "premium-rate spam")).start()
                .arrive("c1", "08715550000", CentreFixture.numberOf("sales"))
                .arrive("c2", "08725550000", CentreFixture.numberOf("sales"));

        assertThat(centre.all(CallRefused.class)).extracting(CallRefused::callId).containsExactly("c1");
        assertThat(centre.all(Decision.CallClassified.class)).extracting(Decision.CallClassified::callId)
                .containsExactly("c2");
    }

    @Test
    void anExactEntryBeatsALongerPrefixEntry() {
        var centre = centre().queue("sales", "s")
                .blacklist(prefix("1391111", "prefix block"))
                .blacklist(exact("13911112222", "exact block"))
                .start().arrive("c1", "13911112222", CentreFixture.numberOf("sales"));

        assertThat(centre.last(CallRefused.class).detail()).isEqualTo("exact block");
    }

    @Test
    void theLongestActivePrefixEntryApplies() {
        var centre = centre().queue("sales", "s")
                .blacklist(prefix("139", "short"))
                .blacklist(prefix("13911", "long"))
                .start().arrive("c1", "13911112222", CentreFixture.numberOf("sales"));

        assertThat(centre.last(CallRefused.class).detail()).isEqualTo("long");
    }

    @Test
    void anExpiredEntryNoLongerApplies() {
        Instant expiry = Instant.ofEpochMilli(CentreFixture.START).plusSeconds(60);
        var centre = centre().queue("sales", "s")
                .blacklist(new BlacklistEntry("13911112222", MatchKind.EXACT, Optional.of(expiry), "cooling off",
                        Optional.empty()))
                .start()
                .arrive("c1", "13911112222", CentreFixture.numberOf("sales"))
                .advance(Duration.ofSeconds(60))
                .arrive("c2", "13911112222", CentreFixture.numberOf("sales"));

        assertThat(centre.all(CallRefused.class)).extracting(CallRefused::callId).containsExactly("c1");
        assertThat(centre.last(Decision.CallClassified.class).callId()).isEqualTo("c2");
    }

    @Test
    void anExpiredExactEntryFallsBackToAnActivePrefixEntry() {
        Instant past = Instant.ofEpochMilli(CentreFixture.START).minusSeconds(1);
        var centre = centre().queue("sales", "s")
                .blacklist(new BlacklistEntry("13911112222", MatchKind.EXACT, Optional.of(past), "expired",
                        Optional.empty()))
                .blacklist(prefix("139", "still blocked"))
                .start().arrive("c1", "13911112222", CentreFixture.numberOf("sales"));

        assertThat(centre.last(CallRefused.class).detail()).isEqualTo("still blocked");
    }

    @Test
    void theBlacklistIsCheckedBeforeTheDialledNumber() {
        var centre = centre().queue("sales", "s").blacklist(exact("666", "blocked")).start()
                .arrive("c1", "666", "no-such-number");

        assertThat(centre.last(CallRefused.class).cause()).isEqualTo(Decision.RefusalCause.BLACKLISTED);
    }

    @Test
    void aBlacklistedMobileIsRefusedWhicheverFormTheNetworkSendsItsNumberIn() {
        var centre = centre().queue("sales", "s").callerNumbersOfChina()
                .blacklist(exact("13911112222", "abusive caller")).start()
                .arrive("c1", "+8613911112222", CentreFixture.numberOf("sales"))
                .arrive("c2", "008613911112222", CentreFixture.numberOf("sales"))
                .arrive("c3", "13911112222", CentreFixture.numberOf("sales"));

        assertThat(centre.all(CallRefused.class)).extracting(CallRefused::callId).containsExactly("c1", "c2", "c3");
        assertThat(centre.ended("c1").cause()).isEqualTo("caller +8613911112222 is blacklisted (exact 13911112222)");
    }

    @Test
    void aLandlinePrefixWrittenWithItsTrunkPrefixBlocksTheSameLinesInInternationalForm() {
        var centre = centre().queue("sales", "s").callerNumbersOfChina()
                .blacklist(prefix("0871", "premium-rate spam")).start()
                .arrive("c1", "+868715550000", CentreFixture.numberOf("sales"))
                .arrive("c2", "08715550000", CentreFixture.numberOf("sales"))
                .arrive("c3", "+868725550000", CentreFixture.numberOf("sales"));

        assertThat(centre.all(CallRefused.class)).extracting(CallRefused::callId).containsExactly("c1", "c2");
    }

    @Test
    void aCallerAbroadIsNotTakenForALocalNumberWithTheSameDigits() {
        var centre = centre().queue("sales", "s").callerNumbersOfChina()
                .blacklist(exact("13911112222", "abusive caller")).start()
                .arrive("c1", "+4413911112222", CentreFixture.numberOf("sales"));

        assertThat(centre.all(CallRefused.class)).isEmpty();
    }

    @Test
    void withoutCallerNumbersNumbersAreComparedExactlyAsWritten() {
        var centre = centre().queue("sales", "s").blacklist(exact("13911112222", "abusive caller")).start()
                .arrive("c1", "+8613911112222", CentreFixture.numberOf("sales"));

        assertThat(centre.all(CallRefused.class)).isEmpty();
    }
}
