package io.survkit.estimate;

/**
 * The cumulative incidence recursions over one group's {@link CauseCounts} (sorted distinct
 * times). No allocation beyond the outputs.
 */
final class CumulativeIncidenceKernel {
    private CumulativeIncidenceKernel() {
    }

    /**
     * cmprsk {@code cinc} (Gray): the cumulative incidence of cause {@code k} (0-based) and its
     * variance as cuminc's doubled step vectors {time, est, var}.
     *
     * <p>With S the all-cause Kaplan-Meier before t_j, n_j at risk, d1 events of the cause and d2
     * of other causes: {@code F(t_j) = F(t_j-) + S d1 / n}. The variance accumulates
     * {@code v1, v2, v3} over event times with the tie correction {@code 1 - (d - 1) / (n - 1)} and
     * is {@code v1 + F^2 v3 - 2 F v2} (Gray's delta-method estimator). The arithmetic follows cinc
     * operation by operation so that the numbers equal R's.
     */
    static double[][] cuminc(CauseCounts c, int k) {
        int m = c.size();
        int kk = c.causes;
        int jumps = 0;
        for (int j = 0; j < m; j++) {
            if (c.events[j * kk + k] > 0) {
                jumps++;
            }
        }
        int len = 2 * jumps + 2;
        double[] x = new double[len];
        double[] f = new double[len];
        double[] v = new double[len];
        double fk = 1;
        double v1 = 0;
        double v2 = 0;
        double v3 = 0;
        int l = 0;
        for (int j = 0; j < m; j++) {
            double rs = c.atRisk[j];
            int nd1 = c.events[j * kk + k];
            int nd = c.allEvents[j];
            int nd2 = nd - nd1;
            if (nd == 0) {
                continue;
            }
            double fkn = fk * (rs - nd) / rs;
            if (nd1 > 0) {
                l += 2;
                f[l - 1] = f[l - 2];
                f[l] = f[l - 1] + fk * nd1 / rs;
            }
            if (nd2 > 0 && fkn > 0) {
                double t5 = 1;
                if (nd2 > 1) {
                    t5 = 1 - (nd2 - 1.0) / (rs - 1.0);
                }
                double t6 = fk * fk * t5 * nd2 / (rs * rs);
                double t3 = 1.0 / fkn;
                double t4 = f[l] / fkn;
                v1 = v1 + t4 * t4 * t6;
                v2 = v2 + t3 * t4 * t6;
                v3 = v3 + t3 * t3 * t6;
            }
            if (nd1 > 0) {
                double t5 = 1;
                if (nd1 > 1) {
                    t5 = 1 - (nd1 - 1.0) / (rs - 1.0);
                }
                double t6 = fk * fk * t5 * nd1 / (rs * rs);
                double t3 = 0;
                if (fkn > 0) {
                    t3 = 1 / fkn;
                }
                double t4 = 1 + t3 * f[l];
                v1 = v1 + t4 * t4 * t6;
                v2 = v2 + t3 * t4 * t6;
                v3 = v3 + t3 * t3 * t6;
                double t2 = f[l];
                x[l - 1] = c.time[j];
                x[l] = c.time[j];
                v[l - 1] = v[l - 2];
                v[l] = v1 + t2 * t2 * v3 - 2 * t2 * v2;
            }
            fk = fkn;
        }
        l++;
        x[l] = c.time[m - 1];
        f[l] = f[l - 1];
        v[l] = v[l - 1];
        return new double[][] {x, f, v};
    }

    /**
     * Multi-state Aalen-Johansen for competing risks (one transient state (s0), one absorbing state
     * per cause) with the infinitesimal-jackknife standard error, as R survfit's multi-state
     * {@code survfitaj} gives it for unweighted right-censored rows (each row its own subject).
     *
     * <p>p(t) = p(t-) H(t) with {@code H = I + dA}, {@code dA[0][k] = d_k / n},
     * {@code dA[0][0] = -d / n}. The influence of subject i on p(t) is
     * {@code U_i(t) = U_i(t-) H(t) + p(t-) dA_i(t)} with {@code dA_i[0][k] = (dN_ik - Y_i d_k / n) / n}.
     * All subjects still at risk share one influence vector {@code a}; once a subject leaves, its
     * influence only evolves through H, so the exited subjects' sum of {@code U U'} is carried as one
     * matrix C with {@code C <- H' C H}. Then {@code var_s(t) = C_ss + n(t+) a_s^2}: O(K^2) per time,
     * O(n) overall. Outputs are flat row-major (time x state).
     */
    static double[][] aalenJohansen(CauseCounts c) {
        int m = c.size();
        int kk = c.causes;
        int s = kk + 1;
        double[] pstate = new double[m * s];
        double[] se = new double[m * s];
        double[] p = new double[s];
        p[0] = 1;
        double[] a = new double[s];
        double[] cm = new double[s * s];
        double[] r = new double[s];
        double[] uNo = new double[s];
        double[] u = new double[s];
        double[] row0 = new double[s];
        for (int j = 0; j < m; j++) {
            double y = c.atRisk[j];
            int d = c.allEvents[j];
            int cens = c.censored[j];
            if (d > 0) {
                double p0 = p[0];
                r[0] = -d / y;
                for (int k = 1; k < s; k++) {
                    r[k] = c.events[j * kk + k - 1] / y;
                }
                // C <- H' C H with H = I + e0 r': M = C + C[:,0] r', then M + r M[0,:]
                for (int i = 0; i < s; i++) {
                    double ci0 = cm[i * s];
                    for (int k = 0; k < s; k++) {
                        cm[i * s + k] += ci0 * r[k];
                    }
                }
                System.arraycopy(cm, 0, row0, 0, s);
                for (int i = 0; i < s; i++) {
                    for (int k = 0; k < s; k++) {
                        cm[i * s + k] += r[i] * row0[k];
                    }
                }
                // influence of a subject at risk without an event at t_j (and of one censored at t_j)
                double a0 = a[0];
                for (int k = 0; k < s; k++) {
                    uNo[k] = a[k] + a0 * r[k] - p0 * r[k] / y;
                }
                // exits: events of each cause, then the censored
                for (int k = 1; k < s; k++) {
                    int dk = c.events[j * kk + k - 1];
                    if (dk == 0) {
                        continue;
                    }
                    System.arraycopy(uNo, 0, u, 0, s);
                    u[k] += p0 / y;
                    u[0] -= p0 / y;
                    addOuter(cm, u, dk, s);
                }
                if (cens > 0) {
                    addOuter(cm, uNo, cens, s);
                }
                System.arraycopy(uNo, 0, a, 0, s);
                // p <- p H
                for (int k = 1; k < s; k++) {
                    p[k] += p0 * r[k];
                }
                p[0] = p0 * (y - d) / y;
            } else if (cens > 0) {
                addOuter(cm, a, cens, s);
            }
            double left = y - d - cens;
            for (int k = 0; k < s; k++) {
                pstate[j * s + k] = p[k];
                se[j * s + k] = Math.sqrt(cm[k * s + k] + left * a[k] * a[k]);
            }
        }
        return new double[][] {pstate, se};
    }

    private static void addOuter(double[] cm, double[] u, double times, int s) {
        for (int i = 0; i < s; i++) {
            double ui = times * u[i];
            for (int k = 0; k < s; k++) {
                cm[i * s + k] += ui * u[k];
            }
        }
    }
}
