package io.github.camelopenrouter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A forward HTTP proxy on loopback, as a corporate one behaves: {@code CONNECT host:port} opens a tunnel (HTTPS), an
 * absolute-form request ({@code POST http://host/path}) is forwarded, and with credentials set every request without the
 * right {@code Proxy-Authorization: Basic} gets {@code 407} and a {@code Proxy-Authenticate} challenge. It keeps what a
 * proxy operator could see: each request head it received and the bytes that went through its tunnels.
 */
final class TestProxy implements AutoCloseable {

    private final ServerSocket server;
    private final String expectedAuthorization;
    private final List<String> heads = Collections.synchronizedList(new ArrayList<>());
    private final ByteArrayOutputStream tunnelled = new ByteArrayOutputStream();
    private final List<Socket> open = Collections.synchronizedList(new ArrayList<>());

    private TestProxy(String username, String password) throws IOException {
        this.expectedAuthorization = username == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "test-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static TestProxy open() throws IOException {
        return new TestProxy(null, null);
    }

    static TestProxy requiringBasic(String username, String password) throws IOException {
        return new TestProxy(username, password);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Every request head the proxy received, in order: request line and headers, as sent. */
    List<String> heads() {
        synchronized (heads) {
            return List.copyOf(heads);
        }
    }

    /** All bytes clients sent through CONNECT tunnels, as the proxy saw them (TLS records, for HTTPS). */
    byte[] tunnelledBytes() {
        synchronized (tunnelled) {
            return tunnelled.toByteArray();
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                open.add(client);
                Thread handler = new Thread(() -> handle(client), "test-proxy-connection");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void handle(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                heads.add(head);
                String requestLine = head.substring(0, head.indexOf("\r\n"));
                String[] parts = requestLine.split(" ");
                if (expectedAuthorization != null && !expectedAuthorization.equals(header(head, "Proxy-Authorization"))) {
                    // as Squid does: a refused CONNECT closes the connection
                    boolean connect = parts[0].equals("CONNECT");
                    out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\n"
                               + (connect ? "Connection: close\r\n" : "") + "Content-Length: 0\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    if (connect) {
                        return;
                    }
                    continue;
                }
                if (parts[0].equals("CONNECT")) {
                    String[] target = parts[1].split(":");
                    Socket upstream = new Socket(target[0], Integer.parseInt(target[1]));
                    open.add(upstream);
                    out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    pipe(upstream.getInputStream(), out, false, false);
                    pipe(in, upstream.getOutputStream(), true, true);
                    return;
                }
                forward(head, parts, in, out);
                return;
            }
        } catch (IOException e) {
            // a client or upstream that went away: nothing to report
        }
    }

    /** Sends the request on in origin form without the proxy's own headers, then relays both ways until either closes. */
    private void forward(String head, String[] requestLine, InputStream in, OutputStream out) throws IOException {
        URI target = URI.create(requestLine[1]);
        Socket upstream = new Socket(target.getHost(), target.getPort());
        open.add(upstream);
        StringBuilder rewritten = new StringBuilder(requestLine[0] + " " + target.getRawPath()
                                                    + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery())
                                                    + " " + requestLine[2] + "\r\n");
        for (String line : head.substring(head.indexOf("\r\n") + 2).split("\r\n")) {
            String name = line.substring(0, line.indexOf(':')).toLowerCase(Locale.ROOT);
            if (!name.startsWith("proxy-") && !name.equals("connection")) {
                rewritten.append(line).append("\r\n");
            }
        }
        rewritten.append("Connection: close\r\n\r\n");
        upstream.getOutputStream().write(rewritten.toString().getBytes(StandardCharsets.ISO_8859_1));
        pipe(upstream.getInputStream(), out, false, false);
        pipe(in, upstream.getOutputStream(), false, true);
    }

    /** Relays on a thread of its own; {@code untilClosed} waits for the relay to end (the client's side keeps the socket). */
    private void pipe(InputStream from, OutputStream to, boolean record, boolean untilClosed) {
        Thread relay = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try {
                for (int read; (read = from.read(buffer)) >= 0;) {
                    if (record) {
                        synchronized (tunnelled) {
                            tunnelled.write(buffer, 0, read);
                        }
                    }
                    to.write(buffer, 0, read);
                    to.flush();
                }
                to.close();
            } catch (IOException closed) {
                // one side closed: the other follows
            }
        }, "test-proxy-relay");
        relay.setDaemon(true);
        relay.start();
        if (!untilClosed) {
            return;
        }
        try {
            relay.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        for (int b; (b = in.read()) >= 0;) {
            head.write(b);
            matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    private static String header(String head, String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        server.close();
        synchronized (open) {
            for (Socket socket : open) {
                socket.close();
            }
        }
    }
}
