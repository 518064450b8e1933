package org.reprise.data;

import java.util.Map;

/**
 * A Stata .dta file as read by {@link DtaReader}: the data plus the labels Stata keeps beside them.
 *
 * @param data           the columns, in file order
 * @param release        the .dta format release (113-115, 117-119)
 * @param datasetLabel   the dataset label ("" when none)
 * @param variableLabels variable name → variable label, for variables that have a non-empty label, in file order
 * @param valueLabels    variable name → (numeric code → label), for numeric variables whose attached value-label set
 *                       exists in the file, codes in increasing order; labels of the missing codes .a-.z are left out
 */
public record DtaFile(Dataset data, int release, String datasetLabel, Map<String, String> variableLabels,
                      Map<String, Map<Double, String>> valueLabels) {
}
