package io.survkit.examples.gist;

import io.survkit.seer.ArmDefinition;
import io.survkit.seer.SeerColumn;
import io.survkit.seer.SeerLabels;
import io.survkit.seer.SeerReader;
import io.survkit.seer.SystemicSurgerySequence;
import io.survkit.internal.Check;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * A synthetic SEER*Stat case listing for the GIST liver-metastasis study (Hu et al., Gastroenterology
 * Report: 607 patients, 380 chemotherapy alone, 227 surgery plus chemotherapy; chemotherapy-alone
 * median cancer-specific survival 57 months and overall survival 44 months; surgery-arm medians not
 * reached by 120 months). No real patient is in it. Immutable; deterministic for a given seed.
 *
 * <p><b>Why a public class in core.</b> The examples module's {@code survkit gist} command writes this
 * file and reads it back through {@link SeerReader} like a user's export, and core's tests check it;
 * a test-only class could not serve the examples module.
 *
 * <h2>The simulation</h2>
 * Random numbers: one {@link SplittableRandom} with the seed ({@link #DEFAULT_SEED} by default),
 * drawn in a fixed order; normal deviates by Box-Muller; {@link StrictMath} throughout, so the file
 * is byte-identical on every JVM.
 * <ol>
 *   <li><b>Analysed cohort (607).</b> Per patient: age ~ Normal(61, 11) rounded, clamped to 18-90;
 *       tumour size (mm) ~ LogNormal(ln 85, 0.5) rounded, clamped to 10-350; male with probability
 *       0.55; year of diagnosis uniform on 2004-2015, month uniform, day uniform within the month.</li>
 *   <li><b>Confounded treatment.</b> Propensity of surgery: logit p = ln(227/380) - 0.045 (age - 61)
 *       - 1.0 ln(size / 85): younger patients with smaller tumours are operated on more often.
 *       Exactly 227 patients are drawn for surgery by weighted sampling without replacement
 *       (Efraimidis-Spirakis keys u^(1/p)); the other 380 have chemotherapy alone.</li>
 *   <li><b>Cause-specific hazards.</b> Cancer death: exponential, rate lambda_c times
 *       exp(0.015 (age - 61) + 0.8 ln(size / 85)) times HR 0.25 with surgery. Other-cause death:
 *       Weibull, shape 1.2, cumulative hazard lambda_o t^1.2 times exp(0.075 (age - 61)) times HR
 *       0.50 with surgery (surgical patients are fitter). Latent times from unit exponentials;
 *       the first one is the death and its cause. The crude arm difference is therefore larger than
 *       the adjusted one: adjustment and matching on age and size matter.</li>
 *   <li><b>Administrative censoring</b> at the study cutoff, 31 December 2016: follow-up from
 *       diagnosis to the cutoff is at most 155 complete months (diagnosed January 2004).
 *       "Survival months" = complete months (floor), written zero-padded ("0044").</li>
 *   <li><b>Calibration.</b> lambda_c and lambda_o are tuned (alternating bisection, then a grid
 *       search around its result) so that in the chemotherapy-alone arm of this very sample the
 *       Kaplan-Meier median cancer-specific survival is exactly 57 months and the median overall
 *       survival 44 months (R's {@code survfit} on the file agrees). The surgery arm has the same
 *       baseline rates; its medians are not reached within follow-up (checked by the tests; with the
 *       default seed its 120-month overall survival is about 0.61, and the crude overall-survival
 *       hazard ratio about 0.31 against 0.39 adjusted for age and log size).</li>
 *   <li><b>Timing of surgery</b> (RX Summ--Systemic/Sur Seq) in the surgery arm: systemic therapy
 *       before surgery (code 2) 30%, after surgery (3) 45%, before and after (4) 25%. Surgery: 55%
 *       primary site (code 30) and liver metastasectomy (other sites: distant site), 30%
 *       metastasectomy only, 15% primary site only. Note: real SEER leaves the (2007+) sequence item
 *       "Blank(s)" for cases diagnosed before 2007; the simulation writes it for every case so that
 *       the timing subgroups keep their long follow-up.</li>
 *   <li><b>Records a cohort selection must remove</b> (38, drawn from the same model): 4 death
 *       certificate/autopsy-only cases (flag "Not calculated...", months "Unknown"); 5 with months
 *       "Unknown" (flag "Unknown", NAACCR code 9); 2 with cause "N/A not first tumor" (chemotherapy
 *       alone); 6 deaths of unknown cause, "Dead (missing/unknown COD)" (4 chemotherapy alone, 2
 *       surgery); 18 without chemotherapy ("No/Unknown"); 3 with chemotherapy whose surgery is unknown
 *       (primary site 99). Records are shuffled; Patient IDs follow the file order.</li>
 * </ol>
 * Read back with cancer-specific survival, unknown causes excluded, and
 * {@link ArmDefinition#chemotherapyWithOrWithoutSurgery()}, the file gives exactly 607 patients,
 * 380 and 227; with unknown causes censored, 613 (384 and 229); for overall survival, 615 (386 and
 * 229).
 *
 * <p>Columns (SEER*Stat names, see {@link SeerColumn}): Patient ID, Year of diagnosis, Sex, Age recode
 * with single ages and 100+, Histologic Type ICD-O-3 (8936, GIST), CS tumor size (2004-2015) (mm,
 * three digits), RX Summ--Surg Prim Site (1998+), RX Summ--Surg Oth Reg/Dis (2003+), Chemotherapy
 * recode (yes, no/unk), RX Summ--Systemic/Sur Seq (2007+), SEER cause-specific death classification,
 * SEER other cause of death classification, Survival months, Survival months flag, Vital status
 * recode (study cutoff used). Comma-separated with every field quoted (several labels contain
 * commas), or tab-separated; CRLF line ends, as SEER*Stat writes DOS/Windows files.
 *
 * <pre>{@code
 * Path file = GistCohortSimulator.withDefaults().write(Path.of("gist_seer_export.csv"));
 * CohortSelection cohort = SeerReader.withDefaults()
 *         .withEndpoint(Endpoint.CANCER_SPECIFIC)
 *         .withArms(ArmDefinition.chemotherapyWithOrWithoutSurgery())
 *         .withNumeric(SeerColumn.AGE, "age")
 *         .withNumeric(GistCohortSimulator.TUMOR_SIZE, "size")
 *         .read(file);
 * }</pre>
 */
public final class GistCohortSimulator {
    /** Patients analysed in the study. */
    public static final int PATIENTS = 607;
    /** Patients with chemotherapy alone. */
    public static final int CHEMOTHERAPY_ALONE = 380;
    /** Patients with surgery plus chemotherapy. */
    public static final int SURGERY_PLUS_CHEMOTHERAPY = 227;
    /** Reported median cancer-specific survival of the chemotherapy-alone arm, months. */
    public static final double REPORTED_MEDIAN_CSS = 57;
    /** Reported median overall survival of the chemotherapy-alone arm, months. */
    public static final double REPORTED_MEDIAN_OS = 44;
    /** Records the cohort selection must remove (see the class comment). */
    public static final int EXTRA_RECORDS = 38;
    /** The default seed. */
    public static final long DEFAULT_SEED = 20_190_607L;
    /** Header of the tumour-size column. */
    public static final String TUMOR_SIZE = "CS tumor size (2004-2015)";
    /** Header of the patient identifier. */
    public static final String PATIENT_ID = "Patient ID";
    /** First and last year of diagnosis, and the year whose end is the study cutoff. */
    public static final int FIRST_YEAR = 2004;
    /** Last year of diagnosis. */
    public static final int LAST_YEAR = 2015;
    /** Follow-up ends on 31 December of this year. */
    public static final int CUTOFF_YEAR = 2016;

    static final double AGE_MEAN = 61;
    static final double AGE_SD = 11;
    static final double SIZE_MEDIAN = 85;
    static final double SIZE_LOG_SD = 0.5;
    static final double MALE = 0.55;
    static final double PS_AGE = -0.045;
    static final double PS_LOG_SIZE = -1.0;
    static final double CANCER_AGE = 0.015;
    static final double CANCER_LOG_SIZE = 0.8;
    static final double CANCER_HR_SURGERY = 0.25;
    static final double OTHER_AGE = 0.075;
    static final double OTHER_HR_SURGERY = 0.50;
    static final double OTHER_SHAPE = 1.2;
    static final double[] TIMING_SHARES = {0.30, 0.45, 0.25}; // codes 2, 3, 4

    private static final String[] HEADER = {PATIENT_ID, SeerColumn.YEAR_OF_DIAGNOSIS.defaultHeader(),
        SeerColumn.SEX.defaultHeader(), SeerColumn.AGE.defaultHeader(), "Histologic Type ICD-O-3", TUMOR_SIZE,
        SeerColumn.SURGERY_PRIMARY_SITE.defaultHeader(), SeerColumn.SURGERY_OTHER_SITES.defaultHeader(),
        SeerColumn.CHEMOTHERAPY.defaultHeader(), SeerColumn.SYSTEMIC_SURGERY_SEQUENCE.defaultHeader(),
        SeerColumn.CAUSE_SPECIFIC_DEATH.defaultHeader(), SeerColumn.OTHER_CAUSE_DEATH.defaultHeader(),
        SeerColumn.SURVIVAL_MONTHS.defaultHeader(), SeerColumn.SURVIVAL_MONTHS_FLAG.defaultHeader(),
        SeerColumn.VITAL_STATUS.defaultHeader()};

    private static final GistCohortSimulator DEFAULTS = new GistCohortSimulator(DEFAULT_SEED,
            SeerReader.Delimiter.COMMA);

    private final long seed;
    private final SeerReader.Delimiter delimiter;
    private volatile Simulation simulation; // a cache of the deterministic result, not state

    private GistCohortSimulator(long seed, SeerReader.Delimiter delimiter) {
        this.seed = seed;
        this.delimiter = delimiter;
    }

    /** Seed {@link #DEFAULT_SEED}, comma-separated. */
    public static GistCohortSimulator withDefaults() {
        return DEFAULTS;
    }

    /** Another seed (another sample; the calibration holds for every seed). */
    public GistCohortSimulator withSeed(long s) {
        return new GistCohortSimulator(s, delimiter);
    }

    /** {@link SeerReader.Delimiter#COMMA} (default) or {@link SeerReader.Delimiter#TAB}. */
    public GistCohortSimulator withDelimiter(SeerReader.Delimiter d) {
        if (d != SeerReader.Delimiter.COMMA && d != SeerReader.Delimiter.TAB) {
            throw Check.fail("write with COMMA or TAB, got %s", d);
        }
        return new GistCohortSimulator(seed, d);
    }

    /** The seed. */
    public long seed() {
        return seed;
    }

    /** Writes the export to {@code file} (UTF-8) and returns it. */
    public Path write(Path file) {
        Check.notNull("file", file);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(w);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    /** Writes the export to {@code out} (not closed). */
    public void write(Writer out) throws IOException {
        Simulation s = simulate();
        CSVFormat format = (delimiter == SeerReader.Delimiter.TAB
                ? CSVFormat.TDF.builder().setQuoteMode(QuoteMode.MINIMAL)
                : CSVFormat.DEFAULT.builder().setQuoteMode(QuoteMode.ALL)).setRecordSeparator("\r\n").get();
        CSVPrinter p = new CSVPrinter(out, format);
        p.printRecord((Object[]) HEADER);
        for (String[] r : s.records) {
            p.printRecord((Object[]) r);
        }
        p.flush();
    }

    /** The calibrated baseline rates and the chemotherapy-alone medians they give. */
    public Calibration calibration() {
        return simulate().calibration;
    }

    /** The calibrated model: baseline rates, and the chemotherapy-alone arm's medians in the sample. */
    public static final class Calibration {
        private final double cancerRate;
        private final double otherCauseRate;
        private final double medianCss;
        private final double medianOs;

        Calibration(double cancerRate, double otherCauseRate, double medianCss, double medianOs) {
            this.cancerRate = cancerRate;
            this.otherCauseRate = otherCauseRate;
            this.medianCss = medianCss;
            this.medianOs = medianOs;
        }

        /** Baseline cancer-death rate lambda_c, per month (age 61, size 85 mm, no surgery). */
        public double cancerRate() {
            return cancerRate;
        }

        /** Baseline other-cause Weibull scale lambda_o (cumulative hazard lambda_o t^1.2, t in months). */
        public double otherCauseRate() {
            return otherCauseRate;
        }

        /** Kaplan-Meier median CSS of the chemotherapy-alone arm (months). */
        public double medianCss() {
            return medianCss;
        }

        /** Kaplan-Meier median OS of the chemotherapy-alone arm (months). */
        public double medianOs() {
            return medianOs;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "Calibration[lambda_c=%.6g/month, lambda_o=%.6g, chemotherapy-alone"
                    + " median CSS=%s, median OS=%s months]", cancerRate, otherCauseRate, medianCss, medianOs);
        }
    }

    @Override
    public String toString() {
        return "GistCohortSimulator[seed=" + seed + ", delimiter=" + delimiter + ", " + PATIENTS + " patients ("
                + CHEMOTHERAPY_ALONE + " chemotherapy alone, " + SURGERY_PLUS_CHEMOTHERAPY + " surgery + chemotherapy) + "
                + EXTRA_RECORDS + " records to exclude]";
    }

    // ------------------------------------------------------------------ simulation

    /** One simulated patient's draws. */
    private static final class Patient {
        int age;
        int size;
        boolean male;
        int year;
        int month;
        double dayFraction;
        double cancerDraw;
        double otherDraw;
        double armDraw;
        double timingDraw;
        double surgeryDraw;
        boolean surgery;
        double followUp;
        double cancerScale;
        double otherScale;

        /** Fixes the arm: follow-up to the cutoff and the time scales of the two latent death times. */
        void settle() {
            followUp = (CUTOFF_YEAR - year) * 12.0 + (12 - month) + (1 - dayFraction);
            cancerScale = cancerDraw / cancerMultiplier();
            otherScale = StrictMath.pow(otherDraw / otherMultiplier(), 1.0 / OTHER_SHAPE);
        }

        double cancerMultiplier() {
            return StrictMath.exp(CANCER_AGE * (age - AGE_MEAN) + CANCER_LOG_SIZE * StrictMath.log(size / SIZE_MEDIAN))
                    * (surgery ? CANCER_HR_SURGERY : 1.0);
        }

        double otherMultiplier() {
            return StrictMath.exp(OTHER_AGE * (age - AGE_MEAN)) * (surgery ? OTHER_HR_SURGERY : 1.0);
        }

        /** Exact follow-up time, and 0 = alive, 1 = cancer death, 2 = other death. */
        double time(double lc, double lo, int[] cause) {
            return timeScaled(lc, StrictMath.pow(lo, -1.0 / OTHER_SHAPE), cause);
        }

        /** As {@link #time} with {@code oScale = lo^(-1/shape)}. */
        double timeScaled(double lc, double oScale, int[] cause) {
            double tc = cancerScale / lc;
            double to = otherScale * oScale;
            double c = followUp;
            double t = Math.min(c, Math.min(tc, to));
            cause[0] = tc < c || to < c ? (tc <= to ? 1 : 2) : 0;
            return t;
        }
    }

    private static final class Simulation {
        Calibration calibration;
        List<String[]> records = new ArrayList<>();
    }

    private Simulation simulate() {
        Simulation s = simulation;
        if (s == null) {
            s = run();
            simulation = s;
        }
        return s;
    }

    private Simulation run() {
        SplittableRandom rng = new SplittableRandom(seed);
        Patient[] cohort = new Patient[PATIENTS];
        for (int i = 0; i < PATIENTS; i++) {
            cohort[i] = draw(rng);
        }
        assignArms(cohort);
        Patient[] control = new Patient[CHEMOTHERAPY_ALONE];
        int k = 0;
        for (Patient p : cohort) {
            if (!p.surgery) {
                control[k++] = p;
            }
        }
        double[] rates = calibrate(control);
        Simulation s = new Simulation();
        Medians m = new Medians(control);
        s.calibration = new Calibration(rates[0], rates[1], m.median(rates[0], rates[1], false),
                m.median(rates[0], rates[1], true));
        List<String[]> all = new ArrayList<>();
        for (Patient p : cohort) {
            all.add(record(p, rates, true, Extra.NONE));
        }
        extras(rng, rates, all);
        for (int i = all.size() - 1; i > 0; i--) { // Fisher-Yates
            int j = rng.nextInt(i + 1);
            String[] t = all.get(i);
            all.set(i, all.get(j));
            all.set(j, t);
        }
        for (int i = 0; i < all.size(); i++) {
            all.get(i)[0] = String.format(Locale.ROOT, "%08d", i + 1);
        }
        s.records = all;
        return s;
    }

    private static Patient draw(SplittableRandom rng) {
        Patient p = new Patient();
        p.age = (int) Math.max(18, Math.min(90, StrictMath.rint(AGE_MEAN + AGE_SD * gaussian(rng))));
        p.size = (int) Math.max(10, Math.min(350,
                StrictMath.rint(StrictMath.exp(StrictMath.log(SIZE_MEDIAN) + SIZE_LOG_SD * gaussian(rng)))));
        p.male = rng.nextDouble() < MALE;
        p.year = FIRST_YEAR + rng.nextInt(LAST_YEAR - FIRST_YEAR + 1);
        p.month = 1 + rng.nextInt(12);
        p.dayFraction = rng.nextDouble();
        p.cancerDraw = -StrictMath.log(1 - rng.nextDouble());
        p.otherDraw = -StrictMath.log(1 - rng.nextDouble());
        p.armDraw = rng.nextDouble();
        p.timingDraw = rng.nextDouble();
        p.surgeryDraw = rng.nextDouble();
        return p;
    }

    /** Box-Muller with StrictMath (one deviate per call; reproducible on every JVM). */
    private static double gaussian(SplittableRandom rng) {
        double u = 1 - rng.nextDouble();
        double v = rng.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u)) * StrictMath.cos(2 * StrictMath.PI * v);
    }

    /** Exactly 227 to surgery by Efraimidis-Spirakis weighted sampling on the propensity. */
    private static void assignArms(Patient[] cohort) {
        int n = cohort.length;
        double[] key = new double[n];
        Integer[] order = new Integer[n];
        double intercept = StrictMath.log((double) SURGERY_PLUS_CHEMOTHERAPY / CHEMOTHERAPY_ALONE);
        for (int i = 0; i < n; i++) {
            Patient p = cohort[i];
            double lp = intercept + PS_AGE * (p.age - AGE_MEAN) + PS_LOG_SIZE * StrictMath.log(p.size / SIZE_MEDIAN);
            double prob = 1 / (1 + StrictMath.exp(-lp));
            key[i] = StrictMath.log(1 - p.armDraw) / prob; // log of u^(1/p); larger is drawn first
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> a.equals(b) ? 0 : key[a] != key[b] ? Double.compare(key[b], key[a])
                : Integer.compare(a, b));
        for (int r = 0; r < SURGERY_PLUS_CHEMOTHERAPY; r++) {
            cohort[order[r]].surgery = true;
        }
        for (Patient p : cohort) {
            p.settle();
        }
    }

    /**
     * Baseline rates giving the reported chemotherapy-alone medians in this sample: alternating
     * bisection gives a start; when it does not hit both medians exactly (the median of complete
     * months moves in jumps, not always monotonically), the grid of rates start x 1.001^k
     * (|k| <= 250, both rates) is searched ring by ring outward from the start, and the exact pair
     * nearest the start on the first ring holding one is taken; failing any, the pair with the
     * smallest total miss.
     */
    private static double[] calibrate(Patient[] control) {
        Medians m = new Medians(control);
        double lc = StrictMath.log(2) / REPORTED_MEDIAN_CSS;
        double lo = 1e-3;
        for (int iter = 0; iter < 10; iter++) {
            final double fo = lo;
            lc = solve(l -> m.median(l, fo, false), REPORTED_MEDIAN_CSS, lc);
            final double fc = lc;
            lo = solve(l -> m.median(fc, l, true), REPORTED_MEDIAN_OS, lo);
        }
        if (m.miss(lc, lo) == 0) {
            return new double[] {lc, lo};
        }
        double[] best = {lc, lo};
        double bestMiss = m.miss(lc, lo);
        int bestDistance = 0;
        final int k = 250;
        for (int r = 1; r <= k; r++) {
            for (int i = -r; i <= r; i++) {
                int step = Math.abs(i) == r ? 1 : 2 * r; // the ring's border only
                for (int j = -r; j <= r; j += step) {
                    double c = lc * StrictMath.pow(1.001, i);
                    double o = lo * StrictMath.pow(1.001, j);
                    double miss = m.miss(c, o);
                    int distance = i * i + j * j;
                    if (miss < bestMiss || (miss == bestMiss && distance < bestDistance)) {
                        best = new double[] {c, o};
                        bestMiss = miss;
                        bestDistance = distance;
                    }
                }
            }
            if (bestMiss == 0) {
                break;
            }
        }
        return best;
    }

    /** Kaplan-Meier medians of a group for given rates, in O(n) on complete months. */
    private static final class Medians {
        private final Patient[] group;
        private final int[] exits = new int[(CUTOFF_YEAR - FIRST_YEAR + 1) * 12 + 1];
        private final int[] events = new int[exits.length];

        Medians(Patient[] group) {
            this.group = group;
        }

        double miss(double lc, double lo) {
            return Math.abs(median(lc, lo, false) - REPORTED_MEDIAN_CSS) + Math.abs(median(lc, lo, true)
                    - REPORTED_MEDIAN_OS);
        }

        double median(double lc, double lo, boolean overall) {
            Arrays.fill(exits, 0);
            Arrays.fill(events, 0);
            int[] cause = new int[1];
            double oScale = StrictMath.pow(lo, -1.0 / OTHER_SHAPE);
            for (Patient p : group) {
                int month = (int) StrictMath.floor(p.timeScaled(lc, oScale, cause));
                exits[month]++;
                if (overall ? cause[0] != 0 : cause[0] == 1) {
                    events[month]++;
                }
            }
            return bucketMedian(exits, events, group.length);
        }
    }

    /**
     * Product-limit median over whole months: S(t) = prod over event months u <= t of
     * (1 - d(u) / n(u)); the median is the smallest t with S(t) <= 0.5, and the mean of that month and
     * the next event month when S(t) is exactly 0.5 (as R's survfit). Infinite when not reached.
     */
    private static double bucketMedian(int[] exits, int[] events, int n) {
        double s = 1;
        int atRisk = n;
        for (int m = 0; m < exits.length; m++) {
            if (events[m] > 0) {
                s *= 1 - (double) events[m] / atRisk;
                if (s <= 0.5) {
                    if (Math.abs(s - 0.5) < 1e-12) {
                        for (int j = m + 1; j < exits.length; j++) {
                            if (events[j] > 0) {
                                return (m + j) / 2.0;
                            }
                        }
                    }
                    return m;
                }
            }
            atRisk -= exits[m];
        }
        return Double.POSITIVE_INFINITY;
    }

    private interface Median {
        double at(double rate);
    }

    /**
     * A rate at which the (roughly non-increasing in the rate) median equals {@code target}: the
     * geometric middle of the two boundaries found by bisection, or the first boundary.
     */
    private static double solve(Median f, double target, double start) {
        double lo = start;
        double hi = start;
        for (int i = 0; i < 200 && !(f.at(lo) > target); i++) {
            lo /= 2;
        }
        for (int i = 0; i < 200 && !(f.at(hi) < target); i++) {
            hi *= 2;
        }
        double first = boundary(f, target, lo, hi, true);  // smallest rate with median <= target
        double last = boundary(f, target, lo, hi, false);  // smallest rate with median < target
        return first < last ? StrictMath.sqrt(first * last) : first;
    }

    private static double boundary(Median f, double target, double lo, double hi, boolean inclusive) {
        double a = lo;
        double b = hi;
        for (int i = 0; i < 60; i++) {
            double m = StrictMath.sqrt(a * b);
            double v = f.at(m);
            if (inclusive ? v <= target : v < target) {
                b = m;
            } else {
                a = m;
            }
        }
        return b;
    }

    // ------------------------------------------------------------------ records

    private enum Extra { NONE, DEATH_CERTIFICATE_ONLY, MONTHS_UNKNOWN, NOT_FIRST_TUMOR, UNKNOWN_CAUSE, NO_CHEMOTHERAPY,
        SURGERY_UNKNOWN }

    private static void extras(SplittableRandom rng, double[] rates, List<String[]> all) {
        add(rng, rates, all, Extra.DEATH_CERTIFICATE_ONLY, 4, 0);
        add(rng, rates, all, Extra.MONTHS_UNKNOWN, 5, 0);
        add(rng, rates, all, Extra.NOT_FIRST_TUMOR, 2, 0);
        add(rng, rates, all, Extra.UNKNOWN_CAUSE, 6, 2);
        add(rng, rates, all, Extra.NO_CHEMOTHERAPY, 18, 8);
        add(rng, rates, all, Extra.SURGERY_UNKNOWN, 3, 0);
    }

    private static void add(SplittableRandom rng, double[] rates, List<String[]> all, Extra kind, int n, int surgical) {
        for (int i = 0; i < n; i++) {
            Patient p = draw(rng);
            p.surgery = i < surgical;
            p.settle();
            all.add(record(p, rates, kind != Extra.NO_CHEMOTHERAPY, kind));
        }
    }

    private static String[] record(Patient p, double[] rates, boolean chemotherapy, Extra kind) {
        int[] cause = new int[1];
        double t = p.time(rates[0], rates[1], cause);
        int months = (int) StrictMath.floor(t);
        String primary = "00";
        String other = SeerLabels.otherSitesSurgeryLabel(0);
        SystemicSurgerySequence seq = SystemicSurgerySequence.NONE;
        if (p.surgery) {
            primary = p.surgeryDraw < 0.85 && p.surgeryDraw >= 0.55 ? "00" : "30";
            other = p.surgeryDraw < 0.85 ? SeerLabels.otherSitesSurgeryLabel(4) : SeerLabels.otherSitesSurgeryLabel(0);
            if (chemotherapy) {
                seq = p.timingDraw < TIMING_SHARES[0] ? SystemicSurgerySequence.SYSTEMIC_BEFORE_SURGERY
                        : p.timingDraw < TIMING_SHARES[0] + TIMING_SHARES[1]
                                ? SystemicSurgerySequence.SYSTEMIC_AFTER_SURGERY
                                : SystemicSurgerySequence.SYSTEMIC_BEFORE_AND_AFTER_SURGERY;
            }
        }
        String vital = cause[0] == 0 ? SeerLabels.ALIVE : SeerLabels.DEAD;
        String css = cause[0] == 1 ? SeerLabels.DEAD_OF_THIS_CANCER : SeerLabels.ALIVE_OR_DEAD_OF_OTHER_CAUSE;
        String oth = cause[0] == 2 ? SeerLabels.DEAD_OF_OTHER_CAUSE : SeerLabels.ALIVE_OR_DEAD_OF_CANCER;
        String monthsText = String.format(Locale.ROOT, "%04d", months);
        String flag = months == 0 && t < 1.0 / 30.44 ? SeerLabels.FLAG_COMPLETE_ZERO_DAYS
                : SeerLabels.FLAG_COMPLETE_MORE_THAN_ZERO_DAYS;
        switch (kind) {
            case DEATH_CERTIFICATE_ONLY:
                vital = SeerLabels.DEAD;
                css = SeerLabels.DEAD_OF_THIS_CANCER;
                oth = SeerLabels.ALIVE_OR_DEAD_OF_CANCER;
                monthsText = SeerLabels.UNKNOWN;
                flag = SeerLabels.FLAG_NOT_CALCULATED;
                primary = "99";
                other = SeerLabels.otherSitesSurgeryLabel(9);
                chemotherapy = false;
                break;
            case MONTHS_UNKNOWN:
                vital = SeerLabels.ALIVE;
                css = SeerLabels.ALIVE_OR_DEAD_OF_OTHER_CAUSE;
                oth = SeerLabels.ALIVE_OR_DEAD_OF_CANCER;
                monthsText = SeerLabels.UNKNOWN;
                flag = SeerLabels.UNKNOWN;
                break;
            case NOT_FIRST_TUMOR:
                css = SeerLabels.NOT_FIRST_TUMOR;
                oth = SeerLabels.NOT_FIRST_TUMOR;
                break;
            case UNKNOWN_CAUSE:
                vital = SeerLabels.DEAD;
                css = SeerLabels.DEAD_OF_UNKNOWN_CAUSE;
                oth = SeerLabels.DEAD_OF_UNKNOWN_CAUSE;
                break;
            case SURGERY_UNKNOWN:
                primary = "99";
                other = SeerLabels.otherSitesSurgeryLabel(9);
                seq = SystemicSurgerySequence.NONE;
                break;
            default:
                break;
        }
        return new String[] {"", Integer.toString(p.year), p.male ? "Male" : "Female", p.age + " years", "8936",
            String.format(Locale.ROOT, "%03d", p.size), primary, other, chemotherapy ? SeerLabels.YES
                    : SeerLabels.NO_OR_UNKNOWN, seq.seerLabel(), css, oth, monthsText, flag, vital};
    }
}
