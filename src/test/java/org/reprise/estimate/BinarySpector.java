package org.reprise.estimate;

/** The Spector and Mazzeo (1980) data (AER's ProgramEffectiveness): GRADE ~ GPA + TUCE + PSI + _cons. */
final class BinarySpector {
    static final String[] NAMES = {"GPA", "TUCE", "PSI", "_cons"};

    private BinarySpector() {
    }

    static double[] y() {
        return table().indicator("grade", "increase");
    }

    static double[][] x() {
        BinaryTestData.Table t = table();
        // Stata's copy of the data stores GPA as a float (single precision): 2.66 is 2.6600000858... there.
        // Rounding it the same way reproduces Stata's log likelihood to all 15 digits (with the CSV's decimal
        // values the log likelihood at Stata's own coefficients is lower by 7.6e-7).
        double[] gpa = t.numbers("average");
        for (int i = 0; i < gpa.length; i++) {
            gpa[i] = (float) gpa[i];
        }
        return new double[][] {gpa, t.numbers("testscore"), t.indicator("participation", "yes"),
            BinaryTestData.ones(t.size())};
    }

    static BinaryFit fit(BinaryChoice.Link link) {
        return BinaryChoice.fit(link, y(), x(), NAMES, null);
    }

    private static BinaryTestData.Table table() {
        return BinaryTestData.csv("/reference/spector/ProgramEffectiveness.csv");
    }
}
