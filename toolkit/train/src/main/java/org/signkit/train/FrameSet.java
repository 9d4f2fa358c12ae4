package org.signkit.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.signkit.core.BadInputException;
import org.signkit.core.Checksums;
import org.signkit.core.FrameManifest;
import org.signkit.core.FrameRecord;

/**
 * A set of extracted frames: a {@code manifest.csv} and the images beside it.
 *
 * @param manifest the manifest file
 * @param sha256   its checksum, recorded with every model trained on it
 * @param frames   its rows
 */
public record FrameSet(Path manifest, String sha256, List<FrameRecord> frames) {

    public FrameSet {
        frames = List.copyOf(frames);
    }

    /** Reads a frame set from a folder written by {@code signkit frames}, or from its manifest file. */
    public static FrameSet load(Path dirOrManifest) throws IOException {
        Path manifest = Files.isDirectory(dirOrManifest) ? dirOrManifest.resolve(FrameManifest.FILE_NAME) : dirOrManifest;
        if (!Files.isRegularFile(manifest)) {
            throw new BadInputException(dirOrManifest, "no frame manifest (" + FrameManifest.FILE_NAME + ") there",
                    "point at a folder written by 'signkit frames' or at its manifest.csv");
        }
        List<FrameRecord> rows = FrameManifest.read(manifest);
        if (rows.isEmpty()) {
            throw new BadInputException(manifest, "the manifest lists no frames", "extract frames again with 'signkit frames'");
        }
        return new FrameSet(manifest, Checksums.sha256(manifest), rows);
    }

    /** The folder the frame paths are relative to. */
    public Path root() {
        return manifest.toAbsolutePath().getParent();
    }

    /** The image file of one row. */
    public Path imageOf(FrameRecord r) {
        return root().resolve(r.framePath());
    }

    /**
     * Decodes the image of one row (BGR); the caller closes it.
     *
     * @throws BadInputException naming the file when it is missing or unreadable
     */
    public Mat image(FrameRecord r) {
        Path file = imageOf(r);
        Mat img = opencv_imgcodecs.imread(file.toString(), opencv_imgcodecs.IMREAD_COLOR);
        if (img == null || img.empty()) {
            throw new BadInputException(file, "missing or unreadable frame image",
                    "re-extract the frames with 'signkit frames' or remove the row from the manifest");
        }
        return img;
    }

    /**
     * The frames whose sign is among {@code classes}, and how many of each other sign were left out.
     *
     * @param rows    frames of known signs, in manifest order
     * @param skipped frames per unknown sign
     */
    public record Selection(List<FrameRecord> rows, Map<String, Integer> skipped) {
    }

    /** Frames of the signs a model knows (an external set may hold others). */
    public Selection framesOf(List<String> classes) {
        List<FrameRecord> rows = new ArrayList<>();
        Map<String, Integer> skipped = new TreeMap<>();
        for (FrameRecord r : frames) {
            if (classes.contains(r.label().sign())) {
                rows.add(r);
            } else {
                skipped.merge(r.label().sign(), 1, Integer::sum);
            }
        }
        return new Selection(rows, skipped);
    }

    /** The distinct signs, sorted: the class list of a model trained on this set. */
    public List<String> signs() {
        TreeSet<String> s = new TreeSet<>();
        frames.forEach(r -> s.add(r.label().sign()));
        return List.copyOf(s);
    }
}
