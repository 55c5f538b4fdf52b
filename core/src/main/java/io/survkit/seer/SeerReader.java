package io.survkit.seer;

import io.survkit.data.Factor;
import io.survkit.data.SurvivalData;
import io.survkit.internal.Parse;
import io.survkit.internal.Check;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a SEER*Stat case-listing export (comma- or tab-delimited text with a header line of
 * variable names, values exported as labels) into survival data for one {@link Endpoint}, with
 * treatment arms and covariates, and records the cohort selection as a CONSORT-style exclusion
 * table. Immutable; every {@code with...} returns a new reader.
 *
 * <p>Defaults ({@link #withDefaults()}): SEER*Stat's variable names for every column
 * ({@link SeerColumn}); delimiter detected from the header line; UTF-8 (a byte-order mark is
 * skipped); endpoint {@link Endpoint#OVERALL_SURVIVAL}; no arms; no covariates; covariate values
 * "Unknown", "Blank(s)" and empty cells are missing.
 *
 * <p>Per record, in this order, the first reason that applies excludes it (each is a line of
 * {@link CohortSelection#exclusions()}):
 * <ol>
 *   <li>{@link CohortSelection#SURVIVAL_NOT_CALCULATED}: "Survival months flag" says survival was
 *       not calculated (death certificate or autopsy only);</li>
 *   <li>{@link CohortSelection#SURVIVAL_MONTHS_UNKNOWN}: "Survival months" is "Unknown" (or empty);</li>
 *   <li>{@link CohortSelection#NOT_FIRST_TUMOR} (cause-specific and competing-risks endpoints): the
 *       cause-specific classification is "N/A not first tumor";</li>
 *   <li>{@link CohortSelection#CAUSE_OF_DEATH_UNKNOWN} (when the endpoint excludes unknown causes):
 *       "Dead (missing/unknown COD)";</li>
 *   <li>outside the treatment arms, under the reason the {@link ArmDefinition} gives;</li>
 *   <li>"missing NAME" for each covariate, in the order added.</li>
 * </ol>
 * Every record is validated, whether excluded or not: a value that is not one of the expected
 * labels, a survival time that is not a number of months, or a cause-of-death classification that
 * contradicts the vital status, is an {@link IllegalArgumentException} naming the column, the
 * 1-based data row (file line = row + 1) and the value.
 *
 * <p>Survival months are complete months (SEER: floor of days / (365.24 / 12)), kept as they are:
 * a death in the first month has time 0, as in R's {@code Surv(months, status)} on the same file.
 *
 * <pre>{@code
 * CohortSelection cohort = SeerReader.withDefaults()
 *         .withEndpoint(Endpoint.CANCER_SPECIFIC.withUnknownCause(UnknownCause.EXCLUDE))
 *         .withArms(ArmDefinition.chemotherapyWithOrWithoutSurgery())
 *         .withNumeric(SeerColumn.AGE, "age")
 *         .withFactor(SeerColumn.SEX, "sex", "Female")
 *         .read(Path.of("gist_liver_mets.csv"));
 * System.out.println(cohort);           // the exclusion table
 * SurvivalData css = cohort.data();     // group "arm": Chemotherapy alone, Surgery + chemotherapy
 * SurvivalData os = cohort.data(Endpoint.OVERALL_SURVIVAL);   // same patients
 * }</pre>
 */
public final class SeerReader {
    /** Field delimiter of the export. */
    public enum Delimiter {
        /** Comma-separated values (quoted fields allowed). */
        COMMA,
        /** Tab-separated values. */
        TAB,
        /** Tab when the header line has a tab, else comma. */
        DETECT
    }

    private static final Pattern SEER_NUMBER = Pattern.compile("(\\d+(?:\\.\\d+)?)\\+?(?:\\s*years?)?",
            Pattern.CASE_INSENSITIVE);

    private static final SeerReader DEFAULTS = new SeerReader(defaultHeaders(), Delimiter.DETECT,
            StandardCharsets.UTF_8, Endpoint.OVERALL_SURVIVAL, null, List.of(), List.of("unknown", "blank(s)"));

    private final Map<SeerColumn, String> headers;
    private final Delimiter delimiter;
    private final Charset charset;
    private final Endpoint endpoint;
    private final ArmDefinition arms;
    private final List<CovariateSpec> covariates;
    private final List<String> missingLabels;

    private SeerReader(Map<SeerColumn, String> headers, Delimiter delimiter, Charset charset, Endpoint endpoint,
            ArmDefinition arms, List<CovariateSpec> covariates, List<String> missingLabels) {
        this.headers = headers;
        this.delimiter = delimiter;
        this.charset = charset;
        this.endpoint = endpoint;
        this.arms = arms;
        this.covariates = covariates;
        this.missingLabels = missingLabels;
    }

    private static Map<SeerColumn, String> defaultHeaders() {
        Map<SeerColumn, String> m = new EnumMap<>(SeerColumn.class);
        for (SeerColumn c : SeerColumn.values()) {
            m.put(c, c.defaultHeader());
        }
        return Collections.unmodifiableMap(m);
    }

    /**
     * The reader with every default (see the class comment).
     *
     * @return the shared default instance
     */
    public static SeerReader withDefaults() {
        return DEFAULTS;
    }

    /**
     * Reads {@code column} from the header {@code header} instead of SEER*Stat's name.
     *
     * @param column the column name
     * @param header the header
     * @return a new instance with this setting (this one is unchanged)
     */
    public SeerReader withColumn(SeerColumn column, String header) {
        Check.notNull("column", column);
        if (header == null || header.isBlank()) {
            throw Check.fail("header of %s must be a non-empty name, got '%s'", column, header);
        }
        Map<SeerColumn, String> m = new EnumMap<>(headers);
        m.put(column, header.strip());
        return new SeerReader(Collections.unmodifiableMap(m), delimiter, charset, endpoint, arms, covariates,
                missingLabels);
    }

    /**
     * The field delimiter (default {@link Delimiter#DETECT}).
     *
     * @param d the delimiter
     * @return a new instance with this setting (this one is unchanged)
     */
    public SeerReader withDelimiter(Delimiter d) {
        return new SeerReader(headers, Check.notNull("delimiter", d), charset, endpoint, arms, covariates,
                missingLabels);
    }

    /**
     * The file's character set (default UTF-8).
     *
     * @param cs the charset
     * @return a new instance with this setting (this one is unchanged)
     */
    public SeerReader withCharset(Charset cs) {
        return new SeerReader(headers, delimiter, Check.notNull("charset", cs), endpoint, arms, covariates,
                missingLabels);
    }

    /**
     * The endpoint of {@link CohortSelection#data()} (default overall survival).
     *
     * @param e the endpoint
     * @return a new instance with this setting (this one is unchanged)
     */
    public SeerReader withEndpoint(Endpoint e) {
        return new SeerReader(headers, delimiter, charset, Check.notNull("endpoint", e), arms, covariates,
                missingLabels);
    }

    /**
     * Treatment arms: the data's group, and an exclusion for records in no arm.
     *
     * @param a the arm definition
     * @return a new instance with this setting (this one is unchanged)
     */
    public SeerReader withArms(ArmDefinition a) {
        return new SeerReader(headers, delimiter, charset, endpoint, Check.notNull("arms", a), covariates,
                missingLabels);
    }

    /**
     * A numeric covariate {@code name} from the column with header {@code column}. Values are plain
     * numbers ("045" = 45) or SEER's age labels ("65 years", "100+ years" = 65, 100); a missing
     * label excludes the record.
     *
     * @param column the column name
     * @param name the name
     * @return a new instance with this setting (this one is unchanged)
     */
    public SeerReader withNumeric(String column, String name) {
        return add(new CovariateSpec(column, null, name, false, null, null));
    }

    /**
     * A numeric covariate from one of the interpreted SEER columns (e.g. {@link SeerColumn#AGE}).
     *
     * @param column the column name
     * @param name the name
     * @return a new instance with this setting (this one is unchanged)
     */
    public SeerReader withNumeric(SeerColumn column, String name) {
        return add(new CovariateSpec(null, Check.notNull("column", column), name, false, null, null));
    }

    /**
     * A numeric covariate with its own parser; the parser returns NaN for a missing value (the
     * record is then excluded). E.g. CS tumor size, where codes 990-999 are not sizes:
     * {@code withNumeric("CS tumor size (2004-2015)", "size", v -> { double c = Double.parseDouble(v);
     * return c >= 990 ? Double.NaN : c; })}. The reader's missing labels are applied first.
     *
     * @param column the column name
     * @param name the name
     * @param parser the parser
     * @return a new instance with this setting (this one is unchanged)
     */
    public SeerReader withNumeric(String column, String name, ToDoubleFunction<String> parser) {
        return add(new CovariateSpec(column, null, name, false, Check.notNull("parser", parser), null));
    }

    /**
     * A factor covariate {@code name} from the column {@code column}; its labels are the levels
     * (byte order), {@code reference} first (null = the first in order, as R).
     *
     * @param column the column name
     * @param name the name
     * @param reference the reference level
     * @return a new instance with this setting (this one is unchanged)
     */
    public SeerReader withFactor(String column, String name, String reference) {
        return add(new CovariateSpec(column, null, name, true, null, reference));
    }

    /**
     * A factor covariate from one of the interpreted SEER columns (e.g. {@link SeerColumn#SEX}).
     *
     * @param column the column name
     * @param name the name
     * @param reference the reference level
     * @return a new instance with this setting (this one is unchanged)
     */
    public SeerReader withFactor(SeerColumn column, String name, String reference) {
        return add(new CovariateSpec(null, Check.notNull("column", column), name, true, null, reference));
    }

    /**
     * The labels that mean "missing" in covariate columns (default "Unknown", "Blank(s)"; empty cells
     * are always missing). Give none to keep "Unknown" as a factor level.
     *
     * @param labels the labels
     * @return a new instance with this setting (this one is unchanged)
     */
    public SeerReader withMissingLabels(String... labels) {
        List<String> l = new ArrayList<>();
        for (String s : Check.notNull("missing labels", labels)) {
            l.add(SeerLabels.normalize(Check.notNull("missing label", s)));
        }
        return new SeerReader(headers, delimiter, charset, endpoint, arms, covariates, List.copyOf(l));
    }

    private SeerReader add(CovariateSpec spec) {
        if (spec.name == null || spec.name.isBlank()) {
            throw Check.fail("covariate name must be non-empty, got '%s'", spec.name);
        }
        if (spec.header != null && spec.header.isBlank()) {
            throw Check.fail("column of covariate '%s' must be a non-empty header", spec.name);
        }
        if (spec.header == null && spec.seerColumn == null) {
            throw Check.fail("column of covariate '%s' must not be null", spec.name);
        }
        List<CovariateSpec> l = new ArrayList<>();
        for (CovariateSpec c : covariates) {
            if (!c.name.equals(spec.name)) {
                l.add(c);
            }
        }
        l.add(spec);
        return new SeerReader(headers, delimiter, charset, endpoint, arms, List.copyOf(l), missingLabels);
    }

    /**
     * The header read for {@code column}.
     *
     * @param column the column name
     * @return the header read for {@code column}
     */
    public String header(SeerColumn column) {
        return headers.get(column);
    }

    /** {@return the endpoint} */
    public Endpoint endpoint() {
        return endpoint;
    }

    /**
     * Reads the export at {@code file}.
     *
     * @param file the file
     * @return the cohort selection
     */
    public CohortSelection read(Path file) {
        Check.notNull("file", file);
        try (Reader in = Files.newBufferedReader(file, charset)) {
            return read(in, file.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads an export from {@code in}; {@code source} names it in messages and results.
     *
     * @param in the reader
     * @param source the source
     * @return the cohort selection
     */
    public CohortSelection read(Reader in, String source) {
        Check.notNull("reader", in);
        try {
            return parse(in instanceof BufferedReader b ? b : new BufferedReader(in), source == null ? "input" : source);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- parsing

    private static final int FLAG_NONE = 0;
    private static final int FLAG_NOT_CALCULATED = 1;

    private static final byte CSS_ALIVE_OR_OTHER = 0;
    private static final byte CSS_CANCER = 1;
    private static final byte CSS_UNKNOWN = 2;
    private static final byte CSS_NOT_FIRST = 3;
    private static final byte OTHER_ALIVE_OR_CANCER = 0;
    private static final byte OTHER_DEAD = 1;

    /** Column positions in the file; -1 = not in the file. */
    private static final class Layout {
        int months;
        int flag;
        int vital;
        int css;
        int other;
        int primary;
        int otherSites;
        int chemo;
        int sequence;
        int[] covariates;
        String[] covariateHeaders;
    }

    private CohortSelection parse(BufferedReader in, String source) throws IOException {
        char d = delimiterOf(in);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(d).setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(in, format)) {
            Iterator<CSVRecord> it = parser.iterator();
            if (!it.hasNext()) {
                throw Check.fail("%s is empty; expected a header line of SEER*Stat variable names", source);
            }
            List<String> header = header(it.next());
            Layout at = layout(header, source);
            Rows rows = new Rows(covariates.size());
            int row = 0;
            try {
                while (it.hasNext()) {
                    CSVRecord rec = it.next();
                    row++;
                    record(rec, row, at, rows);
                }
            } catch (UncheckedIOException | IllegalStateException e) {
                throw Check.fail("%s: cannot parse the record after data row %d (file line %d): %s", source, row,
                        row + 1, e.getMessage());
            }
            return rows.finish(source, row, at);
        }
    }

    private char delimiterOf(BufferedReader in) throws IOException {
        if (delimiter == Delimiter.COMMA) {
            return ',';
        }
        if (delimiter == Delimiter.TAB) {
            return '\t';
        }
        in.mark(1 << 20);
        String first = in.readLine();
        in.reset();
        return first != null && first.indexOf('\t') >= 0 ? '\t' : ',';
    }

    private static List<String> header(CSVRecord rec) {
        List<String> h = new ArrayList<>();
        for (int j = 0; j < rec.size(); j++) {
            String s = rec.get(j);
            if (j == 0 && !s.isEmpty() && s.charAt(0) == '\uFEFF') {
                s = s.substring(1);
            }
            h.add(s.strip());
        }
        return h;
    }

    private Layout layout(List<String> header, String source) {
        Layout at = new Layout();
        at.months = required(header, SeerColumn.SURVIVAL_MONTHS, source, "the survival time");
        at.vital = required(header, SeerColumn.VITAL_STATUS, source, "the vital status");
        at.css = endpoint.needsCause()
                ? required(header, SeerColumn.CAUSE_SPECIFIC_DEATH, source, "the cause of death of " + endpoint)
                : header.indexOf(headers.get(SeerColumn.CAUSE_SPECIFIC_DEATH));
        at.flag = header.indexOf(headers.get(SeerColumn.SURVIVAL_MONTHS_FLAG));
        at.other = header.indexOf(headers.get(SeerColumn.OTHER_CAUSE_DEATH));
        at.primary = header.indexOf(headers.get(SeerColumn.SURGERY_PRIMARY_SITE));
        at.otherSites = header.indexOf(headers.get(SeerColumn.SURGERY_OTHER_SITES));
        at.chemo = header.indexOf(headers.get(SeerColumn.CHEMOTHERAPY));
        at.sequence = header.indexOf(headers.get(SeerColumn.SYSTEMIC_SURGERY_SEQUENCE));
        at.covariates = new int[covariates.size()];
        at.covariateHeaders = new String[covariates.size()];
        for (int k = 0; k < covariates.size(); k++) {
            CovariateSpec c = covariates.get(k);
            String h = c.seerColumn != null ? headers.get(c.seerColumn) : c.header.strip();
            at.covariateHeaders[k] = h;
            at.covariates[k] = header.indexOf(h);
            if (at.covariates[k] < 0) {
                throw Check.fail("column '%s' (covariate '%s') is not in %s; the file has %s", h, c.name, source,
                        header);
            }
        }
        return at;
    }

    private int required(List<String> header, SeerColumn column, String source, String what) {
        String h = headers.get(column);
        int i = header.indexOf(h);
        if (i < 0) {
            throw Check.fail("column '%s' (%s) is not in %s; the file has %s; name the column with"
                    + " withColumn(SeerColumn.%s, header)", h, what, source, header, column.name());
        }
        return i;
    }

    private static String field(CSVRecord rec, int index, String column, int row) {
        if (index >= rec.size()) {
            throw Check.fail("%s: the record has %d fields but the column is field %d", Check.at(column, row),
                    rec.size(), index + 1);
        }
        return rec.get(index);
    }

    private String h(SeerColumn c) {
        return headers.get(c);
    }

    private void record(CSVRecord rec, int row, Layout at, Rows rows) {
        String monthsText = field(rec, at.months, h(SeerColumn.SURVIVAL_MONTHS), row);
        double months = months(monthsText, h(SeerColumn.SURVIVAL_MONTHS), row);
        int flag = at.flag < 0 ? FLAG_NONE : flag(field(rec, at.flag, h(SeerColumn.SURVIVAL_MONTHS_FLAG), row),
                h(SeerColumn.SURVIVAL_MONTHS_FLAG), row);
        String vitalText = field(rec, at.vital, h(SeerColumn.VITAL_STATUS), row);
        boolean dead = vital(vitalText, row);
        String cssText = at.css < 0 ? null : field(rec, at.css, h(SeerColumn.CAUSE_SPECIFIC_DEATH), row);
        byte css = cssText == null ? -1 : css(cssText, row);
        String otherText = at.other < 0 ? null : field(rec, at.other, h(SeerColumn.OTHER_CAUSE_DEATH), row);
        byte other = otherText == null ? -1 : other(otherText, row);
        Outcome outcome = outcome(dead, vitalText, css, cssText, other, otherText, row);
        boolean classified = css >= 0 && css != CSS_NOT_FIRST;

        String arm = null;
        String armReason = null;
        int armCode = -1;
        if (arms != null) {
            Treatment t = treatment(rec, at, row);
            arm = arms.arm(t).orElse(null);
            if (arm == null) {
                armReason = arms.exclusionReason(t);
            } else {
                armCode = arms.levels().indexOf(arm);
                if (armCode < 0) {
                    throw Check.fail("row %d (file line %d): the arm rule gave '%s', which is not one of the arms %s",
                            row, row + 1, arm, arms.levels());
                }
            }
        }
        double[] numbers = new double[covariates.size()];
        String[] labels = new String[covariates.size()];
        int missing = -1;
        for (int k = 0; k < covariates.size(); k++) {
            CovariateSpec c = covariates.get(k);
            String v = field(rec, at.covariates[k], at.covariateHeaders[k], row);
            boolean isMissing = isMissing(v);
            if (c.factor) {
                labels[k] = isMissing ? null : v.strip();
            } else {
                numbers[k] = isMissing ? Double.NaN : number(c, v, at.covariateHeaders[k], row);
            }
            if ((c.factor ? labels[k] == null : Double.isNaN(numbers[k])) && missing < 0) {
                missing = k;
            }
        }

        String reason;
        if (flag == FLAG_NOT_CALCULATED) {
            reason = CohortSelection.SURVIVAL_NOT_CALCULATED;
        } else if (Double.isNaN(months)) {
            reason = CohortSelection.SURVIVAL_MONTHS_UNKNOWN;
        } else if (endpoint.needsCause() && !classified) {
            reason = CohortSelection.NOT_FIRST_TUMOR;
        } else if (endpoint.needsCause() && endpoint.status(outcome) == Endpoint.EXCLUDED) {
            reason = CohortSelection.CAUSE_OF_DEATH_UNKNOWN;
        } else if (armReason != null) {
            reason = armReason;
        } else if (missing >= 0) {
            reason = "missing " + covariates.get(missing).name;
        } else {
            reason = null;
        }
        if (reason != null) {
            rows.exclude(reason, row);
        } else {
            rows.add(months, outcome, classified, armCode, numbers, labels, row);
        }
    }

    private boolean isMissing(String v) {
        String t = SeerLabels.normalize(v);
        return t.isEmpty() || missingLabels.contains(t);
    }

    private static double number(CovariateSpec c, String v, String column, int row) {
        double x;
        if (c.parser != null) {
            try {
                x = c.parser.applyAsDouble(v.strip());
            } catch (RuntimeException e) {
                throw Check.fail("%s: value '%s' was rejected by the parser of covariate '%s': %s",
                        Check.at(column, row), v, c.name, e.getMessage());
            }
            if (Double.isInfinite(x)) {
                throw Check.fail("%s: value '%s' gave %s; expected a finite number (NaN = missing)",
                        Check.at(column, row), v, x);
            }
            return x;
        }
        Matcher m = SEER_NUMBER.matcher(v.strip());
        if (m.matches()) {
            return unknownCode(c, column, Double.parseDouble(m.group(1)));
        }
        Double d = Parse.number(v);
        if (d != null && Double.isFinite(d)) {
            return unknownCode(c, column, d);
        }
        throw Check.fail("%s: value '%s' is not a number; expected a number (or a SEER age label such as"
                + " '65 years') or a missing label", Check.at(column, row), v);
    }

    /**
     * The codes that SEER and NAACCR define as "not a value" in numeric fields, read as missing (the
     * record then goes to the exclusion table as "missing NAME"):
     * <ul>
     *   <li>Age at diagnosis (NAACCR item 230; SEER's "Age at diagnosis" and the PEDSF layout): 999 =
     *       unknown age;</li>
     *   <li>Year of diagnosis (NAACCR item 390, the year of Date of Diagnosis): 9999 = unknown;</li>
     *   <li>CS Tumor Size (NAACCR item 2800, AJCC Collaborative Stage Data Collection System, "CS
     *       Tumor Size" in every schema; staging.seer.cancer.gov/cs): 888 = not applicable (CS
     *       version 1, converted to 988 in version 2), 990 = microscopic focus, no size given,
     *       991-995 = described only as "less than 1 to 5 cm", 996-998 = schema-specific descriptions
     *       (e.g. "greater than 8 cm", no histologic examination), 999 = unknown, size not stated.
     *       989 ("989 mm or larger") is kept as 989. 988 is kept: it is a size (988 mm) in schemas
     *       such as stomach (GIST) and "not applicable" in others; exclude it with a parser of your
     *       own ({@link #withNumeric(String, String, ToDoubleFunction)}) when your schema says so.</li>
     * </ul>
     */
    private static double unknownCode(CovariateSpec c, String column, double x) {
        String h = column == null ? "" : column.strip().toLowerCase(java.util.Locale.ROOT);
        boolean age = c.seerColumn == SeerColumn.AGE || h.startsWith("age at diagnosis");
        if (age && x == 999) {
            return Double.NaN;
        }
        if ((c.seerColumn == SeerColumn.YEAR_OF_DIAGNOSIS || h.startsWith("year of diagnosis")) && x == 9999) {
            return Double.NaN;
        }
        if (h.startsWith("cs tumor size") && (x == 888 || (x >= 990 && x <= 999))) {
            return Double.NaN;
        }
        return x;
    }

    /**
     * Survival months (SEER*Stat "Survival months", NAACCR items 1784/1787 "Surv-Mos Active
     * Followup" / "Surv-Mos Presumed Alive"): a 4-digit number of complete months; 9999 = unknown
     * (seer.cancer.gov/survivaltime, "Calculation of survival time fields"), read as unknown like the
     * label "Unknown", so the record goes to the exclusion table.
     */
    private static double months(String v, String column, int row) {
        if (SeerLabels.isBlankOrUnknown(v)) {
            return Double.NaN;
        }
        Double d = Parse.number(v);
        if (d != null && d == 9999) {
            return Double.NaN;
        }
        if (d == null || !(d >= 0) || d == Double.POSITIVE_INFINITY) {
            throw Check.fail("%s: value '%s' is not a number of months; expected complete months >= 0 such as"
                    + " '0044', or 'Unknown'", Check.at(column, row), v);
        }
        return d;
    }

    private static int flag(String v, String column, int row) {
        String t = SeerLabels.normalize(v);
        if (t.isEmpty() || t.equals("unknown") || t.equals("blank(s)") || t.equals("9")) {
            return FLAG_NONE;
        }
        if (t.equals(SeerLabels.normalize(SeerLabels.FLAG_NOT_CALCULATED)) || t.equals("8")) {
            return FLAG_NOT_CALCULATED;
        }
        for (String label : new String[] {SeerLabels.FLAG_COMPLETE_ZERO_DAYS, SeerLabels.FLAG_COMPLETE_MORE_THAN_ZERO_DAYS,
            SeerLabels.FLAG_INCOMPLETE_COULD_BE_ZERO, SeerLabels.FLAG_INCOMPLETE_NOT_ZERO, "0", "1", "2", "3"}) {
            if (t.equals(SeerLabels.normalize(label))) {
                return FLAG_NONE;
            }
        }
        throw Check.fail("%s: value '%s' is not a survival months flag; expected one of SEER's labels ('%s', '%s',"
                + " '%s', '%s', '%s') or 'Unknown'", Check.at(column, row), v,
                SeerLabels.FLAG_COMPLETE_ZERO_DAYS, SeerLabels.FLAG_COMPLETE_MORE_THAN_ZERO_DAYS,
                SeerLabels.FLAG_INCOMPLETE_COULD_BE_ZERO, SeerLabels.FLAG_INCOMPLETE_NOT_ZERO,
                SeerLabels.FLAG_NOT_CALCULATED);
    }

    private boolean vital(String v, int row) {
        if (SeerLabels.is(v, SeerLabels.ALIVE)) {
            return false;
        }
        if (SeerLabels.is(v, SeerLabels.DEAD)) {
            return true;
        }
        throw Check.fail("%s: value '%s' is not a vital status; expected 'Alive' or 'Dead'",
                Check.at(h(SeerColumn.VITAL_STATUS), row), v);
    }

    private byte css(String v, int row) {
        if (SeerLabels.is(v, SeerLabels.ALIVE_OR_DEAD_OF_OTHER_CAUSE)) {
            return CSS_ALIVE_OR_OTHER;
        }
        if (SeerLabels.is(v, SeerLabels.DEAD_OF_THIS_CANCER)) {
            return CSS_CANCER;
        }
        if (SeerLabels.is(v, SeerLabels.DEAD_OF_UNKNOWN_CAUSE)) {
            return CSS_UNKNOWN;
        }
        if (SeerLabels.is(v, SeerLabels.NOT_FIRST_TUMOR)) {
            return CSS_NOT_FIRST;
        }
        throw Check.fail("%s: value '%s' is not a SEER cause-specific death classification; expected '%s', '%s',"
                + " '%s' or '%s'", Check.at(h(SeerColumn.CAUSE_SPECIFIC_DEATH), row), v,
                SeerLabels.ALIVE_OR_DEAD_OF_OTHER_CAUSE, SeerLabels.DEAD_OF_THIS_CANCER,
                SeerLabels.DEAD_OF_UNKNOWN_CAUSE, SeerLabels.NOT_FIRST_TUMOR);
    }

    private byte other(String v, int row) {
        if (SeerLabels.is(v, SeerLabels.ALIVE_OR_DEAD_OF_CANCER)) {
            return OTHER_ALIVE_OR_CANCER;
        }
        if (SeerLabels.is(v, SeerLabels.DEAD_OF_OTHER_CAUSE)) {
            return OTHER_DEAD;
        }
        if (SeerLabels.is(v, SeerLabels.DEAD_OF_UNKNOWN_CAUSE)) {
            return CSS_UNKNOWN;
        }
        if (SeerLabels.is(v, SeerLabels.NOT_FIRST_TUMOR)) {
            return CSS_NOT_FIRST;
        }
        throw Check.fail("%s: value '%s' is not a SEER other cause of death classification; expected '%s', '%s',"
                + " '%s' or '%s'", Check.at(h(SeerColumn.OTHER_CAUSE_DEATH), row), v,
                SeerLabels.ALIVE_OR_DEAD_OF_CANCER, SeerLabels.DEAD_OF_OTHER_CAUSE,
                SeerLabels.DEAD_OF_UNKNOWN_CAUSE, SeerLabels.NOT_FIRST_TUMOR);
    }

    /** The record's outcome; contradictions between the three columns are errors. */
    private Outcome outcome(boolean dead, String vitalText, byte css, String cssText, byte other, String otherText,
            int row) {
        if (css < 0 || css == CSS_NOT_FIRST) {
            return dead ? Outcome.UNKNOWN_CAUSE_DEATH : Outcome.ALIVE;
        }
        if (!dead) {
            if (css != CSS_ALIVE_OR_OTHER) {
                throw contradiction(SeerColumn.CAUSE_SPECIFIC_DEATH, cssText, vitalText, row);
            }
            if (other >= 0 && other != OTHER_ALIVE_OR_CANCER && other != CSS_NOT_FIRST) {
                throw contradiction(SeerColumn.OTHER_CAUSE_DEATH, otherText, vitalText, row);
            }
            return Outcome.ALIVE;
        }
        Outcome o;
        byte expectedOther;
        if (css == CSS_CANCER) {
            o = Outcome.CANCER_DEATH;
            expectedOther = OTHER_ALIVE_OR_CANCER;
        } else if (css == CSS_ALIVE_OR_OTHER) {
            o = Outcome.OTHER_CAUSE_DEATH;
            expectedOther = OTHER_DEAD;
        } else {
            o = Outcome.UNKNOWN_CAUSE_DEATH;
            expectedOther = CSS_UNKNOWN;
        }
        if (other >= 0 && other != expectedOther) {
            throw Check.fail("%s: value '%s' contradicts column '%s' = '%s' of the same record (vital status '%s')",
                    Check.at(h(SeerColumn.OTHER_CAUSE_DEATH), row), otherText, h(SeerColumn.CAUSE_SPECIFIC_DEATH),
                    cssText, vitalText);
        }
        return o;
    }

    private IllegalArgumentException contradiction(SeerColumn c, String value, String vitalText, int row) {
        return Check.fail("%s: value '%s' contradicts column '%s' = '%s' of the same record", Check.at(h(c), row),
                value, h(SeerColumn.VITAL_STATUS), vitalText);
    }

    private Treatment treatment(CSVRecord rec, Layout at, int row) {
        int primary = Treatment.ABSENT;
        if (at.primary >= 0) {
            String col = h(SeerColumn.SURGERY_PRIMARY_SITE);
            String v = field(rec, at.primary, col, row);
            if (SeerLabels.isBlankOrUnknown(v)) {
                primary = Treatment.BLANK;
            } else {
                Double d = Parse.number(v);
                int c = d == null || d != Math.rint(d) ? -3 : (int) Math.min(Math.max(d, -3), 1000);
                boolean valid = c == 0 || (c >= 10 && c <= 90) || c == 98 || c == 99;
                if (!valid) {
                    throw Check.fail("%s: value '%s' is not a surgery of primary site code; expected 00, 10-90, 98"
                            + " or 99 (NAACCR 1290)", Check.at(col, row), v);
                }
                primary = c;
            }
        }
        int otherSites = Treatment.ABSENT;
        if (at.otherSites >= 0) {
            String col = h(SeerColumn.SURGERY_OTHER_SITES);
            String v = field(rec, at.otherSites, col, row);
            otherSites = SeerLabels.otherSitesSurgeryCode(v);
            if (otherSites == -2) {
                throw Check.fail("%s: value '%s' is not a surgery of other regional/distant sites label; expected"
                        + " one of %s or a code 0-5, 9 (NAACCR 1294)", Check.at(col, row), v,
                        SeerLabels.OTHER_SITES_SURGERY);
            }
        }
        int chemo = Treatment.ABSENT;
        if (at.chemo >= 0) {
            String col = h(SeerColumn.CHEMOTHERAPY);
            String v = field(rec, at.chemo, col, row);
            if (SeerLabels.is(v, SeerLabels.YES)) {
                chemo = 1;
            } else if (SeerLabels.is(v, SeerLabels.NO_OR_UNKNOWN)) {
                chemo = 0;
            } else {
                throw Check.fail("%s: value '%s' is not a chemotherapy recode; expected 'Yes' or 'No/Unknown'",
                        Check.at(col, row), v);
            }
        }
        SystemicSurgerySequence seq = null;
        if (at.sequence >= 0) {
            String col = h(SeerColumn.SYSTEMIC_SURGERY_SEQUENCE);
            String v = field(rec, at.sequence, col, row);
            if (!SeerLabels.normalize(v).isEmpty() && !SeerLabels.is(v, SeerLabels.BLANK)) {
                seq = SystemicSurgerySequence.parse(v).orElse(null);
                if (seq == null) {
                    throw Check.fail("%s: value '%s' is not a systemic therapy/surgery sequence; expected a NAACCR 1639"
                            + " label or code (e.g. '%s', '%s')", Check.at(col, row), v,
                            SystemicSurgerySequence.SYSTEMIC_BEFORE_SURGERY.seerLabel(),
                            SystemicSurgerySequence.SYSTEMIC_AFTER_SURGERY.seerLabel());
                }
            }
        }
        return new Treatment(primary, otherSites, chemo, seq, at.sequence >= 0,
                new String[] {h(SeerColumn.SURGERY_PRIMARY_SITE), h(SeerColumn.SURGERY_OTHER_SITES),
                    h(SeerColumn.CHEMOTHERAPY), h(SeerColumn.SYSTEMIC_SURGERY_SEQUENCE)}, row);
    }

    /** Included rows, growing; exclusions by reason in table order. */
    private final class Rows {
        double[] months = new double[64];
        byte[] outcome = new byte[64];
        boolean[] classified = new boolean[64];
        int[] arm = new int[64];
        int[] fileRow = new int[64];
        final double[][] numbers;
        final String[][] labels;
        int n;
        final Map<String, int[]> excluded = new LinkedHashMap<>();
        final Map<String, Integer> excludedCount = new LinkedHashMap<>();

        Rows(int k) {
            numbers = new double[k][64];
            labels = new String[k][64];
            excludedCount.put(CohortSelection.SURVIVAL_NOT_CALCULATED, 0);
            excludedCount.put(CohortSelection.SURVIVAL_MONTHS_UNKNOWN, 0);
            if (endpoint.needsCause()) {
                excludedCount.put(CohortSelection.NOT_FIRST_TUMOR, 0);
                if (endpoint.unknownCause().equals(Optional.of(UnknownCause.EXCLUDE))) {
                    excludedCount.put(CohortSelection.CAUSE_OF_DEATH_UNKNOWN, 0);
                }
            }
            if (arms != null) {
                for (String r : arms.declaredReasons()) {
                    excludedCount.put(r, 0);
                }
            }
            for (CovariateSpec c : covariates) {
                excludedCount.put("missing " + c.name, 0);
            }
        }

        void exclude(String reason, int row) {
            Integer c = excludedCount.get(reason);
            int count = c == null ? 0 : c;
            int[] rs = excluded.get(reason);
            if (rs == null) {
                rs = new int[8];
            } else if (count == rs.length) {
                rs = Arrays.copyOf(rs, 2 * count);
            }
            rs[count] = row;
            excluded.put(reason, rs);
            excludedCount.put(reason, count + 1);
        }

        void add(double m, Outcome o, boolean cls, int armCode, double[] nums, String[] labs, int row) {
            if (n == months.length) {
                int cap = 2 * n;
                months = Arrays.copyOf(months, cap);
                outcome = Arrays.copyOf(outcome, cap);
                classified = Arrays.copyOf(classified, cap);
                arm = Arrays.copyOf(arm, cap);
                fileRow = Arrays.copyOf(fileRow, cap);
                for (int k = 0; k < numbers.length; k++) {
                    numbers[k] = Arrays.copyOf(numbers[k], cap);
                    labels[k] = Arrays.copyOf(labels[k], cap);
                }
            }
            months[n] = m;
            outcome[n] = (byte) o.ordinal();
            classified[n] = cls;
            arm[n] = armCode;
            fileRow[n] = row;
            for (int k = 0; k < numbers.length; k++) {
                numbers[k][n] = nums[k];
                labels[k][n] = labs[k];
            }
            n++;
        }

        CohortSelection finish(String source, int records, Layout at) {
            // Table order: record-level reasons, arm reasons (declared, then as met), covariates.
            List<String> covariateReasons = new ArrayList<>();
            for (CovariateSpec c : covariates) {
                covariateReasons.add("missing " + c.name);
            }
            Map<String, int[]> table = new LinkedHashMap<>();
            for (boolean covariatePass : new boolean[] {false, true}) {
                for (Map.Entry<String, Integer> e : excludedCount.entrySet()) {
                    if (covariateReasons.contains(e.getKey()) == covariatePass) {
                        int[] rs = excluded.get(e.getKey());
                        table.put(e.getKey(), rs == null ? new int[0] : Arrays.copyOf(rs, e.getValue()));
                    }
                }
            }
            List<CohortSelection.CovariateColumn> cols = new ArrayList<>();
            for (int k = 0; k < covariates.size(); k++) {
                CovariateSpec c = covariates.get(k);
                cols.add(new CohortSelection.CovariateColumn(c.name, at.covariateHeaders[k], c.factor, c.reference,
                        c.factor ? null : Arrays.copyOf(numbers[k], n), c.factor ? Arrays.copyOf(labels[k], n) : null));
            }
            Outcome[] all = Outcome.values();
            Outcome[] out = new Outcome[n];
            for (int i = 0; i < n; i++) {
                out[i] = all[outcome[i]];
            }
            return new CohortSelection(source, records, table, endpoint, arms, h(SeerColumn.SURVIVAL_MONTHS),
                    h(SeerColumn.VITAL_STATUS), h(SeerColumn.CAUSE_SPECIFIC_DEATH), at.css >= 0,
                    Arrays.copyOf(months, n), out, Arrays.copyOf(classified, n), Arrays.copyOf(arm, n),
                    Arrays.copyOf(fileRow, n), cols);
        }
    }

    /** A covariate request. */
    private static final class CovariateSpec {
        final String header;
        final SeerColumn seerColumn;
        final String name;
        final boolean factor;
        final ToDoubleFunction<String> parser;
        final String reference;

        CovariateSpec(String header, SeerColumn seerColumn, String name, boolean factor,
                ToDoubleFunction<String> parser, String reference) {
            this.header = header;
            this.seerColumn = seerColumn;
            this.name = name == null ? null : name.strip();
            this.factor = factor;
            this.parser = parser;
            this.reference = reference;
        }
    }

    @Override
    public String toString() {
        return "SeerReader[endpoint=" + endpoint + ", delimiter=" + delimiter + ", arms=" + arms + ", covariates="
                + covariates.size() + "]";
    }
}
