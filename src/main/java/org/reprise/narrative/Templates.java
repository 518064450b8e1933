package org.reprise.narrative;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.ParseException;
import freemarker.core.PlainTextOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.SimpleObjectWrapper;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.reprise.UserError;

/**
 * The narrative templates: a user folder (templates/narrative/ of the project) first, file by file, then the built-in
 * copy on the classpath under {@value #CLASSPATH_FOLDER}. Freemarker is configured so templates see only the plain
 * maps of strings and booleans they are given: no ?new, no ?api, no Java objects.
 */
final class Templates {
    static final String CLASSPATH_FOLDER = "templates/narrative";

    private final Configuration cfg;
    private final Path userFolder;

    Templates(Path userFolder, ClassLoader classLoader) {
        this.userFolder = userFolder != null && Files.isDirectory(userFolder) ? userFolder : null;
        cfg = new Configuration(Configuration.VERSION_2_3_34);
        List<TemplateLoader> loaders = new ArrayList<>();
        if (this.userFolder != null) {
            try {
                loaders.add(new FileTemplateLoader(this.userFolder.toFile()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        loaders.add(new ClassTemplateLoader(classLoader, CLASSPATH_FOLDER));
        cfg.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(new TemplateLoader[0])));
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setObjectWrapper(new SimpleObjectWrapper(Configuration.VERSION_2_3_34));
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setDefaultEncoding("UTF-8");
        cfg.setLocale(Locale.ROOT);
        cfg.setLocalizedLookup(false);
        cfg.setOutputFormat(PlainTextOutputFormat.INSTANCE);
    }

    /** Renders {@code name} ("regression.ftl") with a map of strings and booleans, then {@link #tidy}s it. */
    String render(String name, Map<String, Object> model) {
        Template t;
        try {
            t = cfg.getTemplate(name);
        } catch (TemplateNotFoundException e) {
            throw new IllegalStateException("the built-in narrative template " + CLASSPATH_FOLDER + "/" + name
                    + " is missing from the classpath", e);
        } catch (ParseException e) {
            throw new UserError(where(name) + ":" + e.getLineNumber() + ":" + e.getColumnNumber()
                    + ": the narrative template has a syntax error: " + oneLine(e.getEditorMessage())
                    + " Fix the template, or delete it to use the built-in one.", e);
        } catch (IOException e) {
            throw new UserError(where(name) + ": the narrative template cannot be read: " + oneLine(e.getMessage())
                    + " Fix the file, or delete it to use the built-in one.", e);
        }
        StringWriter out = new StringWriter();
        try {
            t.process(model, new org.reprise.render.TemplateLimits.Bounded(out,
                    org.reprise.render.TemplateLimits.MAX_CHARS));
        } catch (org.reprise.render.TemplateLimits.TooMuchOutput e) {
            throw new UserError(where(e.template != null ? e.template : name) + ":" + e.line + ": the narrative"
                    + " template wrote more than " + (org.reprise.render.TemplateLimits.MAX_CHARS >> 20) + " MB (a"
                    + " loop over a huge range?). Fix the template, or delete it to use the built-in one.");
        } catch (StackOverflowError e) {
            String at = org.reprise.render.TemplateLimits.recursiveDefinition(userFolder);
            throw new UserError((at != null ? at + " calls itself" : where(name) + ": a macro or function calls"
                    + " itself") + " without end. Give the recursion a condition that stops it, or remove it.");
        } catch (TemplateException e) {
            Integer line = e.getLineNumber();
            throw new UserError(where(name) + (line == null ? "" : ":" + line + ":" + e.getColumnNumber())
                    + ": the narrative template failed: "
                    + oneLine(org.reprise.render.TemplateLimits.clean(e.getMessageWithoutStackTop()))
                    + " Templates receive only the strings and booleans listed in docs/narrative.md; fix the template,"
                    + " or delete it to use the built-in one.", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tidy(out.toString());
    }

    /** Whitespace runs become one space; no space before , ; : . ) or after (. */
    static String tidy(String s) {
        return s.replaceAll("\\s+", " ").replaceAll(" ([,;:.)])", "$1").replace("( ", "(").strip();
    }

    /** The file a template comes from, as the user would name it. */
    String where(String name) {
        if (userFolder != null && Files.isRegularFile(userFolder.resolve(name))) {
            return userFolder.resolve(name).toString();
        }
        return "built-in " + CLASSPATH_FOLDER + "/" + name;
    }

    /** Freemarker's message on one line, without its "---- Tip ... ----" block, ending with one period. */
    private static String oneLine(String s) {
        String t = s == null ? "" : s.replaceAll("(?s)----.*?----", " ").replaceAll("\\s+", " ").strip();
        return t.endsWith(".") ? t : t + ".";
    }
}
