package org.reprise.figure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.UserError;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class FigureWriterTest {

    @TempDir
    Path tmp;

    @Test
    void sameInputGivesByteIdenticalFiles() throws Exception {
        List<Figure> first = Samples.all();
        List<Figure> second = Samples.all();
        for (int i = 0; i < first.size(); i++) {
            FigureFiles a = first.get(i).write(tmp.resolve("a"));
            FigureFiles b = second.get(i).write(tmp.resolve("b"));
            assertArrayEquals(Files.readAllBytes(a.png()), Files.readAllBytes(b.png()), a.png().toString());
            assertArrayEquals(Files.readAllBytes(a.svg()), Files.readAllBytes(b.svg()), a.svg().toString());
            // drawing the same chart object a second time changes nothing either
            FigureFiles c = first.get(i).write(tmp.resolve("c"));
            assertArrayEquals(Files.readAllBytes(a.png()), Files.readAllBytes(c.png()));
            assertArrayEquals(Files.readAllBytes(a.svg()), Files.readAllBytes(c.svg()));
        }
        assertEquals("true", System.getProperty("java.awt.headless"));
    }

    @Test
    void pngDecodesAtTwiceTheLayoutSizeWithOnlyFixedChunks() throws Exception {
        FigureFiles f = Samples.love().write(tmp);
        assertEquals(tmp.resolve("love.png"), f.png());
        byte[] bytes = Files.readAllBytes(f.png());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertNotNull(image);
        assertEquals(1600, image.getWidth());
        assertEquals(1000, image.getHeight());
        // corner pixel is the white background
        assertEquals(0xFFFFFF, image.getRGB(0, 0) & 0xFFFFFF);

        List<String> chunks = new ArrayList<>();
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        buf.position(8);
        int perMetre = -1;
        while (buf.remaining() >= 12) {
            int length = buf.getInt();
            byte[] type = new byte[4];
            buf.get(type);
            String name = new String(type, StandardCharsets.US_ASCII);
            if (!name.equals("IDAT") || chunks.isEmpty() || !chunks.get(chunks.size() - 1).equals("IDAT")) {
                chunks.add(name);
            }
            if (name.equals("pHYs")) {
                perMetre = buf.getInt(buf.position());
            }
            buf.position(buf.position() + length + 4);
        }
        assertEquals(List.of("IHDR", "pHYs", "IDAT", "IEND"), chunks);
        // 144 dpi = 144 / 0.0254 = 5669.29 pixels per metre
        assertEquals(5669, perMetre);
    }

    @Test
    void customSizeIsHonoured() throws Exception {
        FigureFiles f = Samples.means().write(tmp, 400, 300);
        BufferedImage image = ImageIO.read(f.png().toFile());
        assertEquals(800, image.getWidth());
        assertEquals(600, image.getHeight());
        Document svg = parse(Files.readAllBytes(f.svg()));
        assertEquals("400.0", svg.getDocumentElement().getAttribute("width"));
        assertEquals("300.0", svg.getDocumentElement().getAttribute("height"));
    }

    @Test
    void svgIsWellFormedAndHoldsTheLabelsVerbatim() throws Exception {
        for (Figure fig : Samples.all()) {
            FigureFiles f = fig.write(tmp);
            Document doc = parse(Files.readAllBytes(f.svg()));
            assertEquals("svg", doc.getDocumentElement().getTagName());
            String text = texts(doc);
            switch (fig.name()) {
                case "score" -> {
                    assertTrue(text.contains("Score & support <test> ×"), text);
                    assertTrue(text.contains("Common support"), text);
                }
                case "love" -> {
                    assertTrue(text.contains(Samples.TRICKY), text);
                    assertTrue(text.contains("Age²"), text);
                    assertTrue(text.contains("East × urban"), text);
                    assertTrue(text.contains("\u221240"), "true minus sign on the axis: " + text);
                }
                case "coef" -> {
                    assertTrue(text.contains("East & Berlin"), text);
                    assertTrue(text.contains("ATT (95% CI), R² < 1"), text);
                }
                case "means" -> assertTrue(text.contains("Reform <2016>"), text);
                default -> throw new AssertionError(fig.name());
            }
        }
    }

    @Test
    void svgIdsArePrefixedWithTheFigureName() throws Exception {
        FigureFiles f = Samples.score().write(tmp);
        String svg = Files.readString(f.svg(), StandardCharsets.UTF_8);
        assertTrue(svg.contains("id='score-clip-0'"), svg.substring(0, 400));
    }

    @Test
    void badNamesAndSizesAreUserErrors() throws Exception {
        Figure fig = Samples.means();
        assertThrows(UserError.class, () -> new Figure("../x", fig.chart()));
        assertThrows(UserError.class, () -> new Figure("", fig.chart()));
        assertThrows(UserError.class, () -> FigureWriter.write(fig.chart(), tmp, "a/b", 800, 500));
        assertThrows(UserError.class, () -> fig.write(tmp, 0, 500));
        Path blocker = Files.writeString(tmp.resolve("blocker"), "a file, not a folder");
        UserError e = assertThrows(UserError.class, () -> fig.write(blocker.resolve("inside")));
        assertTrue(e.getMessage().contains("means"), e.getMessage());
    }

    static Document parse(byte[] svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg));
    }

    static String texts(Document doc) {
        NodeList nodes = doc.getElementsByTagNameNS("*", "text");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < nodes.getLength(); i++) {
            b.append(nodes.item(i).getTextContent()).append('\n');
        }
        return b.toString();
    }
}
