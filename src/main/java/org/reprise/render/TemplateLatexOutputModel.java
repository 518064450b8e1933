package org.reprise.render;

import freemarker.core.CommonTemplateMarkupOutputModel;

/** A piece of LaTeX markup inside a template (Freemarker's markup value for {@link LatexOutputFormat}). */
public final class TemplateLatexOutputModel extends CommonTemplateMarkupOutputModel<TemplateLatexOutputModel> {
    TemplateLatexOutputModel(String plainTextContent, String markupContent) {
        super(plainTextContent, markupContent);
    }

    @Override
    public LatexOutputFormat getOutputFormat() {
        return LatexOutputFormat.INSTANCE;
    }
}
