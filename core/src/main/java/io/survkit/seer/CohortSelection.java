package io.survkit.seer;

import io.survkit.data.Factor;
import io.survkit.data.SurvivalData;
import io.survkit.internal.Parse;
import io.survkit.internal.Check;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of reading a registry export: the records read, the records excluded and why (an
 * ordered table, reason to count, as in a CONSORT flow diagram), and the analysed cohort as
 * {@link SurvivalData} for the chosen {@link Endpoint}, with the treatment arm as group. Immutable.
 *
 * <pre>{@code
 * CohortSelection cohort = SeerReader.withDefaults().withEndpoint(Endpoint.CANCER_SPECIFIC)
 *         .withArms(ArmDefinition.chemotherapyWithOrWithoutSurgery()).read(Path.of("export.csv"));
 * cohort.exclusions();   // {survival months not calculated ... = 4, survival months unknown = 5, ...}
 * SurvivalData css = cohort.data();
 * }</pre>
 */
public final class CohortSelection {
    /** Reason: "Survival months flag" = not calculated (death certificate or autopsy only case). */
    public static final String SURVIVAL_NOT_CALCULATED =
            "survival not calculated (death certificate or autopsy only)";
    /** Reason: "Survival months" = "Unknown". */
    public static final String SURVIVAL_MONTHS_UNKNOWN = "survival months unknown";
    /** Reason: cause-specific classification "N/A not first tumor" (cause-specific endpoints). */
    public static final String NOT_FIRST_TUMOR = "cause of death not classified (not first tumor)";
    /** Reason: "Dead (missing/unknown COD)" when the endpoint excludes unknown causes. */
    public static final String CAUSE_OF_DEATH_UNKNOWN = "cause of death unknown";

    private final String source;
    private final int records;
    private final Map<String, int[]> excluded;
    private final Endpoint endpoint;
    private final ArmDefinition arms;
    private final String monthsColumn;
    private final String vitalColumn;
    private final String causeColumn;
    private final boolean hasCause;
    private final double[] months;
    private final Outcome[] outcome;
    private final boolean[] classified;
    private final int[] arm;
    private final int[] fileRows;
    private final List<CovariateColumn> covariates;
    private final SurvivalData data;

    /** One covariate's values on the included rows. */
    static final class CovariateColumn {
        final String name;
        final String header;
        final boolean factor;
        final String reference;
        final double[] numbers;
        final String[] labels;

        CovariateColumn(String name, String header, boolean factor, String reference, double[] numbers,
                String[] labels) {
            this.name = name;
            this.header = header;
            this.factor = factor;
            this.reference = reference;
            this.numbers = numbers;
            this.labels = labels;
        }
    }

    CohortSelection(String source, int records, Map<String, int[]> excluded, Endpoint endpoint, ArmDefinition arms,
            String monthsColumn, String vitalColumn, String causeColumn, boolean hasCause, double[] months,
            Outcome[] outcome, boolean[] classified, int[] arm, int[] fileRows, List<CovariateColumn> covariates) {
        this.source = source;
        this.records = records;
        this.excluded = excluded;
        this.endpoint = endpoint;
        this.arms = arms;
        this.monthsColumn = monthsColumn;
        this.vitalColumn = vitalColumn;
        this.causeColumn = causeColumn;
        this.hasCause = hasCause;
        this.months = months;
        this.outcome = outcome;
        this.classified = classified;
        this.arm = arm;
        this.fileRows = fileRows;
        this.covariates = List.copyOf(covariates);
        if (months.length == 0) {
            throw Check.fail("no record of %s is left after the exclusions:%n%s", source, table(false));
        }
        this.data = build(endpoint);
    }

    /** {@return name of the source (file name)} */
    public String source() {
        return source;
    }

    /** {@return number of data records read (header excluded)} */
    public int recordsRead() {
        return records;
    }

