package org.signkit.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signkit.synth.SynthOptions;
import org.signkit.synth.SyntheticDatasetGenerator;
import org.yaml.snakeyaml.Yaml;

/** The cluster jobs of a frozen plan: the sbatch array and the Kubernetes Indexed Job, checked against the Job schema. */
class ClusterTemplatesTest {

    @TempDir
    static Path dir;

    private static TrialPlan plan;
    private static Path run;

    @BeforeAll
    static void aFrozenPlan() throws Exception {
        new SyntheticDatasetGenerator(new SynthOptions(2, 2, 1, List.of(30), false, 96, 160, 5, 2))
                .generate(dir.resolve("data"), (j, r, d, t) -> { });
        Path spec = dir.resolve("small.yaml");
        Files.writeString(spec, """
                name: small
                question: Does augmentation matter?
                dataset: %s
                frames: {size: 48}
                defaults: {capture: capture30, fps: 10}
                conditions:
                  - {name: none, augmentation: none}
                  - {name: geometric, augmentation: geometric}
                training: {model: baseline-cnn, size: 24, epochs: 1, batch: 16, lr: 0.003, split: take}
                repeats: 3
                seed: 5
                metrics: [test_accuracy]
                """.formatted(dir.resolve("data")));
        run = dir.resolve("run with space");
        plan = new ExperimentRunner(ExperimentSpec.load(spec, null), run, 1, new ExperimentRunner.Listener() { }).freeze();
    }

    @Test
    void theSlurmScriptIsAnArrayOfOneTrialPerTask() throws Exception {
        Path file = ClusterTemplates.writeSlurm(run, plan, new ClusterTemplates.Resources(2, 4, "6G", "02:00:00"),
                List.of("/opt/java/bin/java", "-jar", "/shared/signkit.jar"));
        String s = Files.readString(file);
        for (String line : List.of("#SBATCH --array=0-5%2", "#SBATCH --cpus-per-task=4", "#SBATCH --mem=6G", "#SBATCH --time=02:00:00",
                "exec /opt/java/bin/java -jar /shared/signkit.jar experiment trial '" + run.toAbsolutePath()
                        + "' --index \"$SLURM_ARRAY_TASK_ID\" --workers 4")) {
            assertTrue(s.contains(line), line + " not in:\n" + s);
        }
        assertThrows(IllegalArgumentException.class, () -> new ClusterTemplates.Resources(2, 4, "6 GB", "02:00:00"));
        assertThrows(IllegalArgumentException.class, () -> plan.trial(6));
    }

    @Test
    void theKubernetesManifestIsAnIndexedJobThatValidatesAgainstTheJobSchema() throws Exception {
        Path file = ClusterTemplates.writeKubernetes(run, plan, new ClusterTemplates.Resources(3, 2, "8G", "04:00:00"),
                "registry.example.org/signkit:0.1", "signkit-data");
        Map<String, Object> job = new Yaml().load(Files.readString(file));
        @SuppressWarnings("unchecked")
        Map<String, Object> spec = (Map<String, Object>) job.get("spec");
        assertEquals("Indexed", spec.get("completionMode"));
        assertEquals(6, spec.get("completions"));
        assertEquals(3, spec.get("parallelism"));
        assertTrue(Files.readString(file).contains("$(JOB_COMPLETION_INDEX)"));
        boolean required = "1".equals(System.getenv("SIGNKIT_REQUIRE_TOOLS"));
        boolean python = new ProcessBuilder("/usr/bin/python3", "-c", "import jsonschema").start().waitFor() == 0;
        Assumptions.assumeTrue(required || python, "needs Debian python3-jsonschema");
        Path json = dir.resolve("job.json");
        new ObjectMapper().writeValue(json.toFile(), job);
        Path schema = Path.of(ClusterTemplatesTest.class.getResource("/k8s/job-batch-v1.json").toURI());
        String check = "import json,sys,jsonschema\n"
                + "jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2])))\n";
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", check, json.toString(), schema.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        // The schema is strict: a field the Job does not have is refused, so the check can fail.
        spec.put("completionsPerIndex", 2);
        new ObjectMapper().writeValue(json.toFile(), job);
        Process bad = new ProcessBuilder("/usr/bin/python3", "-c", check, json.toString(), schema.toString()).redirectErrorStream(true).start();
        String badOut = new String(bad.getInputStream().readAllBytes());
        assertTrue(bad.waitFor() != 0 && badOut.contains("completionsPerIndex"), badOut);
    }
}
