package io.survkit.estimate;

/**
 * The Kaplan-Meier / Nelson-Aalen recursions over one curve's distinct times, as R survival 3.5's
 * C routine {@code survfitkm} (type 1: Kaplan-Meier survival, Nelson-Aalen hazard). Inputs are the
 * per-time number at risk n, events d (weighted sums) in ascending time order; outputs are written
 * into caller-owned arrays of the same length: S, its standard error, H and its standard error.
 * A time enters the products only when d > 0.
 */
final class KaplanMeierKernel {
    private KaplanMeierKernel() {
    }

    /**
     * Greenwood (1926) variance: S *= (n - d) / n, var(-log S) += d / (n (n - d)) (infinite once
     * n = d); H += d / n, var(H) += d / n^2.
     */
    static void greenwood(int m, double[] n, double[] d, double[] surv, double[] se, double[] chaz, double[] seChaz) {
        simple(m, n, d, d, SurvivalEstimator.PRODUCT_LIMIT, HazardEstimator.NELSON_AALEN, surv, se, chaz, seChaz);
    }

    /**
     * Infinitesimal-jackknife variance for right-censored rows, each row its own cluster, in O(m)
     * from per-time sums of squared weights (closed form of R's recursion). With S_i the survival
     * after event time i, G_i = sum_{j<=i} d_j/(n_j(n_j-d_j)) and H2_i = sum_{j<=i} d_j/n_j^2, the
     * influence of a row of weight w on S is S_i w u with u = G_i while it is at risk, G(T) after a
     * censoring at T and G(T-) - 1/n_T after an event at T; on H it is -w H2_i at risk, -w H2(T)
     * after censoring and w (1/n_T - H2(T)) after an event. The variance is the sum of squared
     * influences, recomputed at event times only (as R does).
     *
     * @param w2Event per time, the sum of squared weights of the event rows
     * @param w2Censor per time, the sum of squared weights of the censored rows
     */
    static void jackknifeRows(int m, double[] n, double[] d, double[] w2Event, double[] w2Censor, double[] surv,
            double[] se, double[] chaz, double[] seChaz) {
        double[] after = new double[m]; // sum of squared weights of rows leaving after time i
        double acc = 0;
        for (int i = m - 1; i >= 0; i--) {
            after[i] = acc;
            acc += w2Event[i] + w2Censor[i];
        }
        double km = 1;
        double nelson = 0;
        double g = 0;
        double h2 = 0;
        double gone1 = 0; // sum of squared influences (on S / S_i) of rows that have left
        double gone2 = 0; // same for H
        double v1 = 0;
        double v2 = 0;
        for (int i = 0; i < m; i++) {
            double ni = n[i];
            double di = d[i];
            if (di > 0) {
                double haz = di / ni;
                double gPrev = g;
                g += di / (ni * (ni - di));
                h2 += haz / ni;
                km *= 1 - haz;
                nelson += haz;
                double ue = gPrev - 1 / ni;
                gone1 += w2Event[i] * ue * ue + (w2Censor[i] != 0 ? w2Censor[i] * g * g : 0);
                double ue2 = 1 / ni - h2;
                gone2 += w2Event[i] * ue2 * ue2 + w2Censor[i] * h2 * h2;
                v1 = km == 0 ? 0 : km * km * ((after[i] != 0 ? g * g * after[i] : 0) + gone1);
                v2 = h2 * h2 * after[i] + gone2;
            } else if (w2Censor[i] != 0) {
                gone1 += w2Censor[i] * g * g;
                gone2 += w2Censor[i] * h2 * h2;
            }
            surv[i] = km;
            se[i] = Math.sqrt(v1);
            chaz[i] = nelson;
            seChaz[i] = Math.sqrt(v2);
        }
    }

    /**
     * The simple (non-jackknife) variance for every {@code stype}/{@code ctype} pair of R's
     * {@code survfitkm} ({@code nid == 0} branch). Hazard: Nelson-Aalen dH = d/n, var += d/n^2, or
     * Fleming-Harrington dH = sum_{j<e} (d/e)/(n - j d/e), var += sum (d/e)/(n - j d/e)^2 with e the
     * event rows. Survival: product limit with Greenwood's var(-log S) += d/(n(n - d)), or exp(-H)
     * with the standard error of H. A time counts when it has an event row of positive weight.
     *
     * @param rows per time, the number of event rows (unweighted)
     */
    static void simple(int m, double[] n, double[] d, double[] rows, SurvivalEstimator stype, HazardEstimator ctype,
            double[] surv, double[] se, double[] chaz, double[] seChaz) {
        boolean exp = stype == SurvivalEstimator.EXPONENTIAL_HAZARD;
        boolean fleming = ctype == HazardEstimator.FLEMING_HARRINGTON;
        double km = 1;
        double nelson = 0;
        double v1 = 0;
        double v2 = 0;
        for (int i = 0; i < m; i++) {
            double ni = n[i];
            double di = d[i];
            boolean event = rows[i] > 0 && di > 0;
            if (fleming) {
                double e = rows[i];
                for (int j = 0; j < e; j++) {
                    double denominator = ni - j * di / e;
                    nelson += di / e / denominator;
                    v2 += di / e / denominator / denominator;
                }
            } else if (event) {
                nelson += di / ni;
                v2 += di / ni / ni; // as greenwood(): no overflow of n n
            }
            if (exp) {
                surv[i] = Math.exp(-nelson);
                se[i] = Math.sqrt(v2);
            } else {
                if (event) {
                    km *= (ni - di) / ni;
                    v1 += di / ni / (ni - di);
                }
                surv[i] = km;
                se[i] = Math.sqrt(v1);
            }
            chaz[i] = nelson;
            seChaz[i] = Math.sqrt(v2);
        }
    }

