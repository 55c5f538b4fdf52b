package io.survkit.spark;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.rint;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import io.survkit.data.TimeFix;
import io.survkit.internal.Check;
import io.survkit.regression.CoxNewtonRaphson;
import io.survkit.regression.CoxRegression;
import io.survkit.regression.CoxScoreResiduals;
import io.survkit.regression.CoxVariance;
import io.survkit.regression.CoxTimeSums;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;

/**
 * Cox regression by distributed Newton-Raphson. Before iterating: one pass finds omitted and
 * invalid rows and the factor levels, one the weighted means (and which columns are 0/±1 only,
 * R's {@code nocenter}), one the weighted mean absolute deviations: covariates are centred and
 * scaled exactly as core does, so the iteration takes core's path. Each evaluation at a beta is
 * then one pass: rows are keyed by (stratum, time, kind) — leaving censored, leaving with an event,
 * entering (for (start, stop] rows, an exploded copy at the start time) — and the cluster sums
 * {@code w exp(eta)}, its products with z and z z', and for events {@code w}, {@code w eta},
 * {@code w z}. The driver gets O(strata x distinct times x p^2) numbers, builds core's
 * {@link CoxTimeSums} and core's {@link CoxNewtonRaphson} takes the step (convergence rule, step
 * halving, warnings as core).
 */
final class SparkCox {
    private final SparkSurvival roles;
    private final CoxRegression cox;
    private final CoxTerms terms;
    private final RowChecks checks;
    private final List<String> columnNames = new ArrayList<>();
    private final List<Column> raw = new ArrayList<>();
    private final Map<String, List<String>> levels = new HashMap<>();
    private List<String> strata = List.of();
    private double[] means;
    private double[] scale;
    private long rows;
    private long events;
    private long omitted;
    private boolean fractionalWeights;
    private Dataset<Row> base;
    private CoxTimeSums nullSums;
    private CoxTimeSums lastSums;
    private int passes;
    /** The raw distinct times of the sums' cells and the times R's aeqSurv merges them to. */
    private double[] distinctTimes;
    private double[] mergedTimes;
    private SparkRobustVariance.Sums robust;

    private SparkCox(SparkSurvival roles, CoxRegression cox, CoxTerms terms) {
        this.roles = roles;
        this.cox = cox;
        this.terms = terms;
        this.checks = new RowChecks(roles.dataset(), roles, terms.numeric(), terms.factors(), true);
    }

    static SparkCoxResult fit(SparkSurvival roles, CoxRegression cox, List<String> specs) {
        Check.notNull("procedure", cox);
        if (cox.variance() == CoxVariance.ROBUST && roles.startColumnOrNull() != null && roles.clusterColumnOrNull() == null) {
            // R coxph: robust = TRUE with (start, stop] data stops with "one of cluster or id is needed"
            throw Check.fail("the robust variance for (start, stop] data needs a cluster column (the subject"
                    + " identifier, so that a subject's intervals are summed): add cluster(id)");
        }
        SparkCox f = new SparkCox(roles, cox, CoxTerms.parse(specs));
        f.design();
        int p = f.columnNames.size();
        double[] start = f.initialScaled();
        long t0 = System.nanoTime();
        CoxNewtonRaphson.Fit fit = CoxNewtonRaphson.fit(f::evaluate, p, cox.maxIterations(), cox.tolerance(),
                roles.startColumnOrNull() != null, start);
        if (f.robust()) {
            f.robust = SparkRobustVariance.sums(f.base, roles.clusterColumnOrNull() != null, f.strataCodes(),
                    f.distinctTimes, f.mergedTimes, f.scale, CoxScoreResiduals.of(f.lastSums, cox.ties()),
                    CoxScoreResiduals.of(f.nullSums, cox.ties()), fit.beta(), start == null ? new double[p] : start);
            f.passes++;
        }
        long nanos = System.nanoTime() - t0;
        return SparkCoxResult.of(f, fit, nanos);
    }

    /** R's choice: the robust variance when asked, or by default with a cluster or non-integer weights. */
    boolean robust() {
        return cox.variance() == CoxVariance.ROBUST || (cox.variance() == CoxVariance.AUTO
                && (roles.clusterColumnOrNull() != null || fractionalWeights));
    }

    /** The robust pass's sums, or null when the variance is model-based. */
    SparkRobustVariance.Sums robustSums() {
        return robust;
    }

