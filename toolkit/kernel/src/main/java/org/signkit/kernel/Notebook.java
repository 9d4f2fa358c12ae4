package org.signkit.kernel;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.bytedeco.opencv.opencv_core.Mat;
import org.signkit.experiment.ExperimentRunner;
import org.signkit.experiment.ExperimentSpec;
import org.signkit.experiment.TrialRecord;
import org.signkit.experiment.TrialRecords;
import org.signkit.synth.Scene;
import org.signkit.synth.SignLibrary;
import org.signkit.synth.Signer;
import org.signkit.synth.SynthOptions;
import org.signkit.synth.SyntheticDatasetGenerator;
import org.signkit.synth.TakeRenderer;
import org.signkit.synth.TakeStyle;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Helpers for notebooks: records as Tablesaw tables, groups for the statistics, pictures, demo data. */
public final class Notebook {

    private Notebook() {
    }

    /** A run's trial records as a table: trial, condition, repeat, seed, status, seconds and one column per metric. */
    public static Table records(Path run) throws IOException {
        List<TrialRecord> records = new TrialRecords(run.resolve(TrialRecords.FILE_NAME)).latest();
        Table t = Table.create(run.getFileName().toString(), StringColumn.create("trial"), StringColumn.create("condition"),
                IntColumn.create("repeat"), StringColumn.create("seed"), StringColumn.create("status"), DoubleColumn.create("seconds"));
        for (String m : ExperimentSpec.METRICS) {
            t.addColumns(DoubleColumn.create(m));
        }
        for (TrialRecord r : records) {
            t.stringColumn("trial").append(r.trial());
            t.stringColumn("condition").append(r.condition());
            t.intColumn("repeat").append(r.repeat());
            t.stringColumn("seed").append(Long.toString(r.seed()));
            t.stringColumn("status").append(r.status());
            t.doubleColumn("seconds").append(r.seconds());
            for (String m : ExperimentSpec.METRICS) {
                Double v = r.metrics().get(m);
                t.doubleColumn(m).append(v == null ? Double.NaN : v);
            }
        }
        return t;
    }

    /** The values of {@code value} per level of {@code group}, as the statistics take them. */
    public static Map<String, double[]> groups(Table t, String group, String value) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (String g : t.stringColumn(group).unique().asList()) {
            out.put(g, t.where(t.stringColumn(group).isEqualTo(g)).doubleColumn(value).asDoubleArray());
        }
        return out;
    }

    /** An image file, to show as a cell's value. */
    public static BufferedImage image(Path file) throws IOException {
        BufferedImage img = ImageIO.read(file.toFile());
        if (img == null) {
            throw new IOException(file + " is not a readable image");
        }
        return img;
    }

    /** One frame of the synthetic signer (sign {@code sign} of the library, frame {@code index} of a 30 FPS take). */
    public static Mat syntheticFrame(int sign, int index) throws Exception {
        List<Mat> take = TakeRenderer.frames(Scene.trainingWall(), Signer.of(0, 1), SignLibrary.study14().get(sign),
                TakeStyle.draw(1), 30, index + 1, 360, 640, 1);
        take.subList(0, index).forEach(Mat::close);
        return take.get(index);
    }

    /**
     * The repository root, whatever the kernel's working directory (Jupyter starts it in the notebook's folder):
     * the nearest folder at or above it with {@code experiments/} and {@code toolkit/}, else the working directory.
     */
    public static Path root() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("experiments")) && Files.isDirectory(p.resolve("toolkit"))) {
                return p;
            }
        }
        return Path.of("").toAbsolutePath();
    }

    /**
     * The quick reproduction's run of {@code experiment} ({@code reports/reproduce-quick/<experiment>} under
     * {@link #root()}), or, when it has not been run, a small demo run made under {@code target/notebook-demo} of
     * the root (3 signs, baseline CNN, 2 conditions × 3 repeats; about a minute), said so on standard output.
     */
    public static Path quickRun(String experiment) throws IOException {
        Path quick = root().resolve("reports").resolve("reproduce-quick").resolve(experiment);
        if (Files.isRegularFile(quick.resolve(TrialRecords.FILE_NAME))) {
            System.out.println("records: " + quick);
            return quick;
        }
        Path demo = root().resolve("target").resolve("notebook-demo");
        System.out.println("no quick reproduction at " + quick + " (run ./signkit reproduce --quick for it):"
                + " a small demo run instead, under " + demo);
        Path data = demo.resolve("data");
        if (!Files.isRegularFile(data.resolve("dataset.yaml"))) {
            new SyntheticDatasetGenerator(new SynthOptions(3, 2, 2, List.of(30), true, 96, 160, 3, 2))
                    .generate(data, (j, r, d, t) -> { });
        }
        Path spec = Files.writeString(demo.resolve("demo.yaml"), """
                name: demo
                question: A demo run made by the notebook (the quick reproduction was not found)
                dataset: %s
                validation: validation
                frames: {size: 48}
                defaults: {capture: capture30, fps: 10}
                conditions:
                  - {name: none}
                  - {name: geometric, augmentation: geometric}
                training: {model: baseline-cnn, size: 32, epochs: 2, batch: 16, lr: 0.002, split: take}
                repeats: 3
                """.formatted(data));
        Path run = demo.resolve("run");
        new ExperimentRunner(ExperimentSpec.load(spec, null), run, 2, new ExperimentRunner.Listener() { }).run();
        return run;
    }
}
