package org.reprise.verify;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reprise.UserError;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A YAML document as a small tree in which every node knows its line and column. Scalars keep the text exactly as
 * written, so an unquoted {@code 0.0670} keeps its trailing zero. Syntax errors, duplicate keys, aliases and extra
 * documents become a located {@link UserError}.
 */
final class YamlTree {
    private YamlTree() {
    }

    /** A node and where it starts (1-based line and column). */
    sealed interface Node permits MapNode, ListNode, Scalar {
        int line();

        int column();
    }

    /** A map; each key keeps its own position. */
    record MapNode(Map<String, Keyed> entries, int line, int column) implements Node {
    }

    record Keyed(String key, int line, int column, Node value) {
    }

    record ListNode(List<Node> items, int line, int column) implements Node {
    }

    /** A scalar: its text as written, and the token (string, number, boolean, null). */
    record Scalar(String text, JsonToken token, int line, int column) implements Node {
    }

    static Node parse(String file, String text) {
        try (YAMLParser p = (YAMLParser) new YAMLFactory().createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return null;
            }
            Node root = read(file, p, t);
            if (p.nextToken() != null) {
                throw at(file, p.getTokenLocation(), "the file holds more than one YAML document (separated by"
                        + " `---`). Keep a single document.");
            }
            return root;
        } catch (IOException e) {
            throw syntax(file, e);
        }
    }

    private static Node read(String file, YAMLParser p, JsonToken t) throws IOException {
        JsonLocation l = p.getTokenLocation();
        int line = Math.max(1, l.getLineNr());
        int col = Math.max(1, l.getColumnNr());
        if (p.isCurrentAlias()) {
            throw at(file, l, "YAML aliases (`*name`) are not supported here. Write the value out in full.");
        }
        if (t == JsonToken.START_OBJECT) {
            Map<String, Keyed> entries = new LinkedHashMap<>();
            for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                JsonLocation kl = p.getTokenLocation();
                String key = p.currentName();
                Node value = read(file, p, p.nextToken());
                Keyed first = entries.get(key);
                if (first != null) {
                    throw at(file, kl, "the key `" + key + "` appears twice in the same map (first at line "
                            + first.line() + "). Keep one of them.");
                }
                entries.put(key, new Keyed(key, Math.max(1, kl.getLineNr()), Math.max(1, kl.getColumnNr()), value));
            }
            return new MapNode(entries, line, col);
        }
        if (t == JsonToken.START_ARRAY) {
            List<Node> items = new ArrayList<>();
            for (JsonToken i = p.nextToken(); i != JsonToken.END_ARRAY; i = p.nextToken()) {
                items.add(read(file, p, i));
            }
            return new ListNode(items, line, col);
        }
        return new Scalar(t == JsonToken.VALUE_NULL ? null : p.getText(), t, line, col);
    }

    static UserError at(String file, JsonLocation l, String message) {
        return UserError.at(file, Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()), message);
    }

    private static UserError syntax(String file, IOException e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof MarkedYAMLException m) {
                Mark mark = m.getProblemMark() != null ? m.getProblemMark() : m.getContextMark();
                String problem = m.getProblem() == null ? String.valueOf(m.getContext()) : m.getProblem();
                String context = m.getContext() == null ? "" : m.getContext();
                if (context.contains("flow mapping") || context.contains("flow sequence")) {
                    boolean map = context.contains("mapping");
                    Mark open = m.getContextMark() != null ? m.getContextMark() : mark;
                    String hint = "this " + (map ? "`{...}`" : "`[...]`") + " is not closed properly. Check for a"
                            + " missing `" + (map ? "}" : "]") + "` or comma, and quote values that contain `,` `:`"
                            + " `[` `]` `{` `}`.";
                    return open == null ? new UserError(file + ": " + hint)
                            : UserError.at(file, open.getLine() + 1, open.getColumn() + 1, hint);
                }
                String hint = problem.contains("mapping values are not allowed")
                        ? "a `:` where it is not expected: line up the keys of one map in the same column, and put"
                        + " a value that contains `: ` in quotes."
                        : "this is not valid YAML (" + problem.strip() + "). Keys of one map, and the `- ` items of"
                        + " one list, start in the same column; indent with spaces, never tabs; quote values that"
                        + " contain `:`, `#`, `[`, `]`, `{` or `}`.";
                return mark == null ? new UserError(file + ": " + hint)
                        : UserError.at(file, mark.getLine() + 1, mark.getColumn() + 1, hint);
            }
        }
        if (e instanceof JsonProcessingException j && j.getLocation() != null) {
            return at(file, j.getLocation(), "this could not be read as YAML (" + j.getOriginalMessage() + ").");
        }
        return new UserError(file + ": could not read the file (" + e.getMessage() + ").", e);
    }
}
