package org.reprise.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import java.io.CharConversionException;
import java.io.IOException;
import org.reprise.UserError;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** Turns YAML syntax errors into one located paragraph with a plain-words hint. */
final class YamlErrors {
    private static final String INDENT = "Keys of one map, and the `- ` items of one list,"
            + " must start in the same column, and nested lines are indented further with spaces (never tabs).";

    private YamlErrors() {
    }

    static UserError translate(String file, IOException e) {
        MarkedYAMLException marked = find(e);
        if (marked != null) {
            return fromSnakeYaml(file, marked);
        }
        if (e instanceof CharConversionException || e.getCause() instanceof CharConversionException) {
            return new UserError(file + ": the file is not valid UTF-8 text. Save it as UTF-8 and try again.");
        }
        if (e instanceof JsonProcessingException jpe && jpe.getLocation() != null) {
            JsonLocation l = jpe.getLocation();
            return UserError.at(file, l.getLineNr(), l.getColumnNr(),
                    "this could not be read as YAML (" + plain(jpe.getOriginalMessage()) + "). Write plain text, numbers,"
                            + " lists and maps only, and put unusual values in quotes.");
        }
        return new UserError(file + ": could not read the file (" + e.getMessage() + ").", e);
    }

    private static MarkedYAMLException find(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof MarkedYAMLException m) {
                return m;
            }
        }
        return null;
    }

    private static UserError fromSnakeYaml(String file, MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "" : e.getProblem();
        String context = e.getContext() == null ? "" : e.getContext();
        Mark at = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String hint;
        if (problem.contains("\\t") || problem.contains("(TAB)")) {
            hint = "a tab character is used here, but YAML allows only spaces for indentation. Replace the tab with"
                    + " spaces (two per level is usual).";
        } else if (context.contains("quoted scalar") && problem.contains("end of stream")) {
            at = e.getContextMark();
            hint = "this quoted text is never closed. Add the closing quote at the end of the value.";
        } else if (context.contains("quoted scalar")) {
            hint = "this quoted text is not valid (" + problem + "). Inside double quotes write \\\\ for a"
                    + " backslash, or use single quotes instead.";
        } else if (problem.contains("mapping values are not allowed")) {
            hint = "a `:` where it is not expected. Either this line is indented further than the key above it (line"
                    + " up the keys of one map in the same column), or a value contains `: ` and must be put in"
                    + " quotes.";
        } else if (context.contains("flow sequence") || context.contains("flow mapping")) {
            at = e.getContextMark() != null ? e.getContextMark() : at;
            hint = "this bracketed " + (context.contains("sequence") ? "list `[...]`" : "map `{...}`")
                    + " is not closed properly. Check for a missing `" + (context.contains("sequence") ? "]" : "}")
                    + "` or comma, and quote items that contain `,` `:` `[` `]` `{` `}`.";
        } else if (problem.contains("could not find expected ':'")) {
            hint = "a line that is neither `key: value` nor a continuation of the value above. Add the missing colon,"
                    + " or put the text in quotes.";
        } else if (problem.contains("cannot start any token")) {
            hint = "a value starts with a character YAML reserves (" + problem.replaceAll(".*character ", "")
                    .replace(" that cannot start any token", "") + "). Put the value in quotes.";
        } else if (problem.startsWith("expected") || problem.startsWith("did not find expected")) {
            hint = "the indentation does not fit the lines above. " + INDENT;
        } else {
            hint = "this is not valid YAML (" + problem.trim() + "). " + INDENT;
        }
        int line = at == null ? 0 : at.getLine() + 1;
        int column = at == null ? 0 : at.getColumn() + 1;
        return UserError.at(file, line, column, hint);
    }

    /** The parser's message without its Java internals: an event object becomes "a list" / "a map" / "an alias". */
    static String plain(String m) {
        if (m == null) {
            return "";
        }
        String out = m.replaceAll("<org\\.yaml\\.snakeyaml\\.events\\.SequenceStartEvent[^>]*>", "a list")
                .replaceAll("<org\\.yaml\\.snakeyaml\\.events\\.MappingStartEvent[^>]*>", "a map")
                .replaceAll("<org\\.yaml\\.snakeyaml\\.events\\.AliasEvent[^>]*>", "an alias")
                .replaceAll("<org\\.yaml\\.snakeyaml\\.events\\.(\\w+)Event[^>]*>", "$1")
                .replace("Expected a field name (Scalar value in YAML), got this instead: ",
                        "a key must be a plain word, but found ");
        return out;
    }
}
