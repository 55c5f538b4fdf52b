package io.survkit.spark;

import io.survkit.compare.CumulativeIncidenceComparison;
import io.survkit.compare.LogRankResult;
import io.survkit.compare.LogRankTest;
import io.survkit.compare.PValueAdjustment;
import io.survkit.compare.PairwiseLogRank;
import io.survkit.compare.PairwiseLogRankResult;
import io.survkit.compare.Weighting;
import io.survkit.estimate.CifMethod;
import io.survkit.estimate.ConfidenceIntervalType;
import io.survkit.estimate.CumulativeIncidenceResult;
import io.survkit.estimate.IncidenceCurve;
import io.survkit.estimate.KaplanMeier;
import io.survkit.estimate.KaplanMeierResult;
import io.survkit.estimate.LandmarkSummary;
import io.survkit.regression.CoxRegression;
import io.survkit.regression.TieMethod;
import io.survkit.regression.CoxVariance;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The survkit command line on Spark: {@code km}, {@code logrank}, {@code cox} and {@code cif} with the core
 * CLI's options and {@code --json} fields, reading CSV or Parquet into a Spark session
 * ({@code --master}, default {@code local[*]}), every number computed as {@link SparkSurvival}
 * does. Run as
 * {@code java -cp "$(cat spark/target/classpath.txt)" io.survkit.spark.SparkCli km --data FILE.csv ...}
 * (the class path holds Spark; the JVM needs the {@code --add-opens} options of the module's pom on
 * Java 17). Exit codes: 0 done, 1 an unexpected failure, 2 bad arguments or data (one line on
 * stderr).
 */
@Command(name = "survkit-spark", mixinStandardHelpOptions = true, version = "survkit-spark",
        description = "Exact survival analysis on Apache Spark (R survival's answers).",
        subcommands = {SparkCli.Km.class, SparkCli.LogRank.class, SparkCli.Cox.class, SparkCli.Cif.class})
public final class SparkCli implements Callable<Integer> {
    private SparkCli() {
    }

