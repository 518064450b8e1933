package org.reprise.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Edit distances against textbook values (Levenshtein's kitten/sitting = 3; optimal string alignment ca/abc = 3). */
class SuggestTest {
    @Test
    void textbookDistances() {
        assertEquals(3, Suggest.distance("kitten", "sitting"));
        assertEquals(3, Suggest.distance("ca", "abc"));
        assertEquals(1, Suggest.distance("modles", "models"));
        assertEquals(0, Suggest.distance("", ""));
        assertEquals(4, Suggest.distance("", "abcd"));
    }

    @Test
    void nearestKeyOrNothing() {
        List<String> keys = List.of("title", "data", "models", "tables", "report");
        assertEquals(Optional.of("models"), Suggest.nearest("modles", keys));
        assertEquals(Optional.of("models"), Suggest.nearest("Models", keys));
        assertEquals(Optional.of("tables"), Suggest.nearest("table", keys));
        assertEquals(Optional.empty(), Suggest.nearest("regression", keys));
        assertEquals("", Suggest.didYouMean("zzz", keys));
        assertEquals(" Did you mean `data`?", Suggest.didYouMean("dta", keys));
    }
}
