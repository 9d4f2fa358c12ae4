package org.signkit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signkit.video.PatternVideo;
import org.signkit.video.Rational;

/** A real {@code signkit frames} process killed midway, then rerun, ends with the uninterrupted manifest. */
class KilledRunTest {

    @TempDir
    Path dir;

    @Test
    void killedRunResumesToTheSameManifest() throws Exception {
        Path in = dir.resolve("in");
        for (int i = 1; i <= 6; i++) {
            PatternVideo.write(in.resolve("SIGN" + (i % 2)).resolve("s" + i + "_1.mp4"),
                    new PatternVideo.Spec(360, 640, new Rational(60, 1), 120, 0, true));
        }
        String[] args = {"frames", in.toString(), "--fps", "30", "--format", "png", "-j", "1", "-o"};
        Path reference = dir.resolve("reference");
        assertEquals(0, SignkitCommand.execute(concat(args, reference.toString())));

        Path out = dir.resolve("out");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(concatAll(List.of(java, "-cp", System.getProperty("java.class.path"),
                SignkitCommand.class.getName()), args, out.toString()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (finishedVideos(out) < 1 && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(p.isAlive(), "the run must still be going when it is killed");
        p.destroyForcibly().waitFor();
        int finished = finishedVideos(out);
        assertTrue(finished >= 1 && finished < 6, "killed midway: " + finished + " of 6 finished");
        assertFalse(Files.exists(out.resolve("manifest.csv")), "no manifest from a killed run");

        assertEquals(0, SignkitCommand.execute(concat(args, out.toString())));
        assertArrayEquals(Files.readAllBytes(reference.resolve("manifest.csv")), Files.readAllBytes(out.resolve("manifest.csv")));
        try (Stream<Path> walk = Files.walk(out)) {
            assertTrue(walk.noneMatch(f -> f.toString().contains(".partial")), "no partial output left");
        }
    }

    private static int finishedVideos(Path out) throws Exception {
        if (!Files.isDirectory(out)) {
            return 0;
        }
        // The running process renames and deletes files while we look: a vanished file means "look again".
        for (int attempt = 0; ; attempt++) {
            try (Stream<Path> walk = Files.walk(out)) {
                return (int) walk.filter(f -> f.getFileName().toString().equals("video.json")).count();
            } catch (java.io.UncheckedIOException e) {
                if (!(e.getCause() instanceof java.nio.file.NoSuchFileException) || attempt == 50) {
                    throw e;
                }
            }
        }
    }

    private static String[] concat(String[] a, String b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + 1);
        r[a.length] = b;
        return r;
    }

    private static List<String> concatAll(List<String> head, String[] args, String last) {
        List<String> all = new java.util.ArrayList<>(head);
        all.addAll(List.of(args));
        all.add(last);
        return all;
    }
}
