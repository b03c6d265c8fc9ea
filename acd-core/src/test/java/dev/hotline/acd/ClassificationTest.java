package dev.hotline.acd;

import static dev.hotline.acd.CentreFixture.centre;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.acd.Decision.CallClassified;
import dev.hotline.acd.Decision.CallRefused;
import dev.hotline.acd.model.BusinessType;
import dev.hotline.acd.model.MatchKind;
import dev.hotline.acd.model.NumberRoute;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The dialled number decides the business type: exact, then longest prefix, then patterns in order, then default. */
class ClassificationTest {

    private CentreFixture plan() {
        return centre()
                .queue("tea", "tea-team").queue("pans", "pans-team").queue("other", "other-team")
                .route("4008001001", MatchKind.EXACT, "tea")
                .route("400800", MatchKind.PREFIX, "pans")
                .route("4008001", MatchKind.PREFIX, "other");
    }

    @Test
    void aCallToAnExactNumberBelongsToThatNumbersBusinessType() {
        var centre = plan().start().arrive("c1", "13900000001", "4008001001");

        CallClassified c = centre.last(CallClassified.class);
        assertThat(c.businessType()).isEqualTo("tea");
        assertThat(c.queue()).isEqualTo("tea");
        assertThat(c.matchedRule()).isEqualTo("exact 4008001001");
    }

    @Test
    void theLongestMatchingPrefixWinsWhenNoExactNumberMatches() {
        var centre = plan().start().arrive("c1", "13900000001", "4008001999").arrive("c2", "1390", "4008009999");

        assertThat(centre.all(CallClassified.class)).extracting(CallClassified::matchedRule)
                .containsExactly("prefix 4008001", "prefix 400800");
    }

    @Test
    void aPrefixBeatsAPatternAndPatternsAreTriedInConfiguredOrder() {
        var centre = centre().queue("tea", "t").queue("pans", "p").queue("other", "o")
                .route("_40099X.", MatchKind.PATTERN, "tea")
                .route("_4009!", MatchKind.PATTERN, "pans")
                .route("4009912", MatchKind.PREFIX, "other")
                .start()
                .arrive("c1", "1", "400991234")
                .arrive("c2", "1", "40099555")
                .arrive("c3", "1", "4009");

        assertThat(centre.all(CallClassified.class)).extracting(CallClassified::matchedRule)
                .containsExactly("prefix 4009912", "pattern _40099X.", "pattern _4009!");
    }

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
            "_4008XXXX, 40081234, true",
            "_4008XXXX, 4008123, false",
            "_4008XXXX, 400812345, false",
            "_NXX, 200, true",
            "_NXX, 100, false",
            "_ZXX, 100, true",
            "_ZXX, 012, false",
            "_8[1-5]X, 835, true",
            "_8[1-5]X, 865, false",
            "_8[135]0, 830, true",
            "_8[135]0, 820, false",
            "_9., 9, false",
            "_9., 91, true",
            "_9!, 9, true",
            "_*8X, *81, true",
            "_nxx, 555, true"})
    void asteriskPatternsMatchAsInExtensionsConf(String pattern, String dialled, boolean matches) {
        var centre = centre().queue("q", "g").route(pattern, MatchKind.PATTERN, "q").start()
                .arrive("c1", "1", dialled);

        assertThat(centre.all(CallClassified.class)).hasSize(matches ? 1 : 0);
    }

    @Test
    void aNumberNoRouteMatchesGoesToTheDefaultBusinessType() {
        var centre = plan().defaultBusinessType("other").start().arrive("c1", "1", "95555");

        CallClassified c = centre.last(CallClassified.class);
        assertThat(c.businessType()).isEqualTo("other");
        assertThat(c.matchedRule()).isEqualTo("default");
    }

    @Test
    void aNumberNoRouteMatchesIsRefusedWithTheBusyPromptWhenThereIsNoDefault() {
        var centre = plan().start().arrive("c1", "13900000001", "95555");

        CallRefused refused = centre.last(CallRefused.class);
        assertThat(refused.cause()).isEqualTo(Decision.RefusalCause.UNKNOWN_NUMBER);
        assertThat(refused.prompt()).isEqualTo(CentreFixture.BUSY);
        assertThat(centre.ended("c1").outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(centre.ended("c1").cause()).isEqualTo("unknown dialled number 95555");
        assertThat(centre.kinds()).containsExactly("CallRefused", "CallEnded");
    }

    @Test
    void theNumberRoutesIvrFlowWinsOverTheBusinessTypesFlow() {
        var centre = centre().queue("tea", "t")
                .businessType(new BusinessType("tv", "TV ads", "tea", Optional.of("tv-welcome")))
                .route(new NumberRoute("4001", MatchKind.EXACT, "tv", Optional.of("slot-1-menu"), "slot 1"))
                .route(new NumberRoute("4002", MatchKind.EXACT, "tv", Optional.empty(), "slot 2"))
                .start()
                .arrive("c1", "1", "4001").arrive("c2", "1", "4002");

        assertThat(centre.all(CallClassified.class)).extracting(CallClassified::ivrFlow)
                .containsExactly(Optional.of("slot-1-menu"), Optional.of("tv-welcome"));
    }

    @Test
    void aCallerInTheVipDirectoryIsClassifiedAsVipByExactNumber() {
        var centre = plan().vip("13900000001", "Li Wei", "gold").start()
                .arrive("c1", "13900000001", "4008001001")
                .arrive("c2", "139000000011", "4008001001");

        assertThat(centre.all(CallClassified.class)).extracting(CallClassified::vip)
                .containsExactly(Optional.of("Li Wei (gold)"), Optional.empty());
    }

    @Test
    void aSecondArrivalWithTheIdOfALiveCallIsRejected() {
        var centre = plan().start().arrive("c1", "1", "4008001001").arrive("c1", "2", "4008001001");

        assertThat(centre.rejection()).isEqualTo("call c1 cannot arrive: a call with this id is already IN_IVR");
    }

    @Test
    void aQueueRequestMayChooseAnotherBusinessType() {
        var centre = plan().agent("a", "pans-team").start().loginReady("a")
                .arrive("c1", "1", "4008001001")
                .send(new AcdEvent.QueueRequested(CentreFixture.START, "c1", Optional.of("pans"), 0,
                        java.util.Map.of("order", "A-17")));

        assertThat(centre.last(Decision.CallQueued.class).queue()).isEqualTo("pans");
        assertThat(centre.last(Decision.CallOffered.class).attachedData()).containsEntry("order", "A-17");
    }

    @Test
    void aQueueRequestForAnUnknownBusinessTypeIsRejected() {
        var centre = plan().start().arrive("c1", "1", "4008001001")
                .send(new AcdEvent.QueueRequested(CentreFixture.START, "c1", Optional.of("nope"), 0,
                        java.util.Map.of()));

        assertThat(centre.rejection()).isEqualTo("call c1 cannot be queued: unknown business type nope");
    }
}
