package org.reprise.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.reprise.data.Dataset;
import org.reprise.data.ModelFrame;
import org.reprise.data.NumericColumn;
import org.reprise.figure.CoefficientPlotOptions;
import org.reprise.figure.CoefficientPoint;
import org.reprise.figure.Figure;
import org.reprise.figure.Figures;
import org.reprise.figure.GroupMeansOptions;
import org.reprise.figure.LovePlotOptions;
import org.reprise.figure.ScoreDensityOptions;
import org.reprise.figure.ScoreSample;
import org.reprise.results.BalanceResult;
import org.reprise.results.Estimate;
import org.reprise.results.Results;
import org.reprise.spec.DataSource;
import org.reprise.spec.FigureSpec;
import org.reprise.spec.MatchingSpec;
import org.reprise.spec.Spec;

/** The spec's figures, drawn from stored results (and, for scores and group means, from the data). */
final class FigureBuilder {
    private FigureBuilder() {
    }

    static List<Figure> build(Spec spec, Results results, Map<String, Dataset> data, List<Matchings.Scores> scores) {
        List<Figure> out = new ArrayList<>();
        for (FigureSpec f : spec.figures()) {
            out.add(one(spec, f, results, data::get, scores));
        }
        return out;
    }

    /** One figure; {@code data} gives a source's data (only a group-means figure asks for it). */
    static Figure one(Spec spec, FigureSpec f, Results results, java.util.function.Function<String, Dataset> data,
                      List<Matchings.Scores> scores) {
        return switch (f.type()) {
            case SCORE -> score(spec, f, scores);
            case LOVE -> love(spec, f, results);
            case COEFFICIENTS -> coefficients(spec, f, results);
            case GROUP_MEANS -> groupMeans(spec, f, data.apply(f.data()));
        };
    }

    private static Figure score(Spec spec, FigureSpec f, List<Matchings.Scores> scores) {
        Matchings.Scores s = scores.stream().filter(x -> x.id().equals(f.matching())).findFirst().orElseThrow();
        List<Double> t = new ArrayList<>();
        List<Double> c = new ArrayList<>();
        List<Double> tw = new ArrayList<>();
        List<Double> cw = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < s.score().length; i++) {
            double w = s.weight()[i];
            boolean on = s.support() == null || s.support()[i];
            if (s.treated()[i]) {
                t.add(s.score()[i]);
                tw.add(on ? 1.0 : 0.0);
            } else {
                c.add(s.score()[i]);
                cw.add(on && w > 0 ? w : 0.0);
                lo = Math.min(lo, s.score()[i]);
                hi = Math.max(hi, s.score()[i]);
            }
        }
        ScoreSample before = ScoreSample.of(arr(t), arr(c));
        ScoreSample after = new ScoreSample(arr(t), arr(c), arr(tw), arr(cw));
        MatchingSpec ms = spec.matching(f.matching());
        boolean common = ms.common();
        return Figures.scoreDensity(f.id(), before, after, common ? lo : Double.NaN, common ? hi : Double.NaN,
                ScoreDensityOptions.defaults().withTitle(f.title()));
    }

    private static Figure love(Spec spec, FigureSpec f, Results results) {
        BalanceResult b = results.balance(f.matching());
        DataSource src = spec.source(spec.matching(f.matching()).data());
        List<String> names = new ArrayList<>();
        double[] before = new double[b.table().rows().size()];
        double[] after = new double[before.length];
        for (int i = 0; i < before.length; i++) {
            var r = b.table().rows().get(i);
            names.add(Tables.termLabel(src, r.variable()));
            before[i] = r.biasU();
            after[i] = r.biasM();
        }
        return Figures.lovePlot(f.id(), names, before, after, LovePlotOptions.percent().withTitle(f.title()));
    }

    private static Figure coefficients(Spec spec, FigureSpec f, Results results) {
        MatchingSpec ms = spec.matching(f.matching());
        String outcome = f.outcome().isEmpty() ? ms.outcomes().get(0) : f.outcome();
        List<CoefficientPoint> points = new ArrayList<>();
        String prefix = ms.id() + ".";
        List<String> samples = Matchings.sampleKeys(results, ms.id());
        for (var m : ms.methods()) {
            String label = m.label().isEmpty() ? Tables.methodLabel(m) : m.label();
            for (String s : samples) {
                var t = results.estimate(prefix + s + "." + m.id() + "." + outcome).term("ATT");
                points.add(new CoefficientPoint(label, Matchings.sampleLabel(s), t.estimate(),
                        t.confLow(), t.confHigh()));
            }
        }
        return Figures.coefficientPlot(f.id(), points, CoefficientPlotOptions.defaults().withTitle(f.title())
                .withAxisLabels("", "ATT on " + spec.source(ms.data()).label(outcome) + " (95% CI)"));
    }

    private static Figure groupMeans(Spec spec, FigureSpec f, Dataset d) {
        ModelFrame frame = ModelFrame.build(d, f.outcome(), List.of(), false, null, List.of(f.time()),
                List.of(f.treatment()), null);
        int[] wave = frame.cluster().get(0);
        double[] treat = ((NumericColumn) d.column(f.treatment())).values();
        int waves = ModelFrame.groups(wave);
        double[] sumT = new double[waves];
        double[] sumC = new double[waves];
        int[] nT = new int[waves];
        int[] nC = new int[waves];
        double[] time = ((NumericColumn) d.column(f.time())).values();
        String[] labels = new String[waves];
        for (int i = 0; i < frame.rows().length; i++) {
            int w = wave[i];
            double tv = time[frame.rows()[i]];
            labels[w] = tv == Math.rint(tv) ? Long.toString((long) tv) : Double.toString(tv);
            if (treat[frame.rows()[i]] == 1) {
                sumT[w] += frame.y()[i];
                nT[w]++;
            } else {
                sumC[w] += frame.y()[i];
                nC[w]++;
            }
        }
        double[] mt = new double[waves];
        double[] mc = new double[waves];
        for (int w = 0; w < waves; w++) {
            mt[w] = nT[w] == 0 ? Double.NaN : sumT[w] / nT[w];
            mc[w] = nC[w] == 0 ? Double.NaN : sumC[w] / nC[w];
        }
        DataSource src = spec.source(f.data());
        return Figures.groupMeans(f.id(), List.of(labels), mt, mc, GroupMeansOptions.defaults().withTitle(f.title())
                .withAxisLabels(src.label(f.time()), "Mean " + src.label(f.outcome()))
                .withGroupLabels("Treated (" + src.label(f.treatment()) + " = 1)", "Controls"));
    }

    private static double[] arr(List<Double> l) {
        double[] a = new double[l.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = l.get(i);
        }
        return a;
    }
}
