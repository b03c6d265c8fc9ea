package dev.hotline.acd.internal;

import dev.hotline.acd.AcdEvent;
import dev.hotline.acd.Decision;
import dev.hotline.acd.Outcome;
import dev.hotline.acd.model.BlacklistEntry;
import dev.hotline.acd.model.BusinessType;
import dev.hotline.acd.model.VipEntry;
import java.util.Optional;

/**
 * A call arrives: the blacklist first (caller number), then the dialled number's business type (exact, prefix,
 * pattern, default), then the caller's VIP entry. Refused calls end at once; classified calls go to the IVR.
 */
final class CallClassifier {

    private final Centre centre;

    CallClassifier(Centre centre) {
        this.centre = centre;
    }

    void arrived(AcdEvent.CallArrived e) {
        long now = centre.now;
        Call existing = centre.calls.get(e.callId());
        if (existing != null) {
            throw new Rejection("call " + e.callId() + " cannot arrive: a call with this id is already "
                    + Centre.describe(existing));
        }
        NumberPlan numberPlan = centre.numberPlan;
        String busyPrompt = centre.config.settings().busyPrompt();
        String caller = numberPlan.significant(e.callerNumber());
        BlacklistEntry blocked = numberPlan.blacklisted(caller, now);
        if (blocked != null) {
            centre.emit(new Decision.CallRefused(now, e.callId(), e.callerNumber(), e.dialledNumber(),
                    Decision.RefusalCause.BLACKLISTED, blocked.prompt().orElse(busyPrompt), blocked.reason()));
            centre.emit(new Decision.CallEnded(now, e.callId(), Outcome.REFUSED, Optional.empty(), Optional.empty(),
                    0, 0, "caller " + e.callerNumber() + " is blacklisted (" + blocked.kind().name().toLowerCase()
                            + " " + blocked.number() + ")", e.callerNumber(), e.dialledNumber(), Optional.empty()));
            return;
        }
        NumberPlan.Classification c = numberPlan.classify(e.dialledNumber());
        if (c == null) {
            centre.emit(new Decision.CallRefused(now, e.callId(), e.callerNumber(), e.dialledNumber(),
                    Decision.RefusalCause.UNKNOWN_NUMBER, busyPrompt,
                    "no number route matches " + e.dialledNumber() + " and there is no default business type"));
            centre.emit(new Decision.CallEnded(now, e.callId(), Outcome.REFUSED, Optional.empty(), Optional.empty(),
                    0, 0, "unknown dialled number " + e.dialledNumber(), e.callerNumber(), e.dialledNumber(),
                    Optional.empty()));
            return;
        }
        VipEntry vip = numberPlan.vip(caller);
        String vipLabel = vip == null ? null : vip.name() + " (" + vip.tier() + ")";
        BusinessType type = c.businessType();
        Call call = new Call(e.callId(), e.callerNumber(), e.dialledNumber(), ++centre.callSeq, vipLabel, type.id());
        call.classification = c;
        centre.calls.add(call);
        centre.emit(new Decision.CallClassified(now, call.id, call.callerNumber, call.dialledNumber, type.id(),
                type.queue(), c.ivrFlow(), c.rule(), call.vip));
    }
}
