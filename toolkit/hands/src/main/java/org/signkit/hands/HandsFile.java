package org.signkit.hands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.signkit.core.BadInputException;
import org.signkit.core.Json;

/**
 * The output of the hands stage: the face and both hands of every frame of a manifest, keyed by frame
 * path, in the pixels of the frame images.
 *
 * @param format         file format version
 * @param method         the method that found them
 * @param dominant       which of the signer's hands is the dominant one ({@code right} or {@code left})
 * @param manifestSha256 the frames manifest they belong to
 * @param frameWidth     the width of every frame, when they all share one size (a signing-space folder), else 0
 * @param frameHeight    their height, or 0
 * @param frames         frame path → face and hands
 */
public record HandsFile(int format, HandsMethod method, String dominant, String manifestSha256, int frameWidth,
                        int frameHeight, SortedMap<String, FrameHands> frames) {

    /** The file's name beside a frames manifest or in a hands output folder. */
    public static final String FILE_NAME = "hands.json";

    /** The current format. */
    public static final int FORMAT = 1;

    public HandsFile {
        frames = new TreeMap<>(frames);
    }

    /** The boxes of a frame, or an error naming the file when the frame is not in it. */
    public FrameHands of(String framePath, Path file) {
        FrameHands h = frames.get(framePath);
        if (h == null) {
            throw new BadInputException(file, "no hands for frame " + framePath,
                    "rerun 'signkit hands' on the frames folder this manifest belongs to");
        }
        return h;
    }

    /** Writes atomically. */
    public void write(Path file) throws IOException {
        Json.writeCompact(file, this);
    }

    /** Reads a hands file; a missing or malformed one is a {@link BadInputException} naming it. */
    public static HandsFile read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file, "no hands file", "run 'signkit hands FRAMES -o OUT' first");
        }
        try {
            return Json.read(file, HandsFile.class);
        } catch (IOException e) {
            throw new BadInputException(file, "not a signkit hands file: " + e.getMessage(),
                    "rerun 'signkit hands' to regenerate it", e);
        }
    }

    /** A hands file over {@code frames} of any sizes. */
    public static HandsFile of(HandsMethod method, String dominant, String manifestSha256, Map<String, FrameHands> frames) {
        return new HandsFile(FORMAT, method, dominant, manifestSha256, 0, 0, new TreeMap<>(frames));
    }
}