    /**
     * Exclusions in the order they were applied: reason to number of records excluded for it (each
     * record counted once, under the first reason that applies). Reasons that could apply are listed
     * even with 0.
     *
     * @return exclusions in the order they were applied: reason to number of records excluded for it (each record counted once, under the first reason that applies)
     */
    public Map<String, Integer> exclusions() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (Map.Entry<String, int[]> e : excluded.entrySet()) {
            m.put(e.getKey(), e.getValue().length);
        }
        return Collections.unmodifiableMap(m);
    }

    /**
     * The 1-based data rows excluded for {@code reason} (empty when none).
     *
     * @param reason the reason
     * @return the 1-based data rows excluded for {@code reason} (empty when none)
     */
    public int[] excludedRows(String reason) {
        int[] r = excluded.get(reason);
        return r == null ? new int[0] : r.clone();
    }

    /** {@return total number of records excluded} */
    public int excludedCount() {
        int n = 0;
        for (int[] r : excluded.values()) {
            n += r.length;
        }
        return n;
    }

    /** {@return number of patients analysed} */
    public int size() {
        return months.length;
    }

    /** {@return patients per arm, in the arms' order (empty without arms)} */
    public Map<String, Integer> armCounts() {
        Map<String, Integer> m = new LinkedHashMap<>();
        if (arms != null) {
            int[] c = new int[arms.levels().size()];
            for (int a : arm) {
                c[a]++;
            }
            for (int j = 0; j < c.length; j++) {
                m.put(arms.levels().get(j), c[j]);
            }
        }
        return Collections.unmodifiableMap(m);
    }

    /** {@return the endpoint of {@link #data()}} */
    public Endpoint endpoint() {
        return endpoint;
    }

    /** {@return the arm definition, empty when the cohort has no arms} */
    public Optional<ArmDefinition> arms() {
        return Optional.ofNullable(arms);
    }

    /**
     * Analysed patients who died of an unknown cause: censored at death by a cause-specific endpoint
     * with {@link UnknownCause#CENSOR}, deaths for overall survival (0 when such patients were
     * excluded).
     *
     * @return analysed patients who died of an unknown cause: censored at death by a cause-specific endpoint with {@link UnknownCause#CENSOR}, deaths for overall survival (0 when such patients were excluded)
     */
    public int unknownCauseDeaths() {
        int n = 0;
        for (int i = 0; i < outcome.length; i++) {
            if (classified[i] && outcome[i] == Outcome.UNKNOWN_CAUSE_DEATH) {
                n++;
            }
        }
        return n;
    }

    /** {@return the analysed cohort for the endpoint read: time = survival months, group = arm} */
    public SurvivalData data() {
        return data;
    }

    /**
     * The same patients with another endpoint, e.g. overall survival beside cancer-specific survival.
     * Throws when that endpoint would leave out some of these patients (deaths of unknown cause, or
     * cause not classified): read with that endpoint instead so that the cohort excludes them.
     *
     * @param other the other value
     * @return the same patients with another endpoint, e.g
     */
    public SurvivalData data(Endpoint other) {
        Check.notNull("endpoint", other);
        return other.equals(endpoint) ? data : build(other);
    }

    private SurvivalData build(Endpoint e) {
        int n = months.length;
        int[] codes = new int[n];
        int notClassified = 0;
        int dropped = 0;
        for (int i = 0; i < n; i++) {
            if (e.needsCause() && !classified[i]) {
                notClassified++;
                continue;
            }
            codes[i] = e.status(outcome[i]);
            if (codes[i] == Endpoint.EXCLUDED) {
                dropped++;
            }
        }
        if (e.needsCause() && !hasCause) {
            throw Check.fail("%s needs column '%s', which %s does not have", e.displayName(), causeColumn, source);
        }
        if (notClassified > 0 || dropped > 0) {
            throw Check.fail("%d of the %d analysed patients have no classified cause of death and %d died of an"
                    + " unknown cause; endpoint %s would leave them out: read the file with withEndpoint(%s) so"
                    + " that the cohort excludes them", notClassified, n, dropped, e, e);
        }
        SurvivalData.Builder b = SurvivalData.builder().time(monthsColumn, months)
                .causes(e.needsCause() ? causeColumn : vitalColumn, codes, e.causes().toArray(new String[0]))
                .sourceRows(fileRows);
        if (arms != null) {
            String[] labels = new String[n];
            for (int i = 0; i < n; i++) {
                labels[i] = arms.levels().get(arm[i]);
            }
            b.factor(arms.name(), labels, arms.levels().toArray(new String[0]));
        }
        for (CovariateColumn c : covariates) {
            if (c.factor) {
                b.factor(c.name, c.labels, levels(c.name, c.labels, c.reference));
            } else {
                b.numeric(c.name, c.numbers);
            }
        }
        return b.build();
    }

    /** R's level order of a factor covariate: the reference first, then ascending. */
    private static String[] levels(String column, String[] labels, String reference) {
        java.util.List<String> present = new java.util.ArrayList<>();
        for (String l : labels) {
            if (l != null && !l.isBlank() && !l.strip().equals("NA")) {
                present.add(l.strip());
            }
        }
        if (present.isEmpty()) {
            return new String[0];
        }
        Factor f = Factor.of(column, Factor.defaultLevels(present.toArray(new String[0])), new int[0]);
        if (reference != null) {
            f = f.relevel(reference);
        }
        return f.levels().toArray(new String[0]);
    }

    /** {@return the exclusion table as Markdown} */
    public String toMarkdown() {
        return table(true);
    }

    @Override
    public String toString() {
        return table(false);
    }

    private String table(boolean markdown) {
        StringBuilder sb = new StringBuilder();
        String title = "Cohort selection: " + source;
        int width = 12;
        for (String r : excluded.keySet()) {
            width = Math.max(width, r.length() + 12);
        }
        if (arms != null) {
            for (String l : arms.levels()) {
                width = Math.max(width, l.length() + 6);
            }
        }
        if (markdown) {
            sb.append("| ").append(title).append(" | n |\n|---|---:|\n");
        } else {
            sb.append(title).append('\n');
        }
        line(sb, markdown, width, "Records read", records);
        for (Map.Entry<String, int[]> e : excluded.entrySet()) {
            line(sb, markdown, width, "Excluded: " + e.getKey(), e.getValue().length);
        }
        line(sb, markdown, width, "Analysed", months.length);
        for (Map.Entry<String, Integer> a : armCounts().entrySet()) {
            line(sb, markdown, width, "  " + a.getKey(), a.getValue());
        }
        sb.append(markdown ? "\n" : "").append("Endpoint: ").append(endpoint.description()).append('\n');
        if (endpoint.unknownCause().equals(Optional.of(UnknownCause.CENSOR))) {
            sb.append(markdown ? "\n" : "").append("Deaths of unknown cause censored at death: ")
                    .append(unknownCauseDeaths()).append('\n');
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, boolean markdown, int width, String label, int n) {
        if (markdown) {
            String cell = label.startsWith("  ") ? "&nbsp;&nbsp;" + label.strip() : label;
            sb.append("| ").append(cell).append(" | ").append(n).append(" |\n");
        } else {
            sb.append(String.format(Locale.ROOT, "  %-" + width + "s %6d%n", label, n));
        }
    }
}
