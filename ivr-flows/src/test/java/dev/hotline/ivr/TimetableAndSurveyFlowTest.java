package dev.hotline.ivr;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The timetable and fare query and the post-call survey (config/ivr/), walked by scripted callers. */
class TimetableAndSurveyFlowTest {
    private static final FlowSet FLOWS = ShippedFlows.load();
    private static final Instant NOW = Instant.parse("2025-03-04T02:00:00Z");
    private static final CallContext CALL = new CallContext("13800138000", "12306", "travel", false, "zh");
    private static final Duration TWO_S = Duration.ofSeconds(2);

    private final FlowInterpreter interpreter = new FlowInterpreter(FLOWS);

    private Caller trainQuery(String trainNumber) {
        Caller caller = Caller.calls(interpreter, "timetable", CALL, NOW);
        caller.presses("1");
        assertThat(caller.action()).isEqualTo(new Action.Collect("travel/enter-service-number", 5,
                Duration.ofSeconds(8), Duration.ofSeconds(3), "#"));
        caller.presses(trainNumber);
        assertThat(caller.action()).isEqualTo(new Action.Lookup("live", "https://timetable.example.com/ivr/v1/service",
                Map.of("kind", "train", "number", trainNumber), TWO_S));
        return caller;
    }

    @Test
    void theLiveTimetableGivesTheDepartureTimeAndTheFare() {
        Caller caller = trainQuery("7");
        int from = caller.count();
        caller.lookupAnswers(Map.of("departs", "2025-03-04T08:05:00+08:00", "fare", "553"));
        caller.listensThrough();

        assertThat(caller.actionsFrom(from)).containsExactly(
                new Action.Play("travel/departs-at", ""),
                new Action.SayDateTime(Instant.parse("2025-03-04T00:05:00Z").getEpochSecond(), "Asia/Shanghai",
                        Action.DateTimePart.TIME, ""),
                new Action.Play("travel/fare-is", ""),
                new Action.SayNumber(553, ""),
                new Action.Play("money/cny-major", ""),
                new Action.Collect("travel/after-answer", 1, Duration.ofSeconds(5), Duration.ofSeconds(3), ""));
    }

    @Test
    void whenTheLiveTimetableFailsThePrintedTimetableAnswersAndTheCallEndsAsSelfService() {
        Caller caller = trainQuery("1461");
        int from = caller.count();
        caller.lookupFails("HTTP 503").listensThrough().presses("9").listens();

        assertThat(caller.actionsFrom(from)).containsExactly(
                new Action.Play("travel/departs-at", ""),
                new Action.SayDateTime(Instant.parse("2025-03-04T11:28:00Z").getEpochSecond(), "Asia/Shanghai",
                        Action.DateTimePart.TIME, ""),
                new Action.Play("travel/fare-is", ""),
                new Action.SayNumber(263, ""),
                new Action.Play("money/cny-major", ""),
                new Action.SayNumber(50, ""),
                new Action.Play("money/cny-minor", ""),
                new Action.Collect("travel/after-answer", 1, Duration.ofSeconds(5), Duration.ofSeconds(3), ""),
                new Action.Play("common/thanks-goodbye", ""),
                new Action.Hangup("timetable-told"));
        assertThat(caller.outcome()).isEqualTo(new Outcome.EndedByFlow("timetable", "answered", "timetable-told",
                true, Map.of()));
    }

    @Test
    void aServiceUnknownToTheLiveTimetableIsAskedForAgain() {
        Caller caller = trainQuery("99");
        caller.lookupAnswers(Map.of());

        assertThat(caller.action()).isEqualTo(new Action.Play("travel/unknown-service", ""));
        caller.listens();
        assertThat(caller.action()).isInstanceOf(Action.Collect.class);
    }

    @Test
    void aSecondServiceUnknownToTheLiveTimetableIsHandedToAnAgentNotAskedForAgainForEver() {
        Caller caller = trainQuery("99");
        caller.lookupAnswers(Map.of()).listens().presses("98").lookupAnswers(Map.of());

        assertThat(caller.action()).isEqualTo(new Action.Play("travel/unknown-service", ""));
        caller.listens();
        caller.listens();   // "one moment, an agent will be with you"
        assertThat(caller.action()).isEqualTo(new Action.TransferToQueue("", 0, Map.of("kind", "train",
                "service", "98")));
    }

    @Test
    void zeroInsteadOfAServiceNumberReachesAnAgent() {
        Caller caller = Caller.calls(interpreter, "timetable", CALL, NOW);
        caller.presses("1").presses("0#");

        caller.listens();   // "one moment, an agent will be with you"
        assertThat(caller.action()).isEqualTo(new Action.TransferToQueue("", 0, Map.of("kind", "train",
                "service", "")));
    }

    @Test
    void whenNeitherTimetableKnowsTheFlightAnAgentTakesTheCallWithWhatTheCallerTyped() {
        Caller caller = Caller.calls(interpreter, "timetable", CALL, NOW);
        caller.presses("2").presses("999").lookupFails("timed out after 2s");

        caller.listens();   // "one moment, an agent will be with you"
        assertThat(caller.action()).isEqualTo(new Action.TransferToQueue("", 0, Map.of(
                "kind", "flight", "service", "999")));
    }

    @Test
    void aSurveyRatingIsRecordedAsTheResultOfTheCall() {
        Caller caller = Caller.calls(interpreter, "satisfaction-survey", CALL, NOW);
        assertThat(caller.action()).isEqualTo(new Action.Collect("survey/please-rate", 1, Duration.ofSeconds(6),
                Duration.ofSeconds(3), ""));
        caller.presses("4").listens();

        assertThat(caller.action()).isEqualTo(new Action.Hangup("survey-answered"));
        assertThat(caller.outcome()).isEqualTo(new Outcome.EndedByFlow("satisfaction-survey", "thanks",
                "survey-answered", false, Map.of("rating", "4")));
    }

    @Test
    void aRatingOutsideOneToFiveIsAskedForOnceMore() {
        Caller caller = Caller.calls(interpreter, "satisfaction-survey", CALL, NOW);
        caller.presses("7");
        assertThat(caller.action()).isEqualTo(new Action.Play("survey/one-to-five", "0123456789*#"));
        caller.presses("5");

        assertThat(caller.action()).isEqualTo(new Action.Play("survey/thank-you", ""));
        assertThat(caller.state().variable("rating")).contains(5L);
    }

    @Test
    void aCallerWhoDoesNotRateEndsTheSurveyWithoutAResult() {
        Caller caller = Caller.calls(interpreter, "satisfaction-survey", CALL, NOW);
        caller.pressesNothing().listens().pressesNothing().listens();

        assertThat(caller.outcome()).isEqualTo(new Outcome.EndedByFlow("satisfaction-survey", "no-rating",
                "survey-not-answered", false, Map.of()));
    }

    @Test
    void aCallerWhoHangsUpDuringTheThankYouStillLeavesTheirRating() {
        Caller caller = Caller.calls(interpreter, "satisfaction-survey", CALL, NOW);
        caller.presses("2").hangsUp();

        assertThat(caller.outcome()).isEqualTo(new Outcome.EndedByFlow("satisfaction-survey", "thanks",
                "survey-answered", false, Map.of("rating", "2")));
    }
}
