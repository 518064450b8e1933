package org.reprise.simulate;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.LinkOption;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import org.reprise.UserError;

/**
 * A simulated two-wave panel (CLDS 2014 and 2016) calibrated to the paper's Table 1 and Table 3. The data
 * generating process is documented in data/README.md; the same seed always gives byte-identical files.
 */
public final class Simulator {

    /** The seed of the shipped data/clds_sim.csv. */
    public static final long DEFAULT_SEED = 20142016L;

    /** CSV header, in column order. */
    public static final String HEADER = "hhid,year,region,T,P,income," + String.join(",", Params.COVARIATES);

    private static final String[] REGIONS = {"east", "central", "west"};

    private Simulator() {
    }

    /** The default panel (3062 households × 2 waves, sorted by hhid then year) from the given seed. */
    public static List<Row> generate(long seed) {
        return generate(seed, Params.DEFAULT);
    }

    /** A panel from the given seed and parameters. */
    public static List<Row> generate(long seed, Params params) {
        Sampler s = new Sampler(seed);
        Params.Marginals m = params.marginals();
        double[] healthCuts = cuts(m.healthProbs());
        List<Row> rows = new ArrayList<>(2 * params.households());
        double[] lam = m.loadings();
        for (int id = 1; id <= params.households(); id++) {
            String region = REGIONS[s.categorical(m.regionShares())];
            double f = s.normal();
            double[] l = new double[12];
            for (int j = 0; j < 12; j++) {
                l[j] = latent(s, f, lam[j]);
            }
            double rho = m.healthPersistence();
            double[] x = new double[12];
            x[0] = clip(StrictMath.rint(m.ageMean() + m.ageSd() * l[0]), 20, 85);
            x[1] = category(healthCuts, StrictMath.sqrt(rho) * l[1] + StrictMath.sqrt(1 - rho) * s.normal()) + 1;
            x[2] = threshold(l[2], m.jobP());
            x[3] = clip(StrictMath.rint(m.famsizeMean() + m.famsizeSd() * l[3]), 1, 12);
            x[4] = machines(l[4], m);
            x[5] = threshold(l[5], m.subsidyP());
            x[6] = round(Math.min(weibull(l[6], m.distanceShape(), m.distanceScale()), 150.0), 10);
            x[7] = round(100.0 * StrictMath.pow(Sampler.phi(l[7]), 1.0 / m.hroadPower()), 10);
            x[8] = threshold(l[8], m.lampP());
            x[9] = Params.EDU_LEVELS[inverse(m.eduProbs(), Sampler.phi(l[9]))];
            x[10] = threshold(l[10], m.abilityP());
            x[11] = binomial(workers(x[3]), m.tworkP(), Sampler.phi(l[11]));
            int t = participation(params.selection(), x, s.normal());

            double[] y = x.clone();
            Params.Churn c = params.churn();
            y[0] = clip(x[0] + 1 + s.categorical(c.ageStep()), 20, 87);
            y[1] = category(healthCuts, StrictMath.sqrt(rho) * l[1] + StrictMath.sqrt(1 - rho) * s.normal()) + 1;
            y[2] = pick(s.uniform() < c.redraw(), threshold(latent(s, f, lam[2]), m.jobP()), x[2]);
            y[4] = pick(s.uniform() < c.redraw(), machines(latent(s, f, lam[4]), m), x[4]);
            y[5] = pick(s.uniform() < c.redraw(), threshold(latent(s, f, lam[5]), m.subsidyP()), x[5]);
            y[10] = pick(s.uniform() < c.redraw(), threshold(latent(s, f, lam[10]), m.abilityP()), x[10]);
            boolean step = s.uniform() < c.famsizeStep();
            double direction = s.uniform() < 0.5 ? -1 : 1;
            y[3] = step ? clip(x[3] + direction, 1, 12) : x[3];
            boolean redrawWork = s.uniform() < c.tworkRedraw() || y[3] != x[3];
            double freshWork = binomial(workers(y[3]), m.tworkP(), Sampler.phi(latent(s, f, lam[11])));
            y[11] = redrawWork ? freshWork : x[11];
            boolean cut = s.uniform() < c.distanceCut();
            double keep = c.distanceKeep() + (1 - c.distanceKeep()) * s.uniform();
            y[6] = cut ? round(x[6] * keep, 10) : x[6];
            boolean gain = s.uniform() < c.hroadGain();
            double share = c.hroadShare() * s.uniform();
            y[7] = gain ? round(x[7] + (100 - x[7]) * share, 10) : x[7];
            double lampDraw = s.uniform();
            y[8] = x[8] == 0 ? (lampDraw < c.lampOn() ? 1 : 0) : (lampDraw < c.lampOff() ? 0 : 1);
            boolean up = s.uniform() < c.eduUp();
            y[9] = up ? nextLevel(x[9]) : x[9];

            double effect = params.income().effectCentralWest();
            if (region.equals("east")) {
                effect = params.income().effectEast();
            }
            rows.add(row(params.income(), id, 2014, region, t, x, 0.0, s.normal()));
            rows.add(row(params.income(), id, 2016, region, t, y, t == 1 ? effect : 0.0, s.normal()));
        }
        return rows;
    }

