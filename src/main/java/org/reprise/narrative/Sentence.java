package org.reprise.narrative;

import java.util.List;

/** One generated sentence and every number printed in it, in the order they appear. */
public record Sentence(String text, List<NumberUse> numbers) {
    public Sentence {
        numbers = List.copyOf(numbers);
    }
}
