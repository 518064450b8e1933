package org.reprise.render;

import java.nio.file.Path;

/**
 * Where report templates come from: a templates folder (a spec's templates/ folder) whose files override the
 * built-in copies, which the jar carries under {@code templates/} on the classpath. A file missing from the
 * folder — or the whole folder — falls back to the built-in copy.
 *
 * @param directory the templates folder, or null for the built-in templates only
 */
public record TemplateSource(Path directory) {

    /** The built-in templates only. */
    public static TemplateSource builtIn() {
        return new TemplateSource(null);
    }

    /** Templates from {@code directory}, each missing file taken from the built-in copies. */
    public static TemplateSource of(Path directory) {
        return new TemplateSource(directory);
    }
}
