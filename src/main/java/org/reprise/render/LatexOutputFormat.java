package org.reprise.render;

import freemarker.core.CommonMarkupOutputFormat;
import java.io.IOException;
import java.io.Writer;

/** Freemarker output format "LaTeX": {@code ${x}} in a *.tex.ftl template is escaped for LaTeX text mode. */
public final class LatexOutputFormat extends CommonMarkupOutputFormat<TemplateLatexOutputModel> {
    /** The one instance. */
    public static final LatexOutputFormat INSTANCE = new LatexOutputFormat();

    private LatexOutputFormat() {
    }

    @Override
    public String getName() {
        return "LaTeX";
    }

    @Override
    public String getMimeType() {
        return "application/x-latex";
    }

    @Override
    public void output(String textToEsc, Writer out) throws IOException {
        out.write(Escape.latex(textToEsc));
    }

    @Override
    public String escapePlainText(String plainTextContent) {
        return Escape.latex(plainTextContent);
    }

    @Override
    public boolean isLegacyBuiltInBypassed(String builtInName) {
        return false;
    }

    @Override
    protected TemplateLatexOutputModel newTemplateMarkupOutputModel(String plainTextContent, String markupContent) {
        return new TemplateLatexOutputModel(plainTextContent, markupContent);
    }
}
