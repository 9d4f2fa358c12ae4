package org.signkit.synth;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_SIMPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.putText;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * A contact sheet of the synthetic data: for every sign, the frame at the middle of the sign on the
 * training wall (upper row of each pair) and in a validation scene (lower row), labelled with the gloss.
 */
public final class ContactSheet {

    private static final int COLUMNS = 7;
    private static final int TILE_W = 144;
    private static final int TILE_H = 256;

    private ContactSheet() {
    }

    /** Renders the sheet for {@code options} and writes it as PNG. */
    public static void write(SynthOptions options, Path png) throws Exception {
        List<Sign> signs = SignLibrary.study14().subList(0, options.signs());
        int rows = (signs.size() + COLUMNS - 1) / COLUMNS * 2;
        TakeRenderer.Camera camera = options.camera();
        int fps = options.captures().get(0);
        try (Mat sheet = new Mat(rows * TILE_H, COLUMNS * TILE_W, CV_8UC3, new Scalar(255, 255, 255, 0))) {
            for (int i = 0; i < signs.size(); i++) {
                Sign sign = signs.get(i);
                for (int v = 0; v < 2; v++) {
                    Scene scene = v == 0 ? Scene.trainingWall() : Scene.validation(options.seed() * 97 + i);
                    Signer signer = Signer.of(1 + (i + v) % Math.max(1, options.signers()), options.seed());
                    TakeStyle style = TakeStyle.draw(options.seed() + i);
                    int frame = (int) Math.round((style.lead() + 0.5 * sign.seconds() / style.speed()) * fps);
                    int x = (i % COLUMNS) * TILE_W;
                    int y = ((i / COLUMNS) * 2 + v) * TILE_H;
                    String label = sign.gloss() + (v == 0 ? "" : " (val)");
                    try (TakeRenderer r = new TakeRenderer(camera, scene, signer, fps)) {
                        r.film(new SignAnimator(sign, style), frame + 1, options.seed(), (bgr, truth) -> {
                            if (truth.index() == frame) {
                                tile(sheet, bgr, x, y, label);
                            }
                        });
                    }
                }
            }
            Files.createDirectories(png.toAbsolutePath().getParent());
            if (!opencv_imgcodecs.imwrite(png.toString(), sheet)) {
                throw new java.io.IOException("cannot write " + png);
            }
        }
    }

    private static void tile(Mat sheet, Mat frame, int x, int y, String text) {
        try (Rect roi = new Rect(x, y, TILE_W, TILE_H); Mat dst = new Mat(sheet, roi); Size size = new Size(TILE_W, TILE_H);
             Point at = new Point(6, TILE_H - 10); Scalar black = new Scalar(0, 0, 0, 0); Scalar white = new Scalar(255, 255, 255, 0)) {
            resize(frame, dst, size, 0, 0, INTER_AREA);
            putText(dst, text, at, FONT_HERSHEY_SIMPLEX, 0.42, white, 3, LINE_AA, false);
            putText(dst, text, at, FONT_HERSHEY_SIMPLEX, 0.42, black, 1, LINE_AA, false);
        }
    }
}
