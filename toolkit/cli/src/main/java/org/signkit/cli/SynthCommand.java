package org.signkit.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.signkit.synth.ContactSheet;
import org.signkit.synth.SynthOptions;
import org.signkit.synth.SyntheticDatasetGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code signkit synth}: the embedded synthetic dataset, with ground truth. */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = {"Generate synthetic signer videos (the embedded default data) with ground-truth masks and boxes.",
                "Writes OUT/videos/<group>/<sign>/<signer>_<take>.mp4 (groups capture60, capture30, validation),",
                "OUT/truth/... one JSON per video, and OUT/dataset.yaml. A rerun skips finished videos."})
final class SynthCommand implements Callable<Integer> {

    @Option(names = {"-o", "--out"}, defaultValue = "datasets/generated/synthsign", paramLabel = "DIR",
            description = "Output folder. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--signs", defaultValue = "14", description = "Number of signs (1-14). Default: ${DEFAULT-VALUE}.")
    int signs;

    @Option(names = "--signers", defaultValue = "2", description = "Number of signers. Default: ${DEFAULT-VALUE}.")
    int signers;

    @Option(names = "--takes", defaultValue = "3", description = "Takes per sign, signer and capture rate. Default: ${DEFAULT-VALUE}.")
    int takes;

    @Option(names = "--capture", defaultValue = "60,30", split = ",", paramLabel = "FPS",
            description = "Capture rates, each a separate recording. Default: ${DEFAULT-VALUE}.")
    List<Integer> capture;

    @Option(names = "--validation", description = "Also record the harder validation set (other scenes, light, positions).")
    boolean validation;

    @Option(names = "--signer-group", defaultValue = "0", paramLabel = "N", description = "Also record group signersN: N "
            + "signers on the training wall at the first capture rate, for signer-count ablations (0: none). "
            + "Default: ${DEFAULT-VALUE}.")
    int signerGroup;

    @Option(names = "--size", defaultValue = "360x640", paramLabel = "WxH", description = "Frame size. Default: ${DEFAULT-VALUE}.")
    String size;

    @Option(names = "--seed", defaultValue = "1", description = "Dataset seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--quick", description = "The quick set: 14 signs x 2 signers x 2 takes, 60 and 30 FPS, plus validation "
            + "and the signers3 group (3 signers x 2 takes, 60 FPS) for signer-count ablations.")
    boolean quick;

    @Option(names = "--preview", paramLabel = "PNG",
            description = "Only write a contact sheet (one frame per sign, training wall and validation scene) to PNG.")
    Path preview;

    @Option(names = {"-j", "--jobs"}, description = "Videos rendered at once. Default: the number of cores.")
    Integer jobs;

    @Override
    public Integer call() throws Exception {
        int n = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
        int[] wh = Arrays.stream(size.toLowerCase(Locale.ROOT).split("x")).mapToInt(Integer::parseInt).toArray();
        if (wh.length != 2) {
            throw new IllegalArgumentException("--size must be WIDTHxHEIGHT, e.g. 360x640: " + size);
        }
        SynthOptions options = quick ? SynthOptions.quick(seed, n)
                : new SynthOptions(signs, signers, takes, capture, validation, wh[0], wh[1], seed, n, signerGroup);
        if (preview != null) {
            ContactSheet.write(options, preview);
            System.out.println("contact sheet -> " + preview);
            return 0;
        }
        SyntheticDatasetGenerator generator = new SyntheticDatasetGenerator(options);
        boolean terminal = System.console() != null;
        SyntheticDatasetGenerator.Summary s = generator.generate(out, (job, reused, done, total) -> {
            synchronized (System.err) {
                if (terminal) {
                    System.err.printf("\rsynth %d/%d videos ", done, total);
                } else if (done % 10 == 0 || done == total) {
                    System.err.printf("synth %d/%d videos%n", done, total);
                }
            }
        });
        if (terminal) {
            System.err.println();
        }
        System.out.printf(Locale.ROOT, "%d videos (%d already done), %d frames rendered in %.1f s -> %s%n", s.videos(),
                s.reused(), s.frames(), s.seconds(), out.resolve("dataset.yaml"));
        return 0;
    }
}
