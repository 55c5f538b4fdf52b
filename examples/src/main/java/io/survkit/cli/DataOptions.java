package io.survkit.cli;

import io.survkit.data.CsvSurvivalReader;
import io.survkit.data.ModelFrame;
import io.survkit.data.SurvivalData;
import io.survkit.data.Term;
import io.survkit.data.Terms;
import java.util.ArrayList;
import java.util.List;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The data options shared by the analysis commands: which file, which columns mean what. A picocli
 * mixin: a command declares {@code @Mixin DataOptions data;} and calls {@link #read(InputStream)}.
 */
final class DataOptions {
    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "CSV file with a header line; '-' reads standard input.")
    String data;

    @Option(names = "--time", required = true, paramLabel = "COLUMN",
            description = "Follow-up (exit) time column.")
    String time;

    @Option(names = "--start", paramLabel = "COLUMN",
            description = "Entry time column: rows are (start, time] intervals (delayed entry).")
    String start;

    @Option(names = {"--event", "--state"}, required = true, paramLabel = "COLUMN",
            description = "Event column (with --censor-value alone: the cause of each competing event; multistate: "
                    + "the state entered at the end of each row).")
    String event;

    @Option(names = "--event-value", paramLabel = "VALUE[,VALUE...]",
            description = "Value(s) of the event column meaning an event. The one other value is censored; "
                    + "two or more other values are an error unless --censor-value names them.")
    String eventValue;

    @Option(names = "--censor-value", paramLabel = "VALUE[,VALUE...]",
            description = "Value(s) of the event column meaning censored. With --event-value every value must "
                    + "be one or the other; without it (cif) every other value is a competing cause.")
    String censorValue;

    @Option(names = "--group", paramLabel = "COLUMN",
            description = "Column whose values define the curves or groups compared.")
    String group;

    @Option(names = "--strata", paramLabel = "COLUMN", description = "Strata column.")
    String strata;

    @Option(names = "--weights", paramLabel = "COLUMN", description = "Case weights column.")
    String weights;

    @Option(names = "--cluster", paramLabel = "COLUMN",
            description = "Cluster column (robust variance summed within clusters).")
    String cluster;

    @Option(names = "--id", paramLabel = "COLUMN",
            description = "Subject identifier column (R's id): the rows of one subject, e.g. one path through the "
                    + "states of multistate data. Distinct from --cluster.")
    String id;

    @Option(names = "--covariates", paramLabel = "LIST",
            description = "Covariates: name, name:numeric, name:factor or name:factor=REFERENCE, separated by "
                    + "commas, e.g. age,sex,celltype:factor=squamous.")
    String covariates;

    @Option(names = "--formula", paramLabel = "TERMS",
            description = "The model as R's formula right-hand side instead of --covariates, e.g. "
                    + "'age + sex + ns(age, df = 3) + factor(celltype, ref = squamous) + strata(inst) + age:sex'.")
    String formula;

    @Option(names = "--where", paramLabel = "CONDITION",
            description = "Only rows where COLUMN OP VALUE holds (OP: == != < <= > >=; join with &), as R's subset=.")
    String where;

    /** The words of {@code --na}. */
    static final class NaActions extends Choices<String> {
        NaActions() {
            add("omit", "omit").add("fail", "fail");
        }
    }

    @Option(names = "--na", paramLabel = "ACTION", defaultValue = "omit", converter = NaActions.class,
            completionCandidates = NaActions.class,
            description = "Rows with a missing value in a used column: omit (counted and reported, R na.omit) or fail "
                    + "(an error naming the first, R na.fail).")
    String naAction;

    @Option(names = "--delimiter", paramLabel = "CHAR",
            description = "Field delimiter: one character, or 'tab' (default: comma).")
    String delimiter;

    @Option(names = "--encoding", paramLabel = "NAME",
            description = "Character encoding of the file: utf-8 (default), latin1 (ISO-8859-1), windows-1252, or "
                    + "another ASCII-compatible name Java knows.")
    String encoding;

    /**
     * True when a missing {@code --censor-value} means the first of the event column's values in R's
     * factor order (R's mstate {@code Surv}: the first level of the state factor is censoring).
     */
    boolean censorFirstLevel;

    /** The data of the last {@link #frame} (its model frame keeps only the rows and columns used). */
    SurvivalData lastRead;

    /**
     * Reads the data as named by the options; {@code stdin} is read when {@code --data -}.
     *
     * @throws UsageException for a missing file or a bad delimiter
     */
    SurvivalData read(InputStream stdin) {
        if (!data.equals("-")) {
            Path file = Path.of(data);
            if (!Files.isReadable(file) || Files.isDirectory(file)) {
                throw new UsageException("--data " + file + ": no such readable file");
            }
            return subset(readFile(file));
        }
        // the reader takes a file: standard input goes to a temporary file named "stdin", so that
        // messages read "unknown column 'x' in stdin"
        Path dir = null;
        Path file = null;
        try {
            dir = Files.createTempDirectory("survkit-");
            file = dir.resolve("stdin");
            Files.copy(stdin, file);
            return subset(readFile(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard input: " + e.getMessage(), e);
        } finally {
            deleteQuietly(file);
            deleteQuietly(dir);
        }
    }

    /**
     * Reads another file (e.g. {@code --predict}'s new rows) with the survival roles of these
     * options, without {@code --where}.
     *
     * @throws UsageException for a missing file
     */
    SurvivalData readOther(Path file, String option) {
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            throw new UsageException(option + " " + file + ": no such readable file");
        }
        return reader(file).read();
    }

    private SurvivalData subset(SurvivalData d) {
        return where == null ? d : RowFilter.parse(where).apply(d);
    }

    private SurvivalData readFile(Path file) {
        if (censorFirstLevel && censorValue == null && eventValue == null) {
            // R: the first level of factor(state) is censoring; read the column's values to find it
            censorValue = "\u0000";
            List<String> levels = reader(file).read().causes();
            if (levels.isEmpty()) {
                throw new UsageException("--state " + event + ": the column has no values");
            }
            censorValue = levels.get(0);
        }
        return reader(file).read();
    }

    private CsvSurvivalReader reader(Path file) {
        CsvSurvivalReader r = SurvivalData.csv(file).time(time);
        if (delimiter != null) {
            r.delimiter(delimiter(delimiter));
        }
        if (encoding != null) {
            r.encoding(encoding(encoding));
        }
        if (start != null) {
            r.start(start);
        }
        if (eventValue != null && censorValue != null) {
            r.event(event, eventValue.split(",")).censorValues(censorValue.split(","));
        } else if (censorValue != null) {
            r.causes(event, censorValue);
        } else {
            r.event(event, require(eventValue, "--event-value").split(","));
        }
        if (weights != null) {
            r.weights(weights);
        }
        if (cluster != null) {
            r.cluster(cluster);
        }
        if (id != null) {
            r.id(id);
        }
        return r;
    }

    /**
     * Reads the data and resolves the model of the options: {@code --group} (a column as it is)
     * when {@code withGroup}, {@code --covariates} when {@code withCovariates}, {@code --strata}.
     */
    ModelFrame frame(InputStream stdin, boolean withGroup, boolean withCovariates) {
        SurvivalData d = read(stdin);
        lastRead = d;
        List<Term> t = new ArrayList<>();
        if (withGroup && group != null) {
            t.add(Terms.variable(group));
        }
        if (withCovariates && covariates != null) {
            if (formula != null) {
                throw new UsageException("--covariates and --formula both give the model; give one");
            }
            covariates(t, covariates);
        }
        if (withCovariates && formula != null) {
            t.addAll(Terms.parse(formula).terms());
        }
        if (strata != null) {
            t.add(Terms.strata(strata));
        }
        Terms terms = Terms.of(t.toArray(new Term[0]));
        for (String c : terms.columns()) {
            if (!d.hasColumn(c)) {
                String source = data.equals("-") ? "stdin" : Path.of(data).getFileName().toString();
                throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                        "unknown column '%s' in %s; the file has %s", c, source, d.columnNames()));
            }
        }
        ModelFrame frame = ModelFrame.of(d, terms);
        if ("fail".equals(naAction) && frame.omittedRows() > 0) {
            throw new IllegalArgumentException(firstMissing(d, frame));
        }
        return frame;
    }

    /** R's na.fail: names the first row left out and its missing column. */
    private static String firstMissing(SurvivalData d, ModelFrame frame) {
        java.util.Set<Integer> kept = new java.util.HashSet<>();
        for (int r : frame.dataRows()) {
            kept.add(r);
        }
        List<String> used = new ArrayList<>(frame.terms().columns());
        used.add(d.timeColumn());
        d.startColumn().ifPresent(used::add);
        d.weightsColumn().ifPresent(used::add);
        d.clusterColumn().ifPresent(used::add);
        d.idColumn().ifPresent(used::add);
        used.add(d.eventColumn());
        for (int i = 0; i < d.rowCount(); i++) {
            if (kept.contains(i)) {
                continue;
            }
            for (String c : used) {
                if (d.labels(c)[i] == null) {
                    return String.format(java.util.Locale.ROOT, "column '%s', row %d: missing value (--na fail; "
                            + "R na.fail); %d rows have a missing value in a used column", c, d.sourceRow(i),
                            frame.omittedRows());
                }
            }
            return String.format(java.util.Locale.ROOT, "row %d is left out (--na fail); %d rows in all",
                    d.sourceRow(i), frame.omittedRows());
        }
        return "missing values in used columns (--na fail)";
    }

    /** {@code ,} {@code ;} {@code tab} or {@code \t}: exactly one character. */
    static char delimiter(String d) {
        if (d.equals("tab") || d.equals("\\t")) {
            return '\t';
        }
        if (d.isEmpty()) {
            throw new UsageException("--delimiter is empty; expected one character such as ';', or 'tab'");
        }
        if (d.codePointCount(0, d.length()) != 1 || Character.isSurrogate(d.charAt(0))) {
            throw new UsageException("--delimiter '" + d + "' has " + d.codePointCount(0, d.length())
                    + " characters; expected one character such as ';', or 'tab'");
        }
        char c = d.charAt(0);
        if (c == '"' || c == '\n' || c == '\r') {
            throw new UsageException("--delimiter '" + d + "' cannot be a quote or a line break");
        }
        return c;
    }

    /** {@code utf-8}, {@code latin1} and the names Java knows. */
    static java.nio.charset.Charset encoding(String name) {
        String n = name.strip().toLowerCase(java.util.Locale.ROOT);
        if (n.equals("latin1") || n.equals("latin-1")) {
            return java.nio.charset.StandardCharsets.ISO_8859_1;
        }
        try {
            return java.nio.charset.Charset.forName(n);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--encoding '" + name + "' is not an encoding this Java knows; expected utf-8, "
                    + "latin1 or windows-1252");
        }
    }

    static String require(String value, String option) {
        if (value == null || value.isBlank()) {
            throw new UsageException("option " + option + " is required");
        }
        return value;
    }

    /** {@code age,sex,celltype:factor=squamous,stage:factor}. */
    static void covariates(List<Term> r, String spec) {
        for (String item : spec.split(",")) {
            String s = item.strip();
            if (s.isEmpty()) {
                continue;
            }
            int colon = s.indexOf(':');
            if (colon < 0) {
                r.add(Terms.variable(s));
                continue;
            }
            String name = s.substring(0, colon);
            String type = s.substring(colon + 1);
            if (type.equals("numeric")) {
                r.add(Terms.numeric(name));
            } else if (type.equals("factor")) {
                r.add(Terms.factor(name));
            } else if (type.startsWith("factor=")) {
                r.add(Terms.factor(name, type.substring("factor=".length())));
            } else {
                throw new UsageException("--covariates: '" + s
                        + "': expected name, name:numeric, name:factor or name:factor=REFERENCE");
            }
        }
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // a temporary file left behind is not worth failing the analysis for
            }
        }
    }
}
