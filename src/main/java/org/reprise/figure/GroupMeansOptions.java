package org.reprise.figure;

/**
 * Labels of {@link Figures#groupMeans}. {@code treatmentStart}, when not {@code null}, is the label of the first
 * wave after treatment: a dashed vertical line is drawn halfway between it and the wave before, labelled
 * {@code treatmentLabel}.
 */
public record GroupMeansOptions(String title, String xLabel, String yLabel, String treatedLabel,
        String controlLabel, String treatmentStart, String treatmentLabel) {

    /** English labels, no treatment line. */
    public static GroupMeansOptions defaults() {
        return new GroupMeansOptions("Mean outcome by wave", "Wave", "Mean outcome", "Treated", "Controls",
                null, "Treatment");
    }

    public GroupMeansOptions withTitle(String v) {
        return new GroupMeansOptions(v, xLabel, yLabel, treatedLabel, controlLabel, treatmentStart, treatmentLabel);
    }

    public GroupMeansOptions withAxisLabels(String x, String y) {
        return new GroupMeansOptions(title, x, y, treatedLabel, controlLabel, treatmentStart, treatmentLabel);
    }

    public GroupMeansOptions withGroupLabels(String treated, String controls) {
        return new GroupMeansOptions(title, xLabel, yLabel, treated, controls, treatmentStart, treatmentLabel);
    }

    /** Marks the change between the wave before {@code firstTreatedWave} and it. */
    public GroupMeansOptions withTreatmentStart(String firstTreatedWave, String label) {
        return new GroupMeansOptions(title, xLabel, yLabel, treatedLabel, controlLabel, firstTreatedWave, label);
    }
}
