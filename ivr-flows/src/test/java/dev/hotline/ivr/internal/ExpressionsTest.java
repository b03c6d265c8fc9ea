package dev.hotline.ivr.internal;

import dev.hotline.ivr.BusinessCalendar;
import dev.hotline.ivr.CallContext;
import dev.hotline.ivr.VarType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A condition compiled on its own, as the benchmarks compile the shipped flows' conditions. */
class ExpressionsTest {
    private final Expressions expressions = new Expressions(Map.of("pin_tries", VarType.INT), Set.of());

    @Test
    void aConditionCompiledOnItsOwnEvaluatesAgainstASession() {
        Expr tooManyTries = expressions.condition("pin_tries >= 3");
        SessionVariables session = new SessionVariables(new CallContext("", "", "", false, "zh"), "zh",
                Instant.EPOCH, new BusinessCalendar(ZoneId.of("UTC"), Set.of()), Map.of(), Map.of("pin_tries", 3L),
                dev.hotline.ivr.QueueHours.NONE);

        assertThat(tooManyTries.test(session)).isTrue();
    }

    @Test
    void aConditionThatIsNotBoolSaysWhatItIsAndWhere() {
        assertThatThrownBy(() -> expressions.condition("pin_tries + 1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("condition 'pin_tries + 1': ")
                .hasMessageContaining("(column ");
    }
}
