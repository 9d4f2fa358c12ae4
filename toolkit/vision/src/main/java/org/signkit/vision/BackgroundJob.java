package org.signkit.vision;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.signkit.core.AtomicFiles;
import org.signkit.core.CsvTable;
import org.signkit.core.FrameManifest;
import org.signkit.core.FrameRecord;
import org.signkit.synth.VideoTruth;
import org.signkit.vision.BackgroundScenes.NamedScene;

/**
 * The study's "_background" variant: every frame of a frames folder, segmented, pasted onto each scene.
 * Writes {@code <out>/<scene>/<frame path>} (JPEG), a {@code manifest.csv} whose rows keep the source
 * frame's sign, signer, take and source video/frame (so take and signer splits still group them), and
 * {@code composites.csv} linking each output to its source frame and scene. Images are written atomically,
 * the manifests last; a rerun skips takes whose outputs are all there.
 *
 * @param segmentation how the signer is cut out (its frames folder is the input)
 * @param scenes       the scenes, already at the compositor's size
 * @param compositor   output size and harmonisation
 * @param out          output folder
 * @param keepOriginals also list the source frames themselves (copied to {@code <out>/original/}), so the
 *                     output is the source set enlarged with its composites
 */
public record BackgroundJob(SegmentationJob segmentation, List<NamedScene> scenes, BackgroundCompositor compositor,
                            Path out, boolean keepOriginals) {

    /** Scene name of the untouched source frames when {@code keepOriginals} is set. */
    public static final String ORIGINAL = "original";

    /** Columns of {@code composites.csv}. */
    public static final List<String> COMPOSITE_COLUMNS = List.of("frame_path", "source_frame_path", "scene", "method");

    /** What a run did. */
    public record Result(int takes, int sourceFrames, int written, int skippedTakes) {
    }

    /** Runs the job, reporting the source frames done after each take. */
    public Result run(IntConsumer onTake) throws IOException {
        Path root = segmentation.framesRoot();
        List<FrameTake> takes = FrameTake.of(FrameManifest.read(root.resolve(FrameManifest.FILE_NAME)));
        List<FrameRecord> manifest = new ArrayList<>();
        List<List<String>> composites = new ArrayList<>();
        int done = 0;
        int written = 0;
        int skipped = 0;
        for (FrameTake take : takes) {
            boolean complete = true;
            for (FrameRecord row : take.frames()) {
                if (keepOriginals) {
                    String path = ORIGINAL + "/" + row.framePath();
                    Path copy = out.resolve(path);
                    if (!Files.isRegularFile(copy)) {
                        Path source = root.resolve(row.framePath());
                        AtomicFiles.write(copy, o -> Files.copy(source, o));
                    }
                    manifest.add(row.withSigningSpace(path, row.crop(), row.trim()));
                    composites.add(List.of(path, row.framePath(), ORIGINAL, "none"));
                }
                for (NamedScene scene : scenes) {
                    String path = scene.name() + "/" + row.framePath().replaceFirst("\\.[^./]+$", "") + ".jpg";
                    manifest.add(row.withSigningSpace(path, row.crop(), row.trim()));
                    composites.add(List.of(path, row.framePath(), scene.name(), segmentation.method()));
                    complete &= Files.isRegularFile(out.resolve(path));
                }
            }
            if (complete) {
                skipped++;
            } else {
                written += composite(take, root);
            }
            done += take.frames().size();
            onTake.accept(done);
        }
        CsvTable.write(out.resolve("composites.csv"), COMPOSITE_COLUMNS, composites, r -> r);
        FrameManifest.write(out.resolve(FrameManifest.FILE_NAME), manifest);
        return new Result(takes.size(), done, written, skipped);
    }

    private int composite(FrameTake take, Path root) throws IOException {
        TruthIndex truth = segmentation.truth();
        VideoTruth videoTruth = truth == null ? null : truth.of(take.sourceVideo());
        List<Mat> images = take.load(root);
        List<Mat> masks = List.of();
        int written = 0;
        try {
            masks = segmentation.masks(images, videoTruth);
            for (int i = 0; i < images.size(); i++) {
                String stem = take.frames().get(i).framePath().replaceFirst("\\.[^./]+$", "");
                for (NamedScene scene : scenes) {
                    try (Mat c = compositor.composite(images.get(i), masks.get(i), scene.image())) {
                        ImageFiles.write(out.resolve(scene.name() + "/" + stem + ".jpg"), c);
                        written++;
                    }
                }
            }
        } finally {
            images.forEach(Mat::close);
            masks.forEach(Mat::close);
        }
        return written;
    }
}
