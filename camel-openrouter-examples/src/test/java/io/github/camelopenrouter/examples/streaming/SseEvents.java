package io.github.camelopenrouter.examples.streaming;

import java.util.List;
import java.util.stream.Stream;

/**
 * A client's view of a server-sent event stream, read line by line as it arrives, the way a browser's EventSource does:
 * {@code event:}, {@code id:} and {@code data:} fields (data lines joined with LF), a blank line ending each event.
 * Shared by the streaming example's test and the docs test that runs the example's command.
 */
public final class SseEvents {

    /** One event: {@code name} is null for a plain data event (a delta of the example). */
    public record Event(String name, String id, String data) {
    }

    private SseEvents() {
    }

    /** Adds each event to {@code events} as soon as its blank line arrives, until the stream ends. */
    public static void read(Stream<String> lines, List<Event> events) {
        String name = null;
        String id = null;
        StringBuilder data = null;
        for (String line : (Iterable<String>) lines::iterator) {
            if (line.isEmpty()) {
                if (data != null) {
                    events.add(new Event(name, id, data.toString()));
                }
                name = null;
                id = null;
                data = null;
            } else if (line.startsWith("event: ")) {
                name = line.substring(7);
            } else if (line.startsWith("id: ")) {
                id = line.substring(4);
            } else if (line.startsWith("data: ")) {
                data = data == null ? new StringBuilder(line.substring(6)) : data.append('\n').append(line.substring(6));
            }
        }
    }
}
