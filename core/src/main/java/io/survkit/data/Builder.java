package io.survkit.data;

import io.survkit.internal.Check;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds {@link SurvivalData} from columns. Numeric columns use NaN for a missing value; text
 * columns use null, an empty string or {@code NA}. A row with a missing value in any column given
 * here is left out and counted. Every other bad value is an {@link IllegalArgumentException}
 * naming the column, the 1-based row and the value.
 *
 * <pre>{@code
 * SurvivalData d = SurvivalData.builder()
 *         .time("months", new double[] {5, 8, 12, 20})
 *         .event("dead", new boolean[] {true, false, true, true})
 *         .group("arm", new String[] {"A", "A", "B", "B"})
 *         .build();
 * }</pre>
 */
public final class Builder {
    private Column time;
    private Column start;
    private Column event;
    private boolean[] eventFlags;
    private Set<String> eventValues;
    private String censorValue;
    private int[] statusCodes;
    private List<String> causeLabels;
    private Column weights;
    private Column group;
    private List<String> groupLevels;
    private Column strata;
    private List<String> strataLevels;
    private Column cluster;
    private final Map<String, Column> numeric = new LinkedHashMap<>();
    private final Map<String, Column> factors = new LinkedHashMap<>();
    private final Map<String, String> factorReference = new HashMap<>();
    private final List<String> covariateOrder = new ArrayList<>();
    private int[] fileRows;
    private LineMap lines = LineMap.PLAIN;
    private int omittedBefore;
    private boolean timeFix = true;

    Builder() {
    }

    /** Follow-up (exit) times. */
    public Builder time(String column, double[] values) {
        time = Column.of(column, values);
        return this;
    }

    /** Follow-up (exit) times as text (parsed; a non-number is an error). */
    public Builder time(String column, String[] values) {
        time = Column.of(column, values);
        return this;
    }

    /** Entry times: the data become counting-process intervals {@code (start, time]}. */
    public Builder start(String column, double[] values) {
        start = Column.of(column, values);
        return this;
    }

    /** Entry times as text. */
    public Builder start(String column, String[] values) {
        start = Column.of(column, values);
        return this;
    }

    /** Event indicator: true = event, false = censored. */
    public Builder event(String column, boolean[] values) {
        event = Column.of(column, new double[Check.notNull("event values", values).length]);
        eventFlags = values.clone();
        eventValues = null;
        censorValue = null;
        statusCodes = null;
        return this;
    }

    /** Event column and the value(s) that mean "event" (R: {@code status == value}); all others are censored. */
    public Builder event(String column, double[] values, double... eventValue) {
        String[] labels = new String[eventValue.length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = Column.formatNumber(eventValue[i]);
        }
        return event(Column.of(column, values), labels);
    }

    /** Event column as text and the value(s) that mean "event"; all others are censored. */
    public Builder event(String column, String[] values, String... eventValue) {
        return event(Column.of(column, values), eventValue);
    }

    private Builder event(Column c, String[] eventValue) {
        if (eventValue == null || eventValue.length == 0) {
            throw Check.fail("column '%s': give at least one value that means an event", c.name);
        }
        Set<String> set = new TreeSet<>();
        for (String v : eventValue) {
            Double d = Column.parse(v);
            set.add(d == null ? Check.notNull("event value", v).strip() : Column.formatNumber(d));
        }
        event = c;
        eventFlags = null;
        eventValues = set;
        censorValue = null;
        statusCodes = null;
        return this;
    }

    /**
     * Competing risks: the status column holds a cause code per row, {@code censorValue} means
     * censored and every other value is a cause (cause codes numbered 1.. in ascending order).
     */
    public Builder causes(String column, String[] values, String censorValue) {
        event = Column.of(column, values);
        Double d = Column.parse(censorValue);
        this.censorValue = d == null ? Check.notNull("censor value", censorValue).strip() : Column.formatNumber(d);
        eventFlags = null;
        eventValues = null;
        statusCodes = null;
        return this;
    }

