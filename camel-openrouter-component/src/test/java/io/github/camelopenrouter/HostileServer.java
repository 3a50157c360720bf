package io.github.camelopenrouter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw HTTP/1.1 server on loopback for replies the simulator does not model: a body without end, a server that reads
 * the request headers and acts before reading the body, one that never answers. Each connection runs {@link Behaviour}
 * on its own daemon thread; the server counts connections.
 */
final class HostileServer implements AutoCloseable {

    @FunctionalInterface
    interface Behaviour {
        void serve(Request request, OutputStream out) throws Exception;
    }

    /** The request line and headers as read; the body is left in {@link #body()} for the behaviour to read. */
    record Request(String line, Map<String, String> headers, InputStream body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final ServerSocket server;
    private final AtomicInteger connections = new AtomicInteger();

    private HostileServer(Behaviour behaviour) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    connections.incrementAndGet();
                    Thread handler = new Thread(() -> {
                        try (socket) {
                            InputStream in = socket.getInputStream();
                            behaviour.serve(readHead(in), socket.getOutputStream());
                        } catch (Exception e) {
                            // the client closed the connection: what most behaviours wait for
                        }
                    }, "hostile-server-connection");
                    handler.setDaemon(true);
                    handler.start();
                } catch (IOException e) {
                    return;
                }
            }
        }, "hostile-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static HostileServer start(Behaviour behaviour) throws IOException {
        return new HostileServer(behaviour);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/api/v1";
    }

    int connections() {
        return connections.get();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private static Request readHead(InputStream in) throws IOException {
        String line = readLine(in);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = readLine(in); !header.isEmpty(); header = readLine(in)) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        return new Request(line, headers, in);
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    /** Reads and drops the request body announced by Content-Length. */
    static void skipBody(Request request) throws IOException {
        long length = Long.parseLong(request.header("Content-Length"));
        request.body().skipNBytes(length);
    }

    /** Blocks until the client closes the connection (or resets it). */
    static void awaitClose(Request request) {
        try {
            while (request.body().read() >= 0) {
                // drain
            }
        } catch (IOException e) {
            // reset: closed all the same
        }
    }
}