    private static Row row(Params.Income inc, int id, int year, String region, int t, double[] x, double effect,
                           double z) {
        double mean = inc.beta0() + effect;
        double variance = inc.theta0();
        for (int j = 0; j < x.length; j++) {
            mean += inc.beta()[j] * x[j];
            variance += inc.theta()[j] * x[j];
        }
        double income = Math.max(0.01, round(StrictMath.exp(mean + StrictMath.sqrt(variance) * z), 100));
        return new Row(id, year, region, t, year == 2016 ? 1 : 0, income, x, mean, variance, effect);
    }

    static int participation(Params.Selection sel, double[] x, double u) {
        double index = sel.intercept();
        for (int j = 0; j < x.length; j++) {
            index += sel.coef()[j] * x[j];
        }
        return index + u > 0 ? 1 : 0;
    }

    /** loading·f + sqrt(1 − loading²)·e with a fresh standard normal e. */
    private static double latent(Sampler s, double f, double loading) {
        return loading * f + StrictMath.sqrt(1 - loading * loading) * s.normal();
    }

    /** 1 when the latent normal is in its upper p tail. */
    private static double threshold(double latent, double p) {
        return latent > Sampler.phiInverse(1 - p) ? 1 : 0;
    }

    /** Zero with probability 1 − share, else 1 + geometric(extraMean), by inversion of the latent's rank. */
    private static double machines(double latent, Params.Marginals m) {
        double u = Sampler.phi(latent);
        double zero = 1 - m.machineShare();
        if (u < zero) {
            return 0;
        }
        double v = (u - zero) / m.machineShare();
        double q = m.machineExtraMean() / (1 + m.machineExtraMean());
        return Math.min(1 + StrictMath.floor(StrictMath.log(1 - v) / StrictMath.log(q)), 15);
    }

    /** Weibull quantile at the latent's rank; the upper tail is taken from Φ(−latent) to keep precision. */
    private static double weibull(double latent, double shape, double scale) {
        return scale * StrictMath.pow(-StrictMath.log(Sampler.phi(-latent)), 1.0 / shape);
    }

    /** Members who can hold a stable non-farm job: household size, at most {@link Params#TWORK_MAX}. */
    private static int workers(double famsize) {
        return (int) Math.min(famsize, Params.TWORK_MAX);
    }

    /** Binomial(n, p) quantile at u. */
    private static double binomial(int n, double p, double u) {
        double pmf = StrictMath.pow(1 - p, n);
        double cum = pmf;
        int k = 0;
        while (u > cum && k < n) {
            pmf *= (double) (n - k) / (k + 1) * p / (1 - p);
            k++;
            cum += pmf;
        }
        return k;
    }

    /** Index of the category whose cumulative probability first reaches u. */
    private static int inverse(double[] probs, double u) {
        double cum = 0;
        for (int i = 0; i < probs.length - 1; i++) {
            cum += probs[i];
            if (u < cum) {
                return i;
            }
        }
        return probs.length - 1;
    }

