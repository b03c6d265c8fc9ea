package dev.hotline.bridge.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;

/** One AMI client of the simulator: reads actions, answers them in Asterisk's words, forwards events. */
final class AmiSimSession {

    private static final DateTimeFormatter EVENT_TV =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    /** Asterisk's Originate ring timeout when the action gives none. */
    private static final int DEFAULT_ORIGINATE_TIMEOUT_MILLIS = 30_000;

    private final SimulatedAmiServer server;
    private final int id;
    private final Socket socket;
    private final ReentrantLock writeLock = new ReentrantLock();
    private volatile boolean loggedIn;
    private volatile boolean eventsOn;
    private volatile boolean open = true;
    private String username = "";
    private String challenge;

    AmiSimSession(SimulatedAmiServer server, int id, Socket socket) {
        this.server = server;
        this.id = id;
        this.socket = socket;
    }

    int id() {
        return id;
    }

    boolean isOpen() {
        return open;
    }

    void run() {
        try (socket) {
            write(SimulatedAmiServer.BANNER.getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            AmiFrame frame;
            while (open && (frame = AmiFrame.read(in)) != null) {
                server.record(id, frame);
                if (server.answering()) {
                    handle(frame);
                }
            }
        } catch (IOException e) {
            // the client went away or the test dropped the connection: the session just ends
        } finally {
            open = false;
        }
    }

    void close() {
        open = false;
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    void sendEvent(AmiOut event) {
        if (loggedIn && eventsOn && open && server.answering()) {
            send(event);
        }
    }

    private void handle(AmiFrame action) throws IOException {
        String name = action.get("Action");
        String actionId = action.get("ActionID");
        String verb = name == null ? "" : name.toLowerCase(Locale.ROOT);
        if (!loggedIn && !verb.equals("login") && !verb.equals("challenge") && !verb.equals("logoff")) {
            send(error(actionId, "Permission denied"));
            return;
        }
        switch (verb) {
            case "login" -> login(action, actionId);
            case "challenge" -> challenge(action, actionId);
            case "logoff" -> {
                send(new AmiOut().add("Response", "Goodbye").actionId(actionId)
                        .add("Message", "Thanks for all the fish."));
                close();
            }
            case "ping" -> send(new AmiOut().add("Response", "Success").actionId(actionId).add("Ping", "Pong")
                    .add("Timestamp", server.timestamp()));
            case "coreshowchannels" -> coreShowChannels(actionId);
            case "status" -> status(action, actionId);
            case "getvar" -> getvar(action, actionId);
            case "setvar" -> setvar(action, actionId);
            case "redirect" -> redirect(action, actionId);
            case "hangup" -> hangup(action, actionId);
            case "originate" -> originate(action, actionId);
            case "mixmonitor" -> mixMonitor(action, actionId);
            case "devicestatelist" -> deviceStateList(actionId);
            case "coresettings" -> coreSettings(actionId);
            case "command" -> command(action, actionId);
            default -> unknownAction(name, actionId);
        }
    }

    private void login(AmiFrame action, String actionId) {
        String user = action.get("Username");
        String secret = user == null ? null : server.secretOf(user);
        boolean accepted;
        if (secret == null) {
            accepted = false;
        } else if ("md5".equalsIgnoreCase(action.get("AuthType"))) {
            accepted = challenge != null && md5(challenge + secret).equalsIgnoreCase(String.valueOf(action.get("Key")));
        } else {
            accepted = secret.equals(action.get("Secret"));
        }
        if (!accepted) {
            send(error(actionId, "Authentication failed"));
            close();
            return;
        }
        username = user;
        String events = action.get("Events");
        eventsOn = events == null || !events.equalsIgnoreCase("off");
        loggedIn = true;
        server.loggedIn();
        send(new AmiOut().add("Response", "Success").actionId(actionId).add("Message", "Authentication accepted"));
        String uptime = Long.toString(server.uptimeSeconds());
        sendEvent(new AmiOut().add("Event", "FullyBooted").add("Privilege", "system,all").add("Uptime", uptime)
                .add("LastReload", uptime).add("Status", "Fully Booted"));
        String tv = EVENT_TV.format(server.now());
        sendEvent(security("SuccessfulAuth", "Informational", tv).add("AccountID", username)
                .add("SessionID", sessionId()).add("LocalAddress", localAddress()).add("RemoteAddress", remoteAddress())
                .add("UsingPassword", "0").add("SessionTV", tv));
    }

    private void challenge(AmiFrame action, String actionId) {
        if (!"md5".equalsIgnoreCase(action.get("AuthType"))) {
            send(error(actionId, "Must specify AuthType"));
            return;
        }
        challenge = Integer.toString(ThreadLocalRandom.current().nextInt(100_000_000, 1_000_000_000));
        send(new AmiOut().add("Response", "Success").actionId(actionId).add("Challenge", challenge));
    }

    private void coreShowChannels(String actionId) {
        List<SimulatedChannel> channels = server.channels();
        send(new AmiOut().add("Response", "Success").actionId(actionId).add("EventList", "start")
                .add("Message", "Channels will follow"));
        for (SimulatedChannel channel : channels) {
            AmiOut item = new AmiOut().add("Event", "CoreShowChannel").actionId(actionId);
            channelHeaders(item, channel)
                    .add("Application", channel.application()).add("ApplicationData", channel.appData())
                    .add("Duration", duration(channel)).add("BridgeId", channel.bridgeId());
            send(item);
        }
        send(new AmiOut().add("Event", "CoreShowChannelsComplete").actionId(actionId).add("EventList", "Complete")
                .add("ListItems", Integer.toString(channels.size())));
    }

    private void status(AmiFrame action, String actionId) {
        String wanted = action.get("Channel");
        List<SimulatedChannel> channels;
        if (wanted == null || wanted.isEmpty()) {
            channels = server.channels();
        } else {
            SimulatedChannel channel = server.channel(wanted);
            if (channel == null) {
                send(error(actionId, "No such channel"));
                return;
            }
            channels = List.of(channel);
        }
        send(new AmiOut().add("Response", "Success").actionId(actionId).add("EventList", "start")
                .add("Message", "Channel status will follow"));
        for (SimulatedChannel channel : channels) {
            AmiOut item = channelHeaders(new AmiOut().add("Event", "Status").add("Privilege", "Call"), channel)
                    .add("Type", channel.type()).add("DNID", "")
                    .add("EffectiveConnectedLineNum", channel.connectedNum())
                    .add("EffectiveConnectedLineName", channel.connectedName())
                    .add("TimeToHangup", "0").add("BridgeID", channel.bridgeId())
                    .add("Application", channel.application()).add("Data", channel.appData())
                    .add("Nativeformats", "(slin)").add("Readformat", "slin").add("Readtrans", "")
                    .add("Writeformat", "slin").add("Writetrans", "").add("Callgroup", "0").add("Pickupgroup", "0")
                    .add("Seconds", Long.toString(seconds(channel)));
            send(item.actionId(actionId));
        }
        String count = Integer.toString(channels.size());
        send(new AmiOut().add("Event", "StatusComplete").actionId(actionId).add("EventList", "Complete")
                .add("ListItems", count).add("Items", count));
    }

    private void getvar(AmiFrame action, String actionId) {
        String channelName = action.get("Channel");
        String variable = action.get("Variable");
        SimulatedChannel channel = null;
        if (channelName != null) {
            channel = server.channel(channelName);
            if (channel == null) {
                send(error(actionId, "No such channel"));
                return;
            }
        }
        if (variable == null) {
            send(error(actionId, "No variable specified"));
            return;
        }
        send(new AmiOut().add("Response", "Success").actionId(actionId).add("Variable", variable)
                .add("Value", valueOf(channel, variable)));
    }

    private String valueOf(SimulatedChannel channel, String variable) {
        String upper = variable.toUpperCase(Locale.ROOT);
        if (upper.startsWith("DEVICE_STATE(") && variable.endsWith(")")) {
            return server.deviceState(variable.substring("DEVICE_STATE(".length(), variable.length() - 1));
        }
        if (channel != null && upper.equals("CALLERID(NUM)")) {
            return channel.callerIdNum();
        }
        if (channel != null && upper.equals("CALLERID(NAME)")) {
            return channel.callerIdName();
        }
        String value = channel == null ? server.globalOrNull(variable) : channel.variables().get(variable);
        return value == null ? "" : value;
    }

    private void setvar(AmiFrame action, String actionId) {
        String channelName = action.get("Channel");
        String variable = action.get("Variable");
        if (variable == null || variable.isEmpty()) {
            send(error(actionId, "No variable specified"));
            return;
        }
        if (channelName != null && server.channel(channelName) == null) {
            send(error(actionId, "No such channel"));
            return;
        }
        server.setVariable(channelName, variable, action.get("Value") == null ? "" : action.get("Value"));
        send(new AmiOut().add("Response", "Success").actionId(actionId).add("Message", "Variable Set"));
    }

    private void redirect(AmiFrame action, String actionId) {
        String channelName = action.get("Channel");
        if (channelName == null || channelName.isEmpty()) {
            send(error(actionId, "Channel not specified"));
            return;
        }
        if (server.channel(channelName) == null) {
            send(error(actionId, "Channel does not exist: " + channelName));
            return;
        }
        server.redirect(channelName, action.get("Context"), action.get("Exten"), priority(action));
        send(new AmiOut().add("Response", "Success").actionId(actionId).add("Message", "Redirect successful"));
    }

    private void hangup(AmiFrame action, String actionId) {
        String channelName = action.get("Channel");
        if (channelName == null || channelName.isEmpty()) {
            send(error(actionId, "No channel specified"));
            return;
        }
        List<SimulatedChannel> gone = server.hangUpFromAction(channelName);
        if (gone.isEmpty()) {
            send(error(actionId, "No such channel"));
            return;
        }
        send(new AmiOut().add("Response", "Success").actionId(actionId).add("Message", "Channel Hungup"));
        int cause = parseInt(action.get("Cause"), 16);
        for (SimulatedChannel channel : gone) {
            server.broadcast(server.hangupEvent(channel, cause));
        }
    }

    private void originate(AmiFrame action, String actionId) {
        String channelName = action.get("Channel");
        if (channelName == null || channelName.isEmpty()) {
            send(error(actionId, "Channel not specified"));
            return;
        }
        String[] callerId = splitCallerId(action.get("CallerID"));
        Map<String, String> variables = new LinkedHashMap<>();
        for (String assignment : action.all("Variable")) {
            int eq = assignment.indexOf('=');
            if (eq > 0) {
                variables.put(assignment.substring(0, eq), assignment.substring(eq + 1));
            }
        }
        SimulatedDialplan.Request request = new SimulatedDialplan.Request(channelName, orEmpty(action.get("Context")),
                orEmpty(action.get("Exten")), priority(action), orEmpty(action.get("Application")),
                orEmpty(action.get("Data")), callerId[0], callerId[1], variables);
        boolean async = "true".equalsIgnoreCase(action.get("Async"));
        Optional<SimulatedAmiServer.OriginateRoute> route = server.routeOf(request);
        if (route.isPresent()) {
            routedOriginate(request, actionId, async, route.get(), Duration.ofMillis(parseInt(action.get("Timeout"),
                    DEFAULT_ORIGINATE_TIMEOUT_MILLIS)));
            return;
        }
        SimulatedDialplan.Outcome outcome = server.originate(request);
        if (!async && outcome instanceof SimulatedDialplan.Failed) {
            send(error(actionId, "Originate failed"));
            return;
        }
        send(queued(actionId));
        if (outcome instanceof SimulatedDialplan.Answered answered) {
            server.setDeviceState(answered.originated().device(), "INUSE");
        }
        if (async) {
            server.broadcast(originateResponse(request, actionId, outcome));
        }
    }

    /**
     * An Originate whose far end another part of the simulation plays. Async: the action is queued at once and the
     * OriginateResponse follows whenever the far end decides (the response is sent before the route starts, so even
     * an outcome known at once comes after it). Synchronous: the action blocks until the outcome, as Asterisk's does.
     */
    private void routedOriginate(SimulatedDialplan.Request request, String actionId, boolean async,
                                 SimulatedAmiServer.OriginateRoute route, Duration timeout) {
        if (!async) {
            SimulatedDialplan.Outcome outcome = route.originate(request, timeout).toCompletableFuture().join();
            send(outcome instanceof SimulatedDialplan.Failed ? error(actionId, "Originate failed") : queued(actionId));
            return;
        }
        send(queued(actionId));
        route.originate(request, timeout)
                .thenAccept(outcome -> server.broadcast(originateResponse(request, actionId, outcome)));
    }

    private static AmiOut queued(String actionId) {
        return new AmiOut().add("Response", "Success").actionId(actionId)
                .add("Message", "Originate successfully queued");
    }

    private AmiOut originateResponse(SimulatedDialplan.Request request, String actionId,
                                     SimulatedDialplan.Outcome outcome) {
        AmiOut event = new AmiOut().add("Event", "OriginateResponse").add("Privilege", "call,all").actionId(actionId);
        String channel = request.channel();
        String uniqueid = "<unknown>";
        String reason;
        switch (outcome) {
            case SimulatedDialplan.Answered answered -> {
                event.add("Response", "Success");
                channel = answered.originated().name();
                uniqueid = answered.originated().uniqueid();
                reason = "4";
            }
            case SimulatedDialplan.Failed failed -> {
                event.add("Response", "Failure");
                reason = Integer.toString(failed.reason());
            }
        }
        event.add("Channel", channel);
        if (request.application().isEmpty()) {
            event.add("Context", request.context()).add("Exten", request.exten());
        } else {
            event.add("Application", request.application()).add("Data", request.data());
        }
        return event.add("Reason", reason).add("Uniqueid", uniqueid)
                .add("CallerIDNum", request.callerIdNum().isEmpty() ? "<unknown>" : request.callerIdNum())
                .add("CallerIDName", request.callerIdName().isEmpty() ? "<unknown>" : request.callerIdName());
    }

    private void mixMonitor(AmiFrame action, String actionId) {
        String channelName = action.get("Channel");
        if (channelName == null || channelName.isEmpty()) {
            send(error(actionId, "No channel specified"));
            return;
        }
        if (server.channel(channelName) == null) {
            send(error(actionId, "No such channel"));
            return;
        }
        String file = orEmpty(action.get("File"));
        server.startRecording(channelName, file);
        send(new AmiOut().add("Response", "Success").actionId(actionId)
                .add("MixMonitorID", "0x" + Integer.toHexString(file.hashCode() & 0x7fffffff)));
    }

    private void deviceStateList(String actionId) {
        Map<String, String> devices = server.deviceSnapshot();
        send(new AmiOut().add("Response", "Success").actionId(actionId).add("EventList", "start")
                .add("Message", "Device State Changes will follow"));
        devices.forEach((device, state) -> send(new AmiOut().add("Event", "DeviceStateChange").actionId(actionId)
                .add("Device", device).add("State", state)));
        send(new AmiOut().add("Event", "DeviceStateListComplete").actionId(actionId).add("EventList", "Complete")
                .add("ListItems", Integer.toString(devices.size())));
    }

    private void coreSettings(String actionId) {
        send(new AmiOut().add("Response", "Success").actionId(actionId).add("AMIversion", "11.0.0")
                .add("AsteriskVersion", SimulatedAmiServer.ASTERISK_VERSION).add("SystemName", "")
                .add("CoreMaxCalls", "0").add("CoreMaxLoadAvg", "0.000000").add("CoreRunUser", "")
                .add("CoreRunGroup", "").add("CoreMaxFilehandles", "0").add("CoreRealTimeEnabled", "No")
                .add("CoreCDRenabled", "Yes").add("CoreHTTPenabled", "No").add("SoundsSearchCustomDir", "No"));
    }

    private void command(AmiFrame action, String actionId) {
        String command = orEmpty(action.get("Command")).trim();
        AmiOut out = new AmiOut().add("Response", "Success").actionId(actionId)
                .add("Message", "Command output follows");
        switch (command) {
            case "core show uptime seconds" -> {
                String uptime = Long.toString(server.uptimeSeconds());
                out.add("Output", "System uptime: " + uptime).add("Output", "Last reload: " + uptime);
            }
            case "core show version" -> out.add("Output", "Asterisk " + SimulatedAmiServer.ASTERISK_VERSION
                    + " built by hotline @ simulator on a x86_64 running Linux");
            default -> out.add("Output", "No such command '" + command
                    + "' (type 'core show help " + command + "' for other possible commands)");
        }
        send(out);
    }

    private void unknownAction(String name, String actionId) {
        send(error(actionId, "Invalid/unknown command: " + name
                + ". Use Action: ListCommands to show available commands."));
        String tv = EVENT_TV.format(server.now());
        sendEvent(security("RequestBadFormat", "Error", tv).add("SessionID", sessionId())
                .add("LocalAddress", localAddress()).add("RemoteAddress", remoteAddress())
                .add("RequestType", "Action: " + name).add("SessionTV", tv).add("AccountID", username));
    }

    // ---- formatting ------------------------------------------------------------------------------------------

    /** The channel header block every channel event and list item shares, in Asterisk's order. */
    static AmiOut channelHeaders(AmiOut out, SimulatedChannel channel) {
        return out.add("Channel", channel.name()).add("ChannelState", Integer.toString(channel.state()))
                .add("ChannelStateDesc", channel.stateDesc()).add("CallerIDNum", unknownIfEmpty(channel.callerIdNum()))
                .add("CallerIDName", unknownIfEmpty(channel.callerIdName()))
                .add("ConnectedLineNum", unknownIfEmpty(channel.connectedNum()))
                .add("ConnectedLineName", unknownIfEmpty(channel.connectedName())).add("Language", "en")
                .add("AccountCode", "").add("Context", channel.context()).add("Exten", channel.exten())
                .add("Priority", Integer.toString(channel.priority())).add("Uniqueid", channel.uniqueid())
                .add("Linkedid", channel.linkedid());
    }

    private static String unknownIfEmpty(String value) {
        return value == null || value.isEmpty() ? "<unknown>" : value;
    }

    private AmiOut security(String event, String severity, String eventTv) {
        return new AmiOut().add("Event", event).add("Privilege", "security,all").add("EventTV", eventTv)
                .add("Severity", severity).add("Service", "AMI").add("EventVersion", "1");
    }

    private static AmiOut error(String actionId, String message) {
        return new AmiOut().add("Response", "Error").actionId(actionId).add("Message", message);
    }

    private String duration(SimulatedChannel channel) {
        long s = seconds(channel);
        return String.format("%02d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }

    private long seconds(SimulatedChannel channel) {
        return Math.max(0, Duration.between(channel.created(), server.now()).toSeconds());
    }

    private String sessionId() {
        return "0x" + Long.toHexString(0x7f0000000000L + id * 0x1000L);
    }

    private String localAddress() {
        return "IPV4/TCP/127.0.0.1/" + socket.getLocalPort();
    }

    private String remoteAddress() {
        return "IPV4/TCP/127.0.0.1/" + socket.getPort();
    }

    private static int priority(AmiFrame action) {
        return parseInt(action.get("Priority"), 1);
    }

    private static int parseInt(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /** {@code "Name" <number>} to {number, name}; a bare value is a number. */
    static String[] splitCallerId(String callerId) {
        if (callerId == null) {
            return new String[] {"", ""};
        }
        int lt = callerId.lastIndexOf('<');
        int gt = callerId.lastIndexOf('>');
        if (lt < 0 || gt < lt) {
            return new String[] {callerId.trim(), ""};
        }
        String name = callerId.substring(0, lt).trim();
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            name = name.substring(1, name.length() - 1);
        }
        return new String[] {callerId.substring(lt + 1, gt), name};
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides MD5", e);
        }
    }

    private void send(AmiOut message) {
        try {
            write(message.bytes());
        } catch (IOException e) {
            close();
        }
    }

    private void write(byte[] bytes) throws IOException {
        writeLock.lock();
        try {
            OutputStream out = socket.getOutputStream();
            out.write(bytes);
            out.flush();
        } finally {
            writeLock.unlock();
        }
    }
}
