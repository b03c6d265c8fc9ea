package dev.hotline.bridge.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hotline.bridge.simulator.SimulatedAmiServer;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Several Asterisk servers at once, and the hand-off of their events to one consumer thread. */
class AmiPoolTest {

    private final SimulatedAmiServer north = SimulatedAmiServer.start(Map.of("acd", "north-secret"));
    private final SimulatedAmiServer south = SimulatedAmiServer.start(Map.of("acd", "south-secret"));
    private final ManualScheduler scheduler = new ManualScheduler();
    private AmiPool pool;

    @AfterEach
    void tearDown() {
        if (pool != null) {
            pool.close();
            scheduler.runDue();
        }
        north.close();
        south.close();
    }

    @Test
    void eachServerHasItsOwnConnectionAndItsEventsSayWhereTheyCameFrom() throws Exception {
        BlockingQueue<AmiEvent> events = new LinkedBlockingQueue<>();
        pool = AmiPool.create(servers(), settings -> scheduler, events::add, AmiStatusListener.NONE, 1000);
        pool.connectAll();
        scheduler.runDue();

        north.setDeviceState("PJSIP/1001", "INUSE");
        south.setDeviceState("PJSIP/2001", "RINGING");

        assertThat(pool.states()).containsExactly(Map.entry("north", AmiConnectionState.CONNECTED),
                Map.entry("south", AmiConnectionState.CONNECTED));
        // a connection's resynchronisation may still be listing its devices: a state can come twice, never wrong
        Set<AmiEvent.DeviceStateChanged> seen = new HashSet<>();
        for (int i = 0; i < 10 && seen.size() < 2; i++) {
            seen.add(nextDeviceState(events));
        }
        assertThat(seen).containsExactlyInAnyOrder(
                new AmiEvent.DeviceStateChanged("north", "PJSIP/1001", DeviceState.INUSE),
                new AmiEvent.DeviceStateChanged("south", "PJSIP/2001", DeviceState.RINGING));
    }

    @Test
    void theConsumerRunsOnTheHandOffThreadNotOnAsteriskJavasEventThread() throws Exception {
        BlockingQueue<String> threads = new LinkedBlockingQueue<>();
        pool = AmiPool.create(servers(), settings -> scheduler, event -> threads.add(Thread.currentThread().getName()),
                AmiStatusListener.NONE, 1000);
        pool.connectAll();
        scheduler.runDue();

        assertThat(threads.poll(5, TimeUnit.SECONDS)).isEqualTo("ami-events");
    }

    @Test
    void aStuckConsumerNeverStallsAmiEventsAreDroppedAndCountedInstead() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        pool = AmiPool.create(servers(), settings -> scheduler, event -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, AmiStatusListener.NONE, 2);
        pool.connectAll();
        scheduler.runDue();

        for (int i = 0; i < 20; i++) {
            north.setDeviceState("PJSIP/1001", i % 2 == 0 ? "INUSE" : "NOT_INUSE");
        }
        north.setDeviceState("PJSIP/1002", "BUSY");

