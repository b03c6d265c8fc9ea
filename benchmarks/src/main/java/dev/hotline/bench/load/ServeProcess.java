package dev.hotline.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code hotline serve} in a child JVM of its own, so its heap is its own: started from the shaded jar, watched
 * through its log file, measured with {@code jcmd} and {@code /proc}, stopped with SIGTERM like an operator would.
 */
final class ServeProcess implements AutoCloseable {

    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total (?:reserved )?\\d+K, (?:committed \\d+K, )?"
            + "used (\\d+)K");

    private final Process process;
    private final Path log;

    private ServeProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts the server and waits for its {@code ready:} log line. */
    static ServeProcess start(Path jar, String maxHeap, Path config, Path work) throws IOException {
        Path log = work.resolve("serve.log");
        List<String> command = new ArrayList<>(List.of(javaBinary("java"), "-Xmx" + maxHeap,
                "-Xlog:gc:file=" + work.resolve("gc.log"), "-jar", jar.toString(), "serve", "--config",
                config.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ServeProcess serve = new ServeProcess(process, log);
        serve.awaitLogLine(" ready: ", 60);
        return serve;
    }

    long pid() {
        return process.pid();
    }

    /** Heap in use after a full collection, in bytes, from {@code jcmd GC.run} and {@code GC.heap_info}. */
    long heapUsedAfterFullGc() throws IOException, InterruptedException {
        jcmd("GC.run");
        String info = jcmd("GC.heap_info");
        Matcher used = HEAP_USED.matcher(info);
        if (!used.find()) {
            throw new IllegalStateException("jcmd GC.heap_info of " + pid() + " gave no heap figure:\n" + info);
        }
        return Long.parseLong(used.group(1)) * 1024;
    }

    /** The first {@code lines} classes of {@code jcmd GC.class_histogram} (live objects, by bytes), header included. */
    String histogram(int lines) throws IOException, InterruptedException {
        return jcmd("GC.class_histogram").lines().skip(1).limit(lines + 2L)
                .collect(Collectors.joining("\n"));
    }

    /** Live instances of a class (by its exact name) after the full collection {@code GC.class_histogram} makes. */
    long liveInstances(String className) throws IOException, InterruptedException {
        for (String line : jcmd("GC.class_histogram").lines().toList()) {
            String[] columns = line.trim().split("\\s+");
            if (columns.length >= 4 && columns[3].equals(className)) {
                return Long.parseLong(columns[1]);
            }
        }
        return 0; // a class with no live instance is not listed
    }

    /** Open sockets of the server process: its listener, and one per FastAGI session. */
    long openSockets() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid()), "fd"))) {
            return fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().startsWith("socket:");
                } catch (IOException closedMeanwhile) {
                    return false;
                }
            }).count();
        }
    }

    /** Threads of the server process, from {@code /proc/<pid>/status}. */
    long threads() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
            if (line.startsWith("Threads:")) {
                return Long.parseLong(line.substring("Threads:".length()).trim());
            }
        }
        throw new IllegalStateException("/proc/" + pid() + "/status has no Threads line");
    }

    /** Waits until the server's log has a line containing {@code text}. */
    void awaitLogLine(String text, int seconds) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!Files.exists(log) || !Files.readString(log, StandardCharsets.UTF_8).contains(text)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("hotline serve exited with " + process.exitValue()
                        + " before logging '" + text.strip() + "'; its log: " + log);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("hotline serve did not log '" + text.strip() + "' within " + seconds
                        + " s; its log: " + log);
            }
            LockSupport.parkNanos(50_000_000);
        }
    }

    /**
     * Sends SIGTERM and waits for the server's last shutdown line; the JVM then exits with 143 (128 + SIGTERM) after
     * its shutdown hook, which is a clean stop.
     *
     * @throws IllegalStateException if it does not stop, or stops without closing its journal
     */
    void stop() throws InterruptedException, IOException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("hotline serve did not stop within 60 s of SIGTERM; its log: " + log);
        }
        int exit = process.exitValue();
        if (exit != 0 && exit != 143) {
            throw new IllegalStateException("hotline serve exited with " + exit + " on SIGTERM; its log: " + log);
        }
        awaitLogLine("shutdown: journal flushed and closed", 1);
    }

    private String jcmd(String what) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(javaBinary("jcmd"), Long.toString(pid()), what).redirectErrorStream(true)
                .start();
        String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (jcmd.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + pid() + " " + what + " failed: " + out);
        }
        return out;
    }

    private static String javaBinary(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
