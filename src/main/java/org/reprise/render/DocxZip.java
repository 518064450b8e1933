package org.reprise.render;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Makes a .docx byte-for-byte reproducible: the same entries in the same order, each dated 1980-01-01 00:00
 * (the zip format's earliest date, independent of the time zone), deflated at one fixed level; and the document's
 * creation and modification times (docProps/core.xml, which POI sets to the current time) removed.
 */
final class DocxZip {
    private static final LocalDateTime EPOCH = LocalDateTime.of(1980, 1, 1, 0, 0);
    private static final String CORE = "docProps/core.xml";

    private DocxZip() {
    }

    static byte[] normalise(byte[] docx) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(docx.length);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(6);
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] data = in.readAllBytes();
                if (e.getName().equals(CORE)) {
                    data = withoutDates(new String(data, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTimeLocal(EPOCH);
                zip.putNextEntry(copy);
                zip.write(data);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** core.xml without dcterms:created and dcterms:modified. */
    static String withoutDates(String core) {
        return core.replaceAll("<dcterms:(created|modified)\\b[^>]*/>", "")
                .replaceAll("<dcterms:(created|modified)\\b[^>]*>[^<]*</dcterms:\\1>", "");
    }
}
