package org.reprise.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.reprise.report.Report;

/**
 * In the PDF a negative number has a true minus sign (U+2212) and no line ever breaks inside a number: a long
 * paragraph full of "(-0.1501, SE 0.0085)" is laid out at many widths (by varying the text before it) and every
 * number comes back whole from the PDF's text.
 */
class PdfNumbersTest {
    private static final Pattern NUMBER = Pattern.compile("\u2212?\\d+\\.\\d+");

    @Test
    void negativeNumbersHaveATrueMinusAndNeverBreak() throws Exception {
        List<Report.Block> blocks = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int shift = 0; shift < 24; shift++) {
            StringBuilder sb = new StringBuilder("x".repeat(shift + 1));
            for (int k = 0; k < 12; k++) {
                String b = "-0." + (1501 + 37 * k + shift);
                sb.append(" the effect is larger in column ").append(k).append(" (").append(b).append(", SE 0.0085)");
                expected.add(b.replace('-', '\u2212'));
                expected.add("0.0085");
            }
            blocks.add(new Report.Paragraph(sb.toString()));
        }
        PdfReader reader = new PdfReader(Renderers.pdf(new Report("Numbers", List.of(), "", blocks), null, null));
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= reader.getNumberOfPages(); i++) {
            text.append(new PdfTextExtractor(reader).getTextFromPage(i)).append('\n');
        }
        reader.close();
        List<String> found = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        assertEquals(expected, found, text.toString());
        assertFalse(text.toString().contains("-0."), "no hyphen-minus before a number");
        assertTrue(text.toString().lines().noneMatch(l -> l.endsWith("\u2212") || l.endsWith("(\u2212")), text.toString());
    }
}