    /** Runs one command line and exits with its code. */
    public static void main(String[] argv) {
        int code = run(argv, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs one command line; returns the exit code. */
    static int run(String[] argv, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new SparkCli()).setOut(out).setErr(err);
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            if (ex instanceof IllegalArgumentException) {
                err.println("survkit-spark " + line.getCommandName() + ": " + ex.getMessage());
                return 2;
            }
            err.println("survkit-spark " + line.getCommandName() + ": unexpected failure: " + ex);
            return 1;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            err.println("survkit-spark: " + ex.getMessage());
            return 2;
        });
        return cl.execute(argv);
    }

    @Override
    public Integer call() {
        return 2;
    }

    /** The data options of the core CLI, plus the Spark master and the time resolution. */
    static final class Data {
        @Option(names = "--data", required = true, paramLabel = "FILE",
                description = "CSV file with a header line, or Parquet (a .parquet file or a directory).")
        String data;
        @Option(names = "--time", required = true, paramLabel = "COLUMN", description = "Follow-up (exit) time column.")
        String time;
        @Option(names = "--start", paramLabel = "COLUMN", description = "Entry time column: (start, time] rows.")
        String start;
        @Option(names = "--event", required = true, paramLabel = "COLUMN", description = "Event column.")
        String event;
        @Option(names = "--event-value", paramLabel = "VALUE[,VALUE...]",
                description = "Value(s) of the event column meaning an event; every other value is censored.")
        String eventValue;
        @Option(names = "--censor-value", paramLabel = "VALUE",
                description = "Competing risks (cif): the value of the event column meaning censored; every other "
                        + "value is a cause.")
        String censorValue;
        @Option(names = "--group", paramLabel = "COLUMN", description = "Group column (curves, groups compared).")
        String group;
        @Option(names = "--strata", paramLabel = "COLUMN", description = "Strata column.")
        String strata;
        @Option(names = "--weights", paramLabel = "COLUMN", description = "Case weights column.")
        String weights;
        @Option(names = "--cluster", paramLabel = "COLUMN",
                description = "Cluster column: cox's robust variance sums within clusters (rows missing it are left out).")
        String cluster;
        @Option(names = "--covariates", paramLabel = "LIST",
                description = "Cox covariates: name, name:numeric, name:factor or name:factor=REFERENCE, comma separated.")
        String covariates;
        @Option(names = "--delimiter", paramLabel = "CHAR", description = "CSV field delimiter (default: comma).")
        String delimiter;
        @Option(names = "--master", paramLabel = "URL", defaultValue = "local[*]", description = "Spark master.")
        String master;
        @Option(names = "--time-resolution", paramLabel = "STEP", defaultValue = "0",
                description = "Round times to multiples of STEP before aggregating (0 = exact).")
        double resolution;
        @Option(names = {"--json"}, description = "JSON with the oracle's field names.")
        boolean json;
        @Option(names = "--format", paramLabel = "FORMAT", description = "text, json or csv (the tidy table).")
        String format;
        @Option(names = "--output", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
        String output;

        boolean json() {
            if (format != null && !format.equals("text") && !format.equals("json") && !format.equals("csv")) {
                throw new IllegalArgumentException("--format " + format + ": expected text, json or csv");
            }
            return json || "json".equals(format);
        }

        boolean csv() {
            return "csv".equals(format);
        }

        SparkSurvival survival(SparkSession spark) {
            if (censorValue != null && eventValue != null) {
                throw new IllegalArgumentException("--censor-value with --event-value (every value declared one or the"
                        + " other) is not offered on Spark; give --event-value alone (every other value censored)");
            }
            if (eventValue == null && censorValue == null) {
                throw new IllegalArgumentException("--event-value is required (--censor-value for cif)");
            }
            SparkSurvival s = SparkSurvival.of(read(spark)).time(time);
            s = censorValue != null ? s.causes(event, censorValue) : s.event(event, eventValue.split(","));
            s = start == null ? s : s.start(start);
            s = group == null ? s : s.group(group);
            s = strata == null ? s : s.strata(strata);
            s = weights == null ? s : s.weights(weights);
            s = cluster == null ? s : s.cluster(cluster);
            return resolution > 0 ? s.timeResolution(resolution) : s;
        }

        private Dataset<Row> read(SparkSession spark) {
            Path p = Path.of(data);
            if (!Files.exists(p)) {
                throw new IllegalArgumentException("--data " + data + ": no such file");
            }
            if (data.endsWith(".parquet") || Files.isDirectory(p)) {
                return spark.read().parquet(data);
            }
            DataFrameReader r = spark.read().option("header", "true").option("inferSchema", "true");
            if (delimiter != null) {
                r = r.option("sep", delimiter.equals("tab") ? "\t" : delimiter);
            }
            return r.csv(data);
        }

        SparkSession session() {
            org.apache.logging.log4j.core.config.Configurator.setRootLevel(org.apache.logging.log4j.Level.ERROR);
            SparkSession s = SparkSession.builder().master(master).appName("survkit-spark")
                    .config("spark.ui.enabled", "false").getOrCreate();
            s.sparkContext().setLogLevel("ERROR");
            return s;
        }

        void write(CommandLine.Model.CommandSpec spec, String text) {
            if (output == null) {
                spec.commandLine().getOut().print(text);
                spec.commandLine().getOut().flush();
                return;
            }
            try {
                Files.writeString(Path.of(output), text);
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("--output " + output + ": " + e.getMessage());
            }
        }
    }

    /** {@code km}: Kaplan-Meier curves (Greenwood variance). */
    @Command(name = "km", mixinStandardHelpOptions = true, description = "Kaplan-Meier curves (R survfit).")
    static final class Km implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        Data data;
        @Option(names = "--conf-type", paramLabel = "TYPE", defaultValue = "log",
                description = "log, log-log, plain or arcsin (R conf.type).")
        String confType;
        @Option(names = "--conf-level", paramLabel = "LEVEL", defaultValue = "0.95", description = "Confidence level.")
        double confLevel;
        @Option(names = "--times", paramLabel = "T[,T...]", split = ",", description = "Landmark times.")
        double[] times;
        @Option(names = "--tau", paramLabel = "TAU", description = "Restricted mean horizon.")
        Double tau;
        @Option(names = "--robust", arity = "0..1", fallbackValue = "true", paramLabel = "true|false",
                description = "Robust variance: not offered from counts (false only).")
        Boolean robust;

        @Override
        public Integer call() {
            if (Boolean.TRUE.equals(robust)) {
                throw new IllegalArgumentException("--robust: the infinitesimal-jackknife variance needs subject rows;"
                        + " on Spark the curves come from counts (Greenwood variance)");
            }
            boolean json = data.json();
            KaplanMeier km = KaplanMeier.withDefaults().withConfidenceIntervalType(ConfidenceIntervalType.fromRName(
                    confType.equals("log-log") ? "log-log" : confType)).withConfidenceLevel(confLevel)
                    .withVariance(io.survkit.estimate.KaplanMeierVariance.GREENWOOD);
            KaplanMeierResult fit = data.survival(data.session()).kaplanMeier(km);
            double[] at = times == null ? new double[0] : times;
            OptionalDouble horizon = tau == null ? OptionalDouble.empty() : OptionalDouble.of(tau);
            data.write(spec, data.csv() ? fit.toCsv()
                    : json ? Output.km(fit, at, horizon) : Output.kmText(fit, at, horizon));
            return 0;
        }
    }

    /** {@code logrank}: the log-rank family. */
    @Command(name = "logrank", mixinStandardHelpOptions = true, description = "Log-rank family tests (R survdiff).")
    static final class LogRank implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        Data data;
        @Option(names = "--weighting", paramLabel = "NAME",
                description = "logrank, gehan-breslow, tarone-ware, peto-peto, modified-peto-peto or fh.")
        String weighting;
        @Option(names = "--rho", paramLabel = "RHO", description = "Fleming-Harrington rho.")
        Double rho;
        @Option(names = "--gamma", paramLabel = "GAMMA", description = "Fleming-Harrington gamma.")
        Double gamma;
        @Option(names = "--pairwise", arity = "0..1", fallbackValue = "holm", paramLabel = "ADJUST",
                description = "Also every pair of groups, p-values adjusted (holm, bonferroni, bh, ...).")
        String pairwise;

        @Override
        public Integer call() {
            if (data.group == null) {
                throw new IllegalArgumentException("--group is required");
            }
            boolean json = data.json();
            Weighting w = weighting == null
                    ? (rho != null || gamma != null ? Weighting.FLEMING_HARRINGTON : Weighting.LOG_RANK)
                    : weighting(weighting);
            LogRankTest t = LogRankTest.withDefaults().withWeighting(w);
            t = rho == null ? t : t.withRho(rho);
            t = gamma == null ? t : t.withGamma(gamma);
            SparkSurvival s = data.survival(data.session());
            io.survkit.data.CountTable counts = s.counts();
            LogRankResult r = t.test(counts);
            PairwiseLogRankResult pairs = pairwise == null ? null
                    : PairwiseLogRank.withDefaults().withTest(t).withAdjustment(adjustment(pairwise)).test(counts);
            String text = data.csv() ? r.toCsv() + (pairs == null ? "" : pairs.toCsv())
                    : json ? Output.logRank(r, pairs) : r + (pairs == null ? "" : "\n" + pairs);
            data.write(spec, text);
            return 0;
        }

        private static Weighting weighting(String name) {
            for (Weighting w : Weighting.values()) {
                if (w.name().replace('_', '-').equalsIgnoreCase(name) || w.name().equalsIgnoreCase(name)) {
                    return w;
                }
            }
            if (name.equals("logrank")) {
                return Weighting.LOG_RANK;
            }
            if (name.equals("fh")) {
                return Weighting.FLEMING_HARRINGTON;
            }
            throw new IllegalArgumentException("--weighting " + name + ": not one of " + List.of(Weighting.values()));
        }

        private static PValueAdjustment adjustment(String name) {
            for (PValueAdjustment a : PValueAdjustment.values()) {
                if (a.name().equalsIgnoreCase(name)) {
                    return a;
                }
            }
            throw new IllegalArgumentException("--pairwise " + name + ": not one of "
                    + List.of(PValueAdjustment.values()));
        }
    }

    /** {@code cox}: Cox regression by distributed Newton-Raphson. */
    @Command(name = "cox", mixinStandardHelpOptions = true, description = "Cox regression (R coxph).")
    static final class Cox implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        Data data;
        @Option(names = "--ties", paramLabel = "METHOD", defaultValue = "efron", description = "efron or breslow.")
        String ties;
        @Option(names = "--conf-level", paramLabel = "LEVEL", defaultValue = "0.95", description = "Confidence level.")
        double confLevel;
        @Option(names = "--robust", arity = "0..1", fallbackValue = "true", paramLabel = "true|false",
                description = "Robust (sandwich) variance; --robust alone means true. Default: R's choice (robust "
                        + "with a cluster or non-integer weights). One more distributed pass.")
        Boolean robust;

        @Override
        public Integer call() {
            if (data.covariates == null) {
                throw new IllegalArgumentException("--covariates is required");
            }
            boolean json = data.json();
            TieMethod t = switch (ties) {
                case "efron" -> TieMethod.EFRON;
                case "breslow" -> TieMethod.BRESLOW;
                default -> throw new IllegalArgumentException("--ties " + ties + ": expected efron or breslow");
            };
            CoxRegression cox = CoxRegression.withDefaults().withTies(t).withConfidenceLevel(confLevel)
                    .withVariance(robust == null ? CoxVariance.AUTO : robust ? CoxVariance.ROBUST : CoxVariance.MODEL);
            SparkCoxResult fit = data.survival(data.session()).cox(cox, terms(data.covariates));
            data.write(spec, data.csv() ? fit.toCsv() : json ? Output.document(fit.toJson()) : fit.toString());
            return 0;
        }

        /** The core CLI's {@code age,sex,celltype:factor=squamous} as terms. */
        static String[] terms(String spec) {
            List<String> out = new ArrayList<>();
            for (String item : spec.split(",")) {
                String s = item.strip();
                if (s.isEmpty()) {
                    continue;
                }
                int colon = s.indexOf(':');
                String name = colon < 0 ? s : s.substring(0, colon);
                String type = colon < 0 ? "numeric" : s.substring(colon + 1);
                if (type.equals("numeric")) {
                    out.add(name);
                } else if (type.equals("factor")) {
                    out.add("factor(" + name + ")");
                } else if (type.startsWith("factor=")) {
                    out.add("factor(" + name + ", ref = " + type.substring(7) + ")");
                } else {
                    throw new IllegalArgumentException("--covariates: '" + s
                            + "': expected name, name:numeric, name:factor or name:factor=REFERENCE");
                }
            }
            return out.toArray(new String[0]);
        }
    }

    /**
     * {@code cif}: cumulative incidence and Gray's test from one distributed aggregation with
     * per-cause counts; the core CLI's {@code cif} options and output.
     */
    @Command(name = "cif", mixinStandardHelpOptions = true,
            description = "Cumulative incidence of competing risks and Gray's test (cmprsk cuminc, survfit multi-state).")
    static final class Cif implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        Data data;
        @Option(names = "--method", paramLabel = "METHOD", defaultValue = "cuminc",
                description = "Estimator: cuminc or aalen-johansen (cmprsk cuminc with Gray's test, or survfit with a "
                        + "factor status).")
        String method;
        @Option(names = "--rho", paramLabel = "RHO", defaultValue = "0",
                description = "Gray's test weight S(t)^rho (cmprsk cuminc rho): 0 = log-rank-like, 1 = Wilcoxon-like.")
        double rho;
        @Option(names = "--times", paramLabel = "T[,T...]", split = ",",
                description = "Cumulative incidence and its variance at these times (cmprsk timepoints), absent after "
                        + "a curve's last time.")
        double[] times;

        @Override
        public Integer call() {
            if (data.censorValue == null) {
                throw new IllegalArgumentException("--censor-value is required");
            }
            CifMethod m = switch (method) {
                case "cuminc" -> CifMethod.CUMINC;
                case "aalen-johansen" -> CifMethod.AALEN_JOHANSEN;
                default -> throw new IllegalArgumentException("--method " + method
                        + ": expected cuminc or aalen-johansen");
            };
            boolean json = data.json();
            CumulativeIncidenceResult fit = data.survival(data.session())
                    .cumulativeIncidence(CumulativeIncidenceComparison.withDefaults().withMethod(m).withRho(rho));
            double[] at = times == null ? null : java.util.Arrays.stream(times).sorted().distinct().toArray();
            data.write(spec, data.csv() ? fit.toCsv() : json ? Output.cif(fit, at) : Output.cifText(fit, at));
            return 0;
        }
    }

    /** Text, JSON and CSV of the results: the library's own exports (core's {@code Exportable}). */
    static final class Output {
        private Output() {
        }

        static String kmText(KaplanMeierResult fit, double[] times, OptionalDouble tau) {
            StringBuilder sb = new StringBuilder(tau.isPresent() ? fit.summaryTable(tau.getAsDouble())
                    : fit.summaryTable());
            if (times.length > 0) {
                sb.append('\n');
                for (LandmarkSummary s : fit.at(times)) {
                    sb.append(s).append('\n');
                }
            }
            for (String w : fit.warnings()) {
                sb.append("Warning: ").append(w).append('\n');
            }
            return sb.toString();
        }

        /** The core CLI's document: {@code {"result": <the library's JSON>}}. */
        static String document(String json) {
            return "{\"result\": " + json + "}\n";
        }

        /** The core CLI's cif JSON: the result's, with the curves read at {@code times} when given. */
        static String cif(CumulativeIncidenceResult fit, double[] times) {
            StringBuilder b = new StringBuilder();
            if (times == null) {
                fit.writeJson(b);
            } else {
                fit.writeJson(b, times);
            }
            return document(b.toString());
        }

        /** The core CLI's cif text: the result as R prints it, then each curve at {@code times}. */
        static String cifText(CumulativeIncidenceResult fit, double[] times) {
            StringBuilder b = new StringBuilder(fit.toString());
            if (times != null) {
                b.append('\n');
                for (IncidenceCurve c : fit.curves()) {
                    for (double t : times) {
                        b.append(String.format(java.util.Locale.ROOT, "%s  t=%s  est=%s  var=%s%n", c.name(), t,
                                c.estimateAt(t), c.varianceAt(t)));
                    }
                }
            }
            return b.toString();
        }

        static String km(KaplanMeierResult fit, double[] times, OptionalDouble tau) {
            StringBuilder b = new StringBuilder();
            fit.writeJson(b, times, tau);
            return document(b.toString());
        }

        static String logRank(LogRankResult r, PairwiseLogRankResult pairs) {
            String json = r.toJson();
            if (pairs != null) {
                int end = json.lastIndexOf('}');
                json = json.substring(0, end).stripTrailing() + ",\n  \"pairwise\": " + pairs.toJson() + "\n}";
            }
            return document(json);
        }
    }
}
