package org.signkit.train.onednn;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SCALE;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SHIFT;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_MEAN;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SCALE;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SHIFT;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_VARIANCE;

import org.bytedeco.dnnl.batch_normalization_backward;
import org.bytedeco.dnnl.batch_normalization_forward;
import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.signkit.train.onednn.OneDnn.Buffer;

/**
 * DL4J's batch normalisation as one oneDNN primitive each way. Training normalises with the batch's mean
 * and (biased) variance and, like DL4J, turns the running statistics' update into a "gradient" that the
 * updater subtracts: (1 - decay)(global mean - batch mean), and for the log10 standard deviation
 * log(var_t / var_t+1) / (2 ln 10) with var_t+1 = decay var_t + (1 - decay) batch variance. Inference
 * normalises with the running statistics.
 */
final class BatchNormNode implements Node {

    /**
     * DL4J's arrays of one batch-norm layer ([1, C] views).
     *
     * @param logStd true when {@code variance} holds log10(std) (DL4J's default), false for the variance
     */
    record Spec(INDArray gamma, INDArray beta, INDArray mean, INDArray variance, boolean logStd, INDArray gammaGradient,
                INDArray betaGradient, INDArray meanGradient, INDArray varianceGradient, double eps, double decay) {
    }

    private static final int SCALE_SHIFT = dnnl.normalization_flags.use_scale.value
            | dnnl.normalization_flags.use_shift.value;

    private final Tensor in;
    private final Tensor out;
    private final Spec spec;
    private final int channels;
    private final batch_normalization_forward.primitive_desc trainDesc;
    private final batch_normalization_forward train;
    private final batch_normalization_forward infer;
    private final OneDnn.Args trainArgs;
    private final OneDnn.Args inferArgs;
    private final Buffer batchMean;
    private final Buffer batchVariance;
    private final Buffer runningVariance;
    private final Buffer gamma;
    private final Buffer beta;
    private batch_normalization_backward backward;
    private OneDnn.Args backwardArgs;
    private Tensor.GradientSlot slot;

    BatchNormNode(Tensor in, Spec spec) {
        this.in = in;
        this.spec = spec;
        this.channels = (int) in.dims[1];
        float eps = (float) spec.eps;
        trainDesc = new batch_normalization_forward.primitive_desc(OneDnn.ENGINE, dnnl.prop_kind.forward_training.value,
                in.desc, in.desc, eps, SCALE_SHIFT, new org.bytedeco.dnnl.primitive_attr(), false);
        var inferDesc = new batch_normalization_forward.primitive_desc(OneDnn.ENGINE,
                dnnl.prop_kind.forward_inference.value, in.desc, in.desc, eps,
                SCALE_SHIFT | dnnl.normalization_flags.use_global_stats.value, new org.bytedeco.dnnl.primitive_attr(),
                false);
        out = new Tensor(in.dims, in.desc, true);
        train = new batch_normalization_forward(trainDesc);
        infer = new batch_normalization_forward(inferDesc);
        var vector = OneDnn.plain(channels);
        gamma = Buffer.wrap(spec.gamma, vector);
        beta = Buffer.wrap(spec.beta, vector);
        batchMean = Buffer.allocateNew(vector);
        batchVariance = Buffer.allocateNew(vector);
        runningVariance = Buffer.allocateNew(vector);
        Buffer runningMean = Buffer.wrap(spec.mean, vector);
        trainArgs = OneDnn.args(DNNL_ARG_SRC, in.value, DNNL_ARG_SCALE, gamma, DNNL_ARG_SHIFT, beta, DNNL_ARG_MEAN,
                batchMean, DNNL_ARG_VARIANCE, batchVariance, DNNL_ARG_DST, out.value);
        inferArgs = OneDnn.args(DNNL_ARG_SRC, in.value, DNNL_ARG_SCALE, gamma, DNNL_ARG_SHIFT, beta, DNNL_ARG_MEAN,
                runningMean, DNNL_ARG_VARIANCE, runningVariance, DNNL_ARG_DST, out.value);
    }

    @Override
    public Tensor output() {
        return out;
    }

    @Override
    public void forward(boolean training) {
        if (training) {
            OneDnn.execute(train, trainArgs);
            return;
        }
        float[] stored = read(spec.variance);
        float[] variance = new float[channels];
        for (int c = 0; c < channels; c++) {
            variance[c] = spec.logStd ? (float) Math.pow(100.0, stored[c]) : stored[c];
        }
        write(runningVariance.array(), variance);
        OneDnn.execute(infer, inferArgs);
    }

    @Override
    public void planBackward() {
        var desc = new batch_normalization_backward.primitive_desc(OneDnn.ENGINE, dnnl.prop_kind.backward.value, in.desc,
                in.desc, in.desc, (float) spec.eps, SCALE_SHIFT, trainDesc, new org.bytedeco.dnnl.primitive_attr(),
                false);
        backward = new batch_normalization_backward(desc);
        var vector = OneDnn.plain(channels);
        Buffer gammaGradient = Buffer.wrap(spec.gammaGradient, vector);
        Buffer betaGradient = Buffer.wrap(spec.betaGradient, vector);
        Buffer inGradient;
        if (in.needsGradient()) {
            slot = in.claim(desc.diff_src_desc());
            inGradient = slot.buffer();
        } else {
            inGradient = Buffer.allocate(desc.diff_src_desc());
        }
        backwardArgs = OneDnn.args(DNNL_ARG_SRC, in.value, DNNL_ARG_MEAN, batchMean, DNNL_ARG_VARIANCE, batchVariance,
                DNNL_ARG_DIFF_DST, out.gradient(), DNNL_ARG_SCALE, gamma, DNNL_ARG_DIFF_SRC,
                inGradient, DNNL_ARG_DIFF_SCALE, gammaGradient, DNNL_ARG_DIFF_SHIFT, betaGradient);
    }

    @Override
    public void backward() {
        OneDnn.execute(backward, backwardArgs);
        if (slot != null) {
            slot.commit();
        }
        runningStatistics();
    }

    private void runningStatistics() {
        double keep = spec.decay;
        float[] mean = read(spec.mean);
        float[] stored = read(spec.variance);
        float[] bMean = read(batchMean.array());
        float[] bVar = read(batchVariance.array());
        float[] dMean = new float[channels];
        float[] dVar = new float[channels];
        for (int c = 0; c < channels; c++) {
            dMean[c] = (float) ((mean[c] - bMean[c]) * (1 - keep));
            if (spec.logStd) {
                double vari = Math.pow(100.0, stored[c]);
                double next = keep * vari + (1 - keep) * bVar[c];
                dVar[c] = (float) (Math.log(vari / next) / (2 * Math.log(10)));
            } else {
                dVar[c] = (float) ((stored[c] - bVar[c]) * (1 - keep));
            }
        }
        write(spec.meanGradient, dMean);
        write(spec.varianceGradient, dVar);
    }

    /** The first {@code channels} floats of a contiguous array (one bulk copy, not one JNI call each). */
    private float[] read(INDArray a) {
        float[] v = new float[channels];
        new FloatPointer(a.data().addressPointer()).get(v);
        return v;
    }

    private static void write(INDArray a, float[] v) {
        new FloatPointer(a.data().addressPointer()).put(v);
    }
}
