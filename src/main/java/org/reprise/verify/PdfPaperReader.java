package org.reprise.verify;

import java.nio.file.Path;
import org.reprise.UserError;

/** Reads a PDF manuscript's tables (to come: PDFBox text positions). */
final class PdfPaperReader {
    private PdfPaperReader() {
    }

    static Paper read(Path file) {
        throw new UserError(file + ": reading PDF manuscripts is not available yet. Convert it with"
                + " `pdftotext -layout " + file.getFileName() + "` and pass the .txt file, or pass the .tex source.");
    }
}
