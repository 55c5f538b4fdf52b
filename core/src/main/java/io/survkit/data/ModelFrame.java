package io.survkit.data;

import io.survkit.internal.Check;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@link Terms} resolved against {@link SurvivalData}, as R's {@code model.frame} and
 * {@code model.matrix} do: the rows complete in every column the analysis uses (time, start,
 * event, weights, cluster and the terms' columns) and only those, with their times, status,
 * weights, clusters, the design matrix (treatment dummies named {@code <column><level>},
 * interactions), strata and groups with R's labels. Every analysis builds one; the rows it leaves
 * out are counted in {@link #omittedRows()}. Immutable.
 *
 * <pre>{@code
 * ModelFrame f = ModelFrame.of(veteran, "trt + factor(celltype, ref = squamous) + strata(prior)");
 * f.rowCount();       // rows used
 * f.columnNames();    // [trt, celltypeadeno, celltypelarge, celltypesmallcell]
 * f.strata();         // labels prior=0, prior=10
 * }</pre>
 */
public final class ModelFrame {
    private final Terms terms;
    private final int[] keep;
    private final int omitted;
    private final int[] sourceRows;
    /** File line of each source row, for messages. */
    private final LineMap lines;
    private final double[] time;
    private final double[] start;
    private final double[] weights;
    private final int[] status;
    private final List<String> causes;
    private final String timeName;
    private final String startName;
    private final String eventName;
    private final String weightsName;
    private final Factor cluster;
    private final Factor id;
    private final Factor strata;
    /** Sum of the offset columns per row, or null without offset terms. */
    private final double[] offset;
    private final List<Resolved> model;
    private final String[] columnNames;
    private final int[] columnTerm;
    private final List<String> warnings;
    /** Rows before a {@code tt()} expansion (R's {@code fit$n}); the row count otherwise. */
    private final int subjects;

    /** One model column source: numeric values or a factor, over the frame's rows. */
    private record Part(String column, double[] values, Factor factor, double[][] basis, boolean full,
            int nameOffset, PenalizedSplineBasis pspline) {
        Part(String column, double[] values, Factor factor) {
            this(column, values, factor, null, false, 0, null);
        }

        Part(String column, double[] values, Factor factor, double[][] basis) {
            this(column, values, factor, basis, false, 0, null);
        }

        Part(String column, double[] values, Factor factor, double[][] basis, boolean full) {
            this(column, values, factor, basis, full, 0, null);
        }

        /** A factor's columns: one per level but the first (R's contrasts), or one per level with {@code full}. */
        int width() {
            return basis != null ? basis.length : factor == null ? 1 : factor.levelCount() - (full ? 0 : 1);
        }

        Part select(int[] idx) {
            double[][] b = null;
            if (basis != null) {
                b = new double[basis.length][];
                for (int j = 0; j < b.length; j++) {
                    b[j] = pick(basis[j], idx);
                }
            }
            return new Part(column, values == null ? null : pick(values, idx), factor == null ? null
                    : factor.select(idx), b, full, nameOffset, pspline);
        }

        double value(int i, int j) {
            return basis != null ? basis[j][i] : factor == null ? values[i]
                    : factor.code(i) == j + (full ? 0 : 1) ? 1.0 : 0.0;
        }

        /**
         * R's names: the column, column + level, the spline call + column number ({@code ns(age,
         * df = 3)1}), or for strata {@code strata(sex)} + the stratum's label ({@code sex=2}).
         */
        String name(int j) {
            if (basis != null) {
                return column + (j + 1 + nameOffset);
            }
            if (factor == null) {
                return column;
            }
            int level = j + (full ? 0 : 1);
            return column + (column.startsWith("strata(") ? factor.labels().get(level) : factor.level(level));
        }
    }

    /** A model term with its parts and columns {@code [first, first + count)}. */
    private record Resolved(Term term, String name, Part[] parts, int first, int count) {
        double value(int i, int local) {
            double v = 1;
            int j = local;
            for (Part p : parts) {
                int w = p.width();
                v *= p.value(i, j % w);
                j /= w;
            }
            return v;
        }

        String columnName(int local) {
            StringBuilder sb = new StringBuilder();
            int j = local;
            for (Part p : parts) {
                int w = p.width();
                sb.append(sb.length() > 0 ? ":" : "").append(p.name(j % w));
                j /= w;
            }
            return sb.toString();
        }
    }

    /**
     * A model term's columns in the design matrix.
     *
     * @param name the term as R labels it in {@code cox.zph}: the column, or {@code a:b}
     * @param firstColumn the first design column of the term
     * @param columnCount its number of design columns (a factor's degrees of freedom)
     * @param levels a factor's levels (reference first), empty for a numeric term or an interaction
     */
    public record TermSpan(String name, int firstColumn, int columnCount, List<String> levels) {
        /**
         * Validates and copies.
         *
         * @param name the name
         * @param firstColumn the first column
         * @param columnCount the column count
         * @param levels the levels
         */
        public TermSpan {
            levels = List.copyOf(levels);
        }
    }

    private ModelFrame(SurvivalData data, Terms terms) {
        this.terms = terms;
        int n = data.rowCount();
        List<Column> used = new ArrayList<>();
        used.add(data.column(data.timeColumn()));
        data.startColumn().ifPresent(s -> used.add(data.column(s)));
        data.weightsColumn().ifPresent(w -> used.add(data.column(w)));
        String clusterColumn = data.clusterColumn().orElse(null);
        List<String> strataColumns = new ArrayList<>();
        List<String> offsetColumns = new ArrayList<>();
        List<Term> modelTerms = new ArrayList<>();
        for (Term t : terms.terms()) {
            for (String c : t.columns()) {
                used.add(data.column(c));
            }
            if (t instanceof Term.Cluster c) {
                clusterColumn = c.column();
            } else if (t instanceof Term.Strata s) {
                strataColumns.addAll(s.columns());
            } else if (t instanceof Term.Offset o) {
                offsetColumns.add(o.column());
            } else {
                modelTerms.add(t);
                if (t instanceof Term.Interaction i) {
                    // R: x:strata(s) stratifies by s as strata(s) does, and adds a slope per stratum
                    for (Term part : i.parts()) {
                        if (part instanceof Term.Strata st) {
                            for (String c : st.columns()) {
                                if (!strataColumns.contains(c)) {
                                    strataColumns.add(c);
                                }
                            }
                        }
                    }
                }
            }
        }
        if (clusterColumn != null) {
            used.add(data.column(clusterColumn));
        }
        String idColumn = data.idColumn().orElse(null);
        if (idColumn != null) {
            used.add(data.column(idColumn));
        }
        this.keep = complete(data, used, n);
        int m = keep.length;
        if (m == 0) {
            throw Check.fail(n == 0 ? "the data have no rows"
                    : "no row is complete: every one of the %d rows has a missing value in a column the analysis uses"
                            + " %s", n, names(used));
        }
        this.omitted = n - m;
        boolean all = m == n;
        int[] src = data.sourceRowsShared();
        this.sourceRows = all ? src : pick(src, keep);
        this.lines = data.lines;
        this.timeName = data.timeColumn();
        this.startName = data.startColumn().orElse(null);
        this.eventName = data.eventColumn();
        this.weightsName = data.weightsColumn().orElse(null);
        this.time = all ? data.column(timeName).numbers : pick(data.column(timeName).numbers, keep);
        this.start = startName == null ? null
                : all ? data.column(startName).numbers : pick(data.column(startName).numbers, keep);
        this.weights = weightsName == null ? null
                : all ? data.column(weightsName).numbers : pick(data.column(weightsName).numbers, keep);
        List<String> warn = new ArrayList<>(data.warnings());
        int[] st = new int[m];
        for (int k = 0; k < m; k++) {
            st[k] = data.statusAt(keep[k]);
        }
        this.causes = data.derivedCauses() ? compactCauses(st, data.causes()) : data.causes();
        this.status = st;
        if (!data.derivedCauses() && !anyEvent(st)) {
            warn.add(Check.format("column '%s': the event value '%s' never occurs in the %d rows used; every row is"
                    + " censored", eventName, String.join("', '", causes), m));
        }
        this.cluster = clusterColumn == null ? null
                : Levels.code(data.column(clusterColumn), keep, null, sourceRows, lines);
        this.id = idColumn == null ? null : Levels.code(data.column(idColumn), keep, null, sourceRows, lines);
        this.strata = strataColumns.isEmpty() ? null : strataFactor(data, strataColumns);
        this.offset = offsetColumns.isEmpty() ? null : offset(data, offsetColumns);
        this.model = new ArrayList<>();
        List<String> colNames = new ArrayList<>();
        List<Integer> colTerm = new ArrayList<>();
        for (Term t : modelTerms) {
            Part[] parts = parts(data, t, modelTerms);
            int count = 1;
            for (Part p : parts) {
                count *= p.width();
            }
            Resolved r = new Resolved(t, termName(t), parts, colNames.size(), count);
            for (int j = 0; j < count; j++) {
                colNames.add(r.columnName(j));
                colTerm.add(model.size());
            }
            model.add(r);
        }
        this.columnNames = colNames.toArray(new String[0]);
        this.columnTerm = colTerm.stream().mapToInt(Integer::intValue).toArray();
        this.warnings = List.copyOf(warn);
        this.subjects = m;
    }

    /** A copy of {@code f} with rows {@code idx} and the given outcome, strata and model terms. */
    private ModelFrame(ModelFrame f, int[] idx, double[] time, int[] status, Factor strata, List<Resolved> model) {
        this.terms = f.terms;
        this.keep = pick(f.keep, idx);
        this.omitted = f.omitted;
        this.sourceRows = pick(f.sourceRows, idx);
        this.lines = f.lines;
        this.time = time;
        this.start = null;
        this.weights = f.weights == null ? null : pick(f.weights, idx);
        this.offset = f.offset == null ? null : pick(f.offset, idx);
        this.status = status;
        this.causes = f.causes;
        this.timeName = f.timeName;
        this.startName = null;
        this.eventName = f.eventName;
        this.weightsName = f.weightsName;
        this.cluster = f.cluster == null ? null : f.cluster.select(idx);
        this.id = f.id == null ? null : f.id.select(idx);
        this.strata = strata;
        this.model = model;
        this.columnNames = f.columnNames;
        this.columnTerm = f.columnTerm;
        this.warnings = f.warnings;
        this.subjects = f.subjects;
    }

    /**
     * The same rows with every exit time 1 and no entry times, as R's {@code clogit} makes its
     * response {@code Surv(rep(1, n), case)}: within a stratum every event is then tied with every
     * other and each row is at risk.
     *
     * @return the frame at one common time
     */
    public ModelFrame atCommonTime() {
        int n = rowCount();
        int[] idx = new int[n];
        double[] one = new double[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
            one[i] = 1;
        }
        List<Resolved> m = new ArrayList<>(model.size());
        for (Resolved r : model) {
            Part[] ps = new Part[r.parts.length];
            for (int j = 0; j < ps.length; j++) {
                ps[j] = r.parts[j].select(idx);
            }
            m.add(new Resolved(r.term, r.name, ps, r.first, r.count));
        }
        return new ModelFrame(this, idx, one, status.clone(), strata, List.copyOf(m));
    }

    /**
     * Replaces, in place, the values {@code x[from, to)} of the rows at risk at one event time
     * {@code time} by their time-transformed values (R {@code coxph(tt = function(x, t, riskset,
     * weights))}).
     */
    @FunctionalInterface
    public interface RiskSetTransform {
        /**
         * @param x the covariate over the expanded rows
         * @param from first row of the risk set
         * @param to one past its last row
         * @param time the event time of the risk set
         */
        void apply(double[] x, int from, int to, double time);
    }

    /** @return true when a term is {@code tt(x)} */
    public boolean hasTimeTransforms() {
        for (Resolved r : model) {
            if (r.term instanceof Term.TimeTransformed) {
                return true;
            }
        }
        return false;
    }

    /**
     * R {@code coxph}'s expansion for {@code tt()} terms ({@code coxcount1}, {@code coxcount2}): one
     * block of rows per distinct event time t within each stratum (strata in order, t decreasing),
     * holding every row at risk at t ({@code exit >= t}, and {@code entry < t} for (start, stop] data),
     * with time t, status 1 for the rows whose event is at t, and the {@code tt()} columns replaced
     * by {@code transforms} applied to the block. The blocks are the strata of the new frame (they
     * replace the original strata, which they nest in); the entry times are dropped; weights,
     * clusters and the other columns follow their rows. Cost O(n x events) rows, as R.
     *
     * @param transforms one per {@code tt()} term, in the terms' order
     * @return the expanded frame; {@link #subjectCount()} keeps this frame's row count
     */
    public ModelFrame atEventTimes(List<? extends RiskSetTransform> transforms) {
        Check.notNull("transforms", transforms);
        int tts = 0;
        for (Resolved r : model) {
            tts += r.term instanceof Term.TimeTransformed ? 1 : 0;
        }
        if (transforms.size() != tts) {
            throw Check.fail("%d time transforms for %d tt() terms; give one per term", transforms.size(), tts);
        }
        int n = rowCount();
        int[] strataCodes = new int[n];
        int nstrata = 1;
        if (strata != null) {
            strataCodes = strata.codes();
            nstrata = strata.levelCount();
        }
        // event times per stratum, decreasing: collect (stratum, time) of events, sort
        long eventsTotal = 0;
        for (int s : status) {
            eventsTotal += s != 0 ? 1 : 0;
        }
        double[][] times = new double[nstrata][];
        {
            int[] cnt = new int[nstrata];
            for (int i = 0; i < n; i++) {
                if (status[i] != 0) {
                    cnt[strataCodes[i]]++;
                }
            }
            for (int s = 0; s < nstrata; s++) {
                times[s] = new double[cnt[s]];
                cnt[s] = 0;
            }
            for (int i = 0; i < n; i++) {
                if (status[i] != 0) {
                    times[strataCodes[i]][cnt[strataCodes[i]]++] = time[i];
                }
            }
            for (int s = 0; s < nstrata; s++) {
                times[s] = distinctDescending(times[s]);
            }
        }
        // rows per block
        long total = 0;
        int blocks = 0;
        for (int s = 0; s < nstrata; s++) {
            for (double t : times[s]) {
                blocks++;
                for (int i = 0; i < n; i++) {
                    if (strataCodes[i] == s && atRisk(i, t)) {
                        total++;
                    }
                }
            }
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw Check.fail("the tt() expansion of %d rows at %d event times has %d rows, more than a Java array"
                    + " holds", n, eventsTotal, total);
        }
        int m = (int) total;
        int[] idx = new int[m];
        double[] t2 = new double[m];
        int[] st2 = new int[m];
        int[] block = new int[m];
        int[] blockStart = new int[blocks + 1];
        double[] blockTime = new double[blocks];
        int k = 0;
        int b = 0;
        for (int s = 0; s < nstrata; s++) {
            for (double t : times[s]) {
                blockStart[b] = k;
                blockTime[b] = t;
                for (int i = 0; i < n; i++) {
                    if (strataCodes[i] == s && atRisk(i, t)) {
                        idx[k] = i;
                        t2[k] = t;
                        st2[k] = status[i] != 0 && time[i] == t ? status[i] : 0;
                        block[k] = b;
                        k++;
                    }
                }
                b++;
            }
        }
        blockStart[blocks] = m;
        List<String> levels = new ArrayList<>(blocks);
        for (int j = 1; j <= blocks; j++) {
            levels.add(Integer.toString(j));
        }
        Factor riskSets = new Factor("tt risk set", levels, block);
        List<Resolved> expanded = new ArrayList<>(model.size());
        int q = 0;
        for (Resolved r : model) {
            Part[] ps = new Part[r.parts.length];
            for (int j = 0; j < ps.length; j++) {
                ps[j] = r.parts[j].select(idx);
            }
            if (r.term instanceof Term.TimeTransformed) {
                RiskSetTransform f = Check.notNull("time transform", transforms.get(q++));
                double[] v = ps[0].values;
                for (int j = 0; j < blocks; j++) {
                    f.apply(v, blockStart[j], blockStart[j + 1], blockTime[j]);
                }
                for (int i = 0; i < m; i++) {
                    if (!Double.isFinite(v[i])) {
                        throw Check.fail("%s: the time transform of value %s at event time %s is %s; expected a"
                                + " finite number", Check.at(r.term.formula(), sourceRows[idx[i]]),
                                r.parts[0].values[idx[i]], t2[i], v[i]);
                    }
                }
            }
            expanded.add(new Resolved(r.term, r.name, ps, r.first, r.count));
        }
        return new ModelFrame(this, idx, t2, st2, riskSets, List.copyOf(expanded));
    }

    private boolean atRisk(int i, double t) {
        return time[i] >= t && (start == null || start[i] < t);
    }

    private static double[] distinctDescending(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int u = 0;
        double[] out = new double[s.length];
        for (int i = s.length - 1; i >= 0; i--) {
            if (u == 0 || s[i] != out[u - 1]) {
                out[u++] = s[i];
            }
        }
        return Arrays.copyOf(out, u);
    }

    /**
     * @return R's {@code fit$n}: the rows of the frame before a {@link #atEventTimes tt() expansion},
     *     else {@link #rowCount()}
     */
    public int subjectCount() {
        return subjects;
    }

    /**
     * Resolves {@code terms} against {@code data}.
     *
     * @param data the data
     * @param terms the model terms
     * @return the frame
     * @throws IllegalArgumentException for an unknown column (listing the columns), a numeric term
     *     on a text column, a reference level that does not occur, a value that is not finite, or
     *     when no row is complete
     */
    public static ModelFrame of(SurvivalData data, Terms terms) {
        return new ModelFrame(Check.notNull("data", data), Check.notNull("terms", terms));
    }

    /**
     * Parses {@code formula} ({@link Terms#parse}) and resolves it against {@code data}.
     *
     * @param data the data
     * @param formula the right-hand side of a model formula, e.g. {@code "age + strata(inst)"}
     * @return the frame
     */
    public static ModelFrame of(SurvivalData data, String formula) {
        return of(data, Terms.parse(formula));
    }

    private static String names(List<Column> used) {
        List<String> l = new ArrayList<>();
        for (Column c : used) {
            if (!l.contains(c.name)) {
                l.add(c.name);
            }
        }
        return l.toString();
    }

    private static int[] complete(SurvivalData data, List<Column> used, int n) {
        int[] keep = new int[n];
        int k = 0;
        Column[] cols = used.toArray(new Column[0]);
        rows:
        for (int i = 0; i < n; i++) {
            if (data.statusAt(i) < 0) {
                continue;
            }
            for (Column c : cols) {
                if (c.isMissing(i)) {
                    continue rows;
                }
            }
            keep[k++] = i;
        }
        return k == n ? keep : Arrays.copyOf(keep, k);
    }

    private static boolean anyEvent(int[] st) {
        for (int s : st) {
            if (s > 0) {
                return true;
            }
        }
        return false;
    }

    /** Causes present in the rows used, renumbered 1.. in their order. */
    private static List<String> compactCauses(int[] st, List<String> all) {
        boolean[] present = new boolean[all.size() + 1];
        for (int s : st) {
            present[s] = true;
        }
        int[] map = new int[all.size() + 1];
        List<String> kept = new ArrayList<>();
        for (int c = 1; c <= all.size(); c++) {
            if (present[c]) {
                kept.add(all.get(c - 1));
                map[c] = kept.size();
            }
        }
        if (kept.size() != all.size()) {
            for (int k = 0; k < st.length; k++) {
                st[k] = map[st[k]];
            }
        }
        return List.copyOf(kept);
    }

    /** R's {@code model.offset}: the sum of the offset columns over the rows used. */
    private double[] offset(SurvivalData data, List<String> columns) {
        double[] sum = new double[keep.length];
        for (String name : columns) {
            Column c = data.column(name);
            if (!c.isNumeric()) {
                throw Check.fail("column '%s' holds text, not numbers; offset() needs a numeric column", name);
            }
            double[] v = finite(name, pick(c.numbers, keep));
            for (int k = 0; k < v.length; k++) {
                sum[k] += v[k];
            }
        }
        return sum;
    }

    /**
     * The strata of an interaction {@code x:strata(s)} as R's model matrix codes them: one column
     * per stratum but the first when the rest of the interaction ({@code x}) is a term of the model,
     * else one per stratum (R's full coding of a factor whose margin is absent); named
     * {@code strata(s)} + the stratum's label.
     */
    private Part strataPart(SurvivalData data, Term.Strata st, Term.Interaction in, List<Term> modelTerms) {
        return new Part(st.formula(), null, strataFactor(data, st.columns()), null, !marginPresent(st, in, modelTerms));
    }

    /** True when the interaction without {@code part} is itself a term of the model (R's rule for contrasts). */
    private static boolean marginPresent(Term part, Term.Interaction in, List<Term> modelTerms) {
        List<Term> rest = new ArrayList<>(in.parts());
        rest.remove(part);
        for (Term m : modelTerms) {
            List<Term> mp = m instanceof Term.Interaction mi ? mi.parts() : List.of(m);
            if (mp.size() == rest.size() && columnsOf(mp).equals(columnsOf(rest))) {
                return true;
            }
        }
        return false;
    }

    private static java.util.Set<List<String>> columnsOf(List<Term> terms) {
        java.util.Set<List<String>> s = new java.util.HashSet<>();
        for (Term t : terms) {
            s.add(t.columns());
        }
        return s;
    }

    private Factor strataFactor(SurvivalData data, List<String> columns) {
        List<Factor> parts = new ArrayList<>();
        boolean allText = true;
        for (String c : columns) {
            Column col = data.column(c);
            allText &= !col.isNumeric();
            parts.add(Levels.code(col, keep, null, sourceRows, lines));
        }
        return Levels.combine(String.join(", ", columns), parts, allText);
    }

    private Part[] parts(SurvivalData data, Term t, List<Term> modelTerms) {
        if (t instanceof Term.Interaction i) {
            Part[] p = new Part[i.parts().size()];
            for (int j = 0; j < p.length; j++) {
                Term part = i.parts().get(j);
                if (part instanceof Term.Strata st) {
                    p[j] = strataPart(data, st, i, modelTerms);
                } else {
                    Part one = parts(data, part, modelTerms)[0];
                    // R's model matrix: a factor whose margin (the rest of the interaction) is not a term
                    // gets a column per level, not contrasts (age:factor(sex) -> age:sex1, age:sex2)
                    p[j] = one.factor() != null && !marginPresent(part, i, modelTerms)
                            ? new Part(one.column(), null, one.factor(), null, true) : one;
                }
            }
            return p;
        }
        String name = t.columns().get(0);
        Column c = data.column(name);
        if (t instanceof Term.Spline sp) {
            if (!c.isNumeric()) {
                throw Check.fail("column '%s' holds text, not numbers; ns() needs a numeric column", name);
            }
            double[] v = finite(name, pick(c.numbers, keep));
            return new Part[] {new Part(sp.formula(), null, null, NaturalSpline.of(v, sp.df()).basis(v))};
        }
        if (t instanceof Term.Categorical f) {
            return new Part[] {factorPart(c, f.reference().orElse(null))};
        }
        if (t instanceof Term.PenalizedSpline ps) {
            if (!c.isNumeric()) {
                throw Check.fail("column '%s' holds text, not numbers; pspline() needs a numeric column", name);
            }
            double[] v = finite(name, pick(c.numbers, keep));
            PenalizedSplineBasis b = PenalizedSplineBasis.of(v, ps.intervals());
            // R names the columns ps(x)3, ps(x)4, ... (the first B-spline is dropped)
            return new Part[] {new Part("ps(" + name + ")", null, null, b.basis(v), false, 2, b)};
        }
        if (t instanceof Term.Frailty) {
            Factor f = Levels.code(c, keep, null, sourceRows, lines);
            double[][] ind = new double[f.levelCount()][keep.length];
            for (int i = 0; i < keep.length; i++) {
                ind[f.code(i)][i] = 1;
            }
            return new Part[] {new Part("frailty(" + name + ")", null, null, ind)};
        }
        if (t instanceof Term.TimeTransformed tt) {
            if (!c.isNumeric()) {
                throw Check.fail("column '%s' holds text, not numbers; tt() needs a numeric column", name);
            }
            return new Part[] {new Part(tt.formula(), finite(name, pick(c.numbers, keep)), null)};
        }
        if (!c.isNumeric()) {
            if (t instanceof Term.Numeric) {
                throw Check.fail("column '%s' holds text, not numbers; use factor(%s) for a categorical covariate",
                        name, Terms.quote(name));
            }
            return new Part[] {factorPart(c, null)};
        }
        return new Part[] {new Part(name, finite(name, pick(c.numbers, keep)), null)};
    }

    private double[] finite(String name, double[] v) {
        for (int k = 0; k < v.length; k++) {
            if (!Double.isFinite(v[k])) {
                throw Check.fail("%s: value %s is not finite; expected a finite number", lines.at(name, sourceRows[k]),
                        v[k]);
            }
        }
        return v;
    }

    private Part factorPart(Column c, String reference) {
        return new Part(c.name, null, Levels.code(c, keep, reference, sourceRows, lines));
    }

    private static String termName(Term t) {
        if (t instanceof Term.Spline sp) {
            return sp.formula();
        }
        if (t instanceof Term.TimeTransformed || t instanceof Term.PenalizedSpline || t instanceof Term.Frailty) {
            return t.formula();
        }
        if (t instanceof Term.Interaction i) {
            StringBuilder sb = new StringBuilder();
            for (Term p : i.parts()) {
                sb.append(sb.length() > 0 ? ":" : "")
                        .append(p instanceof Term.Strata ? p.formula() : p.columns().get(0));
            }
            return sb.toString();
        }
        return t.columns().get(0);
    }

    private static double[] pick(double[] a, int[] idx) {
        double[] r = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            r[i] = a[idx[i]];
        }
        return r;
    }

    private static int[] pick(int[] a, int[] idx) {
        int[] r = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            r[i] = a[idx[i]];
        }
        return r;
    }

    /**
     * R's {@code model.offset(mf)}: the sum of the {@code offset()} terms per row, which enters
     * the linear predictor with coefficient 1.
     *
     * @return the offset per row, or empty without offset terms
     */
    public Optional<double[]> offset() {
        return offset == null ? Optional.empty() : Optional.of(offset.clone());
    }

    /** @return the terms */
    public Terms terms() {
        return terms;
    }

    /** @return the number of rows used (complete in every used column) */
    public int rowCount() {
        return keep.length;
    }

    /** @return the number of data rows left out because a used column was missing */
    public int omittedRows() {
        return omitted;
    }

    /** @return a copy of the 0-based data rows used, in data order */
    public int[] dataRows() {
        return keep.clone();
    }

    /**
     * @param i a row of the frame (0-based)
     * @return its 1-based source row (file line = row + 1)
     */
    public int sourceRow(int i) {
        return sourceRows[i];
    }

    /**
     * Where row {@code i}'s value of {@code column} came from, for messages: {@code column 'age', row 17
     * (file line 20)}, with the true line of a CSV file after blank lines and quoted line breaks.
     *
     * @param column the column named
     * @param i a row of the frame
     * @return the location
     */
    public String rowLocation(String column, int i) {
        return lines.at(column, sourceRows[i]);
    }

    /** @return a copy of the 1-based source rows of the rows used */
    public int[] sourceRows() {
        return sourceRows.clone();
    }

    /** @return the time column's name */
    public String timeColumn() {
        return timeName;
    }

    /** @return the start column's name, or empty */
    public Optional<String> startColumn() {
        return Optional.ofNullable(startName);
    }

    /** @return the event column's name */
    public String eventColumn() {
        return eventName;
    }

    /** @return the weights column's name, or empty */
    public Optional<String> weightsColumn() {
        return Optional.ofNullable(weightsName);
    }

    /**
     * @param i a row
     * @return its follow-up (exit) time
     */
    public double time(int i) {
        return time[i];
    }

    /** @return a copy of the exit times */
    public double[] times() {
        return time.clone();
    }

    /** @return true for counting-process data {@code (start, time]} */
    public boolean hasStart() {
        return start != null;
    }

    /**
     * @param i a row
     * @return its entry time, or {@code -Infinity} (at risk from the beginning) without a start column
     */
    public double start(int i) {
        return start != null ? start[i] : Double.NEGATIVE_INFINITY;
    }

    /** @return a copy of the entry times, or empty for right-censored data */
    public Optional<double[]> starts() {
        return start == null ? Optional.empty() : Optional.of(start.clone());
    }

    /**
     * @param i a row
     * @return its status: 0 = censored, k = an event of cause k
     */
    public int status(int i) {
        return status[i];
    }

    /**
     * @param i a row
     * @return true when it ended in an event (of any cause)
     */
    public boolean isEvent(int i) {
        return status[i] != 0;
    }

    /** @return a copy of the status codes */
    public int[] statuses() {
        return status.clone();
    }

    /** @return the cause labels (status k = cause k); one for ordinary survival data */
    public List<String> causes() {
        return causes;
    }

    /** @return the number of event rows (unweighted) */
    public int eventCount() {
        int e = 0;
        for (int s : status) {
            if (s != 0) {
                e++;
            }
        }
        return e;
    }

    /** @return true with case weights */
    public boolean hasWeights() {
        return weights != null;
    }

    /**
     * @param i a row
     * @return its case weight (1 without weights)
     */
    public double weight(int i) {
        return weights != null ? weights[i] : 1.0;
    }

    /** @return a copy of the case weights, or empty */
    public Optional<double[]> weights() {
        return weights == null ? Optional.empty() : Optional.of(weights.clone());
    }

    /** @return true when some weight is not a whole number (R then uses the robust variance) */
    public boolean hasFractionalWeights() {
        if (weights == null) {
            return false;
        }
        for (double w : weights) {
            if (w != Math.rint(w)) {
                return true;
            }
        }
        return false;
    }

    /** @return the clusters (a {@code cluster()} term, else the data's cluster column), or empty */
    public Optional<Factor> cluster() {
        return Optional.ofNullable(cluster);
    }

    /** @return the subject identifiers (the data's id column, R's {@code id}), or empty */
    public Optional<Factor> id() {
        return Optional.ofNullable(id);
    }

    /**
     * The strata of the {@code strata()} terms, levels labelled as R's {@code strata()} labels them:
     * the level alone when every strata column is text ({@code adeno}), {@code name=level} otherwise
     * ({@code prior=0}), several columns joined by {@code ", "} ({@code a=1, b=2}).
     *
     * @return the strata, or empty without a strata term
     */
    public Optional<Factor> strata() {
        return Optional.ofNullable(strata);
    }

    /**
     * The groups of the model terms (every term but strata and cluster) for curves and group
     * comparisons, labelled as R's {@code survfit} names its strata: {@code sex=1}; several
     * columns {@code sex=1, ph.ecog=0}, the first varying slowest, only combinations with rows.
     * A numeric column's levels are its distinct values in ascending order; a factor term's
     * reference comes first.
     *
     * @return the groups, or empty without model terms
     * @throws IllegalArgumentException when a term is an interaction
     */
    public Optional<Factor> groups() {
        if (model.isEmpty()) {
            return Optional.empty();
        }
        List<Factor> parts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Resolved r : model) {
            if (r.parts.length > 1) {
                throw Check.fail("groups are formed from columns; the interaction %s cannot define groups",
                        r.term.formula());
            }
            Part p = r.parts[0];
            parts.add(p.factor != null ? p.factor : Levels.code(Column.of(p.column, p.values), identity(), null,
                    sourceRows, lines));
            names.add(p.column);
        }
        return Optional.of(Levels.combine(String.join(", ", names), parts, false));
    }

    private int[] identity() {
        int[] r = new int[keep.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = i;
        }
        return r;
    }

    /** @return the number of design-matrix columns */
    public int columnCount() {
        return columnNames.length;
    }

    /** @return the design-matrix column names, as R's {@code model.matrix} names them */
    public List<String> columnNames() {
        return List.of(columnNames);
    }

    /**
     * @param i a row
     * @param j a design column
     * @return the design-matrix entry
     */
    public double value(int i, int j) {
        Resolved r = model.get(columnTerm[j]);
        return r.value(i, j - r.first);
    }

    /**
     * @param j a design column
     * @return a copy of the column over the rows used
     */
    public double[] column(int j) {
        Resolved r = model.get(columnTerm[j]);
        int local = j - r.first;
        double[] v = new double[keep.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.value(i, local);
        }
        return v;
    }

    /**
     * @param term a model term of this frame
     * @return the P-spline basis of a {@code pspline()} term (its knots, penalty and centres), or empty
     */
    public Optional<PenalizedSplineBasis> splineBasis(Term term) {
        for (Resolved r : model) {
            if (r.term.equals(term)) {
                return Optional.ofNullable(r.parts[0].pspline);
            }
        }
        return Optional.empty();
    }

    /** @return each model term's design columns, in order */
    public List<TermSpan> termSpans() {
        List<TermSpan> l = new ArrayList<>();
        for (Resolved r : model) {
            List<String> lv = r.parts.length == 1 && r.parts[0].factor != null ? r.parts[0].factor.levels()
                    : List.of();
            l.add(new TermSpan(r.name, r.first, r.count, lv));
        }
        return List.copyOf(l);
    }

    /** @return warnings (e.g. no event in the rows used) */
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public String toString() {
        return "ModelFrame[" + terms.formula() + ", rows=" + rowCount() + ", omitted=" + omitted + ", columns="
                + Arrays.toString(columnNames) + (strata == null ? "" : ", strata=" + strata.labels()) + "]";
    }
}
