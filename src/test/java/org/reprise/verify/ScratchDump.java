package org.reprise.verify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reprise.run.Pipeline;
import org.reprise.run.Progress;

class ScratchDump {
    @Test
    void dump() throws Exception {
        Paper p = TextPaperReader.read("seed", Files.readString(Path.of("src/test/resources/reference/seed/000_8ff82adf0baa3b63.txt")));
        for (var f : SelfCheck.check(p)) System.out.println("FINDING " + f);
        if (true) return;
        Pipeline.Computed c = Pipeline.compute(Path.of("analysis.yaml"), new Progress(System.err, true));
        Target t = Target.of(c.report());
        System.out.println("aliases " + t.aliases);
        for (Target.Tab tab : t.tables) {
            System.out.println("TAB " + tab.id() + " " + tab.number() + " cols " + tab.columns() + " groups " + tab.groups());
            for (Target.Row r : tab.rows()) System.out.println("   row " + r.label() + " | " + r.group() + " | " + r.names() + " | " + r.cells().size());
        }
        var al = Aligner.align(p, t);
        Map<String, Aligner.Alignment> byRef = new HashMap<>();
        for (var a : al) {
            System.out.println(String.format("%-8s %-30s %-10s %-45s %.2f %s", a.table(), a.row().length() > 30 ? a.row().substring(a.row().length()-30) : a.row(), a.value().text(), a.ref(), a.confidence(), a.reason()));
            if (a.accepted()) byRef.put(a.ref(), a);
        }
        Manuscript m = ManuscriptLoader.load(Path.of("manuscript.yaml"));
        int ok = 0;
        for (PublishedNumber n : m.numbers()) {
            var a = byRef.get(n.ref());
            boolean same = a != null && a.value().number().value().abs().compareTo(n.value().value().abs()) == 0;
            if (same) ok++; else System.out.println("MISS " + n.ref() + " " + n.published() + " -> " + (a == null ? null : a.value().text()));
        }
        System.out.println("ALIGNED " + ok + " of " + m.numbers().size());
    }
}