    /** Competing risks with numeric cause codes. */
    public Builder causes(String column, double[] values, double censorValue) {
        event = Column.of(column, values);
        this.censorValue = Column.formatNumber(censorValue);
        eventFlags = null;
        eventValues = null;
        statusCodes = null;
        return this;
    }

    /**
     * Status codes given directly: 0 = censored, {@code k} = an event of cause {@code k}, labelled
     * {@code causeLabels[k - 1]}. Unlike {@link #causes(String, double[], double)} the numbering is
     * kept as given, so cause 2 stays cause 2 even when no row has cause 1 (e.g. SEER competing
     * risks: 1 = death from this cancer, 2 = death from another cause).
     *
     * <pre>{@code
     * SurvivalData cr = SurvivalData.builder().time("months", new double[] {3, 7, 9})
     *         .causes("cause", new int[] {2, 0, 2}, "cancer death", "other-cause death").build();
     * }</pre>
     */
    public Builder causes(String column, int[] codes, String... causeLabels) {
        Check.notNull("status codes", codes);
        if (causeLabels == null || causeLabels.length == 0) {
            throw Check.fail("column '%s': give at least one cause label", column);
        }
        double[] asNumbers = new double[codes.length];
        for (int i = 0; i < codes.length; i++) {
            asNumbers[i] = codes[i];
        }
        event = Column.of(column, asNumbers);
        statusCodes = codes.clone();
        this.causeLabels = List.of(causeLabels);
        eventFlags = null;
        eventValues = null;
        censorValue = null;
        return this;
    }

    /** Case weights (finite, >= 0). */
    public Builder weights(String column, double[] values) {
        weights = Column.of(column, values);
        return this;
    }

    /** Case weights as text. */
    public Builder weights(String column, String[] values) {
        weights = Column.of(column, values);
        return this;
    }

    /** Groups (curves, test groups); levels in numeric order if all are numbers, else byte order. */
    public Builder group(String column, String[] values) {
        return group(column, values, (String[]) null);
    }

    /** Groups with an explicit level order (R: {@code factor(x, levels = ...)}). */
    public Builder group(String column, String[] values, String... levels) {
        group = Column.of(column, values);
        groupLevels = levels == null ? null : List.of(levels);
        return this;
    }

    /** Numeric groups (levels in ascending order). */
    public Builder group(String column, double[] values) {
        group = Column.of(column, values);
        groupLevels = null;
        return this;
    }

    /** Strata: separate baselines / sums over strata. */
    public Builder strata(String column, String[] values, String... levels) {
        strata = Column.of(column, values);
        strataLevels = levels == null || levels.length == 0 ? null : List.of(levels);
        return this;
    }

    /** Numeric strata. */
    public Builder strata(String column, double[] values) {
        strata = Column.of(column, values);
        strataLevels = null;
        return this;
    }

    /** Cluster identifiers (robust variance summed within clusters). */
    public Builder cluster(String column, String[] values) {
        cluster = Column.of(column, values);
        return this;
    }

    /** Cluster identifiers, numeric. */
    public Builder cluster(String column, double[] values) {
        cluster = Column.of(column, values);
        return this;
    }

    /** A numeric covariate. */
    public Builder numeric(String column, double[] values) {
        putCovariate(column);
        numeric.put(column, Column.of(column, values));
        return this;
    }

    /** A numeric covariate given as text (a non-number is an error). */
    public Builder numeric(String column, String[] values) {
        putCovariate(column);
        numeric.put(column, Column.of(column, values));
        return this;
    }

    /**
     * A factor covariate. {@code reference} null = the first level in sorted order (numeric order
     * when every value is a number, else byte order), as R's default.
     */
    public Builder factor(String column, String[] values, String reference) {
        putCovariate(column);
        factors.put(column, Column.of(column, values));
        if (reference != null) {
            factorReference.put(column, reference);
        }
        return this;
    }

