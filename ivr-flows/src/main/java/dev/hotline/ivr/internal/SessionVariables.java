package dev.hotline.ivr.internal;

import dev.cel.runtime.CelVariableResolver;
import dev.hotline.ivr.BusinessCalendar;
import dev.hotline.ivr.CallContext;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What an expression sees of a session: the built-ins from the call, the step's instant and the flow's calendar,
 * then the flow's constants and the session's variables. Resolved on demand, so a condition that does not ask about
 * holidays does not pay for the calendar.
 */
public record SessionVariables(CallContext call, String language, Instant now, BusinessCalendar calendar,
                               Map<String, String> constants, Map<String, Object> variables)
        implements CelVariableResolver {

    @Override
    public Optional<Object> find(String name) {
        Object value = switch (name) {
            case "caller" -> call.callerNumber();
            case "dialled" -> call.dialledNumber();
            case "business" -> call.businessType();
            case "vip" -> call.vip();
            case "language" -> language;
            case "now" -> now;
            case "zone" -> calendar.zone().getId();
            case "holiday" -> calendar.isHoliday(now);
            default -> {
                Object variable = variables.get(name);
                yield variable != null ? variable : constants.get(name);
            }
        };
        return Optional.ofNullable(value);
    }
}
