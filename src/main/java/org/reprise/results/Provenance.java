package org.reprise.results;

import java.util.List;

/**
 * Where the results came from: hashes of the spec, each data file and the templates; versions; the seed.
 * Paths are as the spec wrote them (relative), never absolute. {@code sourceDateEpoch} is null unless
 * SOURCE_DATE_EPOCH was set, so that two runs give byte-identical files.
 */
public record Provenance(FileHash spec, List<FileHash> data, FileHash templates, String repriseVersion,
                         String javaVersion, long seed, Long sourceDateEpoch) implements java.io.Serializable {

    public record FileHash(String file, String sha256) implements java.io.Serializable {
    }
}