    /** A factor covariate from numeric codes. */
    public Builder factor(String column, double[] values, String reference) {
        putCovariate(column);
        factors.put(column, Column.of(column, values));
        if (reference != null) {
            factorReference.put(column, reference);
        }
        return this;
    }

    private void putCovariate(String column) {
        Check.notNull("covariate name", column);
        numeric.remove(column);
        factors.remove(column);
        factorReference.remove(column);
        covariateOrder.remove(column);
        covariateOrder.add(column);
    }

    /** R's {@code timefix}: merge times that differ only by floating-point noise (default true). */
    public Builder timeFix(boolean on) {
        timeFix = on;
        return this;
    }

    /** 1-based source rows of the input rows (default 1..n); used in messages and results. */
    public Builder fileRows(int[] rows) {
        fileRows = rows.clone();
        return this;
    }

    /** File lines of the rows, when blank lines or quoted line breaks moved them (a reader knows). */
    Builder lines(LineMap map) {
        lines = map;
        return this;
    }

    /** Where a value came from, for messages: column, 1-based row and its file line. */
    private String at(String column, int row) {
        return lines.hasLines() ? Check.at(column, row, lines.line(row)) : Check.format("column '%s', row %d", column,
                row);
    }

    /** Rows already left out before these columns were built (e.g. by a reader). */
    Builder omittedBefore(int n) {
        omittedBefore = n;
        return this;
    }

    /** Validates, leaves out rows with missing values, and builds the data. */
    public SurvivalData build() {
        if (time == null) {
            throw Check.fail("no time column given");
        }
        if (event == null) {
            throw Check.fail("no event column given");
        }
        List<Column> used = usedColumns();
        int n = time.size();
        for (Column c : used) {
            if (c.size() != n) {
                throw Check.fail("column '%s' has %d values but column '%s' has %d", c.name, c.size(), time.name, n);
            }
        }
        if (eventFlags != null && eventFlags.length != n) {
            throw Check.fail("column '%s' has %d values but column '%s' has %d", event.name, eventFlags.length,
                    time.name, n);
        }
        int[] rowsIn = fileRows != null ? fileRows : sequence(n);
        if (rowsIn.length != n) {
            throw Check.fail("%d file rows given for %d data rows", rowsIn.length, n);
        }
        int[] keep = complete(used, n);
        if (keep.length == 0) {
            throw Check.fail(n == 0 ? "the data have no rows"
                    : "no row is complete: every one of the %d rows has a missing value in a used column", n);
        }
        return assemble(keep, rowsIn, n - keep.length);
    }

    private List<Column> usedColumns() {
        List<Column> used = new ArrayList<>();
        used.add(time);
        if (start != null) {
            used.add(start);
        }
        if (eventFlags == null) {
            used.add(event);
        }
        for (Column c : new Column[] {weights, group, strata, cluster}) {
            if (c != null) {
                used.add(c);
            }
        }
        used.addAll(numeric.values());
        used.addAll(factors.values());
        return used;
    }

    /** Rows with no missing value in any used column; one pass per column (column-major, no per-row calls). */
    private static int[] complete(List<Column> used, int n) {
        boolean[] missing = new boolean[n];
        for (Column c : used) {
            c.markMissing(missing);
        }
        int[] keep = new int[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (!missing[i]) {
                keep[k++] = i;
            }
        }
        return k == n ? keep : Arrays.copyOf(keep, k);
    }

