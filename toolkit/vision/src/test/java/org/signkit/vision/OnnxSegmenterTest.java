package org.signkit.vision;

import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signkit.core.BadInputException;

/**
 * {@code onnx:PATH} on a committed fixture network (made by {@code onnx/make_colour_person.py}) whose
 * "person" class (index 2) scores red over green: a red figure on a green scene must come back as the
 * mask, through ImageNet normalisation, the softmax over classes and the resize from the half-resolution
 * output. Temporal smoothing is checked on the same masks.
 */
class OnnxSegmenterTest {

    @Test
    void personClassOfAnOnnxNetworkBecomesTheMask(@TempDir Path dir) throws IOException {
        Path model = fixture(dir);
        try (Mat frame = redFigureOnGreen(96, 160); Mat truth = figure(96, 160);
             DnnPersonSegmenter onnx = DnnPersonSegmenter.onnx(model, 64, 2); Mat mask = onnx.mask(frame)) {
            assertEquals(160, mask.rows());
            assertEquals(96, mask.cols());
            double iou = SelfieSegmenterTest.iou(mask, truth);
            assertTrue(iou > 0.85, "IoU " + iou);
        }
    }

    @Test
    void aPersonClassOutsideTheModelsClassesIsNamed(@TempDir Path dir) throws IOException {
        Path model = fixture(dir);
        try (Mat frame = redFigureOnGreen(96, 160); DnnPersonSegmenter onnx = DnnPersonSegmenter.onnx(model, 64, 15)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> onnx.mask(frame));
            assertTrue(e.getMessage().contains("--person-class"), e.getMessage());
        }
    }

    @Test
    void missingOrBrokenModelsAreNamed(@TempDir Path dir) throws IOException {
        assertThrows(BadInputException.class, () -> DnnPersonSegmenter.onnx(dir.resolve("none.onnx"), 64, 15));
        Path broken = Files.writeString(dir.resolve("broken.onnx"), "truncated");
        BadInputException e = assertThrows(BadInputException.class, () -> DnnPersonSegmenter.onnx(broken, 64, 15));
        assertTrue(e.getMessage().contains("broken.onnx"), e.getMessage());
    }

    @Test
    void temporalSmoothingAveragesNeighbouringMasksAndKeepsTheCount() {
        Segmenter flicker = new Segmenter() {
            @Override
            public String name() {
                return "flicker";
            }

            @Override
            public List<Mat> segment(List<Mat> take) {
                return take.stream().map(f -> new Mat(2, 2, CV_8U,
                        new Scalar((f.ptr(0, 0).get() & 1) == 0 ? 0 : 255))).toList();
            }
        };
        List<Mat> take = List.of(1, 2, 3, 4).stream().map(i -> new Mat(2, 2, CV_8U, new Scalar(i))).toList();
        List<Mat> out = new TemporalSmoothing(flicker, 1).segment(take);
        assertEquals(4, out.size());
        int[] expected = {128, 170, 85, 128}; // (255+0)/2, (255+0+255)/3, (0+255+0)/3, (255+0)/2
        for (int i = 0; i < 4; i++) {
            UByteIndexer ix = out.get(i).createIndexer();
            assertEquals(expected[i], ix.get(1, 1), 1, "frame " + i);
            ix.release();
        }
        assertThrows(IllegalArgumentException.class, () -> Segmenters.of("nonsense", Segmenters.Settings.defaults()));
        assertEquals("plate", Segmenters.of("plate", new Segmenters.Settings(null, null, 0, 0, 2)).name());
    }

    private static Path fixture(Path dir) throws IOException {
        Path model = dir.resolve("colour-person.onnx");
        try (InputStream in = OnnxSegmenterTest.class.getResourceAsStream("/onnx/colour-person.onnx")) {
            Files.copy(in, model);
        }
        return model;
    }

    private static Mat redFigureOnGreen(int w, int h) {
        Mat frame = new Mat(h, w, CV_8UC3, new Scalar(40, 190, 30, 0));
        draw(frame, new Scalar(40, 30, 220, 0));
        return frame;
    }

    private static Mat figure(int w, int h) {
        Mat m = new Mat(h, w, CV_8U, new Scalar(0));
        draw(m, new Scalar(255));
        return m;
    }

    private static void draw(Mat m, Scalar colour) {
        opencv_imgproc.circle(m, new Point(48, 40), 18, colour, -1, opencv_imgproc.LINE_8, 0);
        opencv_imgproc.rectangle(m, new Point(22, 62), new Point(74, 150), colour, -1, opencv_imgproc.LINE_8, 0);
    }
}