        // Asterisk-Java's single event thread still delivers responses: the consumer does not hold it
        assertThat(pool.actions("north").deviceState("PJSIP/1002").toCompletableFuture().get(5, TimeUnit.SECONDS))
                .isEqualTo(DeviceState.BUSY);
        assertThat(eventually(() -> pool.droppedEvents() >= 18)).isTrue();
        release.countDown();
    }

    @Test
    void askingForAServerThatIsNotConfiguredNamesTheOnesThatAre() {
        pool = AmiPool.create(servers(), settings -> scheduler, event -> { }, AmiStatusListener.NONE, 10);

        assertThatThrownBy(() -> pool.actions("east")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no AMI server named 'east'; configured: north, south");
    }

    @Test
    void twoServersWithTheSameNameAreRefused() {
        AmiSettings one = AmiSettings.of("north", "127.0.0.1", north.port(), "acd", "north-secret");
        AmiSettings two = AmiSettings.of("north", "127.0.0.1", south.port(), "acd", "south-secret");

        assertThatThrownBy(() -> AmiPool.create(List.of(one, two), s -> scheduler, e -> { }, AmiStatusListener.NONE, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("AMI server name 'north' is used twice");
    }

    @Test
    void aServerAddedToTheConfigurationConnectsWhileTheOthersKeepTheirConnections() throws Exception {
        BlockingQueue<AmiEvent> events = new LinkedBlockingQueue<>();
        pool = AmiPool.create(servers().subList(0, 1), settings -> scheduler, events::add, AmiStatusListener.NONE,
                1000);
        pool.connectAll();
        scheduler.runDue();
        AmiActions northBefore = pool.actions("north");

        List<String> changes = pool.reconfigure(servers());
        scheduler.runDue();

        assertThat(changes).containsExactly("south added");
        assertThat(pool.states()).containsExactly(Map.entry("north", AmiConnectionState.CONNECTED),
                Map.entry("south", AmiConnectionState.CONNECTED));
        assertThat(pool.actions("north")).as("north's connection untouched").isSameAs(northBefore);
        assertThat(north.successfulLogins()).isEqualTo(1);
        south.setDeviceState("PJSIP/2001", "INUSE");
        assertThat(nextDeviceState(events)).isEqualTo(
                new AmiEvent.DeviceStateChanged("south", "PJSIP/2001", DeviceState.INUSE));
    }

    @Test
    void aServerRemovedFromTheConfigurationIsLoggedOffAndWhatItReportedIsDeclaredLost() throws Exception {
        BlockingQueue<AmiEvent> events = new LinkedBlockingQueue<>();
        pool = AmiPool.create(servers(), settings -> scheduler, events::add, AmiStatusListener.NONE, 1000);
        pool.connectAll();
        scheduler.runDue();

        List<String> changes = pool.reconfigure(servers().subList(0, 1));
        scheduler.runDue();

        assertThat(changes).containsExactly("south removed");
        assertThat(pool.states()).containsOnlyKeys("north");
        assertThat(eventually(() -> south.connectedClients() == 0)).as("south logged off").isTrue();
        assertThat(nextOf(events, AmiEvent.ConnectionLost.class))
                .isEqualTo(new AmiEvent.ConnectionLost("south", "removed from the configuration"));
        assertThatThrownBy(() -> pool.actions("south")).hasMessage("no AMI server named 'south'; configured: north");
    }

    @Test
    void aServerWhoseSecretChangedReconnectsWithTheNewOne() throws Exception {
        SimulatedAmiServer rotated = SimulatedAmiServer.start(Map.of("acd", "new-north-secret"));
        try {
            BlockingQueue<AmiEvent> events = new LinkedBlockingQueue<>();
            pool = AmiPool.create(List.of(AmiSettings.of("north", "127.0.0.1", north.port(), "acd", "north-secret")),
                    settings -> scheduler, events::add, AmiStatusListener.NONE, 1000);
            pool.connectAll();
            scheduler.runDue();

            List<String> changes = pool.reconfigure(List.of(
                    AmiSettings.of("north", "127.0.0.1", rotated.port(), "acd", "new-north-secret")));
            scheduler.runDue();

            assertThat(changes).containsExactly("north changed: reconnecting with its new settings");
            assertThat(nextOf(events, AmiEvent.ConnectionLost.class)).isEqualTo(
                    new AmiEvent.ConnectionLost("north", "its settings changed in the configuration"));
            assertThat(pool.states()).containsExactly(Map.entry("north", AmiConnectionState.CONNECTED));
            assertThat(rotated.successfulLogins()).isEqualTo(1);
            assertThat(eventually(() -> north.connectedClients() == 0)).isTrue();
        } finally {
            pool.close();
            scheduler.runDue();
            pool = null;
            rotated.close();
        }
    }

    @Test
    void aNewConfigurationNamingAServerTwiceIsRefusedAndNothingChanges() {
        pool = AmiPool.create(servers(), settings -> scheduler, event -> { }, AmiStatusListener.NONE, 10);
        AmiSettings again = AmiSettings.of("north", "127.0.0.1", south.port(), "acd", "south-secret");

        assertThatThrownBy(() -> pool.reconfigure(List.of(servers().getFirst(), again)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("AMI server name 'north' is used twice");
        assertThat(pool.states()).containsOnlyKeys("north", "south");
    }

    private List<AmiSettings> servers() {
        return List.of(AmiSettings.of("north", "127.0.0.1", north.port(), "acd", "north-secret"),
                AmiSettings.of("south", "127.0.0.1", south.port(), "acd", "south-secret"));
    }

    private static AmiEvent.DeviceStateChanged nextDeviceState(BlockingQueue<AmiEvent> events)
            throws InterruptedException {
        while (true) {
            AmiEvent event = events.poll(5, TimeUnit.SECONDS);
            assertThat(event).as("a DeviceStateChanged within 5 s").isNotNull();
            if (event instanceof AmiEvent.DeviceStateChanged changed) {
                return changed;
            }
        }
    }

    private static <T extends AmiEvent> T nextOf(BlockingQueue<AmiEvent> events, Class<T> type)
            throws InterruptedException {
        while (true) {
            AmiEvent event = events.poll(5, TimeUnit.SECONDS);
            assertThat(event).as("a %s within 5 s", type.getSimpleName()).isNotNull();
            if (type.isInstance(event)) {
                return type.cast(event);
            }
        }
    }

    /** Polls a condition that another thread makes true, for at most 5 s (no sleeping: it spins). */
    private static boolean eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.onSpinWait();
        }
        return true;
    }
}
