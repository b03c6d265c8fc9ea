package dev.hotline.ivr.internal;

import dev.cel.runtime.CelVariableResolver;
import dev.hotline.ivr.BusinessCalendar;
import dev.hotline.ivr.CallContext;
import dev.hotline.ivr.QueueHours;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;

/**
 * What an expression sees of a session: the built-ins from the call, the step's instant and the flow's calendar,
 * then the flow's constants and the session's variables. Resolved on demand, so a condition that does not ask about
 * holidays or the local time does not pay for the calendar; one view serves every expression of a node, and the
 * local time is worked out once for them all.
 */
public final class SessionVariables implements CelVariableResolver {
    private final CallContext call;
    private final String language;
    private final Instant now;
    private final BusinessCalendar calendar;
    private final Map<String, String> constants;
    private final Map<String, Object> variables;
    private final QueueHours queueHours;
    private LocalDateTime local;
    private Map<String, Boolean> queueOpen;
    private Map<String, Boolean> queueHoliday;

    public SessionVariables(CallContext call, String language, Instant now, BusinessCalendar calendar,
                            Map<String, String> constants, Map<String, Object> variables, QueueHours queueHours) {
        this.queueHours = queueHours;
        this.call = call;
        this.language = language;
        this.now = now;
        this.calendar = calendar;
        this.constants = constants;
        this.variables = variables;
    }

    @Override
    public Optional<Object> find(String name) {
        Object value = switch (name) {
            case "caller" -> call.callerNumber();
            case "caller_national" -> call.callerNational();
            case "dialled" -> call.dialledNumber();
            case "business" -> call.businessType();
            case "vip" -> call.vip();
            case "language" -> language;
            case "now" -> now;
            case "zone" -> calendar.zone().getId();
            case "holiday" -> calendar.isHoliday(now);
            // CEL ints are longs; the day of the week counts from Sunday = 0 like now.getDayOfWeek(zone).
            case "hour" -> (long) local().getHour();
            case "minute" -> (long) local().getMinute();
            case "weekday" -> (long) (local().getDayOfWeek().getValue() % 7);
            case "queue_open" -> queueOpen == null ? queueOpen = queueHours.openAt(now) : queueOpen;
            case "queue_holiday" -> queueHoliday == null ? queueHoliday = queueHours.holidayAt(now) : queueHoliday;
            default -> {
                Object variable = variables.get(name);
                yield variable != null ? variable : constants.get(name);
            }
        };
        return Optional.ofNullable(value);
    }

    private LocalDateTime local() {
        if (local == null) {
            local = LocalDateTime.ofInstant(now, calendar.zone());
        }
        return local;
    }
}
