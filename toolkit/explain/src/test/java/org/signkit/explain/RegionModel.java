package org.signkit.explain;

import java.util.List;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.signkit.train.SignClassifier;

/**
 * A test classifier whose decision depends only on known regions: class "region" has probability
 * sigmoid(sum of weight × mean red of each region − bias), class "other" the rest. Everything outside
 * the regions is ignored, so a faithful explanation must point into them, heaviest first.
 */
final class RegionModel implements SignClassifier {

    /** A square region {@code [x0, x0+size) × [y0, y0+size)} and its weight. */
    record Region(int x0, int y0, int size, double weight) {
    }

    private final int size;
    private final List<Region> regions;
    int calls;
    int images;

    RegionModel(int size, List<Region> regions) {
        this.size = size;
        this.regions = regions;
    }

    @Override
    public List<String> classes() {
        return List.of("other", "region");
    }

    @Override
    public int inputHeight() {
        return size;
    }

    @Override
    public int inputWidth() {
        return size;
    }

    @Override
    public float[][] predict(List<Mat> batch) {
        calls++;
        images += batch.size();
        float[][] out = new float[batch.size()][];
        for (int i = 0; i < batch.size(); i++) {
            double z = -2;
            try (UByteIndexer ix = batch.get(i).createIndexer()) {
                for (Region r : regions) {
                    double red = 0;
                    for (int y = r.y0(); y < r.y0() + r.size(); y++) {
                        for (int x = r.x0(); x < r.x0() + r.size(); x++) {
                            red += ix.get(y, x, 2) / 255.0;
                        }
                    }
                    z += r.weight() * red / (r.size() * r.size());
                }
            }
            float p = (float) (1 / (1 + Math.exp(-z)));
            out[i] = new float[] {1 - p, p};
        }
        return out;
    }
}
