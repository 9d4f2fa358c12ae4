package org.signkit.pose;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.signkit.core.AtomicFiles;
import org.signkit.core.BadInputException;

/**
 * A {@code .pose} file of sign-language-processing's pose-format, the exchange format of sign-language keypoints:
 * read and written in its little-endian binary layout. Header: float32 version, uint16 width, height, depth and
 * component count; per component its name and point format (uint16-length UTF-8 strings), uint16 point, limb and
 * colour counts, the point names, limbs (uint16 pairs) and colours (uint16 triples). Body, version 0.1: uint16 fps and
 * frame count; version 0.2: float32 fps and uint32 frame count; then uint16 people, the float32 coordinates and the
 * float32 confidences. Writing what was read gives the same bytes; new files are version 0.2.
 *
 * @param header the header
 * @param body   the body
 */
public record PoseFile(PoseHeader header, PoseBody body) {

    /** The version signkit writes. */
    public static final float VERSION = 0.2f;

    public PoseFile {
        long points = (long) body.frames() * body.people() * header.points();
        if (body.confidence().length != points || body.data().length != points * header.dims()) {
            throw new IllegalArgumentException("a body of " + body.frames() + " frames x " + body.people() + " people x "
                    + header.points() + " points x " + header.dims() + " dims needs " + points * header.dims()
                    + " values and " + points + " confidences, got " + body.data().length + " and " + body.confidence().length);
        }
    }

    /** Reads a {@code .pose} file; a file that is not one is a {@link BadInputException} naming it. */
    public static PoseFile read(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        try {
            float version = b.getFloat();
            int v = Math.round(version * 1000);
            if (v != 100 && v != 200) {
                throw new BadInputException(file, "pose-format version " + version + " (signkit reads 0.1 and 0.2)",
                        "convert it with pose-format's Python library (Pose.read, then write) to a current version");
            }
            int width = u16(b);
            int height = u16(b);
            int depth = u16(b);
            int count = u16(b);
            List<PoseComponent> components = new ArrayList<>();
            for (int c = 0; c < count; c++) {
                String name = string(b);
                String format = string(b);
                int np = u16(b);
                int nl = u16(b);
                int nc = u16(b);
                List<String> points = new ArrayList<>();
                for (int i = 0; i < np; i++) {
                    points.add(string(b));
                }
                List<PoseComponent.Limb> limbs = new ArrayList<>();
                for (int i = 0; i < nl; i++) {
                    limbs.add(new PoseComponent.Limb(u16(b), u16(b)));
                }
                List<PoseComponent.Color> colors = new ArrayList<>();
                for (int i = 0; i < nc; i++) {
                    colors.add(new PoseComponent.Color(u16(b), u16(b), u16(b)));
                }
                components.add(new PoseComponent(name, format, points, limbs, colors));
            }
            PoseHeader header = new PoseHeader(version, width, height, depth, components);
            float fps = v == 100 ? u16(b) : b.getFloat();
            long frames = v == 100 ? u16(b) : Integer.toUnsignedLong(b.getInt());
            int people = u16(b);
            long points = frames * people * header.points();
            long need = (points * header.dims() + points) * 4;
            if (need != b.remaining()) {
                throw new BadInputException(file, "the body should hold " + need + " bytes (" + frames + " frames x " + people
                        + " people x " + header.points() + " points), the file has " + b.remaining(), "the file is truncated"
                        + " or not a pose file: write it again");
            }
            float[] data = new float[(int) (points * header.dims())];
            float[] confidence = new float[(int) points];
            b.asFloatBuffer().get(data);
            b.position(b.position() + data.length * 4);
            b.asFloatBuffer().get(confidence);
            return new PoseFile(header, new PoseBody(fps, (int) frames, people, data, confidence));
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new BadInputException(file, "not a pose-format file (it ends inside the header, or its header is "
                    + "inconsistent" + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", "give a .pose file");
        }
    }

    /** The file's bytes. */
    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int v = Math.round(header.version() * 1000);
        ByteBuffer h = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        h.putFloat(header.version());
        put16(h, header.width());
        put16(h, header.height());
        put16(h, header.depth());
        put16(h, header.components().size());
        out.writeBytes(h.array());
        for (PoseComponent c : header.components()) {
            writeString(out, c.name());
            writeString(out, c.format());
            ByteBuffer n = ByteBuffer.allocate(6).order(ByteOrder.LITTLE_ENDIAN);
            put16(n, c.points().size());
            put16(n, c.limbs().size());
            put16(n, c.colors().size());
            out.writeBytes(n.array());
            c.points().forEach(p -> writeString(out, p));
            ByteBuffer rest = ByteBuffer.allocate(4 * c.limbs().size() + 6 * c.colors().size()).order(ByteOrder.LITTLE_ENDIAN);
            c.limbs().forEach(l -> {
                put16(rest, l.from());
                put16(rest, l.to());
            });
            c.colors().forEach(k -> {
                put16(rest, k.red());
                put16(rest, k.green());
                put16(rest, k.blue());
            });
            out.writeBytes(rest.array());
        }
        ByteBuffer body = ByteBuffer.allocate(10 + 4 * (body().data().length + body().confidence().length))
                .order(ByteOrder.LITTLE_ENDIAN);
        if (v == 100) {
            put16(body, Math.round(this.body.fps()));
            put16(body, this.body.frames());
        } else {
            body.putFloat(this.body.fps());
            body.putInt(this.body.frames());
        }
        put16(body, this.body.people());
        body.asFloatBuffer().put(this.body.data());
        body.position(body.position() + this.body.data().length * 4);
        body.asFloatBuffer().put(this.body.confidence());
        body.position(body.position() + this.body.confidence().length * 4);
        out.write(body.array(), 0, body.position());
        return out.toByteArray();
    }

    /** Writes the file atomically. */
    public void write(Path file) throws IOException {
        byte[] bytes = bytes();
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    private static int u16(ByteBuffer b) {
        return Short.toUnsignedInt(b.getShort());
    }

    private static void put16(ByteBuffer b, int value) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException("the pose format stores " + value + " in 16 bits: out of range");
        }
        b.putShort((short) value);
    }

    private static String string(ByteBuffer b) {
        byte[] s = new byte[u16(b)];
        b.get(s);
        return new String(s, StandardCharsets.UTF_8);
    }

    private static void writeString(ByteArrayOutputStream out, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        ByteBuffer n = ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN);
        put16(n, bytes.length);
        out.writeBytes(n.array());
        out.writeBytes(bytes);
    }
}
