package org.reprise.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.reprise.Version;
import org.reprise.render.TemplateSource;
import org.reprise.results.Provenance;
import org.reprise.spec.DataSource;
import org.reprise.spec.Spec;

/** Builds the provenance block: relative file names and SHA-256 hashes, versions, seed. */
final class Provenances {
    private Provenances() {
    }

    static Provenance of(Spec spec, Path specPath, TemplateSource templates) {
        return of(spec, specPath, templates, Hashes::sha256);
    }

    /** As {@link #of(Spec, Path, TemplateSource)}, the data files hashed by {@code hash} (e.g. {@link FileStamps}). */
    static Provenance of(Spec spec, Path specPath, TemplateSource templates,
                         java.util.function.Function<Path, String> hash) {
        Provenance.FileHash specHash = new Provenance.FileHash(specPath.getFileName().toString(),
                Hashes.sha256(specPath));
        List<Provenance.FileHash> data = new ArrayList<>();
        for (DataSource s : spec.data()) {
            data.add(new Provenance.FileHash(s.file(), hash.apply(spec.resolve(s.file()))));
        }
        return new Provenance(specHash, data, templateHash(spec, templates), Version.get(),
                System.getProperty("java.version"), spec.seed(), sourceDateEpoch());
    }

    private static Provenance.FileHash templateHash(Spec spec, TemplateSource templates) {
        Path dir = templates.directory();
        if (dir != null && Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                List<Path> list = files.filter(Files::isRegularFile).sorted().toList();
                return new Provenance.FileHash(spec.baseDir().relativize(dir).toString().replace('\\', '/'),
                        Hashes.sha256(dir, list));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Provenance.FileHash("built-in", Hashes.sha256(("built-in templates of Reprise " + Version.get())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    static Long sourceDateEpoch() {
        String s = System.getenv("SOURCE_DATE_EPOCH");
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
