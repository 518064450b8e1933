package org.reprise.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.reprise.UserError;

/** Turns Jackson binding errors (unknown keys, wrong types, bad keywords) into located, plain-words UserErrors. */
final class BindErrors {
    /** What some keys take, where the Java type alone would say it poorly. */
    private static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry("decimals", "a whole number from 0 to 10, or a map such as `{estimate: 4, se: 4, nobs: 0}`"),
            Map.entry("data", "a data source (a map with at least `file:`) or a list of them"),
            Map.entry("stars", "a map such as `{levels: [0.10, 0.05, 0.01], symbols: [\"*\", \"**\", \"***\"]}`"),
            Map.entry("panel", "a map such as `{id: hhid, time: year}`"),
            Map.entry("variables", "a map from column name to a label or to `{label: ..., description: ...,"
                    + " group: ...}`"));

    private BindErrors() {
    }

    static UserError translate(JsonMappingException e, Locations where, UnaryOperator<String> canonical) {
        List<JsonMappingException.Reference> path = e.getPath();
        String pointer = canonical.apply(pointer(path));
        if (e instanceof UnrecognizedPropertyException u) {
            return unknownKey(u, where, pointer, place(pointer));
        }
        String key = "";
        for (JsonMappingException.Reference r : path) {
            if (r.getFieldName() != null) {
                key = r.getFieldName();
            }
        }
        boolean item = !path.isEmpty() && path.get(path.size() - 1).getFieldName() == null;
        String keyPointer = item ? pointer.substring(0, pointer.lastIndexOf('/')) : pointer;
        if (item && !where.has(pointer) && where.has(keyPointer)) {
            // a single value that Jackson wrapped into a list (data: 5): talk about the key itself
            item = false;
            pointer = keyPointer;
        }
        String subject = (item ? "item " + (path.get(path.size() - 1).getIndex() + 1) + " of " : "")
                + "`" + key + "`" + place(keyPointer);
        SpecProblem problem = problem(e);
        if (problem != null) {
            return where.error(pointer, subject + ": " + problem.getMessage());
        }
        if (e instanceof InvalidNullException) {
            return where.error(pointer, subject + " is empty. Remove the empty entry or give it a value.");
        }
        if (e instanceof MismatchedInputException m) {
            String expected = expected(key, pointer, item, m.getTargetType());
            return where.error(pointer, subject + " must be " + expected + ", but the file has "
                    + Locations.describe(where.token(pointer), where.text(pointer)) + ". " + howTo(expected));
        }
        String original = String.valueOf(e.getOriginalMessage());
        if (original.contains("out of range of")) {
            String range = original.contains("range of int") ? "from -2147483648 to 2147483647"
                    : "from -9223372036854775808 to 9223372036854775807";
            return where.error(pointer, subject + " is too large: the file has "
                    + Locations.describe(where.token(pointer), where.text(pointer)) + ", but it must be a whole number "
                    + range + ". Write a smaller number.");
        }
        // Jackson's own words, without Java class names
        String plain = original.replaceAll("\\b(?:[a-z]\\w*\\.)+[A-Z][\\w$]*", "a value")
                .replaceAll("\\s*at \\[Source.*$", "");
        return where.error(pointer, subject + " could not be read (" + plain + "). See docs/spec.md"
                + " for what this key takes.");
    }

    private static UserError unknownKey(UnrecognizedPropertyException u, Locations where, String pointer,
                                        String place) {
        String name = u.getPropertyName();
        List<String> known = declarationOrder(u.getReferringClass(), u.getKnownPropertyIds());
        String where0 = place.isEmpty() ? " at the top level" : place;
        return where.keyError(pointer, "unknown key `" + name + "`" + where0 + "."
                + Suggest.didYouMean(name, known) + " The keys allowed here are: " + String.join(", ", known)
                + ".");
    }

    /** The allowed keys in the order the record declares them (the order docs/spec.md uses). */
    private static List<String> declarationOrder(Class<?> type, Collection<Object> ids) {
        List<String> rest = new ArrayList<>();
        if (ids != null) {
            for (Object o : ids) {
                rest.add(String.valueOf(o));
            }
        }
        List<String> ordered = new ArrayList<>();
        if (type != null && type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                JsonProperty named = c.getAccessor().getAnnotation(JsonProperty.class);
                String name = named != null ? named.value() : snake(c.getName());
                if (rest.remove(name)) {
                    ordered.add(name);
                }
            }
        }
        ordered.addAll(rest);
        return ordered;
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static SpecProblem problem(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof SpecProblem p) {
                return p;
            }
        }
        return null;
    }

    /** The JSON pointer of Jackson's reference chain. */
    static String pointer(List<JsonMappingException.Reference> path) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : path) {
            if (r.getFieldName() != null) {
                sb.append('/').append(Locations.escape(r.getFieldName()));
            } else if (r.getIndex() >= 0) {
                sb.append('/').append(r.getIndex());
            }
        }
        return sb.toString();
    }

    /** " in models[1]" style description of where a pointer's parent is; "" at the top level. */
    static String place(String pointer) {
        int cut = pointer.lastIndexOf('/');
        String parent = cut <= 0 ? "" : pointer.substring(0, cut);
        if (parent.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(" in ");
        for (String part : parent.substring(1).split("/")) {
            if (part.matches("\\d+")) {
                sb.append('[').append(part).append(']');
            } else {
                if (sb.length() > 4) {
                    sb.append('.');
                }
                sb.append(part.replace("~1", "/").replace("~0", "~"));
            }
        }
        return sb.toString();
    }

    /** What the key at {@code pointer} takes, in words. */
    private static String expected(String key, String pointer, boolean item, Class<?> type) {
        if (pointer.matches("/data(/\\d+)?/variables/[^/]+")) {
            return "a label (text) or a map such as `{label: ..., description: ..., group: ...}`";
        }
        boolean tableVariables = key.equals("variables") && pointer.startsWith("/tables");
        if (!item && !tableVariables && EXPECTED.containsKey(key)) {
            return EXPECTED.get(key);
        }
        return expected(type);
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "a different kind of value";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type == String.class) {
            return "a single text value";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            List<String> words = new ArrayList<>();
            for (Object c : type.getEnumConstants()) {
                words.add(c instanceof Keyword k ? k.word() : String.valueOf(c));
            }
            return "one of: " + String.join(", ", words);
        }
        return "a map (key: value lines)";
    }

    private static String howTo(String expected) {
        if (expected.equals("a list")) {
            return "Write a list in brackets, `[a, b]`, or as lines starting with `- `.";
        }
        if (expected.startsWith("a map")) {
            return "Write it as `key: value` lines indented under the key, or in braces `{key: value}`.";
        }
        if (expected.startsWith("a single text")) {
            return "Put the text on the same line after the colon, in quotes if it contains `:` or `#`.";
        }
        if (expected.contains("number")) {
            return "Write the number without quotes.";
        }
        if (expected.startsWith("one of")) {
            return "Write one of these words.";
        }
        if (expected.equals("true or false")) {
            return "Write `true` or `false`.";
        }
        return "See docs/spec.md for this key.";
    }
}
