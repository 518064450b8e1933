package org.reprise.render;

import freemarker.core.CommonMarkupOutputFormat;
import java.io.IOException;
import java.io.Writer;

/** Freemarker output format "Markdown": {@code ${x}} in a *.md.ftl template is escaped for GitHub Markdown. */
public final class MarkdownOutputFormat extends CommonMarkupOutputFormat<TemplateMarkdownOutputModel> {
    /** The one instance. */
    public static final MarkdownOutputFormat INSTANCE = new MarkdownOutputFormat();

    private MarkdownOutputFormat() {
    }

    @Override
    public String getName() {
        return "Markdown";
    }

    @Override
    public String getMimeType() {
        return "text/markdown";
    }

    @Override
    public void output(String textToEsc, Writer out) throws IOException {
        out.write(Escape.markdown(textToEsc));
    }

    @Override
    public String escapePlainText(String plainTextContent) {
        return Escape.markdown(plainTextContent);
    }

    @Override
    public boolean isLegacyBuiltInBypassed(String builtInName) {
        return false;
    }

    @Override
    protected TemplateMarkdownOutputModel newTemplateMarkupOutputModel(String plainTextContent, String markupContent) {
        return new TemplateMarkdownOutputModel(plainTextContent, markupContent);
    }
}
