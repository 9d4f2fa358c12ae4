package org.signkit.vision;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_dnn;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_dnn.Net;
import org.signkit.core.BadInputException;

/**
 * A person-segmentation network run through OpenCV DNN, frame by frame: the frame is resized to the
 * network's input, normalised, and the network's person probability (a single sigmoid map, or one class
 * of a per-class score map after a softmax) is resized back to the frame as the soft mask.
 *
 * <p>Two models are known: {@code selfie} (MediaPipe's selfie segmentation, TFLite, 256×256 RGB in
 * [0, 1], one probability map; see {@link ModelStore}) and {@code onnx:PATH}, any ONNX model with a
 * {@code 1×C×H×W} per-class output such as torchvision's DeepLabV3 (ImageNet normalisation; the
 * person class index is 15 in its Pascal VOC labels).
 */
public final class DnnPersonSegmenter implements Segmenter {

    /** How a model's input is prepared and its output read. */
    public record Contract(int inputWidth, int inputHeight, double[] mean, double[] std, int personClass) {
        /** {@code personClass} below 0: the output is already a person probability (one channel). */
        public boolean sigmoidOutput() {
            return personClass < 0;
        }
    }

    /** ImageNet channel means and standard deviations (RGB, values in [0, 1]). */
    public static final double[] IMAGENET_MEAN = {0.485, 0.456, 0.406};
    /** See {@link #IMAGENET_MEAN}. */
    public static final double[] IMAGENET_STD = {0.229, 0.224, 0.225};

    /** Below this share of the frame (mask above one half) a mask has missed the signer. */
    static final double MIN_COVERAGE = 0.02;

    private final String name;
    private final Net net;
    private final Contract contract;

    private DnnPersonSegmenter(String name, Net net, Contract contract) {
        this.name = name;
        this.net = net;
        this.contract = contract;
    }

    /** MediaPipe's selfie segmentation from the model store (fails with the setup command when missing). */
    public static DnnPersonSegmenter selfie(ModelStore store) {
        Net net = store.tfliteNet(ModelStore.SELFIE);
        return new DnnPersonSegmenter("selfie", net, new Contract(256, 256, new double[] {0, 0, 0},
                new double[] {1, 1, 1}, -1));
    }

