package org.signkit.vision;

import java.io.IOException;
import java.nio.file.Path;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.signkit.core.AtomicFiles;

/** Writes images whole or not at all (encoded in memory, then a temporary file renamed). */
public final class ImageFiles {

    private ImageFiles() {
    }

    /** Encodes {@code image} by the target's extension (.png, .jpg at quality 95) and writes it atomically. */
    public static void write(Path target, Mat image) throws IOException {
        String name = target.getFileName().toString();
        String ext = name.substring(name.lastIndexOf('.'));
        try (BytePointer buf = new BytePointer()) {
            boolean ok = ext.equalsIgnoreCase(".png") ? opencv_imgcodecs.imencode(ext, image, buf)
                    : opencv_imgcodecs.imencode(ext, image, buf, new org.bytedeco.javacpp.IntPointer(opencv_imgcodecs.IMWRITE_JPEG_QUALITY, 95));
            if (!ok) {
                throw new IOException("OpenCV could not encode " + target);
            }
            byte[] bytes = new byte[(int) buf.limit()];
            buf.get(bytes);
            AtomicFiles.write(target, out -> out.write(bytes));
        }
    }
}
