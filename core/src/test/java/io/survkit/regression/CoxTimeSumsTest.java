package io.survkit.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.survkit.oracle.Oracle;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link CoxTimeSums}: the rows of every {@code cox_*} oracle case summed per (stratum, time, kind)
 * give, through {@link CoxNewtonRaphson}, R's coefficients, model-based standard errors and
 * log-likelihoods ({@code coxph}, call in each case's {@code rCall}; relative 1e-8 as
 * {@link CoxOracleTest}), and at a fixed beta the row kernel's log-likelihood, score and
 * information to 1e-12 (the same sums, added in another order).
 */
class CoxTimeSumsTest {

    static List<String> cases() {
        return Oracle.cases("cox");
    }

    /** The design's rows as per-(stratum, time, kind) cells at {@code beta} (scaled coordinates). */
    static CoxTimeSums sums(CoxDesign d, double[] beta) {
        int p = d.p;
        CoxTimeSums.Builder b = CoxTimeSums.builder(p);
        double[] z = new double[p];
        for (int s = 0; s < d.strataCount(); s++) {
            for (int k = d.strataStart[s]; k < d.strataStart[s + 1]; k++) {
                double eta = 0;
                for (int j = 0; j < p; j++) {
                    z[j] = d.x[k * p + j];
                    eta += beta[j] * z[j];
                }
                double w = d.weight[k];
                double r = w * Math.exp(eta);
                double[] wz = new double[p];
                double[] rz = new double[p];
                double[] rzz = new double[p * (p + 1) / 2];
                for (int i = 0; i < p; i++) {
                    wz[i] = w * z[i];
                    rz[i] = r * z[i];
                    for (int j = 0; j <= i; j++) {
                        rzz[i * (i + 1) / 2 + j] = r * z[i] * z[j];
                    }
                }
                b.add(s, d.time[k], d.event[k] ? CoxTimeSums.Kind.EVENT : CoxTimeSums.Kind.CENSORED, 1, w, w * eta,
                        wz, r, rz, rzz);
                if (d.start != null) {
                    b.add(s, d.start[k], CoxTimeSums.Kind.ENTRY, 1, 0, 0, wz, r, rz, rzz);
                }
            }
        }
        return b.build();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void sumsGiveTheRowKernelsDerivatives(String name) {
        JsonNode c = Oracle.load(name);
        CoxRegression cox = CoxOracleTest.procedure(c.get("params"));
        CoxDesign d = CoxDesign.of(Oracle.frame(c));
        double[] beta = someBeta(d.p);
        double[] u1 = new double[d.p];
        double[] i1 = new double[d.p * d.p];
        double[] u2 = new double[d.p];
        double[] i2 = new double[d.p * d.p];
        double l1 = new CoxKernel(d, cox.ties()).evaluate(beta, u1, i1);
        double l2 = sums(d, beta).logLikelihood(cox.ties(), u2, i2);
        assertClose(l1, l2, 1e-12, name + " loglik");
        for (int j = 0; j < d.p; j++) {
            assertClose(u1[j], u2[j], 1e-12, name + " score " + j);
        }
        for (int k = 0; k < d.p * d.p; k++) {
            assertClose(i1[k], i2[k], 1e-12, name + " information " + k);
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void newtonRaphsonOverSumsGivesR(String name) {
        JsonNode c = Oracle.load(name);
        JsonNode r = c.get("result");
        CoxRegression cox = CoxOracleTest.procedure(c.get("params"));
        CoxDesign d = CoxDesign.of(Oracle.frame(c));
        CoxNewtonRaphson.Fit f = CoxNewtonRaphson.fit((beta, u, imat) -> sums(d, beta).logLikelihood(cox.ties(), u,
                imat), d.p, cox.maxIterations(), cox.tolerance(), d.start != null);
        assertTrue(f.converged(), name);
        JsonNode coef = r.get("coef");
        JsonNode se = r.get("se");
        for (int j = 0; j < d.p; j++) {
            if (coef.get(j).isNull()) {
                continue; // a redundant column: R's NA
            }
            assertClose(coef.get(j).asDouble(), f.beta()[j] * d.scale[j], CoxOracleTest.REL, name + " coef " + j);
            assertClose(se.get(j).asDouble(), Math.sqrt(f.inverseInformation()[j * d.p + j]) * d.scale[j],
                    CoxOracleTest.REL, name + " se " + j);
        }
        assertClose(r.get("loglikNull").asDouble(), f.logLikelihoodNull(), CoxOracleTest.REL, name + " loglik0");
        assertClose(r.get("loglik").asDouble(), f.logLikelihood(), CoxOracleTest.REL, name + " loglik");
        assertEquals(r.get("iterations").asInt(), f.iterations(), name + " iterations");
    }

    /**
     * {@link CoxScoreResiduals} from the sums at a beta give every row the score residual of core's
     * row kernel (CoxResidualKernel over the sorted design, whose robust variance equals R's on the
     * cluster/robust cases of CoxOracleTest), to 1e-12: the same risk-set summaries, added in another
     * order.
     */
    @ParameterizedTest
    @MethodSource("cases")
    void scoreResidualsFromSumsAreTheRowKernels(String name) {
        JsonNode c = Oracle.load(name);
        CoxRegression cox = CoxOracleTest.procedure(c.get("params"));
        CoxDesign d = CoxDesign.of(Oracle.frame(c));
        double[] beta = someBeta(d.p);
        boolean efron = cox.ties() == TieMethod.EFRON;
        double[] rows = CoxResidualKernel.score(d, CoxRiskSets.of(d, beta, efron));
        CoxScoreResiduals res = CoxScoreResiduals.of(sums(d, beta), cox.ties());
        double[] z = new double[d.p];
        double[] u = new double[d.p];
        double scale = 0;
        for (double v : rows) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int s = 0; s < d.strataCount(); s++) {
            for (int k = d.strataStart[s]; k < d.strataStart[s + 1]; k++) {
                double eta = 0;
                for (int j = 0; j < d.p; j++) {
                    z[j] = d.x[k * d.p + j];
                    eta += beta[j] * z[j];
                }
                res.residual(s, d.time[k], d.start == null ? Double.NaN : d.start[k], d.event[k], eta, z, u);
                for (int j = 0; j < d.p; j++) {
                    double e = rows[k * d.p + j];
                    assertTrue(Math.abs(u[j] - e) <= 1e-12 * scale, name + " row " + k + " column " + j + ": " + e
                            + " vs " + u[j]);
                }
            }
        }
    }

    /** A beta away from 0 with alternating signs: 0.1, -0.2, 0.3, ... */
    private static double[] someBeta(int p) {
        double[] beta = new double[p];
        for (int j = 0; j < p; j++) {
            beta[j] = 0.1 * (j + 1) * (j % 2 == 0 ? 1 : -1);
        }
        return beta;
    }

    static void assertClose(double e, double a, double rel, String where) {
        double diff = Math.abs(a - e);
        assertTrue(diff <= rel * Math.abs(e) || diff <= 1e-13, where + ": " + e + " vs " + a);
    }
}
