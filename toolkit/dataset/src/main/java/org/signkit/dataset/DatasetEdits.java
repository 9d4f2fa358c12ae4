package org.signkit.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.signkit.core.BadInputException;
import org.signkit.core.SampleLabel;

/**
 * Fixes that keep the video files and {@code import.csv} consistent, so nobody edits the index by hand:
 * {@code dataset remove} deletes a video and its row; {@code dataset relabel} moves a video to its new
 * {@code videos/<group>/<sign>/<signer>_<take>} name and rewrites its row.
 */
public final class DatasetEdits {

    private DatasetEdits() {
    }

    /** Deletes an imported video ({@code videos/...}, as in import.csv) and its index row. */
    public static void remove(DatasetLayout layout, String video) throws IOException {
        List<ImportedVideo> rows = ImportIndex.read(layout);
        ImportedVideo row = find(layout, rows, video);
        rows.remove(row);
        ImportIndex.write(layout, rows);
        Files.deleteIfExists(layout.root().resolve(row.path()));
    }

    /** Gives an imported video a new sign, signer and take: the file moves and its row follows. */
    public static ImportedVideo relabel(DatasetLayout layout, String video, SampleLabel label) throws IOException {
        List<ImportedVideo> rows = ImportIndex.read(layout);
        ImportedVideo row = find(layout, rows, video);
        DatasetCard card = DatasetCard.read(layout.card());
        if (!card.signs().contains(label.sign())) {
            throw new BadInputException(layout.card(), "sign '" + label.sign() + "' is not in the vocabulary " + card.signs(),
                    "add it to dataset.yaml first, or give a sign of the vocabulary");
        }
        String ext = row.path().substring(row.path().lastIndexOf('.'));
        String rel = "videos/" + row.group() + "/" + label.sign() + "/" + label.signer() + "_" + label.take() + ext;
        Path target = layout.root().resolve(rel);
        if (rows.stream().anyMatch(r -> r.path().equals(rel)) || Files.exists(target)) {
            throw new BadInputException(target, "another recording is already imported under this name",
                    "choose another take number, or remove that video first");
        }
        Files.createDirectories(target.getParent());
        Files.move(layout.root().resolve(row.path()), target);
        ImportedVideo moved = new ImportedVideo(rel, row.group(), label.sign(), label.signer(), label.take(), row.source(),
                row.sha256(), row.bytes(), row.fps(), row.vfr(), row.rotation(), row.width(), row.height(), row.seconds(),
                row.frames(), row.error());
        List<ImportedVideo> out = new ArrayList<>(rows);
        out.set(out.indexOf(row), moved);
        ImportIndex.write(layout, out);
        return moved;
    }

    private static ImportedVideo find(DatasetLayout layout, List<ImportedVideo> rows, String video) {
        String key = video.replace('\\', '/');
        return rows.stream().filter(r -> r.path().equals(key)).findFirst().orElseThrow(() -> new BadInputException(
                layout.importIndex(), "no video '" + video + "' in the index", "give its path as import.csv lists it, e.g. "
                + (rows.isEmpty() ? "videos/train/SIGN/s1_1.mp4" : rows.get(0).path())));
    }
}
