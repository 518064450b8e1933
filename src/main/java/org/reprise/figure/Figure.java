package org.reprise.figure;

import java.nio.file.Path;

import org.jfree.chart.JFreeChart;

/**
 * A finished chart, the file name (without extension) it is written under, and its preferred layout size in
 * points ({@link FigureWriter#DEFAULT_WIDTH} × {@link FigureWriter#DEFAULT_HEIGHT} except where the content needs
 * more room, e.g. a love plot with many covariates grows taller).
 */
public record Figure(String name, JFreeChart chart, int width, int height) {
    public Figure {
        FigureWriter.checkName(name);
    }

    /** A figure at the default size (800 × 500 points). */
    public Figure(String name, JFreeChart chart) {
        this(name, chart, FigureWriter.DEFAULT_WIDTH, FigureWriter.DEFAULT_HEIGHT);
    }

    /** Writes {@code dir/name.png} (2·width × 2·height pixels) and {@code dir/name.svg} (width × height). */
    public FigureFiles write(Path dir) {
        return FigureWriter.write(chart, dir, name, width, height);
    }

    /** The bytes {@link #write(Path)} writes, without writing them. */
    public FigureWriter.Drawn draw() {
        return FigureWriter.draw(chart, name, width, height);
    }

    /** Writes {@code dir/name.png} and {@code dir/name.svg} at another layout size in points. */
    public FigureFiles write(Path dir, int width, int height) {
        return FigureWriter.write(chart, dir, name, width, height);
    }
}
