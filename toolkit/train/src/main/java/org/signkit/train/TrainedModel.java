package org.signkit.train;

import org.signkit.core.SplitStrategy;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.UnaryOperator;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.signkit.core.AtomicFiles;
import org.signkit.core.BadInputException;
import org.signkit.core.FrameRecord;
import org.signkit.core.Json;

/** A trained network with its card: the unit {@code signkit train} writes and {@code eval} / {@code explain} read. */
public final class TrainedModel implements SignClassifier {

    /** The network file's name in a model folder. */
    public static final String MODEL_FILE = "model.zip";
    /** The sidecar's name in a model folder. */
    public static final String CARD_FILE = "model.json";

    private final ComputationGraph network;
    private final ModelCard card;
    private UnaryOperator<INDArray> inference;

    public TrainedModel(ComputationGraph network, ModelCard card) {
        this.network = network;
        this.card = card;
    }

    /**
     * The network's inference function, made on first use: on the engine its configuration names (by default
     * the oneDNN executor where it runs the graph), so that scores here are the trainer's.
     */
    private synchronized UnaryOperator<INDArray> inference() {
        if (inference == null) {
            inference = TrainingEngines.choose(card.training().engine(), network).engine().bind(network)::output;
        }
        return inference;
    }

    /** The network. */
    public ComputationGraph network() {
        return network;
    }

    /** The sidecar. */
    public ModelCard card() {
        return card;
    }

    /** Loads a model from its folder or its {@code model.zip}; the sidecar must be beside it. */
    public static TrainedModel load(Path folderOrZip) throws IOException {
        Path zip = Files.isDirectory(folderOrZip) ? folderOrZip.resolve(MODEL_FILE) : folderOrZip;
        Path json = zip.resolveSibling(CARD_FILE);
        if (!Files.isRegularFile(zip)) {
            throw new BadInputException(folderOrZip, "no " + MODEL_FILE + " there",
                    "point --model at the folder 'signkit train --out' wrote");
        }
        if (!Files.isRegularFile(json)) {
            throw new BadInputException(json, "the model's sidecar is missing (classes and normalisation are in it)",
                    "copy " + CARD_FILE + " from the training output folder next to " + zip.getFileName());
        }
        ModelCard card = Json.read(json, ModelCard.class);
        if (!ModelCard.FORMAT.equals(card.format())) {
            throw new BadInputException(json, "unknown model format '" + card.format() + "'",
                    "use a model written by this signkit version (" + ModelCard.FORMAT + ")");
        }
        ComputationGraph net;
        try {
            net = TrainingEngine.restore(zip, false);
        } catch (IOException | RuntimeException e) {
            throw new BadInputException(zip, "not a readable DL4J model (" + e.getMessage() + ")",
                    "retrain it with 'signkit train' or copy it again", e);
        }
        return new TrainedModel(net, card);
    }

    /** Writes {@code model.zip} (with updater state, so training can go on from it) and {@code model.json}. */
    public void save(Path folder) throws IOException {
        Files.createDirectories(folder);
        AtomicFiles.write(folder.resolve(MODEL_FILE), out -> TrainingEngine.save(network, out));
        Json.write(folder.resolve(CARD_FILE), card);
    }

    @Override
    public List<String> classes() {
        return card.classes();
    }

    @Override
    public int inputHeight() {
        return card.inputHeight();
    }

    @Override
    public int inputWidth() {
        return card.inputWidth();
    }

    @Override
    public float[][] predict(List<Mat> images) {
        requireImageModel();
        int h = inputHeight();
        int w = inputWidth();
        List<Mat> sized = new ArrayList<>(images.size());
        for (Mat m : images) {
            if (m.cols() == w && m.rows() == h) {
                sized.add(m);
            } else {
                Mat r = new Mat();
                resize(m, r, new Size(w, h), 0, 0, INTER_AREA);
                sized.add(r);
            }
        }
        try {
            float[] x = card.normalization().tensor(sized, h, w);
            return probabilities(inference(), NdArrays.of(x, images.size(), 3, h, w));
        } finally {
            for (int i = 0; i < sized.size(); i++) {
                if (sized.get(i) != images.get(i)) {
                    sized.get(i).close();
                }
            }
        }
    }

    @Override
    public Mat input(FrameSet set, FrameRecord row, Mat frame) {
        requireImageModel();
        return card.training().model().layout(set).render(row, frame, null, 0, 0);
    }

    private void requireImageModel() {
        if (card.training().model().keypoints()) {
            throw new UnsupportedOperationException("this is a keypoint model: it classifies takes' pose files "
                    + "(signkit eval), not images");
        }
    }

    /**
     * Scores this model on frames of a set (a keypoint model: on their takes); rows must have signs among
     * {@link #classes()}.
     */
    public ClassificationReport evaluate(FrameSet set, List<FrameRecord> rows, int topK, int batchSize, int workers) {
        ModelSpec spec = card.training().model();
        try (SampleBatches batches = spec.batches(set, classes(), card.normalization(), null, 0, workers)) {
            return evaluate(inference(), batches, spec.samples(rows), classes(), topK, batchSize);
        }
    }

    /** Scores a network's inference function on rows (batch norm's running statistics, no dropout). */
    static ClassificationReport evaluate(UnaryOperator<INDArray> net, SampleBatches batches, List<FrameRecord> rows,
                                         List<String> classes, int topK, int batchSize) {
        float[][] probs = new float[rows.size()][];
        int i = 0;
        for (Iterator<DataSet> it = batches.epoch(rows, 0, batchSize, false); it.hasNext(); ) {
            for (float[] p : probabilities(net, it.next().getFeatures())) {
                probs[i++] = p;
            }
        }
        List<String> takes = new ArrayList<>(rows.size());
        for (int k = 0; k < rows.size(); k++) {
            takes.add(SplitStrategy.TAKE.groupOf(rows.get(k), k));
        }
        return ClassificationReport.of(classes, batches.truth(rows), probs, topK, takes);
    }

    private static float[][] probabilities(UnaryOperator<INDArray> net, INDArray x) {
        return net.apply(x).toFloatMatrix();
    }
}
