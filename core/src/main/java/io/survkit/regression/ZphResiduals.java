package io.survkit.regression;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The scaled Schoenfeld residuals of R 3.x {@code cox.zph} (survival 3.5-3, R/cox.zph.R and
 * src/zph1.c), for {@link ScaledSchoenfeldResiduals}:
 *
 * <ol>
 *   <li>{@code used[s][j]}: the events of stratum s when column j varies among the stratum's rows,
 *       else 0; a factor's columns share the largest count of any of them when one is 0;
 *   <li>{@code vmean = I / wtmat}, I the information (the inverse of the model variance),
 *       {@code wtmat[i][j] = sum_s min(used[s][i], used[s][j])} (1 where 0);
 *   <li>a term of several columns is collapsed to its linear predictor: r_T = r[, T] beta_T,
 *       vmean_T = beta_T' vmean beta_T (one-column terms keep their column);
 *   <li>in each stratum, over the terms k it uses, y[, k] = r[, k] vmean[k, k]^-1; the others are
 *       structural zeros, NaN (R {@code NA}); then y + beta for a one-column term, + 1 for a collapsed one;
 *   <li>{@code var = vmean^-1}.
 * </ol>
 */
final class ZphResiduals {
    private ZphResiduals() {
    }

    static ScaledSchoenfeldResiduals of(CoxResult fit, CoxDesign d, int[] keep, List<String> names, double[] transformed,
            TimeTransform transform) {
        int q = keep.length;
        double[] times = new double[d.events];
        double[] x = new double[d.events];
        int[] stratumOfEvent = new int[d.events];
        int e = 0;
        for (int s = 0; s < d.strataCount(); s++) {
            for (int k = d.strataStart[s]; k < d.strataStart[s + 1]; k++) {
                if (d.event[k]) {
                    times[e] = d.time[k];
                    stratumOfEvent[e] = s;
                    x[e++] = transformed[k];
                }
            }
        }
        double[] coef = fit.coefficients();
        double[][] temp = termMatrix(d, keep, coef, names.size());
        int[][] used = used(d, keep, temp);
        double[] vmean = vmean(fit, keep, used);
        int nt = names.size();
        double[] vm = collapse(vmean, temp, q, nt);
        int[][] usedTerm = new int[used.length][nt];
        for (int s = 0; s < used.length; s++) {
            for (int t = 0; t < nt; t++) {
                usedTerm[s][t] = used[s][firstColumn(temp, t)];
            }
        }
        // per stratum: the terms it uses and vmean[k, k]^-1
        int[][] k = new int[used.length][];
        double[][] inv = new double[used.length][];
        for (int s = 0; s < used.length; s++) {
            k[s] = usedTerms(usedTerm[s]);
            inv[s] = ProportionalHazardsTest.invert(sub(vm, nt, k[s]), k[s].length);
        }
        double[][] schoen = fit.residuals().schoenfeld();
        double[][] y = new double[nt][d.events];
        double[] r = new double[nt];
        for (int ev = 0; ev < d.events; ev++) {
            int s = stratumOfEvent[ev];
            scaleRow(schoen[ev], keep, temp, k[s], inv[s], r, y, ev);
        }
        for (int t = 0; t < nt; t++) {
            double add = isWide(temp, t) ? 1 : coef[keep[firstColumn(temp, t)]];
            for (int ev = 0; ev < d.events; ev++) {
                y[t][ev] += add;
            }
        }
        double[] vmInverse = ProportionalHazardsTest.invert(vm, nt);
        double[][] var = new double[nt][nt];
        for (int a = 0; a < nt; a++) {
            var[a] = Arrays.copyOfRange(vmInverse, a * nt, (a + 1) * nt);
        }
        return new ScaledSchoenfeldResiduals(names, times, x, y, var, transform);
    }

    /** R's {@code temp}: q x terms, 1 for a one-column term, beta for the columns of a wider term. */
    private static double[][] termMatrix(CoxDesign d, int[] keep, double[] coef, int nt) {
        double[][] temp = new double[keep.length][nt];
        int t = 0;
        for (int term = 0; term < d.termNames.length; term++) {
            List<Integer> cols = new ArrayList<>();
            for (int j : d.termColumns[term]) {
                for (int i = 0; i < keep.length; i++) {
                    if (keep[i] == j) {
                        cols.add(i);
                    }
                }
            }
            if (cols.isEmpty()) {
                continue;
            }
            for (int i : cols) {
                temp[i][t] = cols.size() > 1 ? coef[keep[i]] : 1;
            }
            t++;
        }
        return temp;
    }

    private static boolean isWide(double[][] temp, int t) {
        int n = 0;
        for (double[] row : temp) {
            n += row[t] != 0 ? 1 : 0;
        }
        return n > 1;
    }

