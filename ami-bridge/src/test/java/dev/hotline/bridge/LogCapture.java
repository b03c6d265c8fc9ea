package dev.hotline.bridge;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.LoggerFactory;

/**
 * Keeps what one logger writes, from any thread, while attached; the logger's level is raised to {@code level} and
 * restored on {@link #close()}. Lines read {@code LEVEL message}, the message with its arguments filled in.
 */
public final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    private final Logger logger;
    private final Level levelBefore;
    private final boolean additiveBefore;
    private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();

    private LogCapture(Class<?> source, Level level) {
        logger = (Logger) LoggerFactory.getLogger(source);
        levelBefore = logger.getLevel();
        additiveBefore = logger.isAdditive();
        setName("capture");
        setContext(logger.getLoggerContext());
        start();
        logger.addAppender(this);
        logger.setLevel(level);
        logger.setAdditive(false); // hundreds of expected warnings stay off the console
    }

    public static LogCapture of(Class<?> source, Level level) {
        return new LogCapture(source, level);
    }

    @Override
    protected void append(ILoggingEvent event) {
        lines.add(event.getLevel() + " " + event.getFormattedMessage());
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        logger.detachAppender(this);
        logger.setLevel(levelBefore);
        logger.setAdditive(additiveBefore);
        stop();
    }
}