    /** The initial coefficients (R {@code init}) in the scaled coordinates, or null without them. */
    private double[] initialScaled() {
        double[] init = cox.initialCoefficients().orElse(null);
        if (init == null) {
            return null;
        }
        if (init.length != scale.length) {
            throw Check.fail("%d initial coefficients for a model with %d coefficients %s", init.length, scale.length,
                    columnNames);
        }
        double[] r = new double[init.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = init[i] / scale[i];
        }
        return r;
    }

    /** Stratum label to code (null without strata), as the sums code them. */
    private Map<String, Integer> strataCodes() {
        if (roles.strataColumnOrNull() == null) {
            return null;
        }
        Map<String, Integer> code = new HashMap<>();
        for (int s = 0; s < strata.size(); s++) {
            code.put(strata.get(s), s);
        }
        return code;
    }

    // ------------------------------------------------------------------ design passes

    private Column ok() {
        return col("flag").equalTo(RowChecks.OK);
    }

    /** Levels, omitted rows and errors; means and the 0/±1 test; scales. */
    private void design() {
        Dataset<Row> df = roles.dataset();
        List<Column> aggs = new ArrayList<>();
        aggs.add(count(lit(1)).as("n"));
        for (String fct : terms.factors()) {
            aggs.add(collect_set(when(ok(), trim(checks.column(fct).cast(DataTypes.StringType)))));
        }
        List<Row> flags = df.withColumn("flag", checks.flag()).groupBy(col("flag"))
                .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0])).collectAsList();
        passes++;
        long ok = 0;
        long total = 0;
        List<java.util.Set<String>> labels = new ArrayList<>();
        for (int k = 0; k < terms.factors().size(); k++) {
            labels.add(new java.util.HashSet<>());
        }
        for (Row r : flags) {
            int flag = r.getInt(0);
            total += r.getLong(1);
            if (flag > RowChecks.MISSING) {
                checks.failOnFirstInvalid();
            }
            if (flag == RowChecks.OK) {
                ok = r.getLong(1);
                for (int k = 0; k < terms.factors().size(); k++) {
                    for (Object v : r.getList(2 + k)) {
                        labels.get(k).add(factorLabel(terms.factors().get(k), (String) v));
                    }
                }
            }
        }
        if (ok == 0) {
            throw Check.fail(total == 0 ? "the data have no rows"
                    : "no row is complete: every one of the %d rows has a missing value in a used column", total);
        }
        omitted = total - ok;
        modelColumns(labels);
        int p = columnNames.size();
        // means, 0/±1 columns, events, fractional weights, strata levels
        Column w = checks.weight();
        List<Column> sums = new ArrayList<>();
        sums.add(sum(w).as("sw"));
        sums.add(count(lit(1)).as("n"));
        sums.add(sum(when(checks.event(), 1).otherwise(0)).as("events"));
        sums.add(sum(when(w.notEqual(rint(w)), 1).otherwise(0)).as("fractional"));
        for (int j = 0; j < p; j++) {
            Column x = raw.get(j);
            sums.add(sum(w.multiply(x)));
            sums.add(sum(when(x.equalTo(0).or(x.equalTo(1)).or(x.equalTo(-1)), 0).otherwise(1)));
        }
        Column s = strataColumn();
        List<Row> byStratum = df.withColumn("flag", checks.flag()).filter(ok()).groupBy(s.as("s"))
                .agg(sums.get(0), sums.subList(1, sums.size()).toArray(new Column[0])).collectAsList();
        passes++;
        double sw = 0;
        double[] swx = new double[p];
        boolean[] zeroOne = new boolean[p];
        Arrays.fill(zeroOne, true);
        List<String> strataLabels = new ArrayList<>();
        for (Row r : byStratum) {
            if (roles.strataColumnOrNull() != null) {
                strataLabels.add(RowChecks.label(r.get(0)));
            }
            sw += r.getDouble(1);
            rows += r.getLong(2);
            events += r.getLong(3);
            fractionalWeights |= r.getLong(4) > 0;
            for (int j = 0; j < p; j++) {
                swx[j] += r.getDouble(5 + 2 * j);
                zeroOne[j] &= r.getLong(6 + 2 * j) == 0;
            }
        }
        if (events == 0) {
            throw Check.fail("the data have no events (all %d rows censored); a Cox model needs at least one event",
                    rows);
        }
        strata = RowChecks.sortedLevels(strataLabels);
        means = new double[p];
        for (int j = 0; j < p; j++) {
            means[j] = zeroOne[j] ? 0 : swx[j] / sw;
        }
        // scale = sum(w) / sum(w |x - mean|) (R coxfit6), 1 for 0/±1 columns
        Column[] dev = new Column[p];
        for (int j = 0; j < p; j++) {
            dev[j] = sum(w.multiply(abs(raw.get(j).minus(means[j]))));
        }
        Row d = df.withColumn("flag", checks.flag()).filter(ok()).agg(dev[0], Arrays.copyOfRange(dev, 1, p))
                .collectAsList().get(0);
        passes++;
        scale = new double[p];
        for (int j = 0; j < p; j++) {
            double a = d.getDouble(j);
            scale[j] = zeroOne[j] ? 1 : a > 0 ? sw / a : 1.0;
        }
        List<Column> b = new ArrayList<>();
        b.add(s.as("s"));
        b.add(checks.time(roles.timeColumnOrNull()).as("t"));
        b.add(roles.startColumnOrNull() == null ? lit(null).cast("double").as("st")
                : checks.time(roles.startColumnOrNull()).as("st"));
        b.add(checks.event().as("ev"));
        b.add(w.as("w"));
        for (int j = 0; j < p; j++) {
            b.add(raw.get(j).minus(means[j]).multiply(scale[j]).as("z" + j));
        }
        if (roles.clusterColumnOrNull() != null) {
            String cl = roles.clusterColumnOrNull();
            b.add((isNumeric(cl) ? checks.number(cl) : trim(checks.column(cl).cast(DataTypes.StringType))).as("cl"));
        }
        base = df.withColumn("flag", checks.flag()).filter(ok()).select(b.toArray(new Column[0]));
    }

    private Column strataColumn() {
        return roles.strataColumnOrNull() == null ? lit(0) : checks.column(roles.strataColumnOrNull());
    }

    /** A factor's value label as core reads it: numbers as R prints them, text stripped. */
    private String factorLabel(String column, String value) {
        Double d = RowChecks.parse(value);
        return isNumeric(column) && d != null ? RowChecks.label(d) : value.strip();
    }

    private boolean isNumeric(String column) {
        return roles.dataset().schema().apply(column).dataType() instanceof NumericType;
    }

    /** Model columns in R's order: numeric as named, a factor's dummies for its non-reference levels. */
    private void modelColumns(List<java.util.Set<String>> labels) {
        int fi = 0;
        for (String term : terms.terms()) {
            int k = terms.factors().indexOf(term);
            if (k < 0) {
                columnNames.add(term);
                raw.add(checks.number(term));
                continue;
            }
            List<String> lv = new ArrayList<>(RowChecks.sortedLevels(labels.get(k)));
            String ref = terms.references().get(k);
            if (ref != null) {
                Double d = RowChecks.parse(ref);
                String r = d == null ? ref : RowChecks.label(d);
                if (!lv.remove(r)) {
                    throw Check.fail("column '%s': reference level '%s' does not occur; levels are %s", term, ref, lv);
                }
                lv.add(0, r);
            }
            if (lv.size() < 2) {
                throw Check.fail("factor covariate '%s' has a single level %s; it cannot be in the model", term, lv);
            }
            levels.put(term, List.copyOf(lv));
            for (int l = 1; l < lv.size(); l++) {
                String level = lv.get(l);
                Column v = isNumeric(term) && RowChecks.parse(level) != null
                        ? checks.number(term).equalTo(RowChecks.parse(level))
                        : trim(checks.column(term).cast(DataTypes.StringType)).equalTo(level);
                columnNames.add(term + level);
                raw.add(when(coalesce(v, lit(false)), 1.0).otherwise(0.0));
            }
            fi++;
        }
    }

    // ------------------------------------------------------------------ one Newton-Raphson evaluation

    /** One distributed pass at {@code beta} (scaled coordinates): core's log-likelihood, score and information. */
    double evaluate(double[] beta, double[] score, double[] information) {
        CoxTimeSums sums = sums(beta);
        if (nullSums == null) {
            nullSums = sums;
        }
        lastSums = sums;
        return sums.logLikelihood(cox.ties(), score, information);
    }

    /** The per-(stratum, time, kind) sums at {@code beta}. */
    CoxTimeSums sums(double[] beta) {
        int p = beta.length;
        Column eta = lit(0.0);
        for (int j = 0; j < p; j++) {
            eta = eta.plus(col("z" + j).multiply(beta[j]));
        }
        Dataset<Row> d = base.withColumn("eta", eta).withColumn("r", col("w").multiply(exp(col("eta"))));
        Column kind;
        Column time;
        if (roles.startColumnOrNull() != null) {
            d = d.withColumn("entry", explode(array(lit(false), lit(true))));
            kind = when(col("entry"), 2).when(col("ev"), 1).otherwise(0);
            time = when(col("entry"), col("st")).otherwise(col("t"));
        } else {
            kind = when(col("ev"), 1).otherwise(0);
            time = col("t");
        }
        List<Column> a = new ArrayList<>();
        a.add(sum(col("w")));
        a.add(sum(col("w").multiply(col("eta"))));
        for (int j = 0; j < p; j++) {
            a.add(sum(col("w").multiply(col("z" + j))));
        }
        a.add(sum(col("r")));
        for (int j = 0; j < p; j++) {
            a.add(sum(col("r").multiply(col("z" + j))));
        }
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                a.add(sum(col("r").multiply(col("z" + i)).multiply(col("z" + j))));
            }
        }
        List<Row> cells = d.groupBy(col("s"), time.as("time"), kind.as("kind")).agg(count(lit(1)), a.toArray(new Column[0]))
                .collectAsList();
        passes++;
        return toSums(cells, p);
    }

    private CoxTimeSums toSums(List<Row> cells, int p) {
        double[] times = new double[cells.size()];
        for (int i = 0; i < times.length; i++) {
            times[i] = cells.get(i).getDouble(1) + 0.0;
        }
        Arrays.sort(times);
        double[] distinct = CountAggregation.distinct(times);
        double[] merged = TimeFix.merged(distinct);
        distinctTimes = distinct;
        mergedTimes = merged;
        Map<String, Integer> code = new HashMap<>();
        for (int s = 0; s < strata.size(); s++) {
            code.put(strata.get(s), s);
        }
        int tri = p * (p + 1) / 2;
        CoxTimeSums.Builder b = CoxTimeSums.builder(p);
        for (Row r : cells) {
            int s = roles.strataColumnOrNull() == null ? 0 : code.get(RowChecks.label(r.get(0)));
            double t = merged[Arrays.binarySearch(distinct, r.getDouble(1) + 0.0)];
            CoxTimeSums.Kind kind = CoxTimeSums.Kind.values()[r.getInt(2)];
            int o = 4;
            double weight = r.getDouble(o++);
            double weightedEta = r.getDouble(o++);
            double[] wz = new double[p];
            for (int j = 0; j < p; j++) {
                wz[j] = r.getDouble(o++);
            }
            double risk = r.getDouble(o++);
            double[] rz = new double[p];
            for (int j = 0; j < p; j++) {
                rz[j] = r.getDouble(o++);
            }
            double[] rzz = new double[tri];
            for (int k = 0; k < tri; k++) {
                rzz[k] = r.getDouble(o++);
            }
            b.add(s, t, kind, r.getLong(3), weight, weightedEta, wz, risk, rz, rzz);
        }
        return b.build();
    }

    /** The largest centred linear predictor over the rows (asked for when the fit did not converge). */
    double maxLinearPredictor(double[] beta) {
        Column eta = lit(0.0);
        for (int j = 0; j < beta.length; j++) {
            eta = eta.plus(col("z" + j).multiply(beta[j]));
        }
        passes++;
        return base.agg(max(eta)).collectAsList().get(0).getDouble(0);
    }

    // ------------------------------------------------------------------ what the result needs

    SparkSurvival roles() {
        return roles;
    }

    CoxRegression procedure() {
        return cox;
    }

    List<String> columnNames() {
        return columnNames;
    }

    List<String> terms() {
        return terms.terms();
    }

    Map<String, List<String>> levels() {
        return levels;
    }

    List<String> strata() {
        return strata;
    }

    double[] means() {
        return means;
    }

    double[] scale() {
        return scale;
    }

    long rows() {
        return rows;
    }

    long events() {
        return events;
    }

    long omitted() {
        return omitted;
    }

    boolean fractionalWeights() {
        return fractionalWeights;
    }

    CoxTimeSums lastSums() {
        return lastSums;
    }

    CoxTimeSums nullSums() {
        return nullSums;
    }

    int passes() {
        return passes;
    }
}
