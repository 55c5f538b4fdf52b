package io.survkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.OptionSpec;

/** The command-line conventions of issue 11 and issue 12, one test each. */
class CliConventionsTest {
    static final String LUNG = OracleJson.ROOT.resolve("data/lung.csv").toString();
    static final List<String> KM = List.of("km", "--data", LUNG, "--time", "time", "--event", "status",
            "--event-value", "2");
    /** A Java class name such as {@code java.lang.NumberFormatException} or {@code Exception}. */
    static final Pattern CLASS_NAME = Pattern.compile("Exception|Error:|\\b[a-z]+\\.[a-z]+\\.[A-Z]\\w+");

    static Object[] km(String... more) {
        List<String> argv = new ArrayList<>(KM);
        argv.addAll(List.of(more));
        return OracleJson.run(argv.toArray(new String[0]));
    }

    /** Exit 2, one line on stderr starting "survkit CMD: " once, no class name; returns the line. */
    static String badInput(Object[] r) {
        String err = (String) r[2];
        assertEquals(2, r[0], err);
        assertEquals(1, err.strip().lines().count(), err);
        assertTrue(err.startsWith("survkit"), err);
        assertFalse(err.matches("(?s)survkit (\\w+): \\1: .*"), "command repeated: " + err);
        assertFalse(CLASS_NAME.matcher(err).find(), "class name in: " + err);
        assertEquals("", r[1], "nothing on stdout");
        return err;
    }

    @Test
    void versionAtEveryLevel() {
        for (String[] argv : new String[][] {{"--version"}, {"-V"}, {"km", "--version"}, {"cox", "-V"}}) {
            Object[] r = OracleJson.run(argv);
            assertEquals(0, r[0]);
            assertTrue(((String) r[1]).startsWith("survkit "), (String) r[1]);
        }
    }

