package org.reprise.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.reprise.Version;
import org.reprise.spec.DataSource;
import org.reprise.spec.FigureKind;
import org.reprise.spec.FigureSpec;
import org.reprise.spec.MatchingSpec;
import org.reprise.spec.PovertyLine;
import org.reprise.spec.Spec;
import org.reprise.spec.TableKind;
import org.reprise.spec.TableSpec;
import org.reprise.spec.Vulnerability;

/**
 * The cache key of every unit of a run (docs/output.md, "The cache"): a SHA-256 over the unit's own part of the spec
 * (its record, every option included), the keys of what it reads, and the build (Reprise's version, a fingerprint of
 * its code, the Java version). What a unit reads:
 * <ul>
 *   <li>a source: its data file's content and the options that shape the data (delimiter, missing codes,
 *       categorical, derived variables, filter, panel, value labels) — not the variables' labels;</li>
 *   <li>a vulnerability step: its source, the steps before it on that source, and the labels of its lines;</li>
 *   <li>a model, matching analysis, DID or descriptive table: its source and every vulnerability step whose output
 *       variable its spec names (a descriptive table without a variable list reads them all);</li>
 *   <li>a figure: what its picture is drawn from (the matching analysis, or the source and steps it names) and the
 *       labels of its source.</li>
 * </ul>
 * A key is null when the unit cannot be keyed (its data file is missing): it is computed, which reports the error.
 */
final class UnitKeys {
    final String base;
    final Map<String, String> source = new LinkedHashMap<>();
    final Map<String, List<String>> vep = new LinkedHashMap<>();
    final List<String> models = new ArrayList<>();
    final List<String> matching = new ArrayList<>();
    final List<String> did = new ArrayList<>();
    final Map<String, String> describe = new LinkedHashMap<>();
    final List<String> figures = new ArrayList<>();

    private UnitKeys(String base) {
        this.base = base;
    }

    static UnitKeys of(Spec spec, FileStamps stamps) {
        return of(spec, stamps, codeFingerprint(stamps));
    }

    /** As {@link #of(Spec, FileStamps)} with the code's fingerprint already taken ({@link #codeFingerprint}). */
    static UnitKeys of(Spec spec, FileStamps stamps, String code) {
        UnitKeys k = new UnitKeys(hashOf("build", Version.get(), code,
                System.getProperty("java.vendor"), System.getProperty("java.version")));
        for (DataSource s : spec.data()) {
            Path file = spec.resolve(s.file());
            String sha = Files.isRegularFile(file) ? stamps.sha256(file) : null;
            String src = sha == null ? null : k.hash("source", s.name(), s.file(), sha, String.valueOf(s.delimiter()),
                    String.valueOf(s.panel()), s.missing().toString(), s.categorical().toString(),
                    s.derive().toString(), s.filter(), s.valueLabels().toString());
            k.source.put(s.name(), src);
            List<String> steps = new ArrayList<>();
            String before = "";
            for (Vulnerability v : s.vulnerability()) {
                StringBuilder labels = new StringBuilder();
                for (PovertyLine pl : v.lines()) {
                    labels.append(s.label(pl.name())).append('\n');
                }
                before = src == null ? null : k.hash("vulnerability", src, before, v.toString(), labels.toString());
                steps.add(before);
                if (before == null) {
                    before = "";
                }
            }
            k.vep.put(s.name(), steps);
        }
        for (var m : spec.models()) {
            k.models.add(k.reads("model", m.data(), m.toString(), spec, m.toString()));
        }
        for (MatchingSpec ms : spec.matching()) {
            k.matching.add(k.reads("matching", ms.data(), ms.toString(), spec, ms.toString(),
                    Long.toString(spec.seed()), Boolean.toString(Matchings.needsBalance(spec, ms))));
        }
        for (var ds : spec.did()) {
            k.did.add(k.reads("did", ds.data(), ds.toString(), spec, ds.toString(), Long.toString(spec.seed())));
        }
        for (TableSpec t : spec.tables()) {
            if (t.kind() == TableKind.DESCRIPTIVE) {
                k.describe.put(t.id(), k.reads("describe", t.data(), t.variables().isEmpty() ? null
                        : t.variables().toString(), spec, t.data(), t.variables().toString()));
            }
        }
        for (FigureSpec f : spec.figures()) {
            k.figures.add(k.figure(spec, f));
        }
        return k;
    }

    /**
     * A figure: what it is drawn from (the matching analysis, or the source and the vulnerability steps it names) and
     * the labels it prints (a love plot: all of its source's, as covariate and level labels).
     */
    private String figure(Spec spec, FigureSpec f) {
        if (f.type() == FigureKind.GROUP_MEANS) {
            DataSource src = spec.source(f.data());
            String upstream = reads("group means", f.data(), f.toString(), spec);
            return upstream == null ? null : hash("figure", f.toString(), upstream, src.label(f.time()),
                    src.label(f.outcome()), src.label(f.treatment()));
        }
        int i = spec.matching().indexOf(spec.matching(f.matching()));
        MatchingSpec ms = spec.matching().get(i);
        DataSource src = spec.source(ms.data());
        String upstream = matching.get(i);
        String labels = switch (f.type()) {
            case LOVE -> src.toString();
            case COEFFICIENTS -> src.label(f.outcome().isEmpty() ? ms.outcomes().get(0) : f.outcome());
            default -> "";
        };
        return upstream == null ? null : hash("figure", f.toString(), upstream, labels);
    }

