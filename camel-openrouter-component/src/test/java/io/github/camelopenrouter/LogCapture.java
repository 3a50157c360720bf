package io.github.camelopenrouter;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * Everything logged while it is open, at every level: every log4j2 logger (Camel's, ours, the JDK's through SLF4J)
 * turned up to TRACE, java.util.logging (where the JDK's HttpClient and System.Logger write) turned up to ALL, and
 * whatever is printed to System.out and System.err. Closing restores the previous levels and streams.
 */
final class LogCapture implements AutoCloseable {

    private final StringBuffer text = new StringBuffer();
    private final LoggerContext log4j = (LoggerContext) LogManager.getContext(false);
    private final Map<LoggerConfig, Level> previousLevels = new HashMap<>();
    private final AbstractAppender appender;
    private final Handler julHandler;
    private final java.util.logging.Level previousJulLevel;
    private final PrintStream previousOut = System.out;
    private final PrintStream previousErr = System.err;

    private LogCapture() {
        appender = new AbstractAppender("capture-everything", null,
                PatternLayout.newBuilder().withPattern("%-5level %logger - %msg%n%throwable").build(), true,
                Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                text.append(getLayout().toSerializable(event));
            }
        };
        appender.start();
        Configuration configuration = log4j.getConfiguration();
        configuration.addAppender(appender);
        for (LoggerConfig logger : configuration.getLoggers().values()) {
            previousLevels.put(logger, logger.getLevel());
            logger.setLevel(Level.ALL);
        }
        LoggerConfig root = configuration.getRootLogger();
        previousLevels.put(root, root.getLevel());
        root.setLevel(Level.ALL);
        root.addAppender(appender, Level.ALL, null);
        log4j.updateLoggers();

        julHandler = new Handler() {
            private final SimpleFormatter format = new SimpleFormatter();

            @Override
            public void publish(LogRecord record) {
                text.append("JUL ").append(format.format(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        julHandler.setLevel(java.util.logging.Level.ALL);
        java.util.logging.Logger julRoot = java.util.logging.Logger.getLogger("");
        previousJulLevel = julRoot.getLevel();
        julRoot.setLevel(java.util.logging.Level.ALL);
        julRoot.addHandler(julHandler);

        System.setOut(new PrintStream(new Tee(previousOut), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(previousErr), true, StandardCharsets.UTF_8));
    }

    static LogCapture everything() {
        return new LogCapture();
    }

    String text() {
        return text.toString();
    }

    @Override
    public void close() {
        System.setOut(previousOut);
        System.setErr(previousErr);
        java.util.logging.Logger julRoot = java.util.logging.Logger.getLogger("");
        julRoot.removeHandler(julHandler);
        julRoot.setLevel(previousJulLevel);
        Configuration configuration = log4j.getConfiguration();
        configuration.getRootLogger().removeAppender(appender.getName());
        previousLevels.forEach(LoggerConfig::setLevel);
        log4j.updateLoggers();
        appender.stop();
    }

    /** Copies what is printed into the capture, and on to the real stream. */
    private final class Tee extends OutputStream {
        private final PrintStream target;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        Tee(PrintStream target) {
            this.target = target;
        }

        @Override
        public synchronized void write(int b) {
            target.write(b);
            line.write(b);
            if (b == '\n') {
                flushLine();
            }
        }

        @Override
        public synchronized void flush() {
            flushLine();
            target.flush();
        }

        private void flushLine() {
            text.append(line.toString(StandardCharsets.UTF_8));
            line.reset();
        }
    }
}
