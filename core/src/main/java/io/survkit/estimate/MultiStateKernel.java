package io.survkit.estimate;

import io.survkit.internal.Sorting;
import java.util.Arrays;

/**
 * The Aalen-Johansen sweep of one curve, as R survival's {@code survfitci.c} (3.5-3): the rows in
 * exit-time order, subjects entering the risk set when their entry time is before the current
 * time, and at each time with a transition the hazard matrix H (rows: from-state; off-diagonal =
 * weighted transitions / weighted number at risk in the from-state, diagonal = 1 - the row's sum)
 * updates p(t) = p(t-) H, the cumulative hazards A += H - I and the per-subject influence
 * U = U H + dH (Aalen, Borgan and Fekyaer 2001; survival's "Multi-state" noweb), whose weighted
 * sum of squares is the infinitesimal-jackknife variance of p(t).
 *
 * <p>Cost: O(rows log rows) for the sorts, then per time with a transition O(entered subjects x
 * states x active states) for U (R: every subject x states^2), where the active states are those
 * left at that time: H's other rows are identity rows, whose exact-zero terms are skipped, so
 * every sum keeps R's order and its bits.
 */
final class MultiStateKernel {
    private MultiStateKernel() {
    }

    /** The arrays of one fitted curve; {@code [time][state]} flattened as {@code time * states + state}. */
    record Curve(double[] time, int[] nRisk, int[] nEvent, int[] nCensor, double[] pstate, double[] stdErr,
            double[] cumhaz, double[] p0) {
    }

    /**
     * The stable order of {@code rows} by {@code keys[row]} (R's {@code order}: ties keep their order).
     */
    static int[] stableOrder(double[] keys, int[] rows) {
        int n = rows.length;
        double[] k = new double[n];
        int[] p = rows.clone();
        for (int i = 0; i < n; i++) {
            k[i] = keys[p[i]];
        }
        Sorting.sort(k, p, 0, n);
        int i = 0;
        while (i < n) {
            int j = i + 1;
            while (j < n && k[j] == k[i]) {
                j++;
            }
            if (j - i > 1) {
                Arrays.sort(p, i, j);
            }
            i = j;
        }
        return p;
    }

    /**
     * R's {@code docurve2} + {@code survfitci} for the rows {@code rows} (ascending data order) of
     * one curve.
     *
     * @param entry entry time per data row
     * @param exit exit time per data row
     * @param status 0 = censored, else the 1-based state entered
     * @param istate 0-based state occupied during each row
     * @param wt case weight per row
     * @param id subject code per row (0-based, R's sorted id levels)
     * @param ids number of subject codes
     * @param nstate number of states
     */
    static Curve fit(int[] rows, double[] entry, double[] exit, int[] status, int[] istate, double[] wt, int[] id,
            int ids, int nstate) {
        int n = rows.length;
        // subjects of this curve in id order (R: uid <- sort(unique(id)))
        int[] local = new int[ids];
        Arrays.fill(local, -1);
        for (int r : rows) {
            local[id[r]] = 0;
        }
        int nperson = 0;
        for (int c = 0; c < ids; c++) {
            if (local[c] == 0) {
                local[c] = nperson++;
            }
        }
        int[] pid = new int[n];
        double[] en = new double[n];
        double[] ex = new double[n];
        int[] st = new int[n];
        double[] w = new double[n];
        for (int k = 0; k < n; k++) {
            int r = rows[k];
            pid[k] = local[id[r]];
            en[k] = entry[r];
            ex[k] = exit[r];
            st[k] = status[r];
            w[k] = wt[r];
        }
        int[] all = new int[n];
        for (int k = 0; k < n; k++) {
            all[k] = k;
        }
        int[] sort1 = stableOrder(en, all);
        int[] sort2 = stableOrder(ex, all);
        // initial state of each subject: the istate of its first row by entry (R: order(id, entry))
        int[] cstate = new int[nperson];
        Arrays.fill(cstate, -1);
        for (int e = 0; e < n; e++) {
            int k = sort1[e];
            if (cstate[pid[k]] < 0) {
                cstate[pid[k]] = istate[rows[k]];
            }
        }
        double[] p = initial(en, ex, st, w, rows, istate, nstate);
        double[] p0 = p.clone();
        int ntime = 0;
        for (int k = 0; k < n; k++) {
            if (k == 0 || ex[sort2[k]] != ex[sort2[k - 1]]) {
                ntime++;
            }
        }
        return sweep(new Sweep(en, ex, st, w, pid, sort1, sort2, cstate, nperson, nstate, ntime,
                new boolean[nstate]), p, p0);
    }

