package org.reprise.verify;

import java.util.List;

/**
 * manuscript.yaml: the numbers a paper publishes, each tied to a ref into results.json.
 *
 * @param file    the file as the user named it
 * @param source  the paper (title, journal, year; which tables)
 * @param numbers the published numbers in file order
 */
public record Manuscript(String file, String source, List<PublishedNumber> numbers) {
    public Manuscript {
        numbers = List.copyOf(numbers);
    }
}