    private static int firstColumn(double[][] temp, int t) {
        for (int i = 0; i < temp.length; i++) {
            if (temp[i][t] != 0) {
                return i;
            }
        }
        return 0;
    }

    /** R zph1's {@code used}: events of the stratum where the column varies, else 0; shared within a term. */
    private static int[][] used(CoxDesign d, int[] keep, double[][] temp) {
        int q = keep.length;
        int p = d.p;
        int[][] used = new int[d.strataCount()][q];
        for (int s = 0; s < used.length; s++) {
            int lo = d.strataStart[s];
            int hi = d.strataStart[s + 1];
            int dead = 0;
            for (int k = lo; k < hi; k++) {
                dead += d.event[k] ? 1 : 0;
            }
            for (int i = 0; i < q; i++) {
                double first = d.x[lo * p + keep[i]];
                for (int k = lo + 1; k < hi; k++) {
                    if (d.x[k * p + keep[i]] != first) {
                        used[s][i] = dead;
                        break;
                    }
                }
            }
        }
        // R: for a term of several columns with any zero, every column gets the row-wise maximum
        for (int t = 0; t < temp[0].length; t++) {
            if (!isWide(temp, t)) {
                continue;
            }
            boolean zero = false;
            for (int[] row : used) {
                for (int i = 0; i < q; i++) {
                    zero |= temp[i][t] != 0 && row[i] == 0;
                }
            }
            if (!zero) {
                continue;
            }
            for (int[] row : used) {
                int max = 0;
                for (int i = 0; i < q; i++) {
                    max = temp[i][t] != 0 ? Math.max(max, row[i]) : max;
                }
                for (int i = 0; i < q; i++) {
                    row[i] = temp[i][t] != 0 ? max : row[i];
                }
            }
        }
        return used;
    }

    /** {@code vmean = I / wtmat} (q x q row-major), I the inverse of the model variance of the kept columns. */
    private static double[] vmean(CoxResult fit, int[] keep, int[][] used) {
        int q = keep.length;
        double[][] naive = fit.naiveVariance();
        double[] v = new double[q * q];
        for (int i = 0; i < q; i++) {
            for (int j = 0; j < q; j++) {
                v[i * q + j] = naive[keep[i]][keep[j]];
            }
        }
        double[] vmean = ProportionalHazardsTest.invert(v, q);
        for (int i = 0; i < q; i++) {
            for (int j = 0; j < q; j++) {
                int w = 0;
                for (int[] row : used) {
                    w += Math.min(row[i], row[j]);
                }
                vmean[i * q + j] /= w == 0 ? 1 : w;
            }
        }
        return vmean;
    }

    /** temp' vmean temp (terms x terms, row-major). */
    private static double[] collapse(double[] vmean, double[][] temp, int q, int nt) {
        double[] vm = new double[nt * nt];
        for (int a = 0; a < nt; a++) {
            for (int b = 0; b < nt; b++) {
                double sum = 0;
                for (int i = 0; i < q; i++) {
                    for (int j = 0; j < q; j++) {
                        sum += temp[i][a] * vmean[i * q + j] * temp[j][b];
                    }
                }
                vm[a * nt + b] = sum;
            }
        }
        return vm;
    }

    private static int[] usedTerms(int[] usedTerm) {
        int m = 0;
        int[] k = new int[usedTerm.length];
        for (int t = 0; t < usedTerm.length; t++) {
            if (usedTerm[t] > 0) {
                k[m++] = t;
            }
        }
        return Arrays.copyOf(k, m);
    }

    /** vm[k, k] (row-major). */
    private static double[] sub(double[] vm, int nt, int[] k) {
        int m = k.length;
        double[] sub = new double[m * m];
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < m; b++) {
                sub[a * m + b] = vm[k[a] * nt + k[b]];
            }
        }
        return sub;
    }

    /**
     * One event's row: the collapsed residual r times vmean[k, k]^-1 ({@code inv}) over the terms k
     * its stratum uses, NaN for the others; unscaled when the stratum uses none (as R leaves it).
     */
    private static void scaleRow(double[] schoen, int[] keep, double[][] temp, int[] k, double[] inv, double[] r,
            double[][] y, int ev) {
        int nt = r.length;
        for (int t = 0; t < nt; t++) {
            r[t] = 0;
            for (int i = 0; i < keep.length; i++) {
                r[t] += schoen[keep[i]] * temp[i][t];
            }
        }
        int m = k.length;
        for (int t = 0; t < nt; t++) {
            y[t][ev] = m == 0 ? r[t] : Double.NaN;
        }
        for (int a = 0; a < m; a++) {
            double sum = 0;
            for (int b = 0; b < m; b++) {
                sum += r[k[b]] * inv[b * m + a];
            }
            y[k[a]][ev] = sum;
        }
    }
}
