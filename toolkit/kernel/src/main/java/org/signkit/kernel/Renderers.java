package org.signkit.kernel;

import static org.signkit.core.HtmlText.escape;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

/**
 * How a cell's value is shown: Tablesaw tables as HTML (and text), XChart charts, images
 * ({@link BufferedImage}, OpenCV {@link Mat}) as PNG, anything else as its text.
 */
final class Renderers {

    /** Rows of a table shown before "… n more rows". */
    static final int MAX_ROWS = 50;

    private Renderers() {
    }

    static DisplayData render(Object value) throws IOException {
        if (value instanceof Table t) {
            DisplayData d = new DisplayData(t.printAll());
            d.putHTML(html(t));
            return d;
        }
        if (value instanceof Chart<?, ?> c) {
            return png(BitmapEncoder.getBitmapBytes(c, BitmapEncoder.BitmapFormat.PNG), c.getTitle());
        }
        if (value instanceof BufferedImage img) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return png(out.toByteArray(), "image " + img.getWidth() + "x" + img.getHeight());
        }
        if (value instanceof Mat m && !m.isNull() && !m.empty()) {
            try (BytePointer buf = new BytePointer()) {
                opencv_imgcodecs.imencode(".png", m, buf);
                byte[] bytes = new byte[(int) buf.limit()];
                buf.get(bytes);
                return png(bytes, "Mat " + m.cols() + "x" + m.rows());
            }
        }
        return new DisplayData(String.valueOf(value));
    }

    private static DisplayData png(byte[] bytes, String text) {
        DisplayData d = new DisplayData(text);
        d.putData("image/png", Base64.getEncoder().encodeToString(bytes));
        return d;
    }

    static String html(Table t) {
        StringBuilder h = new StringBuilder("<table><thead><tr>");
        for (String c : t.columnNames()) {
            h.append("<th>").append(escape(c)).append("</th>");
        }
        h.append("</tr></thead><tbody>");
        int rows = Math.min(t.rowCount(), MAX_ROWS);
        for (int r = 0; r < rows; r++) {
            h.append("<tr>");
            for (int c = 0; c < t.columnCount(); c++) {
                h.append("<td>").append(escape(t.column(c).getString(r))).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</tbody></table>");
        if (t.rowCount() > rows) {
            h.append("<p>… ").append(t.rowCount() - rows).append(" more rows</p>");
        }
        return h.toString();
    }
}
