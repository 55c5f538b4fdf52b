package io.survkit.regression;

import io.survkit.data.SurvivalData;
import io.survkit.internal.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rows a Cox prediction is made for, as R's {@code predict.coxph} builds them: the model
 * matrix in the original (uncentred) coordinates, each row's stratum, and its follow-up for the
 * expected number of events. For new data the matrix is built with the fit's factor levels (R's
 * {@code xlevels}): a factor value is matched to the level of the same name, so new data may hold
 * any subset of the levels; rows missing a value the prediction needs are left out and counted.
 */
final class CoxPredictionRows {
    final int m;
    final int p;
    /** Model matrix, row-major, original coordinates. */
    final double[] x;
    /** Stratum index per row (0 without strata). */
    final int[] stratum;
    /** Follow-up (exit) time per row, or null when not known. */
    final double[] time;
    /** Entry time per row, or null for right-censored rows. */
    final double[] start;
    /** The offset per row (R's model.offset, not centred), or null without offset terms. */
    final double[] offset;
    /** Event indicator per fitted row (data order), or null for new rows. */
    final boolean[] event;
    /** 1-based source row of each row. */
    final int[] sourceRows;
    final int omitted;
    /** True for the fitted rows (in data order). */
    final boolean fitted;

    private CoxPredictionRows(int m, int p, double[] x, int[] stratum, double[] time, double[] start,
            double[] offset, boolean[] event, int[] sourceRows, int omitted, boolean fitted) {
        this.offset = offset;
        this.event = event;
        this.m = m;
        this.p = p;
        this.x = x;
        this.stratum = stratum;
        this.time = time;
        this.start = start;
        this.sourceRows = sourceRows;
        this.omitted = omitted;
        this.fitted = fitted;
    }

    /** The fitted rows in data order: x = design x / scale + means (the design is centred and scaled). */
    static CoxPredictionRows fitted(CoxResult fit, int[] sourceRows) {
        CoxDesign d = fit.design();
        int n = d.n;
        int p = d.p;
        double[] x = new double[n * p];
        int[] stratum = new int[n];
        double[] time = new double[n];
        double[] start = d.start == null ? null : new double[n];
        boolean[] event = new boolean[n];
        double[] offset = d.offset == null ? null : new double[n];
        for (int s = 0; s < d.strataCount(); s++) {
            for (int k = d.strataStart[s]; k < d.strataStart[s + 1]; k++) {
                int i = d.order[k];
                for (int j = 0; j < p; j++) {
                    x[i * p + j] = d.x[k * p + j] / d.scale[j] + d.means[j];
                }
                stratum[i] = s;
                time[i] = d.time[k];
                event[i] = d.event[k];
                if (offset != null) {
                    offset[i] = d.offset[k];
                }
                if (start != null) {
                    start[i] = d.start[k];
                }
            }
        }
        return new CoxPredictionRows(n, p, x, stratum, time, start, offset, event, sourceRows, 0, true);
    }

