package org.reprise.spec;

/**
 * A figure ({@code figures:} entry), written as figures/&lt;id&gt;.png and .svg and placed in the report by sections.
 *
 * @param id        unique id; the file name
 * @param type      score, love, coefficients or group_means
 * @param title     caption
 * @param matching  the matching analysis (score, love, coefficients)
 * @param outcome   the outcome (coefficients: which ATTs; group_means: the variable averaged)
 * @param data      data source (group_means; default the first)
 * @param treatment 0/1 group variable (group_means)
 * @param time      wave variable (group_means; default the source's panel time)
 */
public record FigureSpec(String id, FigureKind type, String title, String matching, String outcome, String data,
                         String treatment, String time) {
    public FigureSpec {
        title = Immutable.text(title);
        matching = Immutable.text(matching);
        outcome = Immutable.text(outcome);
        data = Immutable.text(data);
        treatment = Immutable.text(treatment);
        time = Immutable.text(time);
    }

    /** The same figure with its data source and time variable resolved. */
    FigureSpec with(String source, String timeVariable) {
        return new FigureSpec(id, type, title, matching, outcome, source, treatment, timeVariable);
    }
}
