package org.reprise.verify;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.reprise.UserError;

/** Which reader a manuscript file needs, by its extension: .txt (pdftotext), .tex (LaTeX), .pdf; else YAML. */
final class PaperReaders {
    private PaperReaders() {
    }

    /** Whether the file is a manuscript to read (not a manuscript.yaml). */
    static boolean isPaper(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".txt") || n.endsWith(".tex") || n.endsWith(".pdf");
    }

    static Paper read(Path file) {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new UserError(name + ": file not found. Name the manuscript with --manuscript FILE (.pdf, .tex, .txt"
                    + " or a manuscript.yaml).");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".pdf")) {
            return PdfPaperReader.read(file);
        }
        String text = text(file);
        Paper p = lower.endsWith(".tex") ? LatexPaperReader.read(name, text) : TextPaperReader.read(name, text);
        if (p.tables().isEmpty()) {
            throw new UserError(name + ": no table found. Reprise looks for captions such as \"Table 2 Results of"
                    + " …\" (" + (lower.endsWith(".tex") ? "\\caption{…} in a table environment with a tabular" : "a"
                    + " line starting \"Table N\" and a capitalised title, followed by rows of numbers") + "). Check"
                    + " that this is the manuscript, or write the published numbers in a manuscript.yaml (docs/verify.md).");
        }
        return p;
    }

    static String text(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UserError(file + ": could not read the file (" + e.getMessage() + "). Check that it is readable.",
                    e);
        }
        try {
            String t = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return t.startsWith("\uFEFF") ? t.substring(1) : t;
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }
}
