package io.survkit.relative;

/**
 * Exact integration of a subject's population hazard along its path through the rate table (R's
 * {@code pystep} loop in survival's {@code pyears3b} and relsurv's {@code netwei}): starting at age
 * a and date y (days), the path of length ℓ is cut at every age and year boundary it crosses;
 * each piece contributes its length times the rate of the cell at its start.
 */
final class ExactHazard {
    private ExactHazard() {
    }

    /**
     * ∫ λ over the path of length {@code length} from age {@code age} and date {@code date}.
     *
     * @param zeroAsTiny count a rate of 0 as 1e-9 (relsurv's {@code netwei}: Ederer I, Hakulinen)
     */
    static double integrate(RateTable t, int sex, double age, double date, double length, boolean zeroAsTiny) {
        double remaining = length;
        double hazard = 0;
        double a = age;
        double y = date;
        while (remaining > 0) {
            int ja = firstAbove(t, true, a);
            int jy = firstAbove(t, false, y);
            double piece = remaining;
            if (ja < t.ageCount()) {
                piece = Math.min(piece, t.ageCut(ja) - a);
            }
            if (jy < t.yearCount()) {
                piece = Math.min(piece, t.yearCut(jy) - y);
            }
            double rate = t.hazardOfCell(t.cell(Math.max(ja - 1, 0), sex, Math.max(jy - 1, 0)));
            if (zeroAsTiny && rate == 0) {
                rate = 1e-9;
            }
            hazard += piece * rate;
            a += piece;
            y += piece;
            remaining -= piece;
        }
        return hazard;
    }

    /** Index of the first cut strictly above {@code v} (R: the loop that stops at v < cut[j]). */
    private static int firstAbove(RateTable t, boolean ageDimension, double v) {
        int lo = 0;
        int hi = ageDimension ? t.ageCount() : t.yearCount();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            double cut = ageDimension ? t.ageCut(mid) : t.yearCut(mid);
            if (v < cut) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
