package org.signkit.train;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * EfficientNet-B0 (Tan and Le, 2019) as torchvision's {@code efficientnet_b0}: a 3×3/2 stem with 32
 * channels, 16 MBConv blocks (1×1 expansion, 3×3 or 5×5 depthwise, squeeze-and-excitation to a quarter
 * of the block's input channels, swish, batch norm, identity skips), a 1×1 head to 1280 channels,
 * global average pooling, dropout 0.2 and a dense softmax. With width and depth multipliers 1 its
 * trainable parameter count equals torchvision's (4,025,482 for 14 classes).
 *
 * @param classes    number of classes
 * @param height     input height
 * @param width      input width
 * @param widthMult  channel multiplier (channels rounded to multiples of 8, as torchvision)
 * @param depthMult  block-repeat multiplier (rounded up)
 * @param dropout    dropout before the classifier (0.2 in B0; 0 for gradient checks)
 * @param seed       initialisation seed
 * @param dataType   FLOAT for training, DOUBLE for gradient checks
 */
public record EfficientNetB0(int classes, int height, int width, double widthMult, double depthMult, double dropout,
                             long seed, DataType dataType) implements NetworkArchitecture {

    /** The stages: expansion, kernel, stride, output channels, repeats (B0). */
    private static final int[][] STAGES = {
        {1, 3, 1, 16, 1}, {6, 3, 2, 24, 2}, {6, 5, 2, 40, 2}, {6, 3, 2, 80, 3}, {6, 5, 1, 112, 3}, {6, 5, 2, 192, 4},
        {6, 3, 1, 320, 1}};

    /** B0 itself for {@code classes} classes at {@code size x size}. */
    public static EfficientNetB0 b0(int classes, int size, long seed) {
        return new EfficientNetB0(classes, size, size, 1.0, 1.0, 0.2, seed, DataType.FLOAT);
    }

    /** torchvision's {@code _make_divisible(v, 8)}. */
    static int divisible(double v) {
        int n = Math.max(8, (int) (v + 4) / 8 * 8);
        return n < 0.9 * v ? n + 8 : n;
    }

    @Override
    public String name() {
        return widthMult == 1.0 && depthMult == 1.0 ? "efficientnet-b0"
                : "efficientnet-b0(width " + widthMult + ", depth " + depthMult + ")";
    }

    @Override
    public ComputationGraphConfiguration configuration(IUpdater updater) {
        ComputationGraphConfiguration.GraphBuilder g = NetworkArchitecture.imageGraph(seed, dataType, updater, height,
                width);
        NetworkArchitecture.softmaxOutput(g, features(g, "", "input", widthMult, depthMult), classes, dropout);
        return g.build();
    }

    /**
     * B0's stem, MBConv stages, 1×1 head and global average pooling on {@code in}, layers named
     * {@code <prefix>stem_...}, {@code <prefix>b<i>_...}, {@code <prefix>head_...}, {@code <prefix>pool};
     * returns the pooled features' layer name (1280 × widthMult features).
     */
    static String features(ComputationGraphConfiguration.GraphBuilder g, String prefix, String in, double widthMult,
                           double depthMult) {
        int stem = divisible(32 * widthMult);
        String x = convBnAct(g, prefix + "stem", in, stem, 3, 2, true);
        int cin = stem;
        int block = 0;
        for (int[] s : STAGES) {
            int cout = divisible(s[3] * widthMult);
            int repeats = (int) Math.ceil(s[4] * depthMult);
            for (int r = 0; r < repeats; r++) {
                x = mbConv(g, prefix + "b" + block++, x, cin, cout, s[0], s[1], r == 0 ? s[2] : 1);
                cin = cout;
            }
        }
        x = convBnAct(g, prefix + "head", x, divisible(1280 * widthMult), 1, 1, true);
        g.addLayer(prefix + "pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), x);
        return prefix + "pool";
    }

    static String convBnAct(ComputationGraphConfiguration.GraphBuilder g, String name, String in, int out, int k,
                                    int stride, boolean act) {
        g.addLayer(name + "_conv", new ConvolutionLayer.Builder(k, k).stride(stride, stride).nOut(out).hasBias(false)
                .activation(Activation.IDENTITY).build(), in);
        g.addLayer(name + "_bn", new BatchNormalization.Builder().eps(1e-5).decay(0.9).build(), name + "_conv");
        if (!act) {
            return name + "_bn";
        }
        g.addLayer(name + "_act", new ActivationLayer.Builder().activation(Activation.SWISH).build(), name + "_bn");
        return name + "_act";
    }

    static String mbConv(ComputationGraphConfiguration.GraphBuilder g, String name, String in, int cin, int cout,
                                 int expand, int k, int stride) {
        String x = in;
        int cexp = cin * expand;
        if (expand != 1) {
            x = convBnAct(g, name + "_expand", x, cexp, 1, 1, true);
        }
        g.addLayer(name + "_dw", new DepthwiseConvolution2D.Builder(k, k).stride(stride, stride).depthMultiplier(1)
                .hasBias(false).activation(Activation.IDENTITY).build(), x);
        g.addLayer(name + "_dw_bn", new BatchNormalization.Builder().eps(1e-5).decay(0.9).build(), name + "_dw");
        g.addLayer(name + "_dw_act", new ActivationLayer.Builder().activation(Activation.SWISH).build(), name + "_dw_bn");
        String dw = name + "_dw_act";
        int squeeze = Math.max(1, cin / 4);
        g.addLayer(name + "_se_pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).collapseDimensions(false).build(), dw);
        g.addLayer(name + "_se_reduce", new ConvolutionLayer.Builder(1, 1).nOut(squeeze).activation(Activation.SWISH).build(),
                name + "_se_pool");
        g.addLayer(name + "_se_expand", new ConvolutionLayer.Builder(1, 1).nOut(cexp).activation(Activation.SIGMOID).build(),
                name + "_se_reduce");
        g.addVertex(name + "_se", new BroadcastMulVertex(), dw, name + "_se_expand");
        String out = convBnAct(g, name + "_project", name + "_se", cout, 1, 1, false);
        if (stride == 1 && cin == cout) {
            g.addVertex(name + "_add", new ElementWiseVertex(ElementWiseVertex.Op.Add), in, out);
            return name + "_add";
        }
        return out;
    }
}
