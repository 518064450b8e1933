package org.reprise.render;

import freemarker.core.CommonTemplateMarkupOutputModel;

/** A piece of Markdown markup inside a template (Freemarker's markup value for {@link MarkdownOutputFormat}). */
public final class TemplateMarkdownOutputModel extends CommonTemplateMarkupOutputModel<TemplateMarkdownOutputModel> {
    TemplateMarkdownOutputModel(String plainTextContent, String markupContent) {
        super(plainTextContent, markupContent);
    }

    @Override
    public MarkdownOutputFormat getOutputFormat() {
        return MarkdownOutputFormat.INSTANCE;
    }
}