    /**
     * The rendered report (every format, the table files): the report's content (a digest of its text form), the
     * templates, the figures' bytes (the PDF, HTML and Word files embed them), SOURCE_DATE_EPOCH (dates in the PDF)
     * and the build.
     */
    static String renderKey(String base, String reportDigest, org.reprise.results.Provenance.FileHash templates,
                            Map<String, byte[]> figures, String sourceDateEpoch) {
        List<String> parts = new ArrayList<>(List.of(base, "render", reportDigest, templates.toString(),
                sourceDateEpoch));
        figures.forEach((name, bytes) -> {
            parts.add(name);
            parts.add(Hashes.sha256(bytes));
        });
        return hashOf(parts.toArray(new String[0]));
    }

    /**
     * What the report, the ledger and results.json are built from: the whole spec (with the labels its data files
     * gave), the results, the templates (narrative sentences) and the spec file's name.
     */
    static String presentKey(String base, Spec spec, org.reprise.results.Results results, String specName) {
        return hashOf(base, "present", canonical(spec), Hashes.sha256(results.toString()
                .getBytes(StandardCharsets.UTF_8)), results.provenance().templates().toString(), specName);
    }

    /** The spec's components in text form, all but its source locations (which only place error messages). */
    static String canonical(Spec spec) {
        StringBuilder sb = new StringBuilder();
        for (var c : Spec.class.getRecordComponents()) {
            if (c.getType() == org.reprise.spec.Locations.class) {
                continue;
            }
            try {
                sb.append(c.getName()).append('=').append(c.getAccessor().invoke(spec)).append('\n');
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return sb.toString();
    }

    /**
     * A unit on source {@code data}: its parts, the source's key and the key of every vulnerability step of that
     * source whose output variable {@code names} mentions (all of them when {@code names} is null).
     */
    private String reads(String kind, String data, String names, Spec spec, String... parts) {
        String src = source.get(data);
        if (src == null) {
            return null;
        }
        List<String> all = new ArrayList<>(List.of(parts));
        all.add(src);
        DataSource s = spec.source(data);
        for (int i = 0; i < s.vulnerability().size(); i++) {
            for (PovertyLine pl : s.vulnerability().get(i).lines()) {
                if (names == null || mentions(names, pl.name())) {
                    all.add(vep.get(data).get(i));
                    break;
                }
            }
        }
        all.add(0, kind);
        return hash(all.toArray(new String[0]));
    }

    /** Whether {@code text} holds {@code name} as a whole word (not inside a longer name). */
    static boolean mentions(String text, String name) {
        return Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(name) + "(?![A-Za-z0-9_])").matcher(text).find();
    }

    /** A key of this build: the parts after the build's own key. */
    String hash(String... parts) {
        String[] all = new String[parts.length + 1];
        all[0] = base;
        System.arraycopy(parts, 0, all, 1, parts.length);
        return UnitKeys.hashOf(all);
    }

    /** SHA-256 over the parts, each preceded by its length (so no two lists of parts give the same bytes). */
    static String hashOf(String... parts) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (String p : parts) {
            byte[] b = String.valueOf(p).getBytes(StandardCharsets.UTF_8);
            md.update((b.length + ":").getBytes(StandardCharsets.US_ASCII));
            md.update(b);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * A jar's content as its central directory states it: every entry's name, CRC-32 and size (a changed class
     * changes its CRC). Reading the directory costs a tenth of hashing the whole 36 MB jar.
     */
    static String jarDigest(Path jar) {
        StringBuilder sb = new StringBuilder();
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(jar.toFile())) {
            var entries = z.entries();
            while (entries.hasMoreElements()) {
                var e = entries.nextElement();
                sb.append(e.getName()).append(' ').append(e.getCrc()).append(' ').append(e.getSize()).append('\n');
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return hashOf(sb.toString());
    }

    /**
     * What identifies Reprise's code beyond its version number (a rebuilt jar of the same version must not reuse
     * results of the old code): a digest of the jar's entries and their CRC-32s ({@link #jarDigest}), or, when running from a folder of classes, the names, sizes and
     * modification times of its files.
     */
    static String codeFingerprint(FileStamps stamps) {
        try {
            var source = UnitKeys.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return "unknown";
            }
            Path where = Path.of(source.getLocation().toURI());
            if (Files.isRegularFile(where)) {
                String sha = stamps.stamped(where, "jar:", UnitKeys::jarDigest);
                return sha != null ? sha : "unreadable " + System.nanoTime();
            }
            if (Files.isDirectory(where)) {
                StringBuilder sb = new StringBuilder();
                try (Stream<Path> walk = Files.walk(where)) {
                    for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                        sb.append(where.relativize(p)).append(' ').append(Files.size(p)).append(' ')
                                .append(Files.getLastModifiedTime(p).toMillis()).append('\n');
                    }
                }
                return hashOf(sb.toString());
            }
        } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
            return "unknown " + System.nanoTime();
        }
        return "unknown";
    }
}
