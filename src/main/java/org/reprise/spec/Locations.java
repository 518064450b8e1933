package org.reprise.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.reprise.UserError;

/**
 * Where every key and value of the spec file sits, by JSON pointer ({@code /models/2/outcome}). Built by streaming
 * the YAML once, which is also where syntax errors, duplicate keys, aliases and extra documents are caught
 * (anchors alone are harmless and ignored).
 * Pointers that are not in the file (an optional key left out) resolve to their nearest enclosing value.
 */
public final class Locations {
    /** What the file has at one pointer: where the value starts, its token, and its text when a scalar. */
    record Value(Location at, JsonToken token, String text) {
    }

    private final String file;
    private final Map<String, Value> values;
    private final Map<String, Location> keys;

    private Locations(String file, Map<String, Value> values, Map<String, Location> keys) {
        this.file = file;
        this.values = values;
        this.keys = keys;
    }

    /** The spec path as the user gave it. */
    public String file() {
        return file;
    }

    /** True when the file has a value at exactly this pointer (a key that is present, even if empty). */
    public boolean has(String pointer) {
        return values.containsKey(pointer);
    }

    /** Where the value at {@code pointer} (or its nearest enclosing value) starts. */
    public Location value(String pointer) {
        String p = pointer;
        while (true) {
            Value v = values.get(p);
            if (v != null) {
                return v.at();
            }
            if (p.isEmpty()) {
                return new Location(file, 1, 1);
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    /** Where the key of {@code pointer} starts; the value's location when it has no key (a list item). */
    public Location key(String pointer) {
        Location k = keys.get(pointer);
        return k != null ? k : value(pointer);
    }

    /** "file:line:column" of the value at {@code pointer}. */
    public String locate(String pointer) {
        return value(pointer).toString();
    }

    /** A user error located at the value of {@code pointer}. */
    public UserError error(String pointer, String message) {
        return at(value(pointer), message);
    }

    /** A user error located at the key of {@code pointer}. */
    public UserError keyError(String pointer, String message) {
        return at(key(pointer), message);
    }

    static UserError at(Location l, String message) {
        return UserError.at(l.file(), l.line(), l.column(), message);
    }

    /** The token found at {@code pointer}, or null when absent. */
    JsonToken token(String pointer) {
        Value v = values.get(pointer);
        return v == null ? null : v.token();
    }

    /** The scalar text at {@code pointer}, or null. */
    String text(String pointer) {
        Value v = values.get(pointer);
        return v == null ? null : v.text();
    }

    /** Escapes one key for use in a pointer (RFC 6901). */
    public static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    /**
     * Streams {@code text} once and indexes it. Throws a located UserError for YAML syntax errors, a file that is
     * empty or not a map at the top, duplicate keys, aliases, and more than one document.
     */
    static Locations scan(String file, String text, YAMLFactory factory) {
        Map<String, Value> values = new HashMap<>();
        Map<String, Location> keys = new HashMap<>();
        try (YAMLParser p = (YAMLParser) factory.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new UserError(file + ": the file has no content. Start with at least `title:` and `data:`"
                        + " (see docs/spec.md for an example).");
            }
            if (t != JsonToken.START_OBJECT) {
                Location l = location(file, p.getTokenLocation());
                throw at(l, "the file must be a map of keys such as `title:`, `data:` and `models:` at the top level,"
                        + " but it starts with " + describe(t, p.getText()) + ". Write each top-level key at the"
                        + " start of a line, followed by a colon.");
            }
            int depth = 0;
            do {
                Location l = location(file, p.getTokenLocation());
                String pointer = p.getParsingContext().pathAsPointer().toString();
                if (p.isCurrentAlias()) {
                    throw at(l, "YAML aliases (`*name`) are not supported. Write the value out in full instead of referring to"
                            + " an anchor.");
                }
                if (t == JsonToken.FIELD_NAME) {
                    Location first = keys.putIfAbsent(pointer, l);
                    if (first != null) {
                        throw at(l, "the key `" + p.currentName() + "` appears twice in the same map (first at line "
                                + first.line() + "). Keep one of them.");
                    }
                } else if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    values.putIfAbsent(pointer, new Value(l, t, null));
                    depth++;
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    depth--;
                } else {
                    values.putIfAbsent(pointer, new Value(l, t, p.getText()));
                }
                if (depth == 0) {
                    break;
                }
                t = p.nextToken();
            } while (t != null);
            JsonToken extra = p.nextToken();
            if (extra != null) {
                throw at(location(file, p.getTokenLocation()), "the file holds more than one YAML document"
                        + " (separated by `---`). Keep a single document.");
            }
        } catch (IOException e) {
            throw YamlErrors.translate(file, e);
        }
        return new Locations(file, values, keys);
    }

    static Location location(String file, JsonLocation l) {
        return new Location(file, Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
    }

    /** Plain words for what a token is, for "found ..." in messages. */
    static String describe(JsonToken t, String text) {
        if (t == null) {
            return "nothing";
        }
        switch (t) {
            case START_OBJECT:
                return "a map (key: value lines)";
            case START_ARRAY:
                return "a list";
            case VALUE_STRING:
                return "the text `" + shorten(text) + "`";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "the number " + text;
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "`" + text + "` (which YAML reads as true/false)";
            case VALUE_NULL:
                return "an empty value";
            default:
                return "`" + shorten(text) + "`";
        }
    }

    private static String shorten(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }
}
