package org.signkit.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.signkit.stats.GroupSummary;

/** The report's plots (XChart), as PNG data URIs so that a page is one self-contained file. */
public final class Charts {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {
    }

    /**
     * Mean per condition with its 95% CI as error bars, every trial's value as a dot, and the chance level as a
     * line when {@code chance} is a number (then the axis is the whole [0, 1] of a proportion).
     */
    public static String means(String metric, List<GroupSummary> summaries, Map<String, double[]> values, double chance)
            throws IOException {
        CategoryChart c = new CategoryChartBuilder().width(640).height(360).title(metric + ": mean, 95% CI, trials")
                .yAxisTitle(metric).build();
        if (!Double.isNaN(chance)) {
            c.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        }
        c.getStyler().setOverlapped(true);
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        List<String> names = summaries.stream().map(GroupSummary::group).toList();
        List<Double> means = new ArrayList<>();
        List<Double> errors = new ArrayList<>();
        for (GroupSummary s : summaries) {
            means.add(Double.isNaN(s.mean()) ? 0 : s.mean());
            errors.add(Double.isNaN(s.ciHigh()) ? 0 : s.ciHigh() - s.mean());
        }
        c.addSeries("mean", names, means, errors);
        if (!Double.isNaN(chance)) {
            c.addSeries("chance", names, names.stream().map(n -> chance).toList()).setChartCategorySeriesRenderStyle(
                    org.knowm.xchart.CategorySeries.CategorySeriesRenderStyle.Line).setMarker(SeriesMarkers.NONE);
        }
        int maxTrials = values.values().stream().mapToInt(v -> v.length).max().orElse(0);
        for (int t = 0; t < maxTrials; t++) {
            List<String> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (String n : names) {
                double[] v = values.get(n);
                if (t < v.length) {
                    xs.add(n);
                    ys.add(v[t]);
                }
            }
            if (!xs.isEmpty()) {
                c.addSeries("trial " + (t + 1), xs, ys).setChartCategorySeriesRenderStyle(
                        org.knowm.xchart.CategorySeries.CategorySeriesRenderStyle.Scatter).setMarker(SeriesMarkers.CIRCLE);
            }
        }
        return png(c);
    }

    /** A curve per trial: test accuracy (and validation accuracy, dashed) by epoch. */
    public static String curves(String title, Map<String, double[][]> trials) throws IOException {
        XYChart c = new XYChartBuilder().width(640).height(360).title(title).xAxisTitle("epoch").yAxisTitle("accuracy").build();
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        c.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        trials.forEach((name, xy) -> c.addSeries(name, xy[0], xy[1]).setMarker(SeriesMarkers.NONE));
        return png(c);
    }

    /** A confusion matrix as a heat map (rows true class, columns predicted). */
    public static String confusion(String title, List<String> classes, List<List<Integer>> counts) throws IOException {
        HeatMapChart c = new HeatMapChartBuilder().width(560).height(480).title(title).xAxisTitle("predicted")
                .yAxisTitle("true").build();
        c.getStyler().setShowValue(true);
        List<Number[]> cells = new ArrayList<>();
        for (int t = 0; t < classes.size(); t++) {
            for (int p = 0; p < classes.size(); p++) {
                cells.add(new Number[] {p, t, counts.get(t).get(p)});
            }
        }
        c.addSeries("frames", classes, classes, cells);
        return png(c);
    }

    private static String png(Chart<?, ?> chart) throws IOException {
        byte[] bytes = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(bytes);
    }
}
