package io.survkit.spark;

import io.survkit.regression.CoxScoreResiduals;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.Tuple2;

/**
 * The second distributed pass of a robust Cox fit (R {@code coxph(robust = TRUE)} or
 * {@code cluster(id)}; Lin and Wei 1989): the per-(stratum, event time) risk-set summaries of the
 * last Newton-Raphson pass (at the estimate) and of the first (at the start) are broadcast as core's
 * {@link CoxScoreResiduals}; each executor computes its rows' weighted score residuals
 * {@code w_i U_i / scale} at both, they are summed by cluster (a shuffle of one row of 2p numbers per
 * cluster and task; each row is its own cluster without a cluster column, and then nothing is
 * shuffled), and the sums of their outer products and of the residuals at the start travel to the
 * driver: {@code p(p+1) + p} numbers. The driver forms core's sandwich {@code V (S'S) V} and the
 * robust score test {@code u0' (S0'S0)^-1 u0}.
 */
final class SparkRobustVariance {
    private SparkRobustVariance() {
    }

    /** What the driver receives: {@code S'S} at the estimate, {@code S0'S0} and {@code u0} at the start. */
    record Sums(double[] scores, double[] startScores, double[] startScoreSum) {
    }

    /**
     * One pass over {@code base} (columns s, t, st, ev, w, z0..z(p-1) and, with a cluster, cl).
     *
     * @param beta the estimate (scaled coordinates)
     * @param start the start (scaled coordinates; 0 by default)
     */
    static Sums sums(Dataset<Row> base, boolean clustered, Map<String, Integer> strata, double[] distinct,
            double[] merged, double[] scale, CoxScoreResiduals atEstimate, CoxScoreResiduals atStart, double[] beta,
            double[] start) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(base.sparkSession().sparkContext());
        Broadcast<RowScores> scores = sc.broadcast(new RowScores(strata, distinct, merged, scale, atEstimate, atStart,
                beta, start));
        int p = scale.length;
        JavaRDD<double[]> perCluster;
        if (clustered) {
            perCluster = base.javaRDD().mapToPair(r -> new Tuple2<>(r.get(5 + p), scores.value().of(r)))
                    .reduceByKey(SparkRobustVariance::add).values();
        } else {
            perCluster = base.javaRDD().map(r -> scores.value().of(r));
        }
        double[] total = perCluster.map(u -> outer(u, p)).fold(new double[p * (p + 1) + p], SparkRobustVariance::add);
        scores.destroy();
        int tri = p * (p + 1) / 2;
        return new Sums(full(total, 0, p), full(total, tri, p), Arrays.copyOfRange(total, 2 * tri, 2 * tri + p));
    }

    /** {@code a += b}, returned. */
    private static double[] add(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i] += b[i];
        }
        return a;
    }

    /** The packed lower triangles of {@code u u'} (estimate) and {@code u0 u0'} (start), then {@code u0}. */
    private static double[] outer(double[] u, int p) {
        int tri = p * (p + 1) / 2;
        double[] out = new double[2 * tri + p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                out[i * (i + 1) / 2 + j] = u[i] * u[j];
                out[tri + i * (i + 1) / 2 + j] = u[p + i] * u[p + j];
            }
            out[2 * tri + i] = u[p + i];
        }
        return out;
    }

    /** The full p x p matrix of a packed lower triangle at {@code off}. */
    private static double[] full(double[] packed, int off, int p) {
        double[] m = new double[p * p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                m[i * p + j] = packed[off + i * (i + 1) / 2 + j];
                m[j * p + i] = m[i * p + j];
            }
        }
        return m;
    }

    /** The executors' part: one row's weighted score residuals at the estimate and at the start (2p). */
    static final class RowScores implements Serializable {
        private static final long serialVersionUID = 1L;
        private final Map<String, Integer> strata;
        private final double[] distinct;
        private final double[] merged;
        private final double[] scale;
        private final CoxScoreResiduals atEstimate;
        private final CoxScoreResiduals atStart;
        private final double[] beta;
        private final double[] start;

        RowScores(Map<String, Integer> strata, double[] distinct, double[] merged, double[] scale,
                CoxScoreResiduals atEstimate, CoxScoreResiduals atStart, double[] beta, double[] start) {
            this.strata = strata;
            this.distinct = distinct;
            this.merged = merged;
            this.scale = scale;
            this.atEstimate = atEstimate;
            this.atStart = atStart;
            this.beta = beta;
            this.start = start;
        }

        /** The time as the aggregation merged it (R's aeqSurv on the distinct times). */
        private double time(double t) {
            return merged[Arrays.binarySearch(distinct, t + 0.0)];
        }

        double[] of(Row r) {
            int p = scale.length;
            int s = strata == null ? 0 : strata.get(RowChecks.label(r.get(0)));
            double exit = time(r.getDouble(1));
            double entry = r.isNullAt(2) ? Double.NaN : time(r.getDouble(2));
            boolean event = r.getBoolean(3);
            double w = r.getDouble(4);
            double[] z = new double[p];
            for (int j = 0; j < p; j++) {
                z[j] = r.getDouble(5 + j);
            }
            double[] out = new double[2 * p];
            double[] u = new double[p];
            atEstimate.residual(s, exit, entry, event, dot(beta, z), z, u);
            for (int j = 0; j < p; j++) {
                out[j] = u[j] * w / scale[j];
            }
            atStart.residual(s, exit, entry, event, dot(start, z), z, u);
            for (int j = 0; j < p; j++) {
                out[p + j] = u[j] * w / scale[j];
            }
            return out;
        }

        private static double dot(double[] a, double[] b) {
            double s = 0;
            for (int j = 0; j < a.length; j++) {
                s += a[j] * b[j];
            }
            return s;
        }
    }

}
