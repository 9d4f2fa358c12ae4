package org.signkit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.signkit.core.BadInputException;
import org.signkit.core.Json;
import org.signkit.video.VideoProbe;
import org.signkit.video.VideoProber;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code signkit probe}: what a video really contains, counted by decoding. */
@Command(name = "probe", mixinStandardHelpOptions = true,
        description = "Show container, codec, size, rotation, declared and decoded frame counts, duration and a VFR flag.")
final class ProbeCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "VIDEO", description = "Videos to probe.")
    List<Path> videos;

    @Option(names = "--json", description = "Print JSON (one array) instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        List<VideoProbe> probes = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Path v : videos) {
            try {
                probes.add(VideoProber.probe(v));
            } catch (BadInputException e) {
                errors.add(e.getMessage());
            }
        }
        if (json) {
            System.out.print(Json.write(probes));
        } else {
            Table t = new Table("file", "container", "codec", "size", "rot", "r_fps", "avg_fps", "declared",
                    "decoded", "duration_s", "frame_ms min/mean/max", "vfr");
            for (VideoProbe p : probes) {
                var s = p.stream();
                t.row(p.file(), s.container(), s.codec(), s.width() + "x" + s.height(), Integer.toString(s.rotation()),
                        s.rFrameRate().toString(), s.avgFrameRate().toString(), Long.toString(s.declaredFrames()),
                        Long.toString(p.decodedFrames()), String.format(Locale.ROOT, "%.3f", p.durationSeconds()),
                        String.format(Locale.ROOT, "%.2f/%.2f/%.2f", p.minFrameMs(), p.meanFrameMs(), p.maxFrameMs()),
                        p.variableFrameRate() ? "VFR" : "-");
            }
            System.out.print(t);
        }
        errors.forEach(e -> System.err.println("signkit probe: " + e));
        return errors.isEmpty() ? 0 : 1;
    }
}
