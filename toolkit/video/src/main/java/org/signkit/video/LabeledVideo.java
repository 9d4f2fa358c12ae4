package org.signkit.video;

import java.nio.file.Path;
import org.signkit.core.SampleLabel;

/**
 * A video file with its label.
 *
 * @param file     the video
 * @param relative its path relative to the input root, with '/' separators (as written in manifests)
 * @param label    sign, signer, take
 */
public record LabeledVideo(Path file, String relative, SampleLabel label) {

    /** The folder, relative to the output root, that holds this video's frames. */
    public String outputFolder() {
        return label.sign() + "/" + label.signer() + "_" + label.take();
    }
}
