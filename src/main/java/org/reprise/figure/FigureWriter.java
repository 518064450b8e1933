package org.reprise.figure;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.regex.Pattern;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.text.TextUtils;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;
import org.reprise.UserError;

/**
 * Writes a chart as {@code <name>.png} and {@code <name>.svg}, byte-identical for the same chart on the same
 * machine (same JDK and fonts).
 *
 * <p>{@code width} and {@code height} are the figure's layout size in points (1/72 inch, the unit the fonts are
 * sized in). The SVG has exactly that size; the PNG is drawn at twice the resolution ({@code 2·width × 2·height}
 * pixels) and says so in its {@code pHYs} chunk (144 dots per inch), so a PDF writer that honours the
 * resolution can place it at the same physical size as the SVG. The PNG holds only the IHDR, pHYs, IDAT and IEND
 * chunks (no tIME or text chunks); the SVG's definition ids are prefixed with the figure name instead of JFreeSVG's
 * default clock-based prefix, so nothing in either file depends on when it was written.
 */
public final class FigureWriter {
    /** PNG pixels per layout point. */
    public static final int PNG_SCALE = 2;
    /** Default layout size in points (PNG 1600 × 1000 pixels). */
    public static final int DEFAULT_WIDTH = 800;
    public static final int DEFAULT_HEIGHT = 500;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private FigureWriter() {
    }

    /**
     * Sets {@code java.awt.headless=true} unless the caller already chose a value, and makes JFreeChart draw rotated
     * labels (the y-axis title) with {@code drawString} instead of its old-JDK workaround that turns them into glyph
     * outlines, so the SVG keeps them as searchable {@code <text>}.
     */
    static void ensureHeadless() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    /**
     * Writes {@code dir/name.png} and {@code dir/name.svg}, creating {@code dir} if needed.
     *
     * @param width  layout width in points; the PNG is {@code 2·width} pixels wide
     * @param height layout height in points; the PNG is {@code 2·height} pixels high
     * @throws UserError if the name is not a plain file name, the size is not positive, or the files cannot be written
     */
    public static FigureFiles write(JFreeChart chart, Path dir, String name, int width, int height) {
        return save(draw(chart, name, width, height), dir);
    }

    /** A figure's two files, drawn but not written: {@code name.png} and {@code name.svg}. */
    public record Drawn(String name, byte[] png, byte[] svg) {
    }

    /**
     * The bytes {@link #write} writes, without writing them.
     *
     * @throws UserError if the name is not a plain file name or the size is not positive
     */
    public static Drawn draw(JFreeChart chart, String name, int width, int height) {
        checkName(name);
        if (width <= 0 || height <= 0 || width > 10_000 || height > 10_000) {
            throw new UserError("Figure '" + name + "': the size " + width + " × " + height
                    + " is not usable; give a width and height between 1 and 10000 points (the default is "
                    + DEFAULT_WIDTH + " × " + DEFAULT_HEIGHT + ").");
        }
        return new Drawn(name, png(chart, width, height), svg(chart, name, width, height));
    }

    /**
     * Writes a drawn figure as {@code dir/name.png} and {@code dir/name.svg}, creating {@code dir} if needed.
     *
     * @throws UserError if the files cannot be written
     */
    public static FigureFiles save(Drawn drawn, Path dir) {
        Path pngFile = dir.resolve(drawn.name() + ".png");
        Path svgFile = dir.resolve(drawn.name() + ".svg");
        try {
            Files.createDirectories(dir);
            Files.write(pngFile, drawn.png());
            Files.write(svgFile, drawn.svg());
        } catch (IOException e) {
            throw new UserError("Could not write figure '" + drawn.name() + "' into the folder " + dir + ": "
                    + e.getMessage() + ". Check that the folder can be created and written to.", e);
        }
        return new FigureFiles(pngFile, svgFile);
    }

    /** The PNG bytes: {@code 2·width × 2·height} pixels, opaque RGB, pHYs = 144 dpi, no time or text chunks. */
    public static byte[] png(JFreeChart chart, int width, int height) {
        ensureHeadless();
        BufferedImage image = new BufferedImage(width * PNG_SCALE, height * PNG_SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.scale(PNG_SCALE, PNG_SCALE);
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g.dispose();
        }
        try {
            return encodePng(image, 72 * PNG_SCALE);
        } catch (IOException e) {
            throw new IllegalStateException("PNG encoding failed in memory", e);
        }
    }

    /** The SVG document bytes (UTF-8), {@code width × height} with a matching viewBox. */
    public static byte[] svg(JFreeChart chart, String name, int width, int height) {
        ensureHeadless();
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setDefsKeyPrefix(name.replaceAll("[^A-Za-z0-9_-]", "_") + "-");
        g.setFontFunction(FigureWriter::cssFontFamily);
        chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        String element = g.getSVGElement(null, true, new ViewBox(0, 0, width, height), null, null);
        String doc = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + element + "\n";
        return doc.getBytes(StandardCharsets.UTF_8);
    }

    /** CSS font-family with a generic fallback, so viewers without DejaVu Sans still use a sans-serif face. */
    static String cssFontFamily(String family) {
        if (family.equals(java.awt.Font.SANS_SERIF) || family.equals(java.awt.Font.DIALOG)) {
            return "sans-serif";
        }
        return "\"" + family.replace("\"", "") + "\", sans-serif";
    }

    static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new UserError("The figure name '" + name + "' cannot be used as a file name; use letters, digits, "
                    + "'_', '-' and '.', starting with a letter or digit (for example 'love_plot').");
        }
    }

    private static byte[] encodePng(BufferedImage image, int dpi) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        ImageWriter writer = writers.next();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
            addResolution(meta, dpi);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(image, null, meta), param);
            }
            return bytes.toByteArray();
        } finally {
            writer.dispose();
        }
    }

    private static void addResolution(IIOMetadata meta, int dpi) throws IIOInvalidTreeException {
        String format = "javax_imageio_png_1.0";
        int perMetre = (int) Math.round(dpi / 0.0254);
        IIOMetadataNode phys = new IIOMetadataNode("pHYs");
        phys.setAttribute("pixelsPerUnitXAxis", Integer.toString(perMetre));
        phys.setAttribute("pixelsPerUnitYAxis", Integer.toString(perMetre));
        phys.setAttribute("unitSpecifier", "meter");
        IIOMetadataNode root = new IIOMetadataNode(format);
        root.appendChild(phys);
        meta.mergeTree(format, root);
    }
}
