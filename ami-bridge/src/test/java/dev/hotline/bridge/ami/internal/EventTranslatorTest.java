package dev.hotline.bridge.ami.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.bridge.ami.AmiEvent;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.NewExtenEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.junit.jupiter.api.Test;

class EventTranslatorTest {

    @Test
    void anEventHotlineDoesNotModelBecomesAnUnknownEventWithItsFieldsNeverNull() {
        NewExtenEvent newExten = new NewExtenEvent(this);
        newExten.setChannel("Local/4008001000@from-pstn-00000001;2");
        newExten.setApplication("AGI");

        AmiEvent event = EventTranslator.translate("pbx1", newExten).orElseThrow();

        assertThat(event).isInstanceOfSatisfying(AmiEvent.UnknownEvent.class, unknown -> {
            assertThat(unknown.server()).isEqualTo("pbx1");
            assertThat(unknown.name()).isEqualTo("NewExten");
            assertThat(unknown.headers()).containsEntry("channel", "Local/4008001000@from-pstn-00000001;2")
                    .containsEntry("application", "AGI");
        });
    }

    @Test
    void aFailedOriginateWithoutAChannelHasAnEmptyUniqueidNotAsterisksUnknownMarker() {
        OriginateResponseEvent response = new OriginateResponseEvent(this);
        response.setActionId("hotline-originate-7");
        response.setResponse("Failure");
        response.setChannel("Local/9999@agents-missing");
        response.setReason(0);
        response.setUniqueId("<unknown>");

        assertThat(EventTranslator.translate("pbx1", response)).contains(new AmiEvent.OriginateResult("pbx1",
                "hotline-originate-7", false, 0, "Local/9999@agents-missing", ""));
    }

    @Test
    void theItemsOfAListActionAreNotEventsForTheAcd() {
        assertThat(EventTranslator.translate("pbx1", new CoreShowChannelEvent(this))).isEmpty();
    }
}
