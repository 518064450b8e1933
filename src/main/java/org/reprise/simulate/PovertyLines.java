package org.reprise.simulate;

/**
 * The three poverty lines of the paper in yuan per person per year at 2014 prices, and the factors that
 * produce them. Incomes in the simulated panel are at 2014 prices, so one line per measure serves both waves.
 *
 * <ul>
 *   <li>{@code ppp2011}: yuan per international dollar, World Bank ICP 2011 PPP conversion factor for private
 *       consumption, China (WDI indicator PA.NUS.PRVT.PP), taken as 3.506.</li>
 *   <li>{@code cpi2011to2014}: China CPI, NBS China Statistical Yearbook, previous year = 100: 2012 102.6,
 *       2013 102.6, 2014 102.0, so 1.026 × 1.026 × 1.020.</li>
 *   <li>{@code cpi2014to2016}: 2015 101.4, 2016 102.0, so 1.014 × 1.020; used to deflate 2016 incomes.</li>
 *   <li>{@code national2010}: the national rural line, 2300 yuan at 2010 prices; {@code nationalFactor2014}
 *       = 2800 / 2300, the line NBS published for 2014 in current prices (2800 yuan). NBS updates the line with
 *       its own rural price index; the plain CPI factor (1.054 × 1.026 × 1.026 × 1.020 = 1.1317, i.e. 2603 yuan)
 *       would put the national line below the $1.90 line, the reverse of the paper's Vul1 &lt; Vul2.</li>
 * </ul>
 *
 * @param ppp2011 yuan per 2011 international dollar (private consumption)
 * @param cpi2011to2014 price factor from 2011 to 2014
 * @param cpi2014to2016 price factor from 2014 to 2016
 * @param national2010 national line at 2010 prices, yuan per person per year
 * @param nationalFactor2014 factor from the 2010 national line to its 2014 value
 */
public record PovertyLines(double ppp2011, double cpi2011to2014, double cpi2014to2016,
                           double national2010, double nationalFactor2014) {

    /** Days per year used to turn a daily dollar line into a yearly one. */
    public static final double DAYS = 365.0;

    /** The defaults documented above. */
    public static final PovertyLines DEFAULT =
            new PovertyLines(3.506, 1.026 * 1.026 * 1.020, 1.014 * 1.020, 2300.0, 2800.0 / 2300.0);

    /** A daily dollar line (2011 PPP) in yuan per person per year at 2014 prices. */
    public double dollarLine(double dollarsPerDay) {
        return dollarsPerDay * DAYS * ppp2011 * cpi2011to2014;
    }

    /** Vul1 line: $1.90 a day. */
    public double z1() {
        return dollarLine(1.90);
    }

    /** Vul2 line: the national line at 2014 prices. */
    public double z2() {
        return national2010 * nationalFactor2014;
    }

    /** Vul3 line: $3.10 a day. */
    public double z3() {
        return dollarLine(3.10);
    }

    /** The three lines in order Vul1, Vul2, Vul3. */
    public double[] lines() {
        return new double[] {z1(), z2(), z3()};
    }
}
