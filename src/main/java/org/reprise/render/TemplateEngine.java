package org.reprise.render;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.ConditionalTemplateConfigurationFactory;
import freemarker.cache.FileNameGlobMatcher;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.FirstMatchTemplateConfigurationFactory;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.cache.TemplateNameFormat;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.ParseException;
import freemarker.core.TemplateConfiguration;
import freemarker.template.Configuration;
import freemarker.template.SimpleObjectWrapper;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;
import freemarker.core.TemplateClassResolver;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.reprise.UserError;

/**
 * A locked-down Freemarker configuration: templates only from the templates folder and the built-in copies,
 * no {@code ?new}, no {@code ?api}, plain data only, and auto-escaping chosen by file name
 * (*.tex.ftl → LaTeX, *.md.ftl → Markdown, *.html.ftl → HTML) so a template cannot forget to escape.
 */
final class TemplateEngine {
    private final Configuration cfg;
    private final Path directory;

    TemplateEngine(TemplateSource source) {
        this.directory = source == null ? null : source.directory();
        Configuration c = new Configuration(Configuration.VERSION_2_3_34);
        List<TemplateLoader> loaders = new ArrayList<>();
        if (directory != null && Files.isDirectory(directory)) {
            try {
                loaders.add(new FileTemplateLoader(directory.toFile()));
            } catch (IOException e) {
                throw new UserError("Cannot read the templates folder " + directory + ": " + e.getMessage()
                        + ". Check that it exists and is readable, or remove it to use the built-in templates.", e);
            }
        }
        loaders.add(new ClassTemplateLoader(TemplateEngine.class.getClassLoader(), "templates"));
        c.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(new TemplateLoader[0])));
        c.setTemplateNameFormat(TemplateNameFormat.DEFAULT_2_4_0);
        c.setLocalizedLookup(false);
        c.setDefaultEncoding("UTF-8");
        c.setOutputEncoding("UTF-8");
        c.setLocale(Locale.ROOT);
        c.setTimeZone(TimeZone.getTimeZone("UTC"));
        c.setNumberFormat("computer");
        c.setBooleanFormat("c");
        c.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        c.setAPIBuiltinEnabled(false);
        c.setObjectWrapper(new SimpleObjectWrapper(Configuration.VERSION_2_3_34));
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        c.setWrapUncheckedExceptions(true);
        c.setFallbackOnNullLoopVariable(false);
        c.setRegisteredCustomOutputFormats(List.of(LatexOutputFormat.INSTANCE, MarkdownOutputFormat.INSTANCE));
        c.setTemplateConfigurations(new FirstMatchTemplateConfigurationFactory(
                byGlob("*.tex.ftl", LatexOutputFormat.INSTANCE),
                byGlob("*.md.ftl", MarkdownOutputFormat.INSTANCE),
                byGlob("*.html.ftl", HTMLOutputFormat.INSTANCE)).allowNoMatch(true));
        this.cfg = c;
    }

    private static ConditionalTemplateConfigurationFactory byGlob(String glob, freemarker.core.OutputFormat format) {
        TemplateConfiguration tc = new TemplateConfiguration();
        tc.setOutputFormat(format);
        tc.setAutoEscapingPolicy(Configuration.ENABLE_IF_DEFAULT_AUTO_ESCAPING_POLICY);
        return new ConditionalTemplateConfigurationFactory(new FileNameGlobMatcher(glob), tc);
    }

    /** Renders template {@code name} with {@code data}; output has "\n" line ends. */
    String render(String name, Map<String, Object> data) {
        StringWriter out = new StringWriter();
        try {
            Template template = cfg.getTemplate(name);
            template.process(data, new TemplateLimits.Bounded(out, TemplateLimits.MAX_CHARS));
        } catch (TemplateLimits.TooMuchOutput e) {
            out = null;
            String file = fileOf(e.template != null ? e.template : name);
            throw new UserError(file + ":" + e.line + ":0: the template wrote more than "
                    + (TemplateLimits.MAX_CHARS >> 20) + " MB (a loop over a huge range, e.g. <#list 1..2000000000"
                    + " as i>?). Loop over the data the template is given, or over a small range.");
        } catch (StackOverflowError e) {
            out = null;
            String where = TemplateLimits.recursiveDefinition(directory);
            throw new UserError((where != null ? where + " calls itself" : fileOf(name) + ": a macro or function"
                    + " calls itself") + " without end (the template recursed until Java's stack ran out). Give"
                    + " the recursion a condition that stops it, or remove it.");
        } catch (OutOfMemoryError e) {
            out = null;
            throw new UserError(fileOf(name) + ": the template used up the memory Java has (a loop building ever"
                    + " larger sequences or strings?). Loop over the data the template is given, or over a small"
                    + " range.");
        } catch (TemplateNotFoundException e) {
            throw new UserError("Template " + name + " was not found in " + where() + " nor among the built-in "
                    + "templates; restore the file or remove the templates folder to use the built-in copies.", e);
        } catch (ParseException e) {
            throw new UserError(fileOf(e.getTemplateName()) + ":" + e.getLineNumber() + ":" + e.getColumnNumber()
                    + ": the template has a syntax error: " + e.getEditorMessage()
                    + ". Fix the template (or delete it to use the built-in copy).", e);
        } catch (TemplateException e) {
            String msg = TemplateLimits.clean(e.getMessageWithoutStackTop().replaceAll("\\s+", " ").strip());
            String file = fileOf(e.getTemplateSourceName() != null ? e.getTemplateSourceName() : name);
            Integer line = e.getLineNumber();
            Integer col = e.getColumnNumber();
            String hint = msg.contains("?api") || msg.contains("not allowed")
                    ? " Templates may only lay out the data they are given (?new and ?api are disabled)."
                    : msg.contains("inclusion failed") || msg.contains("importing failed")
                    ? " Templates may include or import only files of the templates folder (or the built-in"
                    + " templates), named relative to it." : "";
            throw new UserError(file + ":" + (line == null ? 0 : line) + ":" + (col == null ? 0 : col)
                    + ": the template failed: " + (msg.endsWith(".") ? msg : msg + ".") + hint
                    + " Fix the template (or delete it to use the built-in copy).", e);
        } catch (SecurityException e) {
            throw new UserError(fileOf(name) + ": this template, or a template it includes, is a symbolic link to a"
                    + " file outside the templates folder " + directory + ", which templates may not read. Copy the"
                    + " file into the templates folder instead of linking to it.", e);
        } catch (IOException e) {
            throw new UserError("Cannot read template " + name + " from " + where() + ": " + e.getMessage()
                    + ". Check the file is readable UTF-8.", e);
        }
        return out.toString().replace("\r\n", "\n").replace('\r', '\n');
    }

    private String where() {
        return directory == null ? "the built-in templates" : "the templates folder " + directory;
    }

    /** The file a template name came from: the templates folder's copy if there is one, else the built-in one. */
    private String fileOf(String templateName) {
        if (templateName == null) {
            return "template";
        }
        if (directory != null && Files.isRegularFile(directory.resolve(templateName))) {
            return directory.resolve(templateName).toString();
        }
        return "built-in template templates/" + templateName;
    }
}
