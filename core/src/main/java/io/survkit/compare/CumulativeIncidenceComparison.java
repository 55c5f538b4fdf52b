package io.survkit.compare;

import io.survkit.data.ModelFrame;
import io.survkit.data.SurvivalData;
import io.survkit.data.Terms;
import io.survkit.estimate.CifMethod;
import io.survkit.estimate.CumulativeIncidence;
import io.survkit.estimate.CumulativeIncidenceResult;
import io.survkit.internal.Check;
import io.survkit.internal.Memory;
import java.util.ArrayList;
import java.util.List;

/**
 * R {@code cmprsk::cuminc(ftime, fstatus, group, strata, rho)} as one call: the cumulative
 * incidence curves ({@link CumulativeIncidence}) and, with two or more groups, Gray's test per cause
 * ({@link GrayTest}, stratified by a strata column) attached to them, so that the result prints and
 * exports as cuminc shows its {@code Tests} beside the estimates. Estimating curves alone never runs a
 * test; this composite is where the two meet. Immutable; each {@code with...} returns a new instance.
 *
 * <p>Defaults ({@link #withDefaults()}): {@link CifMethod#CUMINC}, Gray's {@code rho = 0}. With
 * {@link CifMethod#AALEN_JOHANSEN} (R {@code survfit}, which has no test) only the curves are fitted.
 * When Gray's test of many groups would not fit the heap, the curves are kept and the test is left
 * out with a warning that says why; above 50 groups a warning says that such a test is unwise.
 *
 * <pre>{@code
 * CumulativeIncidenceResult r = CumulativeIncidenceComparison.withDefaults().fit(data, "group");
 * System.out.println(r);                          // cuminc's Tests, then estimates and variances
 * r.test().ifPresent(t -> System.out.println(t.pValue(0)));
 * }</pre>
 */
public final class CumulativeIncidenceComparison {
    /** Above this many groups a K-sample test gets a note that it is unwise. */
    static final int MANY_GROUPS = 50;

    private static final CumulativeIncidenceComparison DEFAULTS =
            new CumulativeIncidenceComparison(CifMethod.CUMINC, 0);

    private final CifMethod method;
    private final double rho;

    private CumulativeIncidenceComparison(CifMethod method, double rho) {
        this.method = method;
        this.rho = rho;
    }

    /**
     * cuminc's defaults: {@link CifMethod#CUMINC} curves and Gray's test with {@code rho = 0}.
     *
     * @return the shared default instance
     */
    public static CumulativeIncidenceComparison withDefaults() {
        return DEFAULTS;
    }

    /**
     * The same comparison with curves by {@code method}; {@link CifMethod#AALEN_JOHANSEN} has no test.
     *
     * @param method the estimator
     * @return a new instance
     */
    public CumulativeIncidenceComparison withMethod(CifMethod method) {
        return new CumulativeIncidenceComparison(Check.notNull("method", method), rho);
    }

    /**
     * The same comparison whose Gray's test weighs each time by S(t-)^rho of the pooled cause's
     * subdistribution (cmprsk {@code cuminc(rho = )}; 0 = the log-rank-like default).
     *
     * @param rho the weight exponent, finite
     * @return a new instance
     */
    public CumulativeIncidenceComparison withRho(double rho) {
        return new CumulativeIncidenceComparison(method, Check.finite("Gray's test rho", rho));
    }

    /**
     * The estimator.
     *
     * @return the method
     */
    public CifMethod method() {
        return method;
    }

    /**
     * Gray's test weight exponent.
     *
     * @return rho
     */
    public double rho() {
        return rho;
    }

    /**
     * Curves and Gray's test per group of the formula's columns ({@code "1"}: one group, no test).
     *
     * @param data competing-risks data
     * @param formula the grouping, e.g. {@code "group"} or {@code "group + strata(centre)"}
     * @return the curves with the test attached
     */
    public CumulativeIncidenceResult fit(SurvivalData data, String formula) {
        return fit(ModelFrame.of(Check.notNull("data", data), Terms.parse(Check.notNull("formula", formula))));
    }

    /**
     * Curves and Gray's test per group of {@code data}.
     *
     * @param data competing-risks data resolved for the grouping
     * @return the curves with the test attached
     * @throws IllegalArgumentException as {@link CumulativeIncidence#fit(ModelFrame)} and {@link GrayTest#test(ModelFrame)}
     */
    public CumulativeIncidenceResult fit(ModelFrame data) {
        CumulativeIncidenceResult curves = CumulativeIncidence.withDefaults().withMethod(method).fit(data);
        int ng = curves.groups().size();
        if (method != CifMethod.CUMINC || ng < 2) {
            return curves;
        }
        List<String> notes = new ArrayList<>();
        int causes = data.causes().size();
        if (!GrayTest.fits(ng, causes, data.rowCount())) {
            // the curves need O(n) memory; only the test is quadratic in the groups: leave it out, say why
            notes.add(Check.format("Gray's test of %d groups was not computed: its %d x %d variance matrices"
                    + " need %s, more than the heap has free; %s", ng, ng - 1, ng - 1,
                    Memory.size(GrayTest.workBytes(ng, causes, data.rowCount())), GrayTest.UNWISE_ADVICE));
            return curves.withTest(null, notes);
        }
        if (ng > MANY_GROUPS) {
            notes.add(Check.format("Gray's test compares %d groups at once (%d degrees of freedom, %.1f"
                    + " rows per group): %s", ng, ng - 1, data.rowCount() / (double) ng, GrayTest.UNWISE_ADVICE));
        }
        GrayTestResult gray = GrayTest.withDefaults().withRho(rho).test(data);
        notes.addAll(gray.warnings()); // fewer than 5 events of a cause per group
        return curves.withTest(gray, notes);
    }

    @Override
    public String toString() {
        return "CumulativeIncidenceComparison[method=" + method + ", rho=" + rho + "]";
    }
}
