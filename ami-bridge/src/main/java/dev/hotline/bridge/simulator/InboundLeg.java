package dev.hotline.bridge.simulator;

import dev.hotline.bridge.simulator.SimulatedCall.DialAttempt;
import dev.hotline.bridge.simulator.SimulatedCall.Ending;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The channel of one simulated call that runs AGI() into Hotline (an inbound call, or a called-back customer's
 * originated channel, as its {@link AgiEntry} says): its FastAGI session, answered command by command the way
 * Asterisk 22 does (replies and hang-up lines as in {@code fixtures/asterisk/agi-*.txt}), and, when AMI is coupled,
 * the channel and the dialled agent's phone as AMI sees them.
 */
final class InboundLeg {

    private static final String DEAD = "511 Command Not Permitted on a dead channel or intercept routine\n";
    private static final String INVALID = "510 Invalid or unknown command\n";
    /** Samples per second of the captured GSM prompts (endpos counts samples at 8 kHz). */
    private static final int SAMPLES_PER_SECOND = 8000;
    /**
     * Applications a stock Asterisk has; EXEC of any other answers {@code result=-2} ({@code agi-errors.txt}).
     * Lower case: Asterisk looks applications up case-insensitively.
     */
    private static final Set<String> APPLICATIONS = Set.of("answer", "background", "chanspy", "dial", "gosub",
            "goto", "hangup", "log", "mixmonitor", "musiconhold", "noop", "playback", "queue", "read", "saydigits",
            "saynumber", "set", "startmusiconhold", "stopmixmonitor", "stopmusiconhold", "verbose", "voicemail",
            "wait");

    /** What the session thread waits for: a command line, the end of Hotline's side, or the caller hanging up. */
    private sealed interface Input {
    }

    private record Line(String text) implements Input {
    }

    private record HotlineClosed() implements Input {
    }

    private record CallerGone() implements Input {
    }

    private final SimulatedAsterisk asterisk;
    private final SimulatedCall call;
    private final AgiEntry entry;
    private final Consumer<SimulatedChannel> entered;
    private final SimulatedAsterisk.Timing timing;
    private final BlockingQueue<Input> inputs = new LinkedBlockingQueue<>();
    private final CallerKeypad keypad;
    private final Map<String, String> variables = new HashMap<>();
    private final AmiView ami;
    private OutputStream out;
    private boolean answered;
    /** The channel is hung up: media commands get 511. */
    private boolean dead;
    private boolean hotlineHungUp;
    private boolean callerHungUp;

    /**
     * @param entered told the channel as it enters, before AGI() connects: an originated channel's OriginateResponse
     *                goes out then, so Hotline learns the channel before its FastAGI session starts
     */
    InboundLeg(SimulatedAsterisk asterisk, SimulatedCall call, AgiEntry entry, Consumer<SimulatedChannel> entered) {
        this.asterisk = asterisk;
        this.call = call;
        this.entry = entry;
        this.entered = entered;
        this.timing = asterisk.timing();
        this.keypad = new CallerKeypad(call.caller().presses());
        this.ami = new AmiView(asterisk, call, entry);
        // an originated channel is up before AGI() runs and carries the Originate's variables
        this.answered = entry.state() == AgiEntry.UP;
        this.variables.putAll(entry.variables());
    }

    void run() {
        SimulatedCaller caller = call.caller();
        SimulatedAsterisk.Dialplan dialplan = entry.dialplan();
        try (Socket socket = enter()) {
            out = socket.getOutputStream();
            out.write(new AgiEnvironmentBlock(dialplan.networkScript(), asterisk.fastAgiPort(), entry.channel(),
                    entry.technology(), call.callId(), caller.callerId(), caller.callerIdName(), caller.dnid(),
                    dialplan.context(), entry.exten(), dialplan.argumentsFor(entry.exten())).bytes());
            out.flush();
            InputStream in = socket.getInputStream();
            Thread.ofVirtual().name("sim-asterisk-read-" + call.callId()).start(() -> readLines(in));
            call.callerGone().thenRun(() -> inputs.add(new CallerGone()));
            serve();
            // after AGI() the dialplan runs Hangup(): the channel is gone before anyone learns how the call ended
            ami.hungUp();
            call.end(hotlineHungUp ? Ending.HOTLINE_HUNG_UP : callerHungUp ? Ending.CALLER_HUNG_UP
                    : Ending.SESSION_ENDED);
        } catch (IOException | RuntimeException e) {
            call.fail(e);
        } catch (InterruptedException e) {
            call.fail(e);
            Thread.currentThread().interrupt();
        } finally {
            ami.hungUp();
        }
    }

