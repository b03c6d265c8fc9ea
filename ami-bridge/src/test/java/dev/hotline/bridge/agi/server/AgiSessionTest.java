package dev.hotline.bridge.agi.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.bridge.agi.AgiCommand;
import dev.hotline.bridge.agi.AgiCommands;
import dev.hotline.bridge.agi.AgiEnvironment;
import dev.hotline.bridge.agi.AgiReply;
import dev.hotline.bridge.agi.AgiTranscript;
import dev.hotline.bridge.agi.FixtureCommands;
import dev.hotline.bridge.agi.server.internal.AgiPipeline;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One FastAGI session in memory: the whole pipeline on an embedded channel, Asterisk played by the test. */
class AgiSessionTest {

    private static final FastAgiSettings SETTINGS = FastAgiSettings.defaults();
    private static final AgiReply.Success OK = new AgiReply.Success("0", Optional.empty(), OptionalLong.empty());

    /** The session under test and what its script saw. */
    private static final class Call {
        final DuplexEmbeddedChannel wire;
        AgiChannel agi;
        AgiEnvironment environment;
        int hangups;

        Call(FastAgiSettings settings) {
            this(settings, agiChannel -> { });
        }

        Call(FastAgiSettings settings, Consumer<AgiChannel> script) {
            wire = new DuplexEmbeddedChannel(new ChannelInitializer<Channel>() {
                @Override
                protected void initChannel(Channel channel) {
                    AgiPipeline.configure(channel.pipeline(), settings, (agiChannel, env) -> {
                        agi = agiChannel;
                        environment = env;
                        agiChannel.onHangup(() -> hangups++);
                        script.accept(agiChannel);
                    });
                }
            });
            wire.freezeTime();
        }

        void asterisk(String text) {
            asterisk(text.getBytes(StandardCharsets.UTF_8));
        }

        void asterisk(byte[] bytes) {
            wire.writeInbound(Unpooled.copiedBuffer(bytes));
        }

        String sent() {
            return new String(drain(), StandardCharsets.UTF_8);
        }

        byte[] drain() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (ByteBuf buf = wire.readOutbound(); buf != null; buf = wire.readOutbound()) {
                byte[] bytes = new byte[buf.readableBytes()];
                buf.readBytes(bytes);
                buf.release();
                out.writeBytes(bytes);
            }
            return out.toByteArray();
        }

