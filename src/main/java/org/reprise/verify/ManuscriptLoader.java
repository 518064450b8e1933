package org.reprise.verify;

import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.reprise.UserError;
import org.reprise.ledger.Printed;
import org.reprise.spec.Suggest;
import org.reprise.verify.YamlTree.Keyed;
import org.reprise.verify.YamlTree.ListNode;
import org.reprise.verify.YamlTree.MapNode;
import org.reprise.verify.YamlTree.Node;
import org.reprise.verify.YamlTree.Scalar;

/**
 * Reads manuscript.yaml (see docs/verify.md). Every mistake is a {@link UserError} starting with
 * {@code file:line:column:}; an unknown key names the nearest known one.
 */
public final class ManuscriptLoader {
    static final List<String> TOP_KEYS = List.of("source", "numbers");
    static final List<String> NUMBER_KEYS = List.of("ref", "published", "where");

    private ManuscriptLoader() {
    }

    /** Reads the file; messages name it as given. */
    public static Manuscript load(Path path) {
        String file = path.toString();
        if (!Files.isRegularFile(path)) {
            throw new UserError(file + ": file not found. Write the published numbers in a manuscript.yaml beside"
                    + " the spec (see docs/verify.md), or name the file with --manuscript FILE.");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UserError(file + ": could not read the file (" + e.getMessage() + "). Check that it is"
                    + " readable.", e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new UserError(file + ": the file is not valid UTF-8 text. Save it as UTF-8 and try again.");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return parse(file, text);
    }

    /** Reads manuscript YAML from text; {@code file} names it in messages. */
    public static Manuscript parse(String file, String text) {
        Node root = YamlTree.parse(file, text);
        if (root == null) {
            throw new UserError(file + ": the file is empty. Write `source:` (the paper) and `numbers:` (a list of"
                    + " {ref, published, where}); see docs/verify.md.");
        }
        if (!(root instanceof MapNode top)) {
            throw error(file, root, "the file must be a map with the keys `source:` and `numbers:` at the top level.");
        }
        unknownKeys(file, top, TOP_KEYS, "at the top of the file");
        String source = "";
        Keyed s = top.entries().get("source");
        if (s != null) {
            source = text(file, s, "the paper: title, journal, year, and which tables");
        }
        Keyed n = top.entries().get("numbers");
        if (n == null) {
            throw error(file, top, "`numbers:` is missing: list the published numbers, one"
                    + " `- {ref: ..., published: \"...\", where: \"...\"}` per line.");
        }
        if (!(n.value() instanceof ListNode list)) {
            throw error(file, n.value(), "`numbers:` must be a list, one `- {ref: ..., published: \"...\"}` per"
                    + " published number.");
        }
        if (list.items().isEmpty()) {
            throw error(file, list, "`numbers:` is empty: list at least one published number.");
        }
        List<PublishedNumber> numbers = new ArrayList<>();
        for (Node item : list.items()) {
            numbers.add(number(file, item));
        }
        return new Manuscript(file, source, numbers);
    }

    private static PublishedNumber number(String file, Node item) {
        if (!(item instanceof MapNode m)) {
            throw error(file, item, "each item of `numbers:` is a map such as {ref: estimates/m1/terms/x/estimate,"
                    + " published: \"1.0348\", where: \"Table 2, col (1)\"}.");
        }
        unknownKeys(file, m, NUMBER_KEYS, "in a published number");
        Keyed ref = m.entries().get("ref");
        if (ref == null) {
            throw error(file, m, "this number has no `ref:`: say where in results.json it comes from, e.g."
                    + " ref: estimates/did2/terms/PxT/estimate (docs/verify.md lists the forms).");
        }
        String r = text(file, ref, "where in results.json the number comes from").strip();
        Keyed pub = m.entries().get("published");
        if (pub == null) {
            throw error(file, m, "this number (ref " + r + ") has no `published:`: copy the number as the paper"
                    + " prints it, in quotes, e.g. published: \"-0.1697\".");
        }
        String p = text(file, pub, "the number as the paper prints it, e.g. \"-0.1697\"");
        Optional<Printed> value = Printed.parse(p);
        if (value.isEmpty() || value.get().value() == null) {
            throw error(file, pub.value(), "published: `" + p + "` is not a number. Copy the number as the paper"
                    + " prints it, e.g. \"-0.1697\", \"(0.0095)\", \".0505957\" or \"6,124\"; its decimals set the"
                    + " precision of the check.");
        }
        Keyed w = m.entries().get("where");
        String where = w == null ? "" : text(file, w, "where the paper prints it, e.g. \"Table 2, col (2)\"");
        return new PublishedNumber(r, p.strip(), value.get(), where, m.line());
    }

    private static void unknownKeys(String file, MapNode m, List<String> known, String where) {
        for (Keyed k : m.entries().values()) {
            if (!known.contains(k.key())) {
                throw UserError.at(file, k.line(), k.column(), "unknown key `" + k.key() + "` " + where + "."
                        + Suggest.didYouMean(k.key(), known) + " The keys here are " + String.join(", ", known)
                        + ".");
            }
        }
    }

    private static String text(String file, Keyed k, String what) {
        if (!(k.value() instanceof Scalar s) || s.text() == null || s.text().isBlank()) {
            throw error(file, k.value(), "`" + k.key() + ":` needs a single value: " + what + ".");
        }
        if (s.token() == JsonToken.VALUE_TRUE || s.token() == JsonToken.VALUE_FALSE) {
            throw error(file, k.value(), "`" + k.key() + ":` reads as true/false (`" + s.text() + "`); put it in"
                    + " quotes.");
        }
        return s.text();
    }

    private static UserError error(String file, Node n, String message) {
        return UserError.at(file, n.line(), n.column(), message);
    }
}