    /** The channel exists (AMI lists it) before AGI() connects to Hotline. */
    private Socket enter() throws IOException {
        entered.accept(ami.entered());
        return asterisk.connect();
    }

    private void serve() throws IOException, InterruptedException {
        while (true) {
            switch (inputs.take()) {
                case CallerGone gone -> {
                    if (!dead) {
                        callerHangsUp();
                        send("HANGUP\n");
                    }
                }
                case HotlineClosed closed -> {
                    // Asterisk answers the half-close with HANGUP and closes, whether or not the channel is still up
                    send("HANGUP\n");
                    return;
                }
                case Line line -> {
                    call.received(line.text());
                    boolean wasDead = dead;
                    send(execute(line.text()));
                    if (dead && !wasDead) {
                        send("HANGUP\n");
                    }
                    call.replied();
                }
            }
        }
    }

    private void readLines(InputStream in) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            for (int b = in.read(); b >= 0; b = in.read()) {
                if (b == '\n') {
                    inputs.add(new Line(line.toString(StandardCharsets.UTF_8)));
                    line.reset();
                } else {
                    line.write(b);
                }
            }
        } catch (IOException e) {
            // the connection is gone either way: the session ends as if Hotline had closed it
        }
        inputs.add(new HotlineClosed());
    }

    private void send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private void callerHangsUp() {
        dead = true;
        callerHungUp = true;
        ami.hungUp();
    }

    // ------------------------------------------------------------------------------------------ commands

    private String execute(String line) throws IOException {
        List<String> words = AsteriskWords.split(line);
        if (words.isEmpty()) {
            return INVALID;
        }
        String first = words.getFirst().toUpperCase(Locale.ROOT);
        String second = words.size() > 1 ? words.get(1).toUpperCase(Locale.ROOT) : "";
        return switch (first) {
            case "ANSWER" -> live(() -> {
                answered = true;
                ami.answered();
                return "200 result=0\n";
            });
            case "HANGUP" -> {
                if (!dead) {
                    dead = true;
                    hotlineHungUp = true;
                    ami.hungUp();
                }
                yield "200 result=1\n";
            }
            case "NOOP" -> "200 result=0\n";
            case "VERBOSE" -> words.size() >= 2 ? "200 result=1\n" : AgiUsage.of("VERBOSE");
            case "CHANNEL" -> second.equals("STATUS") ? live(() -> answered ? "200 result=6\n" : "200 result=4\n")
                    : INVALID;
            case "STREAM" -> !second.equals("FILE") ? INVALID
                    : words.size() >= 4 ? live(() -> streamFile(words.get(2), words.get(3)))
                    : AgiUsage.of("STREAM FILE");
            case "GET" -> switch (second) {
                case "DATA" -> words.size() >= 3
                        ? live(() -> getData(arg(words, 3, "6000"), Integer.parseInt(arg(words, 4, "1024"))))
                        : AgiUsage.of("GET DATA");
                case "VARIABLE" -> words.size() >= 3 ? variable(words.get(2)) : AgiUsage.of("GET VARIABLE");
                case "FULL" -> words.size() >= 4 && words.get(2).equalsIgnoreCase("VARIABLE")
                        ? "200 result=1 (" + substitute(words.get(3)) + ")\n" : AgiUsage.of("GET FULL VARIABLE");
                default -> INVALID;
            };
            case "SET" -> switch (second) {
                case "VARIABLE" -> {
                    if (words.size() < 4) {
                        yield AgiUsage.of("SET VARIABLE");
                    }
                    variables.put(words.get(2), words.get(3));
                    yield "200 result=1\n";
                }
                case "MUSIC" -> live(() -> "200 result=0\n");
                default -> INVALID;
            };
            case "WAIT" -> !second.equals("FOR") ? INVALID
                    : words.size() >= 4 ? live(() -> waitForDigit(Long.parseLong(words.get(3))))
                    : AgiUsage.of("WAIT FOR DIGIT");
            case "SAY" -> live(() -> played("200 result=0\n"));
            case "RECORD" -> live(() -> played("200 result=0 (timeout) endpos=" + promptSamples() + "\n"));
            case "EXEC" -> words.size() >= 2 ? exec(words.get(1), words.size() > 2 ? words.get(2) : "")
                    : AgiUsage.of("EXEC");
            default -> INVALID;
        };
    }

    @FunctionalInterface
    private interface LiveCommand {
        String run() throws IOException;
    }

    /** A command that needs a live channel: 511 once the channel is hung up (GET/SET VARIABLE and EXEC do not). */
    private String live(LiveCommand command) throws IOException {
        return dead ? DEAD : command.run();
    }

    private String streamFile(String sound, String escapeDigits) {
        if (!asterisk.soundExists(sound)) {
            return "200 result=-1 endpos=0\n";
        }
        Optional<Character> key = keypad.interrupt(escapeDigits);
        if (key.isPresent()) {
            return "200 result=" + (int) key.get() + " endpos=" + promptSamples() / 2 + "\n";
        }
        if (callerGoneWithin(timing.prompt())) {
            callerHangsUp();
            return "200 result=-1 endpos=" + promptSamples() / 2 + "\n";
        }
        return "200 result=0 endpos=" + promptSamples() + "\n";
    }

    private String getData(String timeoutMillis, int maxDigits) {
        Optional<String> entry = keypad.entry(maxDigits);
        if (entry.isPresent()) {
            return "200 result=" + entry.get() + "\n";
        }
        if (callerGoneWithin(timing.prompt().plus(millis(Long.parseLong(timeoutMillis))))) {
            callerHangsUp();
            return "200 result=-1\n";
        }
        return "200 result= (timeout)\n";
    }

    private String waitForDigit(long timeoutMillis) {
        Optional<Character> key = keypad.digit();
        if (key.isPresent()) {
            return "200 result=" + (int) key.get() + "\n";
        }
        if (callerGoneWithin(timeoutMillis < 0 ? null : millis(timeoutMillis))) {
            callerHangsUp();
            return "200 result=-1\n";
        }
        return "200 result=0\n";
    }

    /** A prompt that plays to its end unless the caller hangs up meanwhile. */
    private String played(String reply) {
        if (callerGoneWithin(timing.prompt())) {
            callerHangsUp();
            return "200 result=-1\n";
        }
        return reply;
    }

    private String variable(String name) {
        String value = switch (name.toUpperCase(Locale.ROOT)) {
            case "CALLERID(NUM)" -> call.caller().callerId();
            case "CALLERID(NAME)" -> call.caller().callerIdName();
            default -> variables.get(name);
        };
        // an unset variable is result=0; CALLERID(num) is a function and always answers, empty or not
        return value == null ? "200 result=0\n" : "200 result=1 (" + value + ")\n";
    }

    /** GET FULL VARIABLE's {@code ${...}} substitution, for the expressions a session might ask. */
    private String substitute(String expression) {
        return AsteriskWords.substitute(expression, name -> switch (name.toUpperCase(Locale.ROOT)) {
            case "CALLERID(ALL)" -> "\"" + call.caller().callerIdName() + "\" <" + call.caller().callerId() + ">";
            case "CALLERID(NUM)" -> call.caller().callerId();
            case "CALLERID(NAME)" -> call.caller().callerIdName();
            default -> variables.getOrDefault(name, "");
        });
    }

    private String exec(String application, String arguments) throws IOException {
        String app = application.toLowerCase(Locale.ROOT);
        if (!APPLICATIONS.contains(app)) {
            return "200 result=-2\n";
        }
        if (app.equals("dial")) {
            return dial(arguments);
        }
        if (dead) {
            // EXEC is allowed on a dead channel; Playback then returns 0 at once (agi-hangup-during-stream.txt)
            return "200 result=0\n";
        }
        return switch (app) {
            case "playback" -> played("200 result=0\n");
            case "voicemail" -> {
                // the greeting, the beep and the message: a caller who hangs up meanwhile ends the message, which
                // VoiceMail keeps, as it keeps one ended with #
                String reply = played("200 result=0\n");
                variables.put("VMSTATUS", "SUCCESS");
                yield reply;
            }
            default -> "200 result=0\n";
        };
    }

    // ------------------------------------------------------------------------------------------ Dial

    /** {@code Dial(endpoint[,ring timeout s[,options]])}: rings the simulated agent, then bridges or gives up. */
    private String dial(String arguments) throws IOException {
        String[] parts = arguments.split(",", -1);
        String endpoint = parts[0];
        Optional<Duration> giveUpAfter = parts.length > 1 && !parts[1].isBlank()
                ? Optional.of(timing.seconds(Double.parseDouble(parts[1]))) : Optional.empty();
        String options = parts.length > 2 ? parts[2] : "";
        if (dead) {
            return "200 result=-1\n";
        }
        SimulatedAgent agent = asterisk.agent(endpoint);
        if (!asterisk.startTalking(endpoint)) {
            // the phone is in another conversation: Dial gets BUSY at once
            return dialEnded(endpoint, "BUSY", false);
        }
        String agentChannel = endpoint + "-" + asterisk.nextChannelSuffix();
        try {
            ami.agentRinging(endpoint, agentChannel);
            Optional<Duration> answerAfter = agent.answerAfter().map(timing::real);
            boolean answers = answerAfter.isPresent()
                    && giveUpAfter.map(limit -> answerAfter.get().compareTo(limit) <= 0).orElse(true);
            if (!answers) {
                boolean gone = callerGoneWithin(giveUpAfter.orElse(null));
                ami.agentFree(endpoint, agentChannel, gone ? 16 : 19);
                return dialEnded(endpoint, gone ? "CANCEL" : "NOANSWER", gone);
            }
            if (callerGoneWithin(answerAfter.get())) {
                ami.agentFree(endpoint, agentChannel, 16);
                return dialEnded(endpoint, "CANCEL", true);
            }
            ami.agentAnswered(endpoint, agentChannel);
            AnsweredSubroutine.runIfAsked(asterisk, call, options, endpoint, agentChannel);
            call.agentAnswered(endpoint);
            long start = System.nanoTime();
            boolean gone = callerGoneWithin(timing.real(agent.talkFor()));
            variables.put("ANSWEREDTIME", Long.toString(
                    Math.round((System.nanoTime() - start) / (double) timing.second().toNanos())));
            variables.put("DIALSTATUS", "ANSWER");
            call.dialled(new DialAttempt(endpoint, "ANSWER"));
            ami.agentFree(endpoint, agentChannel, 16);
            if (gone) {
                callerHangsUp();
            }
            // Dial answers -1 when the bridge ends by a hang-up on either side (agi-moh-dial-hangup.txt)
            return "200 result=-1\n";
        } finally {
            asterisk.stopTalking(endpoint);
        }
    }

    private String dialEnded(String endpoint, String status, boolean callerGone) {
        variables.put("DIALSTATUS", status);
        variables.remove("ANSWEREDTIME");
        call.dialled(new DialAttempt(endpoint, status));
        if (callerGone) {
            callerHangsUp();
            return "200 result=-1\n";
        }
        return "200 result=0\n";
    }

    // ------------------------------------------------------------------------------------------ time

    /** Waits up to {@code limit} (null: until the caller hangs up); true if the caller hung up meanwhile. */
    private boolean callerGoneWithin(Duration limit) {
        try {
            if (limit == null) {
                call.callerGone().get();
            } else {
                call.callerGone().get(limit.toNanos(), TimeUnit.NANOSECONDS);
            }
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("the caller's hang-up failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private Duration millis(long asked) {
        return timing.seconds(asked / 1000.0);
    }

    private long promptSamples() {
        return Math.round(timing.promptSeconds() * SAMPLES_PER_SECOND);
    }

    private static String arg(List<String> words, int index, String otherwise) {
        return words.size() > index ? words.get(index) : otherwise;
    }
}
