package org.signkit.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.signkit.core.Json;

/**
 * Debian's Chromium, headless, driven over the DevTools protocol (a WebSocket, java.net.http): loads a
 * page, collects console errors and uncaught exceptions, checks that every image decoded, and takes a
 * screenshot. Started with the flags a closed network needs (no background networking, fresh profile).
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/bin/chromium");

    /** What loading a page showed. */
    record PageCheck(List<String> errors, int images, int brokenImages, byte[] screenshot) {
    }

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<String> errors = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile CompletableFuture<Void> loaded = new CompletableFuture<>();

    HeadlessChromium() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        profile = Files.createTempDirectory("signkit-chromium");
        process = new ProcessBuilder(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--user-data-dir=" + profile, "--remote-debugging-port=" + port, "--window-size=1200,900",
                "about:blank").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        HttpClient http = HttpClient.newHttpClient();
        String pageSocket = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (pageSocket == null) {
            try {
                JsonNode targets = Json.mapper().readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/json/list")).build(), HttpResponse.BodyHandlers.ofString()).body());
                for (JsonNode t : targets) {
                    if (t.path("type").asText().equals("page")) {
                        pageSocket = t.path("webSocketDebuggerUrl").asText();
                    }
                }
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("chromium did not open its DevTools port", e);
                }
                Thread.sleep(200);
            }
        }
        socket = http.newWebSocketBuilder().buildAsync(URI.create(pageSocket), new Listener()).get(30, TimeUnit.SECONDS);
        for (String domain : new String[] {"Page", "Runtime", "Log"}) {
            call(domain + ".enable", Json.mapper().createObjectNode());
        }
    }

    /** Loads {@code page}, waits for its load event, and checks it. */
    PageCheck check(Path page) throws Exception {
        loaded = new CompletableFuture<>();
        synchronized (errors) {
            errors.clear();
        }
        ObjectNode nav = Json.mapper().createObjectNode().put("url", page.toUri().toString());
        call("Page.navigate", nav);
        loaded.get(60, TimeUnit.SECONDS);
        JsonNode counts = call("Runtime.evaluate", Json.mapper().createObjectNode().put("returnByValue", true).put("expression",
                "JSON.stringify({n: document.images.length, broken: Array.from(document.images)"
                        + ".filter(i => !(i.complete && i.naturalWidth > 0)).length})"));
        JsonNode c = Json.mapper().readTree(counts.path("result").path("value").asText());
        JsonNode metrics = call("Page.getLayoutMetrics", Json.mapper().createObjectNode());
        double height = metrics.path("cssContentSize").path("height").asDouble(900);
        ObjectNode shot = Json.mapper().createObjectNode().put("format", "png").put("captureBeyondViewport", true);
        shot.putObject("clip").put("x", 0).put("y", 0).put("width", 1200).put("height", Math.min(height, 6000)).put("scale", 1);
        byte[] png = Base64.getDecoder().decode(call("Page.captureScreenshot", shot).path("data").asText());
        synchronized (errors) {
            return new PageCheck(List.copyOf(errors), c.path("n").asInt(), c.path("broken").asInt(), png);
        }
    }

    /** Evaluates a JavaScript expression in the loaded page; its value as a string. */
    String evaluate(String expression) throws Exception {
        JsonNode r = call("Runtime.evaluate", Json.mapper().createObjectNode().put("returnByValue", true).put("expression",
                "String(" + expression + ")"));
        return r.path("result").path("value").asText();
    }

    private JsonNode call(String method, ObjectNode params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        ObjectNode msg = Json.mapper().createObjectNode().put("id", id).put("method", method);
        msg.set("params", params);
        socket.sendText(Json.mapper().writeValueAsString(msg), true).get(10, TimeUnit.SECONDS);
        JsonNode r = f.get(60, TimeUnit.SECONDS);
        if (r.has("error")) {
            throw new IOException(method + ": " + r.get("error"));
        }
        return r.path("result");
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder buf = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            buf.append(data);
            if (last) {
                try {
                    handle(Json.mapper().readTree(buf.toString()));
                } catch (IOException e) {
                    synchronized (errors) {
                        errors.add("unreadable DevTools message: " + e.getMessage());
                    }
                }
                buf.setLength(0);
            }
            ws.request(1);
            return null;
        }

        private void handle(JsonNode m) {
            if (m.has("id")) {
                CompletableFuture<JsonNode> f = pending.remove(m.get("id").asInt());
                if (f != null) {
                    f.complete(m);
                }
                return;
            }
            String method = m.path("method").asText();
            JsonNode p = m.path("params");
            switch (method) {
                case "Page.loadEventFired" -> loaded.complete(null);
                case "Runtime.exceptionThrown" -> addError("exception: " + p.path("exceptionDetails").path("text").asText());
                case "Runtime.consoleAPICalled" -> {
                    if (p.path("type").asText().equals("error")) {
                        addError("console.error: " + p.path("args"));
                    }
                }
                case "Log.entryAdded" -> {
                    if (p.path("entry").path("level").asText().equals("error")) {
                        addError("log: " + p.path("entry").path("text").asText() + " " + p.path("entry").path("url").asText());
                    }
                }
                default -> { }
            }
        }

        private void addError(String e) {
            synchronized (errors) {
                errors.add(e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.abort();
        // Chromium's helpers (renderer, zygote, crashpad) outlive the browser process for a moment and keep
        // writing into the profile: stop and wait for all of them before deleting it.
        java.util.List<ProcessHandle> all = new java.util.ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                h.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        org.signkit.core.AtomicFiles.deleteRecursively(profile);
    }
}
