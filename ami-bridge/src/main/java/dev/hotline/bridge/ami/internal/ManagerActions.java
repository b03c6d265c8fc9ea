package dev.hotline.bridge.ami.internal;

import static dev.hotline.bridge.ami.internal.AmiValues.header;

import dev.hotline.bridge.ami.AmiActions;
import dev.hotline.bridge.ami.AmiEvent;
import dev.hotline.bridge.ami.AmiReply;
import dev.hotline.bridge.ami.AmiUnavailableException;
import dev.hotline.bridge.ami.DeviceState;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.asteriskjava.manager.action.GetVarAction;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.MixMonitorAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;

/**
 * {@link AmiActions} over the current Asterisk-Java connection. Responses arrive on the library's event thread;
 * every stage is completed on {@code completions} instead, so a caller's continuation cannot stall that thread.
 * An asynchronous Originate's stage completes when its OriginateResponse event arrives (or fails when the
 * connection is lost first).
 */
public final class ManagerActions implements AmiActions {

    private final String server;
    private final Supplier<HotlineManagerConnection> connection;
    private final Executor completions;
    private final Map<String, CompletableFuture<AmiEvent.OriginateResult>> pendingOriginates = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    public ManagerActions(String server, Supplier<HotlineManagerConnection> connection, Executor completions) {
        this.server = server;
        this.connection = connection;
        this.completions = completions;
    }

    @Override
    public CompletionStage<AmiReply> hangup(String channel) {
        return send(new HangupAction(header(channel), 16), ManagerActions::reply);
    }

    @Override
    public CompletionStage<AmiEvent.OriginateResult> listenIn(String supervisorEndpoint, String agentEndpoint,
                                                              ListenMode mode) {
        String spied = AmiValues.applicationArgument("agent endpoint", agentEndpoint);
        OriginateAction originate = new OriginateAction();
        originate.setChannel(header(supervisorEndpoint));
        originate.setApplication("ChanSpy");
        originate.setData(spied + "," + mode.chanSpyOptions());
        originate.setCallerId("\"Listen-in\" <" + spied + ">");
        originate.setTimeout(30_000L);
        return originate(originate);
    }

    @Override
    public CompletionStage<AmiReply> startRecording(String channel, String callId) {
        MixMonitorAction mixMonitor = new MixMonitorAction();
        mixMonitor.setChannel(header(channel));
        mixMonitor.setFile(AmiValues.recordingFile(callId));
        return send(mixMonitor, ManagerActions::reply);
    }

    @Override
    public CompletionStage<AmiEvent.OriginateResult> originateCallback(String endpoint, String context, String exten,
                                                                       String callerId, Map<String, String> variables,
                                                                       Duration ringTimeout) {
        OriginateAction originate = new OriginateAction();
        originate.setChannel(header(endpoint));
        originate.setContext(header(context));
        originate.setExten(header(exten));
        originate.setPriority(1);
        if (!callerId.isEmpty()) {
            // none: the trunk's own caller id
            originate.setCallerId(header(callerId));
        }
        originate.setTimeout(ringTimeout.toMillis());
        Map<String, String> clean = new LinkedHashMap<>();
        variables.forEach((name, value) -> clean.put(header(name), header(value)));
        if (!clean.isEmpty()) {
            originate.setVariables(clean);
        }
        return originate(originate);
    }

    @Override
    public CompletionStage<DeviceState> deviceState(String device) {
        GetVarAction getVar = new GetVarAction("DEVICE_STATE(" + header(device) + ")");
        return send(getVar, response -> response instanceof ManagerError
                ? DeviceState.UNKNOWN : DeviceState.parse(response.getAttribute("value")));
    }

    /** Called with every OriginateResponse (on the event thread): completes the stage of our Originate, if any. */
    public void onOriginateResult(AmiEvent.OriginateResult result) {
        CompletableFuture<AmiEvent.OriginateResult> pending = pendingOriginates.remove(result.actionId());
        if (pending != null) {
            completions.execute(() -> pending.complete(result));
        }
    }

    /** The connection is gone: Originates still waiting for their OriginateResponse will not get it. */
    public void failPending(String reason) {
        for (String actionId : pendingOriginates.keySet()) {
            CompletableFuture<AmiEvent.OriginateResult> pending = pendingOriginates.remove(actionId);
            if (pending != null) {
                completions.execute(() -> pending.completeExceptionally(new AmiUnavailableException(
                        "AMI '" + server + "': connection lost before the OriginateResponse of " + actionId
                                + " (" + reason + ")")));
            }
        }
    }

    private CompletionStage<AmiEvent.OriginateResult> originate(OriginateAction originate) {
        String actionId = "hotline-originate-" + sequence.incrementAndGet();
        originate.setActionId(actionId);
        originate.setAsync(true);
        CompletableFuture<AmiEvent.OriginateResult> result = new CompletableFuture<>();
        pendingOriginates.put(actionId, result);
        // an OriginateResponse that never comes (an eventfilter, a lost event) must not keep its entry for as long as
        // the connection lasts: past the Originate's own ring time and a minute, it failed
        long ringMillis = originate.getTimeout() == null ? 30_000 : originate.getTimeout();
        result.orTimeout(ringMillis + 60_000, java.util.concurrent.TimeUnit.MILLISECONDS)
                .whenComplete((done, failure) -> pendingOriginates.remove(actionId, result));
        send(originate, ManagerActions::reply).whenComplete((reply, failure) -> {
            if (failure != null) {
                pendingOriginates.remove(actionId);
                result.completeExceptionally(failure);
            } else if (!reply.success()) {
                pendingOriginates.remove(actionId);
                result.complete(new AmiEvent.OriginateResult(server, actionId, false, 0, "", ""));
            }
        });
        return result;
    }

    private <T> CompletableFuture<T> send(ManagerAction action, Function<ManagerResponse, T> convert) {
        CompletableFuture<T> result = new CompletableFuture<>();
        HotlineManagerConnection current = connection.get();
        if (current == null) {
            result.completeExceptionally(new AmiUnavailableException(
                    "AMI '" + server + "' is not connected: " + action.getAction() + " not sent"));
            return result;
        }
        try {
            current.sendAction(action, response -> completions.execute(() -> {
                // Asterisk-Java answers null when the connection went before the response: the caller must hear of it
                if (response == null) {
                    result.completeExceptionally(new AmiUnavailableException("AMI '" + server + "': the connection "
                            + "was lost before the response to " + action.getAction()));
                    return;
                }
                try {
                    result.complete(convert.apply(response));
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            }));
        } catch (IOException | IllegalStateException e) {
            result.completeExceptionally(new AmiUnavailableException(
                    "AMI '" + server + "': " + action.getAction() + " not sent: " + e.getMessage()));
        }
        return result;
    }

    private static AmiReply reply(ManagerResponse response) {
        return new AmiReply(!(response instanceof ManagerError) && "Success".equalsIgnoreCase(response.getResponse()),
                response.getMessage() == null ? "" : response.getMessage());
    }
}
