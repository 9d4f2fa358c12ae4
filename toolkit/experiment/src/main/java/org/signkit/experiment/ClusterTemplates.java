package org.signkit.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.signkit.core.AtomicFiles;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Cluster jobs for a frozen plan: a Slurm job array ({@code sbatch}) and a Kubernetes Indexed Job. Both start
 * {@code experiment trial RUN --index I} once per trial, {@code K} at a time, and leave idempotence to it: a task that
 * is killed and resubmitted resumes from its checkpoint, one whose record exists does nothing. The run folder (and the
 * dataset it names) must be on a file system every node shares, at the same absolute path.
 */
public final class ClusterTemplates {

    /**
     * What each trial gets.
     *
     * @param parallel trials at once
     * @param cpus     cores per trial
     * @param memory   memory per trial, e.g. {@code 8G}
     * @param time     time limit per trial ({@code HH:MM:SS}, Slurm)
     */
    public record Resources(int parallel, int cpus, String memory, String time) {

        public Resources {
            if (parallel < 1 || cpus < 1) {
                throw new IllegalArgumentException("--parallel and --cpus must be at least 1");
            }
            if (!memory.matches("\\d+[KMGT]")) {
                throw new IllegalArgumentException("--mem must look like 8G, got '" + memory + "'");
            }
            if (!time.matches("(\\d+-)?\\d{1,2}:\\d{2}:\\d{2}")) {
                throw new IllegalArgumentException("--time must look like 04:00:00 (or 1-00:00:00), got '" + time + "'");
            }
        }
    }

    private ClusterTemplates() {
    }

    /** The array index of this task: {@code SLURM_ARRAY_TASK_ID}, else {@code JOB_COMPLETION_INDEX}. */
    public static int indexFromEnvironment() {
        for (String name : List.of("SLURM_ARRAY_TASK_ID", "JOB_COMPLETION_INDEX")) {
            String v = System.getenv(name);
            if (v != null && v.matches("\\d+")) {
                return Integer.parseInt(v);
            }
        }
        throw new IllegalArgumentException("no --index, and neither SLURM_ARRAY_TASK_ID nor JOB_COMPLETION_INDEX is set");
    }

    /**
     * Writes {@code RUN/slurm.sbatch}.
     *
     * @param signkit the command that starts signkit on a node, e.g. {@code java -jar /abs/signkit.jar}
     */
    public static Path writeSlurm(Path run, TrialPlan plan, Resources r, List<String> signkit) throws IOException {
        Path abs = run.toAbsolutePath().normalize();
        String name = jobName(plan);
        String script = "#!/bin/bash\n"
                + "# signkit: " + plan.trials().size() + " trials of " + plan.experiment() + " (" + plan.profile() + "), one per array task.\n"
                + "# Submit: sbatch " + abs.resolve("slurm.sbatch") + "    Afterwards: signkit experiment aggregate " + abs + "\n"
                + "# A killed or failed task can be resubmitted alone: sbatch --array=I " + abs.resolve("slurm.sbatch") + "\n"
                + "#SBATCH --job-name=" + name + "\n"
                + "#SBATCH --array=0-" + (plan.trials().size() - 1) + "%" + r.parallel() + "\n"
                + "#SBATCH --cpus-per-task=" + r.cpus() + "\n"
                + "#SBATCH --mem=" + r.memory() + "\n"
                + "#SBATCH --time=" + r.time() + "\n"
                + "#SBATCH --chdir=" + abs + "\n"
                + "#SBATCH --output=" + abs.resolve("logs") + "/%a.out\n"
                + "set -euo pipefail\n"
                + "mkdir -p " + quote(abs.resolve("logs").toString()) + "\n"
                + "exec " + String.join(" ", signkit.stream().map(ClusterTemplates::quote).toList()) + " experiment trial "
                + quote(abs.toString()) + " --index \"$SLURM_ARRAY_TASK_ID\" --workers " + r.cpus() + "\n";
        java.nio.file.Files.createDirectories(abs.resolve("logs"));
        Path file = abs.resolve("slurm.sbatch");
        AtomicFiles.writeString(file, script);
        return file;
    }

    /** Writes {@code RUN/k8s-job.yaml}: an Indexed Job of the plan's trials in {@code image}, the run on {@code claim}. */
    public static Path writeKubernetes(Path run, TrialPlan plan, Resources r, String image, String claim) throws IOException {
        Path abs = run.toAbsolutePath().normalize();
        Map<String, Object> container = new LinkedHashMap<>();
        container.put("name", "trial");
        container.put("image", image);
        container.put("command", List.of("java", "-jar", "/opt/signkit/signkit.jar", "experiment", "trial", abs.toString(),
                "--index", "$(JOB_COMPLETION_INDEX)", "--workers", Integer.toString(r.cpus())));
        String mem = r.memory().replaceFirst("([KMGT])$", "$1i");
        container.put("resources", Map.of("requests", ordered("cpu", Integer.toString(r.cpus()), "memory", mem),
                "limits", ordered("cpu", Integer.toString(r.cpus()), "memory", mem)));
        container.put("volumeMounts", List.of(ordered("name", "shared", "mountPath", mountRoot(abs))));
        Map<String, Object> pod = new LinkedHashMap<>();
        pod.put("restartPolicy", "Never");
        pod.put("containers", List.of(container));
        pod.put("volumes", List.of(ordered("name", "shared", "persistentVolumeClaim", Map.of("claimName", claim))));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("completionMode", "Indexed");
        spec.put("completions", plan.trials().size());
        spec.put("parallelism", r.parallel());
        // A failed pod comes back with the same index; the trial resumes from its checkpoint.
        spec.put("backoffLimitPerIndex", 2);
        spec.put("template", Map.of("spec", pod));
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("apiVersion", "batch/v1");
        job.put("kind", "Job");
        job.put("metadata", ordered("name", jobName(plan), "labels", Map.of("app.kubernetes.io/name", "signkit")));
        job.put("spec", spec);
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        Path file = abs.resolve("k8s-job.yaml");
        AtomicFiles.writeString(file, "# signkit: " + plan.trials().size() + " trials of " + plan.experiment() + " (" + plan.profile()
                + "). kubectl apply -f " + file + "; afterwards: signkit experiment aggregate " + abs + "\n" + new Yaml(o).dump(job));
        return file;
    }

    /** The top folder of the run's absolute path: the shared volume is mounted there. */
    private static String mountRoot(Path abs) {
        return abs.getRoot().resolve(abs.getName(0)).toString();
    }

    private static String jobName(TrialPlan plan) {
        String n = ("signkit-" + plan.experiment() + "-" + plan.profile()).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        return n.length() > 63 ? n.substring(0, 63) : n;
    }

    private static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** A shell word. */
    static String quote(String s) {
        return s.matches("[A-Za-z0-9_./:=@%+-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
