package org.reprise.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every complete example in docs/spec.md (a yaml block starting with `title:` and having `data:`) loads without error. */
class DocExamplesTest {
    @Test
    void completeExamplesInTheDocsLoad(@TempDir Path dir) throws Exception {
        String doc = Files.readString(Path.of("docs/spec.md"));
        Matcher m = Pattern.compile("```yaml\n(title:.*?)```", Pattern.DOTALL).matcher(doc);
        List<String> examples = new ArrayList<>();
        while (m.find()) {
            if (m.group(1).contains("\ndata:")) {
                examples.add(m.group(1));
            }
        }
        assertEquals(2, examples.size());
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/panel.csv"), "hhid,year,Vul1\n1,2018,0.5\n");
        for (int i = 0; i < examples.size(); i++) {
            Path file = dir.resolve("example" + i + ".yaml");
            Files.writeString(file, examples.get(i));
            Spec spec = SpecLoader.load(file);
            assertEquals("Industrial poverty alleviation and vulnerability", spec.title());
        }
    }
}
