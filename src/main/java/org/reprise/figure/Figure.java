package org.reprise.figure;

import java.nio.file.Path;

import org.jfree.chart.JFreeChart;

/**
 * A finished chart and the file name (without extension) it is written under.
 * The chart is built and themed already; {@link #write(Path)} renders it at the default size.
 */
public record Figure(String name, JFreeChart chart) {
    public Figure {
        FigureWriter.checkName(name);
    }

    /** Writes {@code dir/name.png} (1600 × 1000 px) and {@code dir/name.svg} (800 × 500). */
    public FigureFiles write(Path dir) {
        return FigureWriter.write(chart, dir, name, FigureWriter.DEFAULT_WIDTH, FigureWriter.DEFAULT_HEIGHT);
    }

    /** Writes {@code dir/name.png} and {@code dir/name.svg} at the given layout size in points. */
    public FigureFiles write(Path dir, int width, int height) {
        return FigureWriter.write(chart, dir, name, width, height);
    }
}