    /**
     * Infinitesimal-jackknife variance by R's recursion over clusters ({@code survfitkm}, the
     * {@code nid > 0} branch, every {@code stype}/{@code ctype} pair), for counting-process rows,
     * clusters of rows and the estimators without an O(n) closed form. Cost is O(event times x
     * clusters). The influence of cluster k on the hazard at an event time with n at risk, d events
     * and e event rows: Nelson-Aalen -w_k d/n^2 while at risk, +w/n for its event rows;
     * Fleming-Harrington -w_k b3 while at risk and +w (b1 + b3 - b2) for its event rows, with
     * b1 = mean of 1/(n - d + (k/e) d), b2 = (d/e) sum (k/e)/(n - d + (k/e) d)^2 and
     * b3 = (d/e) sum 1/(n - d + (k/e) d)^2 over k = 1..e. With exp(-H) survival both standard errors
     * are the hazard's.
     *
     * @param time exit times by row; {@code start} entry times by row or null
     * @param event event flags by row; {@code w} weights by row
     * @param sort2 rows of the curve by exit time; {@code sort1} by entry time (null without start)
     * @param id cluster index (0..nid-1) by row
     * @param ct the curve's distinct times; n, d their weighted numbers at risk and events, rows the
     *        event rows per time
     */
    static void jackknifeRecursion(int m, double[] ct, double[] n, double[] d, double[] rows, double[] time,
            double[] start, boolean[] event, double[] w, int[] sort2, int[] sort1, int from, int to, int[] id,
            int nid, SurvivalEstimator stype, HazardEstimator ctype, double[] surv, double[] se, double[] chaz,
            double[] seChaz) {
        boolean exp = stype == SurvivalEstimator.EXPONENTIAL_HAZARD;
        boolean fleming = ctype == HazardEstimator.FLEMING_HARRINGTON;
        int[] gcount = new int[nid];
        double[] gwt = new double[nid];
        double[] inf1 = new double[nid];
        double[] inf2 = new double[nid];
        double v1 = 0;
        double v2 = 0;
        double km = 1;
        double nelson = 0;
        int person2 = from;
        int person1 = from;
        if (start == null) {
            for (int p = from; p < to; p++) {
                int r = sort2[p];
                gcount[id[r]]++;
                gwt[id[r]] += w[r];
            }
        }
        for (int i = 0; i < m; i++) {
            if (start != null) {
                for (; person1 < to; person1++) {
                    int r = sort1[person1];
                    if (start[r] >= ct[i]) {
                        break;
                    }
                    gcount[id[r]]++;
                    gwt[id[r]] += w[r];
                }
            }
            if (d[i] > 0 && rows[i] > 0) {
                double haz = d[i] / n[i];
                double atRisk; // derivative of the hazard increment in a subject at risk, per unit weight
                double eventTerm; // the same for an event row
                if (fleming) {
                    double e = rows[i];
                    double rest = n[i] - d[i];
                    double b1 = 0;
                    double b2 = 0;
                    double b3 = 0;
                    for (double k = e; k > 0; k--) {
                        double frac = k / e;
                        double b = 1 / (rest + frac * d[i]);
                        b1 += b;
                        b2 += b * b * frac;
                        b3 += b * b;
                    }
                    b1 /= e;
                    if (d[i] != e) {
                        b2 *= d[i] / e;
                        b3 *= d[i] / e;
                    }
                    nelson += d[i] * b1;
                    atRisk = b3;
                    eventTerm = b1 + b3 - b2;
                } else {
                    nelson += haz;
                    atRisk = haz / n[i];
                    eventTerm = 1 / n[i];
                }
                for (int k = 0; k < nid; k++) {
                    if (!exp) {
                        inf1[k] = inf1[k] * (1.0 - haz) + gwt[k] * km * haz / n[i];
                    }
                    if (gcount[k] > 0) {
                        inf2[k] -= gwt[k] * atRisk;
                    }
                }
                for (; person2 < to; person2++) {
                    int r = sort2[person2];
                    if (time[r] > ct[i]) {
                        break;
                    }
                    if (event[r]) {
                        if (!exp) {
                            inf1[id[r]] -= km * w[r] / n[i];
                        }
                        inf2[id[r]] += w[r] * eventTerm;
                    }
                    leave(gcount, gwt, id[r], w[r]);
                }
                if (!exp) {
                    km *= 1 - haz;
                }
                v1 = 0;
                v2 = 0;
                for (int k = 0; k < nid; k++) {
                    v1 += inf1[k] * inf1[k];
                    v2 += inf2[k] * inf2[k];
                }
            } else {
                for (; person2 < to; person2++) {
                    int r = sort2[person2];
                    if (time[r] > ct[i]) {
                        break;
                    }
                    leave(gcount, gwt, id[r], w[r]);
                }
            }
            surv[i] = exp ? Math.exp(-nelson) : km;
            se[i] = Math.sqrt(exp ? v2 : v1);
            chaz[i] = nelson;
            seChaz[i] = Math.sqrt(v2);
        }
    }

    private static void leave(int[] gcount, double[] gwt, int k, double w) {
        gcount[k]--;
        if (gcount[k] == 0) {
            gwt[k] = 0.0;
        } else {
            gwt[k] -= w;
        }
    }
}