    /** Every option of every command is listed by -h and --help with its description. */
    @Test
    void helpAtEveryLevelListsEveryOptionWithItsDescription() {
        CommandLine top = Main.commandLine(InputStream.nullInputStream());
        for (String h : new String[] {"-h", "--help"}) {
            Object[] r = OracleJson.run(h);
            assertEquals(0, r[0]);
            for (String sub : top.getSubcommands().keySet()) {
                assertTrue(((String) r[1]).contains(sub), sub);
            }
            assertTrue(((String) r[1]).contains("Exit codes"), (String) r[1]);
        }
        for (Map.Entry<String, CommandLine> e : top.getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) {
                continue;
            }
            for (String h : new String[] {"-h", "--help"}) {
                Object[] r = OracleJson.run(e.getKey(), h);
                assertEquals(0, r[0], e.getKey());
                String help = (String) r[1];
                for (OptionSpec o : e.getValue().getCommandSpec().options()) {
                    assertTrue(help.contains(o.longestName()), e.getKey() + " " + o.longestName());
                    assertTrue(o.description().length > 0 && !o.description()[0].isBlank(),
                            e.getKey() + " " + o.longestName() + " has no description");
                }
            }
        }
        Object[] help = OracleJson.run("help", "cox");
        assertEquals(0, help[0]);
        assertTrue(((String) help[1]).contains("--ties"));
    }

    @Test
    void helpShowsDefaultsAndAllowedValues() {
        // help wraps at 80 columns: compare with the line breaks as spaces
        String km = ((String) OracleJson.run("km", "--help")[1]).replaceAll("\\s+", " ");
        assertTrue(km.contains("log, log-log, plain, arcsin"), km);
        assertTrue(km.contains("Default: 0.95"), km);
        assertTrue(km.contains("text, json, csv"), km);
        String cox = ((String) OracleJson.run("cox", "--help")[1]).replaceAll("\\s+", " ");
        assertTrue(cox.contains("efron, breslow") && cox.contains("Default: efron"), cox);
        String logrank = ((String) OracleJson.run("logrank", "--help")[1]).replaceAll("\\s+", " ");
        assertTrue(logrank.contains("logrank, fh, gehan, tarone-ware, peto-peto"), logrank);
        assertTrue(logrank.contains("none, bonferroni, holm, bh"), logrank);
    }

    @Test
    void aRepeatedOptionIsAnError() {
        String err = badInput(km("--time", "time"));
        assertTrue(err.contains("'--time'") && err.contains("only once"), err);
    }

    @Test
    void flagsAreFlags() {
        String err = badInput(km("--json", "true"));
        assertTrue(err.contains("'true'"), err);
    }

    @Test
    void robustAloneMeansRobustTrueAndOldFormsStillWork() throws IOException {
        JsonNode alone = OracleJson.runJson(withKm("--robust", "--json"));
        JsonNode word = OracleJson.runJson(withKm("--robust", "true", "--json"));
        JsonNode equals = OracleJson.runJson(withKm("--robust=true", "--json"));
        JsonNode off = OracleJson.runJson(withKm("--robust", "false", "--json"));
        assertEquals("surv", alone.get("stdErrScale").asText());
        assertEquals(alone, word);
        assertEquals(alone, equals);
        assertEquals("log", off.get("stdErrScale").asText());
        String err = badInput(km("--robust", "maybe"));
        assertTrue(err.contains("'--robust' takes true or false, not 'maybe'"), err);
    }

    @Test
    void dataDashReadsStandardInput() throws IOException {
        JsonNode fromFile = OracleJson.runJson(withKm("--group", "sex", "--json"));
        List<String> argv = new ArrayList<>(withKm("--group", "sex", "--json"));
        argv.set(argv.indexOf(LUNG), "-");
        Object[] r = OracleJson.runWithInput(Files.readString(Path.of(LUNG)), argv.toArray(new String[0]));
        assertEquals(0, r[0], (String) r[2]);
        assertEquals(fromFile, OracleJson.JSON.readTree((String) r[1]).get("result"));
        argv.set(argv.indexOf("sex"), "sexx");
        Object[] bad = OracleJson.runWithInput(Files.readString(Path.of(LUNG)), argv.toArray(new String[0]));
        assertTrue(badInput(bad).contains("'sexx' in stdin"), (String) bad[2]);
    }

    @Test
    void formatJsonIsTheSameAsJsonAndDisagreeingFormatsAreAnError() throws IOException {
        assertEquals(OracleJson.runJson(withKm("--json")), OracleJson.runJson(withKm("--format", "json")));
        assertEquals(OracleJson.runJson(withKm("--json")), OracleJson.runJson(withKm("--format=JSON")));
        assertTrue(badInput(km("--json", "--format", "text")).contains("disagree"));
        String err = badInput(km("--format", "xml"));
        assertTrue(err.contains("--format") && err.contains("text, json, csv"), err);
    }

    @Test
    void outputWritesTheFileAndNothingToStdout(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("km.json");
        Object[] r = km("--json", "--output", file.toString());
        assertEquals(0, r[0], (String) r[2]);
        assertEquals("", r[1]);
        assertEquals(OracleJson.runJson(withKm("--json")), OracleJson.JSON.readTree(file.toFile()).get("result"));
        Object[] text = km("--output", dir.resolve("km.txt").toString());
        assertEquals(0, text[0]);
        assertTrue(Files.readString(dir.resolve("km.txt")).contains("all 228    165    310"));
        String err = badInput(km("--output", dir.resolve("no/such/folder/km.txt").toString()));
        assertTrue(err.contains("--output"), err);
        assertTrue(badInput(km("--output", dir.toString())).contains("is a directory"));
    }

    /** CSV is the library's tidy table: one row per curve and time, full precision, one header line. */
    @Test
    void formatCsvWritesTheLibrarysTidyTable() throws IOException {
        Object[] r = km("--group", "sex", "--format", "csv");
        assertEquals(0, r[0], (String) r[2]);
        List<String> lines = ((String) r[1]).lines().toList();
        assertEquals("strata,time,nRisk,nEvent,nCensor,surv,stdErr,lower,upper,cumhaz,stdChaz", lines.get(0));
        JsonNode json = OracleJson.runJson(withKm("--group", "sex", "--json"));
        int rows = json.get("strata").get(0).get("time").size() + json.get("strata").get(1).get("time").size();
        assertEquals(rows + 1, lines.size());
        String[] first = lines.get(1).split(",");
        assertEquals("sex=1", first[0]);
        assertEquals(json.get("strata").get(0).get("surv").get(0).asDouble(), Double.parseDouble(first[5]));
        Object[] cox = OracleJson.run("cox", "--data", LUNG, "--time", "time", "--event", "status", "--event-value",
                "2", "--covariates", "age,sex", "--format", "csv");
        assertEquals(0, cox[0], (String) cox[2]);
        assertTrue(((String) cox[1]).startsWith("term,coef,se,robustSe,hr,hrLower,hrUpper,z,p\nage,"), (String) cox[1]);
        assertTrue(badInput(OracleJson.run("cox", "--data", LUNG, "--time", "time", "--event", "status",
                "--event-value", "2", "--covariates", "age", "--zph", "--format", "csv")).contains("--zph"));
        Object[] cif = OracleJson.run("cif", "--data", OracleJson.ROOT.resolve("data/cr_synth.csv").toString(),
                "--time", "time", "--event", "status", "--censor-value", "0", "--group", "group", "--format", "csv");
        assertEquals(0, cif[0], (String) cif[2]);
        assertTrue(((String) cif[1]).startsWith("name,group,cause,time,est,var\n"), (String) cif[1]);
    }

    /** Issue 11: "dead" beside "Dead" is not silently censored; --censor-value says what is. */
    @Test
    void anEventColumnWithSeveralNonEventValuesIsAnErrorListingThem(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("vital.csv");
        Files.writeString(csv, "time,vital\n1,Dead\n2,Alive\n3,dead\n4,Dead\n5,Alive\n6,Alive\n");
        List<String> argv = List.of("km", "--data", csv.toString(), "--time", "time", "--event", "vital",
                "--event-value", "Dead");
        String err = badInput(OracleJson.run(argv.toArray(new String[0])));
        assertTrue(err.contains("column 'vital' has 2 values besides the event value(s) [Dead]: 'Alive' (3 rows), "
                + "'dead' (1 row)") && err.contains("--censor-value"), err);
        List<String> declared = new ArrayList<>(argv);
        declared.addAll(List.of("--censor-value", "Alive"));
        String err2 = badInput(OracleJson.run(declared.toArray(new String[0])));
        assertTrue(err2.contains("neither an event [Dead] nor censored [Alive]: 'dead' (1 row)"), err2);
        List<String> both = new ArrayList<>(argv);
        both.set(both.indexOf("Dead"), "Dead,dead");
        both.addAll(List.of("--censor-value", "Alive", "--json"));
        JsonNode r = OracleJson.runJson(both);
        assertEquals(3, r.get("strata").get(0).get("events").asInt());
        List<String> censoredToo = new ArrayList<>(argv);
        censoredToo.addAll(List.of("--censor-value", "Alive,dead", "--json"));
        assertEquals(2, OracleJson.runJson(censoredToo).get("strata").get(0).get("events").asInt());
    }

    /** Issue 12: a label with a terminal escape sequence is shown, not obeyed. */
    @Test
    void textOutputShowsControlCharactersInLabelsAsEscapes(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("esc.csv");
        Files.writeString(csv, "time,status,arm\n1,1,\"A\u001b[31m\"\n2,0,\"A\u001b[31m\"\n3,1,B\n4,1,B\n");
        Object[] r = OracleJson.run("km", "--data", csv.toString(), "--time", "time", "--event", "status",
                "--event-value", "1", "--group", "arm");
        assertEquals(0, r[0], (String) r[2]);
        assertFalse(((String) r[1]).contains("\u001b"), (String) r[1]);
        assertTrue(((String) r[1]).contains("\\033[31m"), (String) r[1]); // as R prints the label
    }

    @ParameterizedTest
    @ValueSource(strings = {"--delimiter=", "--delimiter=;;", "--delimiter=ab"})
    void delimiterMustBeOneCharacter(String option) {
        String err = badInput(km(option));
        assertTrue(err.contains("--delimiter") && err.contains("one character"), err);
    }

    @Test
    void tabDelimiterStillWorks(@TempDir Path dir) throws IOException {
        Path tsv = dir.resolve("lung.tsv");
        Files.writeString(tsv, Files.readString(Path.of(LUNG)).replace(',', '\t'));
        Object[] r = OracleJson.run("km", "--data", tsv.toString(), "--time", "time", "--event", "status",
                "--event-value", "2", "--delimiter", "tab");
        assertEquals(0, r[0], (String) r[2]);
        assertTrue(((String) r[1]).contains("all 228    165    310"), (String) r[1]);
    }

    @Test
    void numbersAreCheckedAtParseTimeInWords() {
        assertTrue(badInput(km("--tau", "NaN")).contains("not a finite number"));
        assertTrue(badInput(km("--conf-level", "x")).contains("'x' is not a number"));
        String err = badInput(km("--times", "180,x"));
        assertTrue(err.contains("item 2 'x'"), err);
    }

    @Test
    void unknownCommandsAndOptionsAreNamed() {
        assertTrue(badInput(OracleJson.run("kaplan")).contains("unknown command 'kaplan'"));
        assertTrue(badInput(OracleJson.run("km", "--dat", LUNG)).contains("unknown option '--dat'"));
        String err = badInput(km("--conf-typ", "log"));
        assertTrue(err.contains("unknown option '--conf-typ'") && err.contains("--conf-type"), err);
        Object[] none = OracleJson.run();
        assertEquals(2, none[0]);
        assertTrue(((String) none[2]).contains("Usage: survkit"));
    }

    @Test
    void errorsFromTheLibraryDoNotRepeatTheCommand() {
        String err = badInput(km("--group", "nope"));
        assertTrue(err.startsWith("survkit km: unknown column 'nope'"), err);
        assertTrue(badInput(OracleJson.run("km", "--data", "/nonexistent.csv", "--time", "t", "--event", "e",
                "--event-value", "1")).contains("no such readable file"));
    }

    /** Issue 12: gist checked its outputs only after printing the whole report, and blamed --out. */
    @Test
    void gistChecksItsOutputsBeforeComputingAndNamesTheRightOption(@TempDir Path dir) {
        String err = badInput(OracleJson.run("gist", "--out", dir.resolve("r").toString(), "--html", dir.toString()));
        assertTrue(err.startsWith("survkit gist: --html ") && err.contains("is a folder"), err);
        assertFalse(Files.exists(dir.resolve("r")), "nothing computed or written");
    }

    /** What ran out, the heap size, what to try; exit 3. */
    @Test
    void outOfMemoryIsOneLineWithTheHeapSizeAndExitThree() {
        Object[] r = withExtraCommand(new Exhausting(), "exhaust");
        String err = (String) r[2];
        assertEquals(3, r[0], err);
        assertEquals(1, err.strip().lines().count(), err);
        assertTrue(err.startsWith("survkit exhaust: out of memory (Java heap space)"), err);
        assertTrue(err.contains(" MB") && err.contains("-Xmx"), err);
    }

    @Test
    void anUnexpectedFailureIsExitOneWithoutAClassName() {
        Object[] r = withExtraCommand(new Failing(), "fail");
        String err = (String) r[2];
        assertEquals(1, r[0], err);
        assertEquals(1, err.strip().lines().count(), err);
        assertTrue(err.contains("internal error") && err.contains("index 3 out of bounds"), err);
        assertFalse(CLASS_NAME.matcher(err).find(), err);
    }

    @Test
    void readmeDocumentsTheExitCodes() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        for (int code : new int[] {ExitCode.OK, ExitCode.INTERNAL, ExitCode.BAD_INPUT, ExitCode.OUT_OF_MEMORY}) {
            assertTrue(readme.contains("| " + code + " |"), "README exit code " + code);
        }
    }

    private static List<String> withKm(String... more) {
        List<String> argv = new ArrayList<>(KM);
        argv.addAll(List.of(more));
        return argv;
    }

    private static Object[] withExtraCommand(Object command, String name) {
        CommandLine cl = Main.commandLine(InputStream.nullInputStream());
        cl.addSubcommand(name, command);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.execute(cl, new String[] {name}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Object[] {code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Command(name = "exhaust")
    static final class Exhausting implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new OutOfMemoryError("Java heap space");
        }
    }

    @Command(name = "fail")
    static final class Failing implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new ArrayIndexOutOfBoundsException("index 3 out of bounds for length 3");
        }
    }
}