    /**
     * New rows: the model matrix of {@code data} with the fit's levels; with {@code needTime} the
     * data's time (and entry time) columns are read too.
     */
    static CoxPredictionRows of(CoxResult fit, SurvivalData data, boolean needTime) {
        CoxDesign d = fit.design();
        int n = data.rowCount();
        int p = d.p;
        Map<String, List<String>> levels = new java.util.HashMap<>(fit.covariateLevels());
        // the columns of each model term's parts
        List<String[]> parts = new ArrayList<>();
        for (String term : d.termNames) {
            if (term.startsWith("ns(")) {
                throw Check.fail("prediction for new data with a spline term %s is not offered; predict the fitted"
                        + " rows, or fit the spline basis as numeric columns", term);
            }
            parts.add(term.split(":"));
        }
        boolean[] missing = new boolean[n];
        // each covariate column's values: numbers, or level codes (0 = reference)
        Map<String, double[]> numeric = new java.util.HashMap<>();
        Map<String, int[]> codes = new java.util.HashMap<>();
        Map<String, Boolean> strataParts = new java.util.HashMap<>();
        for (int t = 0; t < parts.size(); t++) {
            String[] ps = parts.get(t);
            for (String c : ps) {
                if (numeric.containsKey(c) || codes.containsKey(c)) {
                    continue;
                }
                if (c.startsWith("strata(")) {
                    strataParts.put(c, strataPart(d, t, ps, c, levels));
                    continue;
                }
                if (!data.hasColumn(c)) {
                    throw Check.fail("the new data have no column '%s', which the model uses; they have %s", c,
                            data.columnNames());
                }
                List<String> lv = levels.get(c);
                if (lv == null && !levels.containsKey(c) && !data.isNumeric(c)) {
                    throw Check.fail("column '%s' of the new data holds text, but the model uses it only inside an"
                            + " interaction whose levels it does not know; add it as a main effect", c);
                }
                if (lv == null) {
                    if (!data.isNumeric(c)) {
                        throw Check.fail("%s: value '%s' is not a number; the model uses column '%s' as a numeric"
                                + " covariate", firstText(data, c), firstTextValue(data, c), c);
                    }
                    double[] v = data.numbers(c);
                    for (int i = 0; i < n; i++) {
                        if (Double.isNaN(v[i])) {
                            missing[i] = true;
                        } else if (!Double.isFinite(v[i])) {
                            throw Check.fail("%s: value %s is not finite; expected a finite number",
                                    data.rowLocation(c, i), v[i]);
                        }
                    }
                    numeric.put(c, v);
                } else {
                    String[] lab = data.labels(c);
                    int[] code = new int[n];
                    for (int i = 0; i < n; i++) {
                        if (lab[i] == null) {
                            missing[i] = true;
                            continue;
                        }
                        code[i] = lv.indexOf(lab[i].strip());
                        if (code[i] < 0) {
                            throw Check.fail("%s: level '%s' is not one of the model's levels %s",
                                    data.rowLocation(c, i), lab[i], lv);
                        }
                    }
                    codes.put(c, code);
                }
            }
        }
        double[] off = null;
        for (io.survkit.data.Term term : d.formula.terms()) {
            if (term instanceof io.survkit.data.Term.Offset o) {
                if (needTime) {
                    // R 3.5-3 computes exp(x beta) + offset here, which is not the expected count
                    throw Check.fail("the expected number of events and survival for new data of a model with an"
                            + " offset are not offered (R's predict.coxph adds the offset outside exp()); predict the"
                            + " fitted rows, or lp or risk");
                }
                if (!data.hasColumn(o.column()) || !data.isNumeric(o.column())) {
                    throw Check.fail("the new data need the numeric offset column '%s'; they have %s", o.column(),
                            data.columnNames());
                }
                double[] v = data.numbers(o.column());
                off = off == null ? new double[n] : off;
                for (int i = 0; i < n; i++) {
                    missing[i] |= Double.isNaN(v[i]);
                    off[i] += v[i];
                }
            }
        }
        int[] strat = new int[n];
        if (d.strataName != null) {
            strata(d, data, strat, missing);
        }
        for (Map.Entry<String, Boolean> e : strataParts.entrySet()) {
            // x:strata(s): the row's stratum picks the column (full coding: every stratum has one)
            int[] code = new int[n];
            for (int i = 0; i < n; i++) {
                code[i] = strat[i] + (e.getValue() ? 1 : 0);
            }
            codes.put(e.getKey(), code);
        }
        double[] t = null;
        double[] t0 = null;
        if (needTime) {
            t = data.numbers(data.timeColumn());
            t0 = data.startColumn().isPresent() ? data.numbers(data.startColumn().get()) : null;
            if ((t0 != null) != (d.start != null)) {
                throw Check.fail(d.start != null ? "the model was fitted to (start, stop] data; the new data need an"
                        + " entry time column too" : "the model was fitted to right-censored data; the new data have"
                        + " an entry time column");
            }
            for (int i = 0; i < n; i++) {
                missing[i] |= Double.isNaN(t[i]) || (t0 != null && Double.isNaN(t0[i]));
            }
        }
        int m = 0;
        for (boolean b : missing) {
            if (!b) {
                m++;
            }
        }
        if (m == 0) {
            throw Check.fail("every one of the %d rows of the new data misses a value the prediction needs", n);
        }
        double[] x = new double[m * p];
        int[] stratum = new int[m];
        double[] time = needTime ? new double[m] : null;
        double[] start = t0 == null ? null : new double[m];
        double[] offset = off == null ? null : new double[m];
        int[] src = new int[m];
        int r = 0;
        double[] row = new double[p];
        for (int i = 0; i < n; i++) {
            if (missing[i]) {
                continue;
            }
            int j = 0;
            for (String[] ps : parts) {
                j = termColumns(ps, i, levels, numeric, codes, row, j);
            }
            System.arraycopy(row, 0, x, r * p, p);
            stratum[r] = strat[i];
            if (time != null) {
                time[r] = t[i];
            }
            if (start != null) {
                start[r] = t0[i];
            }
            if (offset != null) {
                offset[r] = off[i];
            }
            src[r] = data.sourceRow(i);
            r++;
        }
        return new CoxPredictionRows(m, p, x, stratum, time, start, offset, null, src, n - m, false);
    }

