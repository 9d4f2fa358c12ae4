package org.signkit.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.signkit.core.Json;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

/**
 * Keeps forged and malformed messages away from the kernel. jupyter-jvm-basekernel 2.3.0 reads a shell or control
 * message in its channel thread and lets a bad signature ({@code SecurityException}) or unparsable JSON escape,
 * which ends that thread for good: one forged message and the kernel stops answering. So the kernel's shell and
 * control sockets listen on private ports, and this guard owns the ports Jupyter connects to: it checks each
 * request's framing, HMAC signature and JSON, logs and drops what fails, and forwards the rest (ROUTER → DEALER,
 * replies back the same way, so the identities route as with a direct connection).
 */
final class MessageGuard implements AutoCloseable {

    private static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);

    private final ZContext context = new ZContext();
    private final byte[] key;
    private final List<Thread> threads;

    /**
     * Guards the shell and control ports of {@code connection} (a connection file's JSON); returns the connection
     * the kernel itself must use, with those two ports replaced by private ones.
     */
    static Map.Entry<MessageGuard, String> around(String connection) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> c = Json.mapper().readValue(connection, Map.class);
        String transport = String.valueOf(c.get("transport"));
        String ip = String.valueOf(c.get("ip"));
        Map<String, Object> inner = new java.util.LinkedHashMap<>(c);
        inner.put("shell_port", freePort());
        inner.put("control_port", freePort());
        MessageGuard g = new MessageGuard(String.valueOf(c.getOrDefault("key", "")).getBytes(StandardCharsets.UTF_8),
                List.of(new String[] {"shell", address(transport, ip, c.get("shell_port")), address(transport, ip, inner.get("shell_port"))},
                        new String[] {"control", address(transport, ip, c.get("control_port")),
                                address(transport, ip, inner.get("control_port"))}));
        return Map.entry(g, Json.mapper().writeValueAsString(inner));
    }

    private MessageGuard(byte[] key, List<String[]> channels) {
        this.key = key;
        this.threads = channels.stream().map(ch -> {
            ZMQ.Socket front = context.createSocket(SocketType.ROUTER);
            front.bind(ch[1]);
            ZMQ.Socket back = context.createSocket(SocketType.DEALER);
            back.connect(ch[2]);
            Thread t = new Thread(() -> relay(ch[0], front, back), "guard-" + ch[0]);
            t.setDaemon(true);
            t.start();
            return t;
        }).toList();
    }

    private void relay(String channel, ZMQ.Socket front, ZMQ.Socket back) {
        ZMQ.Poller poller = context.createPoller(2);
        poller.register(front, ZMQ.Poller.POLLIN);
        poller.register(back, ZMQ.Poller.POLLIN);
        while (!Thread.currentThread().isInterrupted()) {
            try {
                if (poller.poll(200) < 0) {
                    break;
                }
                if (poller.pollin(0)) {
                    ZMsg msg = ZMsg.recvMsg(front);
                    String problem = msg == null ? null : problem(msg);
                    if (msg != null && problem == null) {
                        msg.send(back);
                    } else if (msg != null) {
                        System.err.println("signkit kernel: dropped a " + channel + " message: " + problem);
                        msg.destroy();
                    }
                }
                if (poller.pollin(1)) {
                    ZMsg reply = ZMsg.recvMsg(back);
                    if (reply != null) {
                        reply.send(front);
                    }
                }
            } catch (org.zeromq.ZMQException e) {
                break; // the context is closing
            } catch (RuntimeException e) {
                System.err.println("signkit kernel: " + channel + " guard: " + e);
            }
        }
    }

    /** Why a request must not reach the kernel, or null when it is well-formed and signed. */
    String problem(ZMsg msg) {
        byte[][] frames = msg.stream().map(f -> f.getData()).toArray(byte[][]::new);
        int d = 0;
        while (d < frames.length && !Arrays.equals(frames[d], DELIMITER)) {
            d++;
        }
        if (d >= frames.length || frames.length < d + 6) {
            return "not a Jupyter message (no <IDS|MSG> delimiter with signature, header, parent, metadata and content)";
        }
        byte[][] parts = Arrays.copyOfRange(frames, d + 2, d + 6);
        if (key.length > 0) {
            String expected = sign(parts);
            if (!expected.equals(new String(frames[d + 1], StandardCharsets.US_ASCII))) {
                return "invalid signature";
            }
        }
        try {
            for (byte[] p : parts) {
                if (!Json.mapper().readTree(p).isObject()) {
                    return "a part is not a JSON object";
                }
            }
            JsonNode header = Json.mapper().readTree(parts[0]);
            if (!header.path("msg_type").isTextual() || !header.path("msg_id").isTextual()) {
                return "the header has no msg_type or msg_id";
            }
        } catch (IOException e) {
            return "malformed JSON (" + e.getMessage().lines().findFirst().orElse("") + ")";
        }
        return null;
    }

    private String sign(byte[][] parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            for (byte[] p : parts) {
                mac.update(p);
            }
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static String address(String transport, String ip, Object port) {
        return transport + "://" + ip + ":" + port;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        threads.forEach(Thread::interrupt);
        context.close();
    }
}
