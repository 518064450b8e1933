package org.reprise.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.UserError;
import org.reprise.render.Renderers;
import org.reprise.render.TemplateSource;
import org.reprise.report.Report;
import org.reprise.table.Table;

/**
 * The paper's numbering (spec key `number:`) reaches every format, a balance test and its joint test share one
 * number, and matching labels and notes follow the parameters they describe.
 */
class NumberingAndLabelsTest {
    @TempDir
    Path tmp;

    private Pipeline.Computed run(double bandwidth, String numbers) throws Exception {
        for (String f : new String[] {"lalonde.tab", "daag_nsw74demo.csv"}) {
            if (!Files.exists(tmp.resolve(f))) {
                Files.copy(Path.of("examples/lalonde", f), tmp.resolve(f));
            }
        }
        Files.writeString(tmp.resolve("analysis.yaml"), """
                title: numbering
                data: {file: lalonde.tab, delimiter: whitespace}
                models:
                  - {id: m1, outcome: re78, terms: [treat]}
                matching:
                  - id: m
                    treatment: treat
                    covariates: [age, educ, married]
                    score: logit
                    outcomes: [re78]
                    methods:
                      - {id: nn1, method: nearest, k: 1}
                      - {id: kern, method: kernel, kernel: epanechnikov, bandwidth: %s}
                tables:
                  - {id: ols, type: regression, models: [m1], title: "OLS" %s}
                  - {id: bal, type: balance, matching: m, title: "Balance"}
                  - {id: att, type: matching, matching: m, title: "ATT" %s}
                """.formatted(bandwidth, numbers.split(";", -1)[0], numbers.split(";", -1)[1]));
        return Pipeline.compute(tmp.resolve("analysis.yaml"), Progress.silent());
    }

    private static List<String> numbers(Report r) {
        List<String> out = new ArrayList<>();
        for (Report.Block b : r.blocks()) {
            if (b instanceof Report.TableBlock t) {
                out.add(t.number() + " " + t.table().id());
            }
        }
        return out;
    }

    @Test
    void givenNumbersAreKeptAndTheRestFollow() throws Exception {
        Pipeline.Computed c = run(0.06, ", number: 2;");
        // OLS is Table 2 as given; the balance table and its joint test share 3; the ATT table is 4
        assertEquals(List.of("2 ols", "3 bal", "3 bal_joint", "4 att"), numbers(c.report()));
        String md = Renderers.markdown(c.report(), TemplateSource.builtIn(), null);
        assertTrue(md.contains("**Table 2: OLS**"), md);
        assertTrue(md.contains("**Table 3: Balance**"), md);
        assertTrue(md.contains("**Table 3: Balance: joint test**"), md);
        assertTrue(md.contains("**Table 4: ATT**"), md);
        String tex = Renderers.latex(c.report(), TemplateSource.builtIn(), null);
        assertTrue(tex.contains("\\renewcommand{\\thetable}{2}% the report's number for this table (spec key `number:`)"
                + "\n\\caption{OLS}"), tex);
        Table ols = ((Report.TableBlock) c.report().blocks().stream().filter(b -> b instanceof Report.TableBlock)
                .findFirst().orElseThrow()).table();
        assertTrue(Renderers.latexTable(ols, "2", TemplateSource.builtIn()).contains("\\renewcommand{\\thetable}{2}"));
        String pdfText = new String(Renderers.pdf(c.report(), null, null), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertFalse(pdfText.isEmpty());
    }

    @Test
    void aLetterNumberDoesNotMoveTheCount() throws Exception {
        Pipeline.Computed c = run(0.06, ", number: A1;");
        assertEquals(List.of("A1 ols", "1 bal", "1 bal_joint", "2 att"), numbers(c.report()));
    }

    @Test
    void aNumberUsedTwiceIsAnError() {
        UserError e = assertThrows(UserError.class, () -> run(0.06, ", number: 2;, number: 2"));
        assertTrue(e.getMessage().contains("table number 2 is given to two tables"), e.getMessage());
        UserError bad = assertThrows(UserError.class, () -> run(0.06, ", number: \"2}\";"));
        assertTrue(bad.getMessage().contains("a table number is up to ten letters"), bad.getMessage());
    }

    @Test
    void labelsAndNotesFollowTheParameters() throws Exception {
        for (double bw : new double[] {0.06, 0.08}) {
            Pipeline.Computed c = run(bw, ";");
            String md = Renderers.markdown(c.report(), TemplateSource.builtIn(), null);
            assertTrue(md.contains("| Kernel (epanechnikov, bandwidth " + bw + ") |"), md);
            assertTrue(md.contains("Score: logit of treat on age, educ, married (3 covariates). Common support imposed"
                    + " (psmatch2's common)."), md);
            assertTrue(md.contains("M: matched sample (Nearest neighbour 1:1 matching weights)"), md);
        }
    }
}
