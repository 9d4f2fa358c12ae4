package org.signkit.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.signkit.core.FrameRecord;
import org.signkit.core.Json;
import org.signkit.train.ClassificationReport;
import org.signkit.train.FrameSet;
import org.signkit.train.TrainedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code signkit eval}: a trained model on any frame set. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Evaluate a trained model on a frame set: accuracy, top-k, per-class precision/recall/F1 and",
                "the confusion matrix. Frames of signs the model does not know are skipped and counted."})
final class EvalCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "DIR|ZIP", description = "A model folder written by 'signkit train'.")
    Path model;

    @Option(names = "--frames", required = true, paramLabel = "DIR|MANIFEST", description = "Frames to score.")
    Path frames;

    @Option(names = "--top-k", defaultValue = "3", description = "k of the top-k accuracy. Default: ${DEFAULT-VALUE}.")
    int topK;

    @Option(names = "--batch", defaultValue = "32", description = "Batch size. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--workers", defaultValue = "2", description = "Threads decoding frames. Default: ${DEFAULT-VALUE}.")
    int workers;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the full report as JSON.")
    Path json;

    @Override
    public Integer call() throws Exception {
        TrainedModel m = TrainedModel.load(model);
        FrameSet set = FrameSet.load(frames);
        FrameSet.Selection known = set.framesOf(m.classes());
        if (!known.skipped().isEmpty()) {
            System.err.println("signkit eval: skipping frames of signs the model does not know: " + known.skipped());
        }
        List<FrameRecord> rows = known.rows();
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(set.manifest() + ": no frame shows a sign the model knows " + m.classes());
        }
        ClassificationReport r = m.evaluate(set, rows, topK, batch, workers);
        System.out.print(summary(set.manifest().toString(), r));
        Table per = new Table("class", "precision", "recall", "f1", "support");
        r.perClass().forEach(c -> per.row(c.name(), f(c.precision()), f(c.recall()), f(c.f1()), Integer.toString(c.support())));
        System.out.print(per);
        String[] header = new String[r.classes().size() + 1];
        header[0] = "true \\ predicted";
        for (int i = 0; i < r.classes().size(); i++) {
            header[i + 1] = Integer.toString(i);
        }
        Table confusion = new Table(header);
        for (int i = 0; i < r.classes().size(); i++) {
            String[] cells = new String[header.length];
            cells[0] = i + " " + r.classes().get(i);
            for (int j = 0; j < r.classes().size(); j++) {
                cells[j + 1] = Integer.toString(r.confusion().get(i).get(j));
            }
            confusion.row(cells);
        }
        System.out.print(confusion);
        if (json != null) {
            Json.write(json, r);
        }
        return 0;
    }

    /** The headline numbers of a report, one line. */
    static String summary(String what, ClassificationReport r) {
        return String.format(Locale.ROOT,
                "%s: %d frames  accuracy %.4f  top-%d %.4f  macro F1 %.4f  loss %.4f  |  %d takes  take accuracy %.4f%n",
                what, r.frames(), r.accuracy(), r.topK(), r.topKAccuracy(), r.macroF1(), r.meanLoss(), r.takes(),
                r.takeAccuracy());
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
