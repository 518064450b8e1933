package org.reprise.spec;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.reprise.UserError;

/**
 * Reads analysis.yaml into a validated {@link Spec}. Every user mistake (missing file, YAML syntax, unknown key,
 * wrong type, bad reference, unsafe path) becomes a {@link UserError} whose message starts with
 * {@code file:line:column:} and says how to fix it. See docs/spec.md for the format.
 */
public final class SpecLoader {
    private static final YAMLFactory YAML = new YAMLFactory();
    private static final ObjectMapper MAPPER = mapper();

    private SpecLoader() {
    }

    /** Loads and validates the spec at {@code spec}; messages name the file as given. */
    public static Spec load(Path spec) {
        String file = spec.toString();
        if (Files.isDirectory(spec)) {
            String hint = Files.isRegularFile(spec.resolve("analysis.yaml"))
                    ? " Did you mean " + spec.resolve("analysis.yaml") + "?" : "";
            throw new UserError(file + ": this is a folder, not a spec file. Give the path of the analysis.yaml"
                    + " file." + hint);
        }
        if (!Files.isRegularFile(spec)) {
            throw new UserError(file + ": file not found. Check the path; a relative path is taken from the folder"
                    + " you run reprise in.");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(spec);
        } catch (IOException e) {
            throw new UserError(file + ": could not read the file (" + e.getMessage() + "). Check that it is"
                    + " readable.", e);
        }
        Path baseDir = spec.toAbsolutePath().normalize().getParent();
        return parse(decode(file, bytes), file, baseDir);
    }

    /**
     * Loads a spec from text; {@code file} names it in messages and {@code baseDir} is the folder relative paths
     * are taken from.
     */
    public static Spec parse(String text, String file, Path baseDir) {
        if (text.isBlank()) {
            throw new UserError(file + ": the file is empty. Start with at least `title:` and `data:` (see"
                    + " docs/spec.md for an example).");
        }
        Locations where = Locations.scan(file, text, YAML);
        SpecYaml raw;
        try {
            raw = MAPPER.readValue(text, SpecYaml.class);
        } catch (JsonMappingException e) {
            throw BindErrors.translate(e, where, p -> canonical(where, p));
        } catch (IOException e) {
            throw YamlErrors.translate(file, e);
        }
        return new SpecValidator(where, baseDir.toAbsolutePath().normalize()).validate(raw);
    }

    /** Jackson names a single data source map "/data/0"; the file has it at "/data". */
    private static String canonical(Locations where, String pointer) {
        if (where.token("/data") == JsonToken.START_OBJECT
                && (pointer.equals("/data/0") || pointer.startsWith("/data/0/"))) {
            return "/data" + pointer.substring("/data/0".length());
        }
        return pointer;
    }

    private static String decode(String file, byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new UserError(file + ": the file is not valid UTF-8 text. Save it as UTF-8 and try again.");
        }
    }

    private static ObjectMapper mapper() {
        ObjectMapper m = new ObjectMapper(YAML);
        m.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        m.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        m.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        m.setDefaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
        m.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        return m;
    }
}