    /** A user-supplied ONNX model: ImageNet normalisation, square input of {@code size}, person class index. */
    public static DnnPersonSegmenter onnx(Path model, int size, int personClass) {
        if (!Files.isRegularFile(model)) {
            throw new BadInputException(model, "no such ONNX model", "give the path of an exported .onnx file, e.g. onnx:models/deeplabv3.onnx");
        }
        Net net;
        try {
            net = opencv_dnn.readNetFromONNX(model.toString());
        } catch (RuntimeException e) {
            throw new BadInputException(model, "OpenCV DNN cannot read it as ONNX: " + e.getMessage(),
                    "export the model with opset 11-17 (torch.onnx.export) and check the file is complete", e);
        }
        return new DnnPersonSegmenter("onnx", net, new Contract(size, size, IMAGENET_MEAN, IMAGENET_STD, personClass));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Mat> segment(List<Mat> take) {
        List<Mat> masks = new ArrayList<>(take.size());
        for (Mat frame : take) {
            masks.add(mask(frame));
        }
        return masks;
    }

    /**
     * The soft person mask of one BGR frame (8-bit, frame size). When the network finds (almost) nobody, it gets a
     * second look at the frame with red and blue swapped, and the larger mask is kept: the selfie model misses a
     * signer in front of a warm, skin-toned scene (a salmon gradient in the synthetic validation set: 0.0–0.3% of
     * the frame against 29% with the channels swapped), and swapping moves the scene off skin tones while it keeps
     * every edge of the silhouette.
     */
    public Mat mask(Mat frame) {
        Mat mask = mask(frame, false);
        double coverage = coverage(mask);
        if (coverage >= MIN_COVERAGE) {
            return mask;
        }
        Mat swapped = mask(frame, true);
        if (coverage(swapped) > coverage) {
            mask.close();
            return swapped;
        }
        swapped.close();
        return mask;
    }

    /** One look at the frame: the network's mask of it as it is, or with red and blue swapped. */
    Mat mask(Mat frame, boolean swapRedBlue) {
        try (Mat blob = blob(frame, swapRedBlue); Mat out = forward(blob); Mat prob = probability(out);
             Mat resized = new Mat()) {
            opencv_imgproc.resize(prob, resized, new Size(frame.cols(), frame.rows()), 0, 0, opencv_imgproc.INTER_LINEAR);
            Mat mask = new Mat();
            resized.convertTo(mask, CV_8U, 255, 0);
            return mask;
        }
    }

    /** The share of the frame where the mask is above one half. */
    static double coverage(Mat mask) {
        try (Mat on = new Mat()) {
            opencv_imgproc.threshold(mask, on, 127, 255, opencv_imgproc.THRESH_BINARY);
            return (double) opencv_core.countNonZero(on) / mask.total();
        }
    }

    private synchronized Mat forward(Mat blob) {
        net.setInput(blob);
        return net.forward();
    }

    private Mat blob(Mat frame, boolean swapRedBlue) {
        try (Mat small = new Mat(); Mat rgb = new Mat(); MatVector channels = new MatVector(); Mat f = new Mat()) {
            opencv_imgproc.resize(frame, small, new Size(contract.inputWidth(), contract.inputHeight()), 0, 0,
                    opencv_imgproc.INTER_AREA);
            // The network takes RGB; a swapped look hands it the BGR order instead.
            if (swapRedBlue) {
                small.copyTo(rgb);
            } else {
                opencv_imgproc.cvtColor(small, rgb, opencv_imgproc.COLOR_BGR2RGB);
            }
            opencv_core.split(rgb, channels);
            for (int c = 0; c < 3; c++) {
                // (v / 255 - mean) / std in one pass per channel.
                double std = contract.std()[c];
                channels.get(c).convertTo(channels.get(c), CV_32F, 1 / (255.0 * std), -contract.mean()[c] / std);
            }
            opencv_core.merge(channels, f);
            return opencv_dnn.blobFromImage(f);
        }
    }

    /** The person probability at the network's output resolution, float, one channel. */
    private Mat probability(Mat out) {
        int dims = out.dims();
        int h = out.size(dims - 2);
        int w = out.size(dims - 1);
        int channels = (int) (out.total() / ((long) h * w));
        if (contract.sigmoidOutput() && channels != 1) {
            // TFLite importers may keep NHWC: 1×H×W×1.
            h = out.size(1);
            w = out.size(2);
            channels = 1;
        }
        Mat prob = new Mat(h, w, CV_32F);
        Mat flat = out.reshape(1, 1);
        FloatIndexer o = flat.createIndexer();
        FloatIndexer p = prob.createIndexer();
        long plane = (long) h * w;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                long at = (long) y * w + x;
                float v;
                if (contract.sigmoidOutput()) {
                    v = o.get(0, at);
                } else {
                    v = softmaxAt(o, at, plane, channels, contract.personClass());
                }
                p.put(y, x, Math.max(0, Math.min(1, v)));
            }
        }
        o.release();
        p.release();
        flat.close();
        return prob;
    }

    private static float softmaxAt(FloatIndexer o, long at, long plane, int channels, int cls) {
        if (cls >= channels) {
            throw new IllegalArgumentException("person class " + cls + " is not among the model's " + channels
                    + " output classes; set --person-class");
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < channels; c++) {
            max = Math.max(max, o.get(0, c * plane + at));
        }
        double sum = 0;
        for (int c = 0; c < channels; c++) {
            sum += Math.exp(o.get(0, c * plane + at) - max);
        }
        return (float) (Math.exp(o.get(0, cls * plane + at) - max) / sum);
    }

    @Override
    public void close() {
        net.close();
    }
}