    /**
     * Writes the columns of one term (a product over its parts, the first part varying fastest,
     * as the model frame orders them) from column {@code j}; returns the next column.
     */
    private static int termColumns(String[] ps, int i, Map<String, List<String>> levels, Map<String, double[]> numeric,
            Map<String, int[]> codes, double[] row, int j) {
        int count = 1;
        for (String c : ps) {
            count *= width(c, levels);
        }
        for (int local = 0; local < count; local++) {
            double v = 1;
            int q = local;
            for (String c : ps) {
                int w = width(c, levels);
                int pos = q % w;
                q /= w;
                double[] num = numeric.get(c);
                v *= num != null ? num[i] : codes.get(c)[i] == pos + 1 ? 1 : 0;
            }
            row[j++] = v;
        }
        return j;
    }

    /**
     * Registers the strata part {@code c} of term t ({@code x:strata(s)}) as a factor over the
     * model's strata; returns true for R's full coding (a column per stratum), false for contrasts.
     */
    private static boolean strataPart(CoxDesign d, int t, String[] ps, String c, Map<String, List<String>> levels) {
        if (!c.equals("strata(" + d.strataName + ")")) {
            throw Check.fail("prediction for new data with %s is offered when it names the model's strata (%s)", c,
                    d.strataName);
        }
        int others = 1;
        for (String q : ps) {
            if (!q.equals(c)) {
                others *= width(q, levels);
            }
        }
        boolean full = d.termColumns[t].length / others == d.strataLevels.size();
        List<String> lv = new java.util.ArrayList<>();
        if (full) {
            lv.add("");
        }
        lv.addAll(d.strataLevels);
        levels.put(c, lv);
        return full;
    }

    private static int width(String c, Map<String, List<String>> levels) {
        List<String> lv = levels.get(c);
        return lv == null ? 1 : lv.size() - 1;
    }

    /** The fit's stratum of each new row: by the strata column's value (R: "New data has a strata not found"). */
    private static void strata(CoxDesign d, SurvivalData data, int[] strat, boolean[] missing) {
        String col = d.strataName;
        if (!data.hasColumn(col)) {
            throw Check.fail(col.contains(", ") ? "prediction for new data with several strata columns (%s) is not"
                    + " offered" : "the new data have no strata column '%s'; they have %s", col, data.columnNames());
        }
        String[] lab = data.labels(col);
        for (int i = 0; i < lab.length; i++) {
            if (lab[i] == null) {
                missing[i] = true;
                continue;
            }
            String v = lab[i].strip();
            int s = d.strataLevels.indexOf(v);
            if (s < 0) {
                s = d.strataLevels.indexOf(col + "=" + v);
            }
            if (s < 0) {
                throw Check.fail("%s: stratum '%s' is not one of the model's strata %s", data.rowLocation(col, i), v,
                        d.strataLevels);
            }
            strat[i] = s;
        }
    }

    /** The location (column, row, file line) of the first value of a text column that is not a number. */
    private static String firstText(SurvivalData data, String column) {
        int i = firstTextRow(data, column);
        return i < 0 ? "column '" + column + "'" : data.rowLocation(column, i);
    }

    private static String firstTextValue(SurvivalData data, String column) {
        int i = firstTextRow(data, column);
        return i < 0 ? "" : data.labels(column)[i];
    }

    private static int firstTextRow(SurvivalData data, String column) {
        String[] v = data.labels(column);
        for (int i = 0; i < v.length; i++) {
            String t = v[i] == null ? "" : v[i].strip();
            if (!t.isEmpty() && !t.equals("NA") && io.survkit.internal.Parse.number(t) == null) {
                return i;
            }
        }
        return -1;
    }
}