        CompletableFuture<AgiReply> send(AgiCommand command) {
            return agi.send(command).toCompletableFuture();
        }
    }

    private static Call answeredCall() {
        Call call = new Call(SETTINGS);
        call.asterisk(AgiTranscript.load("agi-hangup-midcommand").environmentBytes());
        return call;
    }

    static Stream<Arguments> scriptedFixtures() {
        return AgiTranscript.NAMES.stream().filter(name -> !name.equals("agi-errors"))
                .flatMap(name -> Stream.of(3L, 17L).map(seed -> Arguments.of(name, seed)));
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("scriptedFixtures")
    void aScriptSendingTheCapturedCommandsProducesTheCapturedSessionByteForByte(String fixture, long seed) {
        AgiTranscript transcript = AgiTranscript.load(fixture);
        List<AgiCommand> commands = FixtureCommands.commands(fixture);
        List<AgiReply> replies = new ArrayList<>();
        Random chunks = new Random(seed);
        Call call = new Call(SETTINGS, agi -> sendInTurn(agi, commands, 0, replies));
        ByteArrayOutputStream sent = new ByteArrayOutputStream();

        for (AgiTranscript.Step step : transcript.steps()) {
            switch (step) {
                case AgiTranscript.FromAsterisk asterisk -> writeInChunks(call, asterisk.bytes(), chunks);
                case AgiTranscript.FromServer server -> sent.writeBytes(call.drain());
                case AgiTranscript.ServerEof eof -> assertThat(call.wire.isOutputShutdown()).isTrue();
                case AgiTranscript.AsteriskEof eof -> call.wire.close();
            }
        }
        sent.writeBytes(call.drain());

        assertThat(sent.toByteArray()).isEqualTo(transcript.rawServer());
        assertThat(replies).hasSameSizeAs(commands).doesNotContain(new AgiReply.Trying());
        assertThat(call.hangups).isEqualTo(1);
    }

    private static void sendInTurn(AgiChannel agi, List<AgiCommand> commands, int index, List<AgiReply> replies) {
        if (index == commands.size()) {
            agi.close();
            return;
        }
        agi.send(commands.get(index)).thenAccept(reply -> {
            replies.add(reply);
            sendInTurn(agi, commands, index + 1, replies);
        });
    }

    private static void writeInChunks(Call call, byte[] bytes, Random random) {
        for (int offset = 0; offset < bytes.length; ) {
            int length = Math.min(1 + random.nextInt(30), bytes.length - offset);
            call.wire.writeInbound(Unpooled.copiedBuffer(bytes, offset, length));
            offset += length;
        }
    }

    @Test
    void theScriptStartsWithTheEnvironmentOnceTheEmptyLineArrives() {
        Call call = answeredCall();

        assertThat(call.environment.channel()).isEqualTo("Local/4008001000@pstn-trunk-00000002;2");
        assertThat(call.environment.callerId()).contains("13800138000");
        assertThat(call.hangups).isZero();
    }

    @Test
    void commandsSentTogetherGoOnTheWireOneAtATimeInOrder() {
        Call call = answeredCall();
        CompletableFuture<AgiReply> answer = call.send(AgiCommands.answer());
        CompletableFuture<AgiReply> queue = call.send(AgiCommands.setVariable("ACD_QUEUE", "sales"));
        CompletableFuture<AgiReply> music = call.send(AgiCommands.setMusicOn("default"));

        assertThat(call.sent()).isEqualTo("ANSWER\n");
        call.asterisk("200 result=0\n");
        assertThat(answer).isCompletedWithValue(OK);
        assertThat(call.sent()).isEqualTo("SET VARIABLE ACD_QUEUE \"sales\"\n");
        call.asterisk("200 result=1\n");
        assertThat(queue.join()).isEqualTo(new AgiReply.Success("1", Optional.empty(), OptionalLong.empty()));
        assertThat(call.sent()).isEqualTo("SET MUSIC ON default\n");
        call.asterisk("200 result=0\n");
        assertThat(music).isCompletedWithValue(OK);
    }

    @Test
    void aHangupWhileIdleFiresTheHangupCallbackOnceAndLaterCommandsGetTheir511() {
        Call call = answeredCall();
        call.send(AgiCommands.answer());
        call.asterisk("200 result=0\n");
        call.sent();

        call.asterisk("HANGUP\n");
        assertThat(call.hangups).isEqualTo(1);

        CompletableFuture<AgiReply> prompt = call.send(AgiCommands.streamFile("beep", ""));
        assertThat(call.sent()).isEqualTo("STREAM FILE beep \"\"\n");
        call.asterisk("511 Command Not Permitted on a dead channel or intercept routine\n");
        assertThat(prompt).isCompletedWithValue(new AgiReply.DeadChannel());

        call.asterisk("HANGUP\n");
        assertThat(call.hangups).isEqualTo(1);
    }

    @Test
    void aHangupWhileACommandIsPendingCompletesNothingAndTheCommandKeepsItsOwnReply() {
        Call call = answeredCall();
        CompletableFuture<AgiReply> waiting = call.send(AgiCommands.waitForDigit(Duration.ofSeconds(30)));

        call.asterisk("HANGUP\n");
        assertThat(call.hangups).isEqualTo(1);
        assertThat(waiting).isNotDone();

        call.asterisk("200 result=-1\n");
        assertThat(waiting).isCompletedWithValue(new AgiReply.Success("-1", Optional.empty(), OptionalLong.empty()));
    }

    @Test
    void aHangupListenerAddedAfterTheHangupRunsAtOnce() {
        Call call = answeredCall();
        call.asterisk("HANGUP\n");
        List<String> heard = new ArrayList<>();

        call.agi.onHangup(() -> heard.add("hung up"));

        assertThat(heard).containsExactly("hung up");
    }

    @Test
    void a100TryingDoesNotCompleteTheCommandItsFinalReplyDoes() {
        Call call = answeredCall();
        CompletableFuture<AgiReply> gosub = call.send(new AgiCommand("GOSUB announce s 1"));

        call.asterisk("100 result=0 Trying...\n");
        assertThat(gosub).isNotDone();
        call.asterisk("200 result=0 Gosub complete\n");
        assertThat(gosub).isCompletedWithValue(new AgiReply.Success("0", Optional.of("Gosub complete"), OptionalLong.empty()));
    }

    @Test
    void closingFailsCommandsNotYetSentWhileTheOneOnTheWireStillGetsItsReply() {
        Call call = answeredCall();
        CompletableFuture<AgiReply> onWire = call.send(AgiCommands.answer());
        CompletableFuture<AgiReply> queued = call.send(AgiCommands.hangup());

        call.agi.close();

        assertThat(queued).isCompletedExceptionally();
        assertThatFailure(queued).isEqualTo("FastAGI session Local/4008001000@pstn-trunk-00000002;2 (1795413037.5) "
                + "was closed by Hotline before 'HANGUP' was sent");
        assertThat(call.wire.isOutputShutdown()).isFalse();
        call.asterisk("200 result=0\n");
        assertThat(onWire).isCompletedWithValue(OK);
        assertThat(call.wire.isOutputShutdown()).isTrue();
        assertThat(call.sent()).isEqualTo("ANSWER\n");
        assertThatFailure(call.send(AgiCommands.answer())).isEqualTo("FastAGI session "
                + "Local/4008001000@pstn-trunk-00000002;2 (1795413037.5) is closed; 'ANSWER' was not sent");
    }

    @Test
    void whenAsteriskClosesAfterTheEndNoTimerOfTheSessionIsLeftToHoldItOnTheHeap() {
        Call call = answeredCall();
        call.agi.close();
        assertThat(call.wire.isOutputShutdown()).isTrue();
        assertThat(call.wire.runScheduledPendingTasks()).as("the close grace timer is pending").isPositive();

        call.asterisk("HANGUP\n");
        // the transport's close, as when Asterisk closes: EmbeddedChannel.close() would cancel every timer itself
        call.wire.unsafe().close(call.wire.voidPromise());
        call.wire.runPendingTasks();

        assertThat(call.wire.runScheduledPendingTasks()).as("nanoseconds to the next timer, -1 for none").isEqualTo(-1);
    }

    @Test
    void aConnectionLostMidCommandFailsTheCommandNamingItAndCountsAsTheHangup() {
        Call call = answeredCall();
        CompletableFuture<AgiReply> waiting = call.send(AgiCommands.waitForDigit(Duration.ofSeconds(30)));

        call.wire.close();

        assertThatFailure(waiting).isEqualTo("FastAGI session Local/4008001000@pstn-trunk-00000002;2 (1795413037.5) "
                + "ended before the reply to 'WAIT FOR DIGIT 30000'");
        assertThat(call.hangups).isEqualTo(1);
    }

    @Test
    void aReplyWithNoCommandPendingEndsTheSession() {
        Call call = answeredCall();

        call.asterisk("200 result=0\n");

        assertThat(call.wire.isActive()).isFalse();
        assertThat(call.hangups).isEqualTo(1);
    }

    @Test
    void anOversizedLineClosesThatSessionAndNoOther() {
        FastAgiSettings settings = new FastAgiSettings("127.0.0.1", 0, 64, 128, Duration.ofSeconds(10), Duration.ofHours(4), 10);
        Call flooding = new Call(settings);
        Call calm = new Call(settings);
        byte[] environment = AgiTranscript.load("agi-env-no-callerid").environmentBytes();
        flooding.asterisk(environment);
        calm.asterisk(environment);
        CompletableFuture<AgiReply> calmAnswer = calm.send(AgiCommands.answer());
        CompletableFuture<AgiReply> floodingAnswer = flooding.send(AgiCommands.answer());

        flooding.asterisk("200 result=1 (" + "x".repeat(100));
        calm.asterisk("200 result=0\n");

        assertThat(flooding.wire.isActive()).isFalse();
        assertThatFailure(floodingAnswer).endsWith("ended before the reply to 'ANSWER'");
        assertThat(calm.wire.isActive()).isTrue();
        assertThat(calmAnswer).isCompletedWithValue(OK);
    }

    @Test
    void tooManyEnvironmentLinesCloseTheConnectionBeforeAnyScriptStarts() {
        FastAgiSettings settings = new FastAgiSettings("127.0.0.1", 0, 8192, 10, Duration.ofSeconds(10), Duration.ofHours(4), 10);
        Call call = new Call(settings);

        call.asterisk(AgiTranscript.load("agi-session-basic").environmentBytes());

        assertThat(call.wire.isActive()).isFalse();
        assertThat(call.agi).isNull();
    }

    @Test
    void aSessionSilentForTheIdleTimeoutIsClosed() {
        Call call = answeredCall();
        call.send(AgiCommands.exec("StartMusicOnHold", "default"));
        call.asterisk("200 result=0\n");

        call.wire.advanceTimeBy(SETTINGS.idleTimeout().toMinutes() - 1, TimeUnit.MINUTES);
        call.wire.runPendingTasks();
        assertThat(call.wire.isActive()).isTrue();

        call.wire.advanceTimeBy(2, TimeUnit.MINUTES);
        call.wire.runPendingTasks();
        assertThat(call.wire.isActive()).isFalse();
        assertThat(call.hangups).isEqualTo(1);
    }

    @Test
    void anAsteriskThatStopsAnsweringACommandItRunsAtOnceIsLeftWithinTenSecondsAndSaidSo() {
        // a frozen Asterisk or a cut network sends no HANGUP either: the caller would hold a queue place and, offered
        // an agent, an agent for hours
        Call call = answeredCall();
        CompletableFuture<AgiReply> stop = call.send(AgiCommands.exec("StopMusicOnHold"));

        call.wire.advanceTimeBy(9, TimeUnit.SECONDS);
        call.wire.runPendingTasks();
        assertThat(call.wire.isActive()).isTrue();
        assertThat(call.agi.endedWithoutHangUp()).isEmpty();

        call.wire.advanceTimeBy(2, TimeUnit.SECONDS);
        call.wire.runPendingTasks();
        assertThat(call.wire.isActive()).isFalse();
        assertThat(call.hangups).isEqualTo(1);
        assertThat(call.agi.endedWithoutHangUp()).contains("Asterisk did not answer 'EXEC StopMusicOnHold' within PT10S "
                + "(stalled, or the connection is cut)");
        assertThat(stop).isCompletedExceptionally();
    }

    @Test
    void aCommandAnsweredInTimeAndAConversationOfHoursKeepTheSession() {
        Call call = answeredCall();
        call.send(AgiCommands.exec("StopMusicOnHold"));
        call.wire.advanceTimeBy(5, TimeUnit.SECONDS);
        call.asterisk("200 result=0\n");
        call.send(AgiCommands.exec("Dial", "PJSIP/1001", "20"));

        call.wire.advanceTimeBy(3, TimeUnit.HOURS);
        call.wire.runPendingTasks();

        assertThat(call.wire.isActive()).as("Dial lasts the conversation").isTrue();
        assertThat(call.hangups).isZero();
    }

    @Test
    void aCallerWhoHangsUpIsNotSaidToHaveBeenCutShortByHotline() {
        Call call = answeredCall();
        call.send(AgiCommands.exec("StopMusicOnHold"));
        call.asterisk("HANGUP\n");
        call.wire.advanceTimeBy(1, TimeUnit.MINUTES);
        call.wire.runPendingTasks();

        assertThat(call.hangups).isEqualTo(1);
        assertThat(call.agi.endedWithoutHangUp()).isEmpty();
    }

    @Test
    void aConnectionAsteriskClosesWithoutAHangupLineIsNotACallerHangingUp() {
        // Asterisk says HANGUP whenever the caller hangs up, under music on hold too: a close without one is Asterisk
        // gone (a crash closes its sockets) or the network cut
        Call call = answeredCall();
        call.send(AgiCommands.exec("StartMusicOnHold", "default"));
        call.asterisk("200 result=0\n");

        call.wire.close();

        assertThat(call.hangups).isEqualTo(1);
        assertThat(call.agi.endedWithoutHangUp()).contains("the FastAGI connection closed without a HANGUP line "
                + "(Asterisk stopped, or the network cut it)");
    }

    @Test
    void aConnectionResetWithoutAHangupLineIsNotACallerHangingUpEither() {
        Call call = answeredCall();

        call.wire.pipeline().fireExceptionCaught(new java.io.IOException("Connection reset by peer"));

        assertThat(call.wire.isActive()).isFalse();
        assertThat(call.hangups).isEqualTo(1);
        assertThat(call.agi.endedWithoutHangUp()).contains("the FastAGI connection failed without a HANGUP line "
                + "(Connection reset by peer)");
    }

    @Test
    void aConnectionClosedAfterTheCallersHangupLineIsTheCallerHangingUp() {
        Call call = answeredCall();
        call.asterisk("HANGUP\n");

        call.wire.close();

        assertThat(call.hangups).isEqualTo(1);
        assertThat(call.agi.endedWithoutHangUp()).isEmpty();
    }

    @Test
    void aReplyWithNoCommandPendingClosesTheSessionAsHotlinesDoing() {
        Call call = answeredCall();
        call.asterisk("200 result=0\n");

        assertThat(call.wire.isActive()).isFalse();
        assertThat(call.agi.endedWithoutHangUp()).contains("Asterisk sent reply 200 result=0 with no command pending");
    }

    @Test
    void aConnectionThatDoesNotFinishItsEnvironmentInTimeIsClosed() {
        Call call = new Call(SETTINGS);
        call.asterisk("agi_network: yes\n");

        call.wire.advanceTimeBy(SETTINGS.environmentTimeout().toSeconds() + 1, TimeUnit.SECONDS);
        call.wire.runPendingTasks();

        assertThat(call.wire.isActive()).isFalse();
        assertThat(call.agi).isNull();
    }

    private static AbstractStringAssert<?> assertThatFailure(CompletionStage<AgiReply> reply) {
        Throwable failure = reply.toCompletableFuture().handle((ok, error) -> error).join();
        if (failure instanceof CompletionException wrapped) {
            failure = wrapped.getCause();
        }
        assertThat(failure).isInstanceOf(AgiChannelClosedException.class);
        return assertThat(failure.getMessage());
    }
}