    /** R docurve2's p0: the weighted shares of the states among rows at risk at the first transition. */
    private static double[] initial(double[] en, double[] ex, int[] st, double[] w, int[] rows, int[] istate,
            int nstate) {
        int n = en.length;
        boolean anyEvent = false;
        double t0 = Double.POSITIVE_INFINITY;
        double tmax = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            tmax = Math.max(tmax, ex[k]);
            if (st[k] != 0) {
                anyEvent = true;
                t0 = Math.min(t0, ex[k]);
            }
        }
        if (!anyEvent) {
            t0 = tmax;
        }
        double[] sum = new double[nstate];
        double wtsum = 0;
        for (int k = 0; k < n; k++) {
            if (en[k] < t0 && ex[k] >= t0) {
                wtsum += w[k];
                sum[istate[rows[k]]] += w[k];
            }
        }
        double[] p = new double[nstate];
        for (int s = 0; s < nstate; s++) {
            p[s] = sum[s] / wtsum;
        }
        return p;
    }

    /** The sorted rows of one curve and its sizes. */
    private record Sweep(double[] entry, double[] exit, int[] status, double[] wt, int[] id, int[] sort1, int[] sort2,
            int[] cstate, int nperson, int nstate, int ntime, boolean[] active) {
    }

    private static Curve sweep(Sweep s, double[] p, double[] p0) {
        int n = s.entry.length;
        int ns = s.nstate;
        int np = s.nperson;
        int nt = s.ntime;
        int[] cstate = s.cstate;
        double[] time = new double[nt];
        int[] nrisk = new int[nt * ns];
        int[] nevent = new int[nt * ns];
        int[] ncensor = new int[nt];
        double[] pmat = new double[nt * ns];
        double[] vmat = new double[nt * ns];
        double[] cumhaz = new double[nt * ns * ns];
        double[] ws = new double[ns];
        double[] temp2 = new double[ns];
        int[] nIn = new int[ns];
        int[] nev = new int[ns];
        boolean[] atrisk = new boolean[np];
        // subjects not yet entered have zero influence and weight
        boolean[] entered = new boolean[np];
        int[] dstate = cstate.clone();
        double[] wtp = new double[np];
        double[] hmat = new double[ns * ns];
        double[] chaz = new double[ns * ns];
        double[] umat = new double[np * ns];
        int eptr = 0;
        int itime = 0;
        for (int i = 0; i < n;) {
            double ctime = s.exit[s.sort2[i]];
            for (; eptr < n; eptr++) {
                int k = s.sort1[eptr];
                if (!(s.entry[k] < ctime)) {
                    break;
                }
                int kk = cstate[s.id[k]];
                nIn[kk]++;
                ws[kk] += s.wt[k];
                wtp[s.id[k]] = s.wt[k];
                atrisk[s.id[k]] = true;
                entered[s.id[k]] = true;
            }
            Arrays.fill(hmat, 0);
            Arrays.fill(nev, 0);
            double wevent = 0;
            for (int j = i; j < n; j++) {
                int k = s.sort2[j];
                if (s.exit[k] != ctime) {
                    break;
                }
                if (s.status[k] > 0) {
                    int newstate = s.status[k] - 1;
                    int oldstate = cstate[s.id[k]];
                    if (oldstate != newstate) {
                        // a "move" to the same state does not count (survfitci.c)
                        dstate[s.id[k]] = newstate;
                        nev[newstate]++;
                        wevent += s.wt[k];
                        hmat[oldstate * ns + newstate] += s.wt[k];
                    }
                } else {
                    ncensor[itime]++;
                }
            }
            if (wevent > 0) {
                transition(s, p, ws, nIn, hmat, chaz, umat, temp2, atrisk, entered, dstate);
            }
            time[itime] = ctime;
            for (int j = 0; j < ns; j++) {
                pmat[itime * ns + j] = p[j];
                nrisk[itime * ns + j] = nIn[j];
                nevent[itime * ns + j] = nev[j];
                double v = 0;
                for (int k = 0; k < np; k++) {
                    if (entered[k]) {
                        double u = wtp[k] * umat[k * ns + j];
                        v += u * u;
                    }
                }
                vmat[itime * ns + j] = Math.sqrt(v);
            }
            System.arraycopy(chaz, 0, cumhaz, itime * ns * ns, ns * ns);
            for (; i < n; i++) {
                int j = s.sort2[i];
                if (s.exit[j] != ctime) {
                    break;
                }
                int oldstate = cstate[s.id[j]];
                nIn[oldstate]--;
                ws[oldstate] -= s.wt[j];
                if (s.status[j] > 0) {
                    cstate[s.id[j]] = s.status[j] - 1;
                }
                atrisk[s.id[j]] = false;
            }
            itime++;
        }
        return new Curve(time, nrisk, nevent, ncensor, pmat, vmat, cumhaz, p0);
    }

    /** One time with transitions: H, then U = U H + dH, A += H - I and p = p H (survfitci.c). */
    private static void transition(Sweep s, double[] p, double[] ws, int[] nIn, double[] hmat, double[] chaz,
            double[] umat, double[] temp2, boolean[] atrisk, boolean[] entered, int[] dstate) {
        int ns = s.nstate;
        for (int j = 0; j < ns; j++) {
            if (nIn[j] > 0) {
                double temp = 0;
                for (int k = 0; k < ns; k++) {
                    temp += hmat[j * ns + k];
                    hmat[j * ns + k] /= ws[j];
                }
                hmat[j * ns + j] = 1 - temp / ws[j];
            } else {
                hmat[j * ns + j] = 1.0;
            }
        }
        // U = U H. A state without transitions at this time has an identity row in H, and a subject not yet
        // entered has a zero row in U: their terms are exact zeros (or exact copies), so they are skipped and
        // every sum keeps survfitci.c's order and bits
        boolean[] active = s.active;
        for (int j = 0; j < ns; j++) {
            active[j] = false;
            for (int k = 0; k < ns; k++) {
                active[j] |= k != j && hmat[j * ns + k] != 0;
            }
        }
        for (int j = 0; j < s.nperson; j++) {
            if (!entered[j]) {
                continue;
            }
            int row = j * ns;
            for (int k = 0; k < ns; k++) {
                double t = 0;
                for (int kk = 0; kk < ns; kk++) {
                    if (kk == k || active[kk]) {
                        t += umat[row + kk] * hmat[kk * ns + k];
                    }
                }
                temp2[k] = t;
            }
            System.arraycopy(temp2, 0, umat, row, ns);
        }
        int[] cstate = s.cstate;
        for (int j = 0; j < s.nperson; j++) {
            if (atrisk[j]) {
                int old = cstate[j];
                for (int k = 0; k < ns; k++) {
                    umat[j * ns + k] -= hmat[old * ns + k] * p[old] / ws[old];
                }
                umat[j * ns + dstate[j]] += p[old] / ws[old];
            }
        }
        for (int j = 0; j < ns; j++) {
            for (int k = 0; k < ns; k++) {
                chaz[j * ns + k] += hmat[j * ns + k];
            }
            chaz[j * ns + j] -= 1;
            double t = 0;
            for (int k = 0; k < ns; k++) {
                t += p[k] * hmat[k * ns + j];
            }
            temp2[j] = t;
        }
        System.arraycopy(temp2, 0, p, 0, ns);
    }
}
