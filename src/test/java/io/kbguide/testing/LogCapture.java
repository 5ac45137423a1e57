package io.kbguide.testing;

import org.jboss.logmanager.ExtLogRecord;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The records one logger writes while a test runs: {@code try (LogCapture log = LogCapture.of(X.class)) {...}}. Each
 * record keeps the logging context (MDC) it was written with.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private final Logger logger;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private LogCapture(Logger logger) {
        this.logger = logger;
        logger.addHandler(this);
    }

    public static LogCapture of(Class<?> category) {
        return new LogCapture(Logger.getLogger(category.getName()));
    }

    public List<LogRecord> records() {
        return List.copyOf(records);
    }

    /** A record's message with its parameters filled in. */
    public static String text(LogRecord r) {
        return r instanceof ExtLogRecord ext ? ext.getFormattedMessage() : r.getMessage();
    }

    @Override
    public void publish(LogRecord r) {
        if (r instanceof ExtLogRecord ext) {
            ext.copyAll(); // the logging context as it is on the thread that wrote it
        }
        records.add(r);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
