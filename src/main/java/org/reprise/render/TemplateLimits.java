package org.reprise.render;

import freemarker.core.Environment;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Bounds on what a template may do, and messages free of Freemarker's internals: a template writes at most
 * {@link #MAX_CHARS} characters (a loop over a huge range ends with the template's line, not with the heap
 * exhausted); endless recursion is named by the macro or function that calls itself.
 */
public final class TemplateLimits {
    /** The most characters one template may write (64 Mi: far beyond any report). */
    public static final long MAX_CHARS = 64L << 20;

    private TemplateLimits() {
    }

    /** Thrown by {@link Bounded} when a template writes too much; carries the template line writing at the time. */
    public static final class TooMuchOutput extends IOException {
        public final String template;
        public final int line;

        TooMuchOutput(String template, int line) {
            super("too much output");
            this.template = template;
            this.line = line;
        }
    }

    /** A writer that refuses to grow past {@link #MAX_CHARS}. */
    public static final class Bounded extends Writer {
        private final Writer out;
        private final long max;
        private long written;

        public Bounded(Writer out, long max) {
            this.out = out;
            this.max = max;
        }

        @Override
        public void write(char[] buf, int off, int len) throws IOException {
            written += len;
            if (written > max) {
                Environment env = Environment.getCurrentEnvironment();
                String template = null;
                int line = 0;
                if (env != null) {
                    TemplateException at = new TemplateException("", env);
                    template = at.getTemplateSourceName();
                    line = at.getLineNumber() == null ? 0 : at.getLineNumber();
                }
                throw new TooMuchOutput(template, line);
            }
            out.write(buf, off, len);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    private static final Pattern DEFINITION = Pattern.compile("<#(macro|function)\\s+([A-Za-z_][\\w]*)");

    /**
     * For endless recursion: "file:line: macro `m`" of the first macro or function among the user's templates whose
     * body calls itself, or null when none is found.
     */
    public static String recursiveDefinition(Path directory) {
        if (directory == null || !Files.isDirectory(directory)) {
            return null;
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(directory, 4)) {
            files = s.filter(p -> p.toString().endsWith(".ftl") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException | RuntimeException e) {
            return null;
        }
        for (Path f : files) {
            String text;
            try {
                text = Files.readString(f);
            } catch (IOException | RuntimeException e) {
                continue;
            }
            Matcher m = DEFINITION.matcher(text);
            while (m.find()) {
                String kind = m.group(1);
                String name = m.group(2);
                int end = text.indexOf("</#" + kind, m.end());
                String body = text.substring(m.end(), end < 0 ? text.length() : end);
                boolean calls = kind.equals("macro") ? body.contains("<@" + name)
                        : Pattern.compile("\\b" + Pattern.quote(name) + "\\s*\\(").matcher(body).find();
                if (calls) {
                    int line = 1 + (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count();
                    return f + ":" + line + ": " + kind + " `" + name + "`";
                }
            }
        }
        return null;
    }

    /** Freemarker's message without Java internals (wrapper classes, template loaders, object identities). */
    public static String clean(String message) {
        String m = message;
        int loader = m.indexOf("The name was interpreted by this TemplateLoader");
        if (loader >= 0) {
            m = m.substring(0, loader).strip();
        }
        m = m.replaceAll("\\s*\\(wrapper: [^)]*\\)", "");
        m = m.replaceAll("\\b(?:[a-z]\\w*\\.)+[A-Z][\\w$]*@[0-9a-f]+", "an internal object");
        m = m.replaceAll("\\b(?:freemarker|java|javax|jdk|sun)\\.(?:[\\w$]+\\.)*[A-Z][\\w$]*", "an internal class");
        return m;
    }
}