    private SurvivalData assemble(int[] keep, int[] rowsIn, int omitted) {
        Parts p = new Parts();
        int m = keep.length;
        p.fileRows = new int[m];
        for (int k = 0; k < m; k++) {
            p.fileRows[k] = rowsIn[keep[k]];
        }
        p.omitted = omittedBefore + omitted;
        p.timeName = time.name;
        p.time = times(time, keep, p.fileRows);
        if (start != null) {
            p.startName = start.name;
            p.start = times(start, keep, p.fileRows);
            for (int k = 0; k < m; k++) {
                if (!(p.start[k] < p.time[k])) {
                    throw Check.fail("%s: entry time %s is not before exit time %s (column '%s'); expected start < stop",
                            at(start.name, p.fileRows[k]), Column.formatNumber(p.start[k]),
                            Column.formatNumber(p.time[k]), time.name);
                }
            }
        }
        p.eventName = event.name;
        status(p, keep);
        if (weights != null) {
            p.weightsName = weights.name;
            p.weights = new double[m];
            for (int k = 0; k < m; k++) {
                double w = weights.number(keep[k], rowsIn, "a finite case weight >= 0");
                if (!(w >= 0 && w < Double.POSITIVE_INFINITY)) {
                    throw Check.fail("%s: weight %s is invalid; expected a finite case weight >= 0",
                            at(weights.name, p.fileRows[k]), Column.formatNumber(w));
                }
                p.weights[k] = w;
            }
        }
        p.group = group == null ? null : factor(group, keep, groupLevels, null, p.fileRows);
        p.strata = strata == null ? null : factor(strata, keep, strataLevels, null, p.fileRows);
        p.cluster = cluster == null ? null : factor(cluster, keep, null, null, p.fileRows);
        for (String name : covariateOrder) {
            if (numeric.containsKey(name)) {
                Column c = numeric.get(name);
                double[] v = new double[m];
                for (int k = 0; k < m; k++) {
                    v[k] = c.number(keep[k], rowsIn, "a finite number");
                    if (!Double.isFinite(v[k])) {
                        throw Check.fail("%s: value %s is not finite; expected a finite number",
                                at(name, p.fileRows[k]), v[k]);
                    }
                }
                p.covariates.put(name, Covariate.numeric(name, v));
            } else {
                Factor f = factor(factors.get(name), keep, null, factorReference.get(name), p.fileRows);
                p.covariates.put(name, Covariate.factor(f));
            }
        }
        if (timeFix) {
            TimeFix.apply(p.start, p.time, p.fileRows, start == null ? null : start.name, time.name);
        }
        return new SurvivalData(p);
    }

    private double[] times(Column c, int[] keep, int[] fileRows) {
        double[] t = new double[keep.length];
        for (int k = 0; k < keep.length; k++) {
            int i = keep[k];
            double v = c.numbers != null ? c.numbers[i] : parseTime(c, i, fileRows[k]);
            if (!(v >= 0 && v < Double.POSITIVE_INFINITY)) {
                throw Check.fail("%s: time %s is invalid; expected a finite time >= 0", at(c.name, fileRows[k]),
                        c.numbers != null ? Column.formatNumber(v) : "'" + c.text[i] + "'");
            }
            t[k] = v;
        }
        return t;
    }

    private double parseTime(Column c, int i, int fileRow) {
        Double d = Column.parse(c.text[i]);
        if (d == null) {
            throw Check.fail("%s: value '%s' is not a number; expected a finite time >= 0", at(c.name, fileRow),
                    c.text[i]);
        }
        return d;
    }

