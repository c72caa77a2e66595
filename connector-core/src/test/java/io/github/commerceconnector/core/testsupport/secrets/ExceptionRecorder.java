package io.github.commerceconnector.core.testsupport.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Records the message of every exception created in this JVM while the suite runs, caught ones included, with
 * the JDK Flight Recorder's {@code jdk.JavaExceptionThrow} and {@code jdk.JavaErrorThrow} events (each fired by
 * the {@code Throwable} constructor). {@link #sdkExceptions()} keeps those the SDK made: the exceptions whose
 * first frame outside the JDK is SDK main code ({@code io.github.commerceconnector}, not a test class).
 */
public final class ExceptionRecorder {
    private static final String SDK_PACKAGE = "io.github.commerceconnector.";
    private static final Map<String, Boolean> SDK_CLASSES = new ConcurrentHashMap<>();
    private static Recording recording;

    private ExceptionRecorder() {
    }

    /** Starts recording, once per JVM. */
    public static synchronized void start() {
        if (recording != null) {
            return;
        }
        Recording started = new Recording();
        started.setName("sdk-exceptions");
        started.enable("jdk.JavaExceptionThrow").withStackTrace();
        started.enable("jdk.JavaErrorThrow").withStackTrace();
        started.setToDisk(true);
        started.start();
        recording = started;
    }

    /** Whether recording runs. */
    public static synchronized boolean isRecording() {
        return recording != null;
    }

    /**
     * The messages of the exceptions the SDK made so far, each with its class and where it was made.
     *
     * @throws IllegalStateException if recording never started
     */
    public static synchronized Result sdkExceptions() {
        if (recording == null) {
            throw new IllegalStateException("The exception recorder was not started: the suite listener "
                    + "(SuiteWatch) is not registered");
        }
        try {
            Path dump = Files.createTempFile("sdk-exceptions", ".jfr");
            try {
                recording.dump(dump);
                return read(dump);
            } finally {
                Files.deleteIfExists(dump);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What the recording held.
     *
     * @param all     how many exceptions were created in the JVM in all
     * @param entries the SDK's, with their messages
     */
    public record Result(long all, List<CapturedText.Entry> entries) {
    }

    private static Result read(Path dump) throws IOException {
        long all = 0;
        List<CapturedText.Entry> entries = new ArrayList<>();
        try (RecordingFile file = new RecordingFile(dump)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                String type = event.getEventType().getName();
                if (!type.equals("jdk.JavaExceptionThrow") && !type.equals("jdk.JavaErrorThrow")) {
                    continue;
                }
                all++;
                String maker = maker(event.getStackTrace());
                String message = event.getString("message");
                if (maker != null && message != null) {
                    entries.add(new CapturedText.Entry("exception " + event.getClass("thrownClass").getName()
                            + " made in " + maker, message));
                }
            }
        }
        return new Result(all, entries);
    }

    /** The first frame outside the JDK when it is SDK main code, else {@code null}. */
    private static String maker(RecordedStackTrace trace) {
        if (trace == null) {
            return null;
        }
        for (RecordedFrame frame : trace.getFrames()) {
            String type = frame.getMethod().getType().getName();
            if (type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.")) {
                continue;
            }
            return isSdkMainCode(type) ? type + "." + frame.getMethod().getName() : null;
        }
        return null;
    }

    private static boolean isSdkMainCode(String className) {
        if (!className.startsWith(SDK_PACKAGE)) {
            return false;
        }
        return SDK_CLASSES.computeIfAbsent(className, name -> {
            try {
                CodeSource source = Class.forName(name, false, ExceptionRecorder.class.getClassLoader())
                        .getProtectionDomain().getCodeSource();
                URL location = source == null ? null : source.getLocation();
                return location != null && !location.getPath().contains("test-classes");
            } catch (ClassNotFoundException | LinkageError e) {
                return false;
            }
        });
    }
}
