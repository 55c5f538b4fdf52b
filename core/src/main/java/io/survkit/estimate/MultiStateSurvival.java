package io.survkit.estimate;

import io.survkit.data.Factor;
import io.survkit.data.ModelFrame;
import io.survkit.data.SurvivalData;
import io.survkit.data.Terms;
import io.survkit.internal.Check;
import io.survkit.internal.Probabilities;
import io.survkit.internal.Sorting;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Aalen-Johansen estimates for general multi-state data, as R
 * {@code survfit(Surv(t1, t2, state) ~ g, data, id = id, weights = w, istate = s)} (survival 3.5-3,
 * {@code survfitCI}): per group the probability of being in each state (pstate), the cumulative
 * hazard of each observed transition, the number at risk in each state, the infinitesimal-jackknife
 * standard errors and their confidence limits (log transform by default). Competing risks are the
 * special case of one starting state and absorbing causes; illness-death data have one row per
 * subject and state visited. Immutable; each {@code with...} returns a new instance.
 *
 * <p>Data: {@link SurvivalData} whose status column holds the state entered at the end of each row
 * ({@code causes(column, censorValue)}: the censoring value, then the states in R's factor order),
 * optional entry times ({@code start}: delayed entry, (start, stop] rows), case weights and the
 * subject identifier ({@code id}, required with entry times: the rows of one subject form its
 * path). The state occupied during each row is chained from the subject's initial state (the
 * {@link #withInitialStateColumn(String) istate} column of its first row, else {@code "(s0)"}) and
 * the states its rows end in, as R's {@code survcheck}; overlapping rows, gaps, and initial states
 * that contradict the chain are refused as R refuses them. Censored rows that a subject's next row
 * continues are merged with it (R's {@code survflag}).
 *
 * <p>Defaults ({@link #withDefaults()}): 95% limits, {@link ConfidenceIntervalType#LOG}, no
 * {@code istate} column.
 *
 * <pre>{@code
 * SurvivalData d = SurvivalData.csv(Path.of("mgus2_ms.csv")).start("tstart").time("tstop")
 *         .causes("event", "censor").id("id").read();
 * MultiStateResult fit = MultiStateSurvival.withDefaults().fit(d, "sex");
 * double pcm = fit.curve(0).probabilityAt(120, "pcm");     // P(in state pcm at 120 months | sex=F)
 * MultiStateSummary at = fit.summary(60, 120);              // R summary(fit, times = c(60, 120))
 * }</pre>
 */
public final class MultiStateSurvival {
    /** The state of subjects without an {@code istate} (R's {@code "(s0)"}). */
    public static final String INITIAL_STATE = "(s0)";

    private static final MultiStateSurvival DEFAULTS = new MultiStateSurvival(0.95, ConfidenceIntervalType.LOG, null);

    private final double confidenceLevel;
    private final ConfidenceIntervalType confidenceIntervalType;
    private final String initialStateColumn;

    private MultiStateSurvival(double confidenceLevel, ConfidenceIntervalType type, String initialStateColumn) {
        this.confidenceLevel = confidenceLevel;
        this.confidenceIntervalType = type;
        this.initialStateColumn = initialStateColumn;
    }

    /** {@return 95% log-transformed limits, every subject starting in {@code "(s0)"}} */
    public static MultiStateSurvival withDefaults() {
        return DEFAULTS;
    }

    /**
     * The same estimator with limits at {@code level} (R {@code conf.int}), in (0, 1).
     *
     * @param level the confidence level, in (0, 1)
     * @return the same estimator with limits at {@code level} (R {@code conf.int}), in (0, 1)
     */
    public MultiStateSurvival withConfidenceLevel(double level) {
        return new MultiStateSurvival(Check.openUnit("confidence level", level), confidenceIntervalType,
                initialStateColumn);
    }

    /**
     * The same estimator with limits on the scale {@code type} (R {@code conf.type}).
     *
     * @param type the confidence interval scale
     * @return the same estimator with limits on the scale {@code type} (R {@code conf.type})
     */
    public MultiStateSurvival withConfidenceIntervalType(ConfidenceIntervalType type) {
        return new MultiStateSurvival(confidenceLevel, Check.notNull("confidence interval type", type),
                initialStateColumn);
    }

    /**
     * The same estimator reading each row's initial state from {@code column} (R {@code istate}):
     * the state of a subject's first row starts its path.
     *
     * @param column the column of initial states
     * @return the estimator reading initial states
     */
    public MultiStateSurvival withInitialStateColumn(String column) {
        return new MultiStateSurvival(confidenceLevel, confidenceIntervalType,
                Check.notNull("initial state column", column));
    }

    /** {@return the confidence level} */
    public double confidenceLevel() {
        return confidenceLevel;
    }

    /** {@return the confidence interval scale} */
    public ConfidenceIntervalType confidenceIntervalType() {
        return confidenceIntervalType;
    }

    /** {@return the {@code istate} column, if any} */
    public Optional<String> initialStateColumn() {
        return Optional.ofNullable(initialStateColumn);
    }

    /**
     * Fits one curve per group of the formula's columns ({@code "1"} or {@code ""}: one curve).
     *
     * @param data multi-state data
     * @param formula the grouping, e.g. {@code "sex"}
     * @return the curves
     */
    public MultiStateResult fit(SurvivalData data, String formula) {
        return fit(data, Terms.parse(Check.notNull("formula", formula)));
    }

    /**
     * Fits one curve per group of {@code terms}.
     *
     * @param data multi-state data
     * @param terms the grouping terms
     * @return the curves
     * @throws IllegalArgumentException for (start, stop] rows without an id, overlapping rows,
     *     gaps, initial states contradicting a subject's path, or no complete row
     */
    public MultiStateResult fit(SurvivalData data, Terms terms) {
        Check.notNull("data", data);
        Check.notNull("terms", terms);
        SurvivalData d = data;
        int dropped = 0;
        if (initialStateColumn != null) {
            String[] lab = data.labels(initialStateColumn);
            int[] keep = new int[lab.length];
            int m = 0;
            for (int i = 0; i < lab.length; i++) {
                if (lab[i] != null) {
                    keep[m++] = i;
                }
            }
            if (m < lab.length) {
                d = data.rows(java.util.Arrays.copyOf(keep, m));
                dropped = lab.length - m;
            }
        }
        ModelFrame f = ModelFrame.of(d, terms);
        String[] istate = null;
        if (initialStateColumn != null) {
            String[] lab = d.labels(initialStateColumn);
            int[] rows = f.dataRows();
            istate = new String[rows.length];
            for (int k = 0; k < rows.length; k++) {
                istate[k] = lab[rows[k]];
            }
        }
        return fit(f, istate, dropped + f.omittedRows());
    }

    private MultiStateResult fit(ModelFrame f, String[] istateLabels, int omitted) {
        int n = f.rowCount();
        if (f.strata().isPresent()) {
            throw Check.fail("strata column '%s': multi-state curves take group columns only",
                    f.strata().orElseThrow().name());
        }
        // states: istate levels that are not end states, then the end states (R survcheck2)
        List<String> states = new ArrayList<>();
        int[] ist = new int[n];
        if (istateLabels == null) {
            states.add(INITIAL_STATE);
        } else {
            for (String l : Factor.defaultLevels(istateLabels)) {
                if (!f.causes().contains(l)) {
                    states.add(l);
                }
            }
        }
        int first = states.size();
        states.addAll(f.causes());
        if (istateLabels != null) {
            for (int i = 0; i < n; i++) {
                ist[i] = states.indexOf(istateLabels[i]);
            }
        }
        int[] status = new int[n];
        for (int i = 0; i < n; i++) {
            status[i] = f.status(i) == 0 ? 0 : first + f.status(i);
        }
        double[] exit = f.times();
        boolean counting = f.hasStart();
        Factor idf = f.id().orElse(null);
        if (idf == null && counting) {
            throw Check.fail("(start, stop] rows (start column '%s') need a subject id (R: an id statement is "
                    + "required for start,stop data); name the id column", f.startColumn().orElseThrow());
        }
        int ids = idf == null ? n : idf.levelCount();
        int[] id = new int[n];
        for (int i = 0; i < n; i++) {
            id[i] = idf == null ? i : idf.code(i);
        }
        double[] entry = new double[n];
        if (counting) {
            for (int i = 0; i < n; i++) {
                entry[i] = f.start(i);
            }
        } else {
            double t0 = 0;
            for (double t : exit) {
                t0 = Math.min(t0, t);
            }
            java.util.Arrays.fill(entry, t0 - 1);
        }
        double[] wt = new double[n];
        for (int i = 0; i < n; i++) {
            wt[i] = f.hasWeights() ? f.weight(i) : 1.0;
        }
        Paths paths = Paths.check(f, idf, counting, entry, exit, status, ist, istateLabels != null, states);
        int[] transitions = paths.transitions(states.size());
        boolean[] alive = counting ? paths.mergeContinued(entry) : null;
        Factor g = f.groups().orElse(null);
        int groups = g == null ? 1 : g.levelCount();
        int[] code = new int[n];
        int[] count = new int[groups];
        int used = 0;
        for (int i = 0; i < n; i++) {
            if (alive == null || alive[i]) {
                code[i] = g == null ? 0 : g.code(i);
                count[code[i]]++;
                used++;
            } else {
                code[i] = -1;
            }
        }
        double z = Probabilities.normalQuantile(1 - (1 - confidenceLevel) / 2);
        List<MultiStateCurve> curves = new ArrayList<>();
        for (int c = 0; c < groups; c++) {
            if (count[c] == 0) {
                continue;
            }
            int[] rows = new int[count[c]];
            int m = 0;
            for (int i = 0; i < n; i++) {
                if (code[i] == c) {
                    rows[m++] = i;
                }
            }
            MultiStateKernel.Curve k = MultiStateKernel.fit(rows, entry, exit, status, paths.state, wt, id, ids,
                    states.size());
            curves.add(new MultiStateCurve(g == null ? "all" : g.label(c), rows.length, states, transitions, k,
                    confidenceIntervalType, z));
        }
        return new MultiStateResult(states, transitions, curves, confidenceLevel, confidenceIntervalType, used,
                omitted, f.warnings());
    }

    @Override
    public String toString() {
        return "MultiStateSurvival[conf.int=" + confidenceLevel + ", conf.type=" + confidenceIntervalType.rName()
                + (initialStateColumn == null ? "" : ", istate=" + initialStateColumn) + "]";
    }

    /**
     * The subjects' paths (R's {@code survcheck2} and {@code multicheck.c}): rows in (id, exit)
     * order, each row's state chained from the subject's initial state and the states its earlier
     * rows ended in.
     */
    private static final class Paths {
        final int[] order;
        final int[] state;
        final int[] id;
        final int[] status;
        final double[] exit;

        private Paths(int[] order, int[] state, int[] id, int[] status, double[] exit) {
            this.order = order;
            this.state = state;
            this.id = id;
            this.status = status;
            this.exit = exit;
        }

        static Paths check(ModelFrame f, Factor idf, boolean counting, double[] entry, double[] exit, int[] status,
                int[] given, boolean hasGiven, List<String> states) {
            int n = exit.length;
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            // R: order(id, y[, 2], y[, 1]) for (start, stop] rows, order(id, y[, 1]) for right-censored rows
            int[] order = counting ? MultiStateKernel.stableOrder(entry, all) : all;
            order = MultiStateKernel.stableOrder(exit, order);
            int[] id = new int[n];
            int ids = 0;
            for (int i = 0; i < n; i++) {
                id[i] = idf == null ? i : idf.code(i);
                ids = Math.max(ids, id[i] + 1);
            }
            Sorting.groupStable(order, id, ids);
            int[] state = new int[n];
            for (int p = 0; p < n; p++) {
                int r = order[p];
                if (p == 0 || id[order[p - 1]] != id[r]) {
                    state[r] = given[r];
                    continue;
                }
                int prev = order[p - 1];
                state[r] = status[prev] > 0 ? status[prev] - 1 : state[prev];
                double start = counting ? entry[r] : 0;
                String who = Check.format("id '%s'", idf == null ? String.valueOf(r + 1) : idf.level(id[r]));
                if (start < exit[prev]) {
                    throw Check.fail("%s: row %d starts at %s, before the subject's row %d ends at %s; a subject's "
                            + "rows must not overlap (R survcheck: overlap)", who, f.sourceRow(r), num(start),
                            f.sourceRow(prev), num(exit[prev]));
                }
                if (start > exit[prev]) {
                    throw Check.fail("%s: row %d starts at %s, after the subject's row %d ends at %s; R's survfit "
                            + "refuses gaps in a subject's path (survcheck: gap)", who, f.sourceRow(r), num(start),
                            f.sourceRow(prev), num(exit[prev]));
                }
                if (hasGiven && given[r] != state[r]) {
                    throw Check.fail("%s: row %d has initial state '%s' but the subject's earlier rows leave it in "
                            + "'%s' (R survcheck: teleport)", who, f.sourceRow(r), states.get(given[r]),
                            states.get(state[r]));
                }
            }
            return new Paths(order, state, id, status, exit);
        }

        private static String num(double v) {
            return io.survkit.internal.JsonWriter.number(v);
        }

        /**
         * The observed transitions (from, to) with at least one row, in R's order: by the state
         * entered, then the state left ({@code which(temp > 0)} on the from x to table).
         */
        int[] transitions(int nstate) {
            boolean[] seen = new boolean[nstate * nstate];
            for (int r = 0; r < status.length; r++) {
                if (status[r] > 0) {
                    seen[(status[r] - 1) * nstate + state[r]] = true;
                }
            }
            int m = 0;
            int[] out = new int[nstate * nstate];
            for (int to = 0; to < nstate; to++) {
                for (int from = 0; from < nstate; from++) {
                    if (seen[to * nstate + from]) {
                        out[m++] = from * nstate + to;
                    }
                }
            }
            return java.util.Arrays.copyOf(out, m);
        }

        /**
         * R survfitCI: a censored row that neither starts nor ends a subject's run of contiguous rows
         * is merged into the next row (its entry time moves to the next row). Returns which rows remain.
         */
        boolean[] mergeContinued(double[] entry) {
            int n = order.length;
            boolean[] alive = new boolean[n];
            java.util.Arrays.fill(alive, true);
            double carry = Double.NaN;
            for (int p = 0; p < n; p++) {
                int r = order[p];
                boolean firstOfRun = p == 0 || id[order[p - 1]] != id[r] || exit[order[p - 1]] < entry[r];
                boolean lastOfRun = p == n - 1 || id[order[p + 1]] != id[r] || exit[r] < entry[order[p + 1]];
                if (!firstOfRun && !lastOfRun && status[r] == 0) {
                    if (Double.isNaN(carry)) {
                        carry = entry[r];
                    }
                    alive[r] = false;
                } else if (!Double.isNaN(carry)) {
                    entry[r] = carry;
                    carry = Double.NaN;
                }
            }
            return alive;
        }
    }
}