    private void status(Parts p, int[] keep) {
        int m = keep.length;
        p.status = new int[m];
        if (statusCodes != null) {
            if (statusCodes.length != time.size()) {
                throw Check.fail("column '%s' has %d values but column '%s' has %d", event.name, statusCodes.length,
                        time.name, time.size());
            }
            boolean seen = false;
            for (int k = 0; k < m; k++) {
                int c = statusCodes[keep[k]];
                if (c < 0 || c > causeLabels.size()) {
                    throw Check.fail("%s: status code %d is invalid; expected 0 (censored) or a cause 1..%d %s",
                            at(event.name, p.fileRows[k]), c, causeLabels.size(), causeLabels);
                }
                p.status[k] = c;
                seen |= c != 0;
            }
            p.causes = new ArrayList<>(causeLabels);
            if (!seen) {
                p.warnings.add(Check.format("column '%s' has no event in the rows used", event.name));
            }
            return;
        }
        if (eventFlags != null) {
            for (int k = 0; k < m; k++) {
                p.status[k] = eventFlags[keep[k]] ? 1 : 0;
            }
            p.causes = new ArrayList<>(List.of("event"));
            if (!contains(p.status, 1)) {
                p.warnings.add(Check.format("column '%s' has no event in the rows used", event.name));
            }
            return;
        }
        String[] labels = event.labels(keep);
        if (eventValues != null) {
            boolean seen = false;
            for (int k = 0; k < m; k++) {
                p.status[k] = eventValues.contains(labels[k]) ? 1 : 0;
                seen |= p.status[k] == 1;
            }
            p.causes = new ArrayList<>(List.of(String.join("|", eventValues)));
            if (!seen) {
                p.warnings.add(Check.format("column '%s': the event value %s never occurs in the rows used; every row"
                        + " is censored", event.name, eventValues.size() == 1 ? "'" + eventValues.iterator().next()
                        + "'" : eventValues.toString()));
            }
            return;
        }
        List<String> codes = sortedLevels(labels);
        codes.remove(censorValue);
        p.causes = codes;
        for (int k = 0; k < m; k++) {
            p.status[k] = labels[k].equals(censorValue) ? 0 : codes.indexOf(labels[k]) + 1;
        }
        if (codes.isEmpty()) {
            p.warnings.add(Check.format("column '%s' has only the censoring value '%s'", event.name, censorValue));
        }
    }

    private static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    private Factor factor(Column c, int[] keep, List<String> levels, String reference, int[] fileRows) {
        String[] labels = c.labels(keep);
        List<String> lv;
        if (levels != null) {
            lv = new ArrayList<>(levels);
        } else {
            lv = sortedLevels(labels);
        }
        if (reference != null) {
            Double d = Column.parse(reference);
            String ref = d == null ? reference.strip() : Column.formatNumber(d);
            if (!lv.remove(ref)) {
                throw Check.fail("column '%s': reference level '%s' does not occur; levels are %s", c.name, reference,
                        lv);
            }
            lv.add(0, ref);
        }
        Map<String, Integer> index = new HashMap<>();
        for (int j = 0; j < lv.size(); j++) {
            index.put(lv.get(j), j);
        }
        int[] codes = new int[keep.length];
        for (int k = 0; k < keep.length; k++) {
            Integer j = index.get(labels[k]);
            if (j == null) {
                throw Check.fail("%s: value '%s' is not one of the levels %s", at(c.name, fileRows[k]),
                        labels[k], lv);
            }
            codes[k] = j;
        }
        return new Factor(c.name, lv, codes);
    }

    /** Distinct labels: numeric order when all are numbers, else byte (code point) order. */
    static List<String> sortedLevels(String[] labels) {
        TreeSet<String> distinct = new TreeSet<>(new java.util.HashSet<>(Arrays.asList(labels)));
        boolean numbers = true;
        for (String s : distinct) {
            if (Column.parse(s) == null) {
                numbers = false;
                break;
            }
        }
        List<String> lv = new ArrayList<>(distinct);
        if (numbers) {
            lv.sort(Comparator.comparingDouble(s -> Column.parse(s)));
        }
        return lv;
    }

    private static int[] sequence(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i + 1;
        }
        return r;
    }

    /** The validated pieces handed to {@link SurvivalData}. */
    static final class Parts {
        double[] start;
        double[] time;
        int[] status;
        List<String> causes = new ArrayList<>();
        String timeName;
        String startName;
        String eventName;
        double[] weights;
        String weightsName;
        Factor group;
        Factor strata;
        Factor cluster;
        final Map<String, Covariate> covariates = new LinkedHashMap<>();
        int[] fileRows;
        int omitted;
        List<String> warnings = new ArrayList<>();
    }
}
