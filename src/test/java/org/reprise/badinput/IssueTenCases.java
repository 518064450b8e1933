package org.reprise.badinput;

import java.util.stream.Stream;

/**
 * The cases of issue 10 sections 2 and 3 in {@link BadInputCatalogTest}: degenerate models that used to print
 * stars, Inf or R² = 1 with exit 0; data surprises; unbounded templates and replicates; messages that showed Java or
 * library internals; data paths that are not files.
 */
final class IssueTenCases {
    static final String PET = BadInputCatalogTest.PET;
    static final String TABLE = "tables:\n  - {id: t1, type: regression, models: [m1]}\n";

    private IssueTenCases() {
    }

    static String derived(String name, String expr) {
        return PET.replace("}\n", ", derive: [{name: " + name + ", expr: \"" + expr + "\"}]}\n");
    }

    static Stream<Case> cases() {
        return Stream.of(
                // --- degenerate models (issue 10, section 2) ---
                Case.of("constant_outcome", "a constant outcome (y = 5 everywhere)")
                        .spec(derived("c", "5") + "models:\n  - {id: m1, outcome: c, terms: [x]}\n" + TABLE)
                        .copy("petersen").at("analysis.yaml:4:")
                        .says("the outcome `c` is 5 in all 5000 rows", "nothing to explain"),
                Case.of("outcome_in_terms", "the outcome among its own regressors (`outcome: y, terms: [y, x]`)")
                        .spec(PET + "models:\n  - {id: m1, outcome: y, terms: [y, x]}\n" + TABLE).copy("petersen")
                        .at("analysis.yaml:4:").says("is also one of its own terms", "Remove `y` from `terms`"),
                Case.of("outcome_in_terms_probit", "a probit's outcome among its own regressors")
                        .spec(derived("pos", "y > 0 ? 1 : 0")
                                + "models:\n  - {id: m1, method: probit, outcome: pos, terms: [pos, x]}\n")
                        .copy("petersen").at("analysis.yaml:4:").says("is also one of its own terms"),
                Case.of("exact_fit", "an outcome computed from a regressor (y2 = 3 + 2x): R² = 1")
                        .spec(derived("y2", "3 + 2 * x") + "models:\n  - {id: m1, outcome: y2, terms: [x]}\n")
                        .copy("petersen")
                        .ok("Stata and R report an exact fit (NIST's Wampler1 is one); a warning, and no stars on its"
                                + " zero-to-rounding standard errors", "explain the outcome `y2` exactly")
                        .says("warning: ", "explain the outcome `y2` exactly", "no stars are printed"),
                Case.of("rows_equal_parameters", "3 rows for 3 coefficients").spec(
                        "title: \"t\"\ndata: {file: d.csv}\nmodels:\n  - {id: m1, outcome: y, terms: [x, z]}\n"
                                + TABLE).file("d.csv", "y,x,z\n1,2,5\n2,1,3\n4,3,3\n")
                        .at("analysis.yaml:4:").says("3 rows for 3 parameters (x, z, _cons)",
                                "no residual degrees of freedom", "Use fewer terms"),
                Case.of("if_leaves_too_few", "an `if:` that leaves as many rows as parameters")
                        .spec(PET + "models:\n  - {id: m1, outcome: y, terms: [x, year], if: \"firm == 1 && year < 4\"}\n"
                                + TABLE).copy("petersen").at("analysis.yaml:4:")
                        .says("3 rows for 3 parameters", "the `if:` condition keeps only 3"),
                Case.of("fe_all_singletons", "every fixed-effect group a singleton (`absorb: [s]`, s unique per row)")
                        .spec(derived("s", "firm * 100 + year")
                                + "models:\n  - {id: m1, outcome: y, terms: [x], absorb: [s]}\n" + TABLE)
                        .copy("petersen").at("analysis.yaml:4:")
                        .says("every group of the absorbed variable `s` is a single row", "Absorb a coarser grouping"),
                Case.of("weight_extreme", "one analytic weight of 1e300 among weights of 1")
                        .spec(BadInputCatalogTest.weighted("firm == 1 && year == 1 ? 1e300 : 1") + TABLE)
                        .copy("petersen").at("analysis.yaml:4:")
                        .says("effective sample size is 1.00 for 2 parameters", "data row 1 has weight",
                                "Check the weight variable"),
                Case.of("weight_ratio_large", "weights of 1e7 and 1 (Stata estimates; Reprise warns)")
                        .spec(BadInputCatalogTest.weighted("firm == 1 ? 1e7 : 1") + TABLE).copy("petersen")
                        .ok("as Stata's regress [aw=]: weights rescaled to sum to N and used; a warning survives"
                                + " --quiet", "times the smallest")
                        .says("warning: ", "is more than 1e+06 times the smallest (1)"),
                Case.of("cons_column", "a data column named `_cons` used as a term").spec(
                        "title: \"t\"\ndata: {file: d.csv}\nmodels:\n  - {id: m1, outcome: y, terms: [x, _cons]}\n"
                                + TABLE).file("d.csv", "y,x,_cons\n1,2,3\n2,1,5\n3,4,1\n4,1,2\n5,3,3\n6,2,8\n")
                        .at("analysis.yaml:4:").says("the data column `_cons` is used as a term",
                                "Rename the column"),

                Case.of("matching_treatment_in_covariates", "a matching treatment among its own score covariates")
                        .spec(BadInputCatalogTest.match("x > 0.5 ? 1 : 0").replace("covariates: [x]",
                                "covariates: [year, tr]")).copy("petersen").at("analysis.yaml:6:")
                        .says("the treatment `tr` is also one of its own covariates", "Remove `tr` from `covariates`"),

                // --- data surprises ---
                Case.of("missing_code_numeric", "`missing: [-99]` and a cell written -99.0")
                        .spec("title: \"t\"\ndata: {file: d.csv, missing: [-99]}\n" + BadInputCatalogTest.MODEL)
                        .file("d.csv", "y,x\n1,2\n2,3\n-99.0,4\n4,1\n5,2\n6,4\n")
                        .ok("-99.0 is the number -99: missing", "\"nobs\": 5")
                        .says("1 observation was dropped because of missing values (y: 1)"),
                Case.of("keyword_column_bare", "a column named `true` used bare in an expression").spec(
                        "title: \"t\"\ndata: {file: d.csv, derive: [{name: t2, expr: \"true * 2\"}]}\n"
                                + "models:\n  - {id: m1, outcome: y, terms: [t2]}\n")
                        .file("d.csv", "y,true\n1,2\n2,3\n3,1\n4,4\n5,2\n")
                        .at("analysis.yaml:2:").says("'true' is a word of the expression language",
                                "Write the column in backticks, `true`"),
                Case.of("keyword_column_backticks", "the same column written `` `true` ``").spec(
                        "title: \"t\"\ndata: {file: d.csv, derive: [{name: t2, expr: \"`true` * 2\"}]}\n"
                                + "models:\n  - {id: m1, outcome: y, terms: [t2]}\n")
                        .file("d.csv", "y,true\n1,2\n2,3\n3,1\n4,4\n5,2\n")
                        .ok("backticks name any column (docs/data.md)", "\"term\": \"t2\""),
                Case.of("matching_missing_rows", "matching on data with missing treatment, covariate and outcome")
                        .spec("title: \"t\"\ndata: {file: d.csv}\nmatching:\n  - {id: psm, treatment: tr,"
                                + " covariates: [x], outcomes: [y], methods: [{id: nn, method: nearest}]}\n")
                        .file("d.csv", matchingData())
                        .ok("matching goes on without those rows, as psmatch2; now it says so",
                                "\"dropped_missing_treatment\": 10.0")
                        .says("warning: ", "30 observations were left out of the matching sample because of missing"
                                + " values (treatment tr: 10; a covariate: 10; an outcome: 10)"),
                Case.of("if_text_vs_number", "`if: \"region > 3\"` on a text column")
                        .spec(derived("region", "firm > 50 ? 'east' : 'west'")
                                + "models:\n  - {id: m1, outcome: y, terms: [x], if: \"region > 3\"}\n")
                        .copy("petersen").at("analysis.yaml:4:")
                        .says("compares the text 'west' with the number 3", "region == 'east'")
                        .lacks("Object comparison", "GT 3"),

                // --- bounded resources, clean messages (section 3) ---
                Case.of("template_recursive_macro", "a template macro that calls itself").spec(PET
                                + BadInputCatalogTest.MODEL).copy("petersen")
                        .file("templates/report.md.ftl", "# ${title}\n<#macro m><@m/></#macro>\n<@m/>\n")
                        .at("templates/report.md.ftl:2:").says("macro `m` calls itself without end",
                                "a condition that stops it").lacks("StackOverflowError"),
                Case.of("template_huge_loop", "a template loop over 2·10⁹ items").spec(PET
                                + BadInputCatalogTest.MODEL).copy("petersen")
                        .file("templates/report.md.ftl",
                                "# ${title}\n<#list 1..2000000000 as i>${i?left_pad(100000, \"x\")}</#list>\n")
                        .at("templates/report.md.ftl:2:").says("wrote more than 64 MB")
                        .lacks("memory"),
                Case.of("template_include_outside", "`<#include \"/etc/passwd\">` in a template").spec(PET
                                + BadInputCatalogTest.MODEL).copy("petersen")
                        .file("templates/report.md.ftl", "# ${title}\n<#include \"/etc/passwd\">\n")
                        .at("templates/report.md.ftl:2:").says("include or import only files of the templates folder")
                        .lacks("TemplateLoader", "ClassLoader", "@"),
                Case.of("template_eval", "`?eval` of a special variable in a template").spec(PET
                                + BadInputCatalogTest.MODEL).copy("petersen")
                        .file("templates/report.md.ftl", "# ${title}\n${\".globals\"?eval}\n")
                        .at("templates/report.md.ftl:2:").says("the template failed")
                        .lacks("wrapper", "f.c.", "freemarker.", "Environment"),
                Case.of("replicates_huge", "bootstrap `replicates: 2000000000`").spec(
                        BadInputCatalogTest.match("x > 0.5 ? 1 : 0").replace("common: true,",
                                "common: true, se: bootstrap, replicates: 2000000000,")
                                .replace("covariates: [x]", "covariates: [year]")).copy("petersen")
                        .at("analysis.yaml:6:").says("`replicates: 2000000000` is more than the maximum 1000000")
                        .lacks("memory"),
                Case.of("seed_huge", "a `seed:` beyond the range of a long")
                        .spec("title: \"t\"\nseed: 99999999999999999999999\ndata: {file: PetersenCL.csv}\n"
                                + BadInputCatalogTest.MODEL).copy("petersen")
                        .at("analysis.yaml:2:7:").says("`seed` is too large", "Write a smaller number")
                        .lacks("out of range of long", "Numeric value"),
                Case.of("trim_fails_located", "`trim: 99.9` leaving too few treated for the balance test")
                        .spec(BadInputCatalogTest.match("x > 0.5 ? 1 : 0").replace("common: true,",
                                "common: true, trim: 99.9,").replace("covariates: [x]", "covariates: [year, firm]")
                                // the balance test runs only when a balance table (or love plot) shows it
                                + "tables:\n  - {id: bal, type: balance, matching: psm}\n")
                        .copy("petersen").at("analysis.yaml:6:").says("balance test"),
                Case.of("data_is_folder", "the data path is a folder").spec(BadInputCatalogTest.SMALL)
                        .special("d.csv", "folder").at("analysis.yaml:2:14:")
                        .says("`d.csv` is a folder", "a data file inside that folder").lacks("not found"),
                Case.of("data_is_fifo", "the data path is a named pipe (FIFO)").spec(BadInputCatalogTest.SMALL)
                        .special("d.csv", "fifo").at("analysis.yaml:2:14:")
                        .says("`d.csv` is a named pipe (FIFO)").lacks("not found"),
                Case.of("data_is_dev_zero", "the data path is a link to /dev/zero").spec(BadInputCatalogTest.SMALL)
                        .special("d.csv", "/dev/zero").at("analysis.yaml:2:14:")
                        .says("/dev/zero (a character device, not a file)").lacks("not found"));
    }

    /**
     * 200 rows: tr = 1 when i·11 mod 7 &lt; 3, x and y arithmetic sequences; the treatment is blank in rows with
     * i mod 20 = 1, x in rows with i mod 20 = 2, y in rows with i mod 20 = 3 (10 rows each).
     */
    static String matchingData() {
        StringBuilder sb = new StringBuilder("y,x,tr\n");
        for (int i = 0; i < 200; i++) {
            String tr = i * 11 % 7 < 3 ? "1" : "0";
            String x = Double.toString((i * 37 % 101) / 10.0);
            String y = Double.toString((i * 7 % 13) * 0.5);
            sb.append(i % 20 == 3 ? "" : y).append(',').append(i % 20 == 2 ? "" : x).append(',')
                    .append(i % 20 == 1 ? "" : tr).append('\n');
        }
        return sb.toString();
    }
}