    /** The schooling level above {@code edu} (16 stays 16). */
    private static double nextLevel(double edu) {
        for (int level : Params.EDU_LEVELS) {
            if (level > edu) {
                return level;
            }
        }
        return edu;
    }

    private static double pick(boolean fresh, double freshValue, double old) {
        return fresh ? freshValue : old;
    }

    /** Standard-normal cut points for ordered categories with the given probabilities. */
    private static double[] cuts(double[] probs) {
        double[] c = new double[probs.length - 1];
        double cum = 0;
        for (int k = 0; k < c.length; k++) {
            cum += probs[k];
            c[k] = Sampler.phiInverse(cum);
        }
        return c;
    }

    private static int category(double[] cuts, double latent) {
        int k = 0;
        while (k < cuts.length && latent > cuts[k]) {
            k++;
        }
        return k;
    }

    private static double clip(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static double round(double v, double per) {
        return StrictMath.rint(v * per) / per;
    }

    /** The panel as CSV text (header, "\n" line ends, fixed decimals: income 2, distance and hroad 1). */
    public static String csv(List<Row> rows) {
        StringBuilder b = new StringBuilder(rows.size() * 80);
        b.append(HEADER).append('\n');
        for (Row r : rows) {
            b.append(r.hhid()).append(',').append(r.year()).append(',').append(r.region()).append(',')
                    .append(r.t()).append(',').append(r.p()).append(',').append(fixed(r.income(), 2));
            for (int j = 0; j < r.x().length; j++) {
                b.append(',');
                b.append(j == 6 || j == 7 ? fixed(r.x()[j], 1) : Long.toString((long) r.x()[j]));
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** Decimal text with exactly {@code scale} decimals, independent of locale and JDK version. */
    static String fixed(double v, int scale) {
        return new BigDecimal(v).setScale(scale, RoundingMode.HALF_EVEN).toPlainString();
    }

    /**
     * Writes outDir/clds_sim.csv and outDir/truth.json for the default seed and parameters. Nothing is overwritten
     * that simulate did not write: a file of either name that already exists must hold exactly the bytes simulate
     * writes (then it is left as it is); otherwise the run stops before writing anything (docs/errors.md).
     */
    public static void write(Path outDir) {
        List<Row> rows = generate(DEFAULT_SEED);
        byte[] csv = csv(rows).getBytes(StandardCharsets.UTF_8);
        byte[] truth = Truth.json(Truth.of(rows, DEFAULT_SEED, Params.DEFAULT)).getBytes(StandardCharsets.UTF_8);
        try {
            Files.createDirectories(outDir);
            boolean csvSame = unchanged(outDir.resolve("clds_sim.csv"), csv);
            boolean truthSame = unchanged(outDir.resolve("truth.json"), truth);
            if (!csvSame) replace(outDir.resolve("clds_sim.csv"), csv);
            if (!truthSame) replace(outDir.resolve("truth.json"), truth);
        } catch (IOException e) {
            throw new UserError("simulate: cannot write the simulated data to the folder '" + outDir + "' ("
                    + e.getMessage() + "). Give --out a folder you can write to, or create it first.", e);
        }
    }

    /** Entry point for {@code reprise simulate --out DIR}. */
    public static void run(Path outDir) {
        write(outDir);
    }

    /**
     * True when target already holds exactly these bytes; false when it does not exist. A file with other content
     * (the user's own data, an edited panel) or anything that is not a plain file stops the run.
     */
    private static boolean unchanged(Path target, byte[] bytes) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) return false;
        if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
                && Files.size(target) == bytes.length && Arrays.equals(Files.readAllBytes(target), bytes)) {
            return true;
        }
        throw new UserError("simulate: " + target + " already exists and is not the simulated file Reprise writes"
                + " (it differs from it, or is not a plain file). Reprise never overwrites a file it did not write,"
                + " so nothing was written. Move that file away, or give --out another folder (e.g. --out sim).");
    }

    /** Writes through a uniquely named temporary file in the same folder, then moves it into place atomically. */
    private static void replace(Path target, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, target); // a rename; fails rather than replace a file that appeared meanwhile
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
