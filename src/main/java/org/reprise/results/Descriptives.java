package org.reprise.results;

import java.util.List;

/** A descriptive-statistics table's numbers, stored in results.json under "descriptives". */
public record Descriptives(String id, String data, List<Summary> rows) implements java.io.Serializable {
}
