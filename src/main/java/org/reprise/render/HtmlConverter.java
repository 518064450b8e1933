package org.reprise.render;

import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;

/** Markdown → HTML body with flexmark (GitHub tables); raw HTML in the Markdown is escaped, never passed through. */
final class HtmlConverter {
    private static final MutableDataSet OPTIONS = new MutableDataSet()
            .set(Parser.EXTENSIONS, List.of(TablesExtension.create()))
            .set(TablesExtension.COLUMN_SPANS, false)
            .set(TablesExtension.APPEND_MISSING_COLUMNS, true)
            .set(TablesExtension.DISCARD_EXTRA_COLUMNS, true)
            .set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true)
            .set(HtmlRenderer.ESCAPE_HTML, true)
            .set(HtmlRenderer.SUPPRESS_HTML, false)
            .set(HtmlRenderer.SOFT_BREAK, "\n")
            .set(HtmlRenderer.INDENT_SIZE, 0)
            .toImmutable().toMutable();

    private HtmlConverter() {
    }

    static String toHtml(String markdown) {
        Parser parser = Parser.builder(OPTIONS).build();
        HtmlRenderer renderer = HtmlRenderer.builder(OPTIONS).build();
        return renderer.render(parser.parse(markdown));
    }
}
