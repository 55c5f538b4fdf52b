package io.survkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code survkit report} on examples/data/lung.csv by sex (issue 15): every number of report.json
 * equals R's (survfit medians, summary(fit, times =) landmarks, print(fit, rmean =) RMST with
 * survRM2's difference and ratio formulas, survdiff, coxph crude and adjusted, cox.zph), computed by
 * {@code src/test/resources/report/lung_by_sex.R} into lung_by_sex.json beside it; the HTML holds
 * every section of the Markdown, as tables, and renders in Chromium.
 */
class ReportCommandTest {
    static final double TOL = 1e-9;
    @TempDir
    static Path dir;
    static JsonNode r;
    static JsonNode json;
    static String stdout;

    @BeforeAll
    static void run() throws Exception {
        Object[] out = OracleJson.run("report", "--data", "../examples/data/lung.csv", "--time", "time", "--event",
                "status", "--event-value", "2", "--group", "sex", "--covariates", "age,ph.ecog", "--endpoint", "OS",
                "--time-unit", "days", "--times", "180,365,730", "--out", dir.toString());
        assertEquals(0, out[0], (String) out[2]);
        stdout = (String) out[1];
        r = OracleJson.JSON.readTree(Path.of("src/test/resources/report/lung_by_sex.json").toFile());
        json = OracleJson.JSON.readTree(dir.resolve("report.json").toFile());
    }

    static void near(JsonNode expected, JsonNode actual, String what) {
        assertTrue(actual != null && actual.isNumber(), what + ": " + actual);
        double e = expected.asDouble();
        double a = actual.asDouble();
        assertEquals(e, a, TOL * Math.max(1, Math.abs(e)), what);
    }

    @Test
    void cohortTableCountsEveryRow() {
        JsonNode c = json.get("cohort").get(0);
        assertEquals(r.get("rowsRead").asInt(), c.get("rowsGiven").asInt());
        assertEquals("missing ph.ecog", c.get("excluded").get(0).get("reason").asText());
        assertEquals(r.get("missingPhEcog").asInt(), c.get("excluded").get(0).get("rows").asInt());
        assertEquals(r.get("rowsAnalysed").asInt(), c.get("rowsAnalysed").asInt());
        assertEquals("days", json.get("timeUnit").asText());
    }

    @Test
    void armsEqualR() {
        JsonNode e = json.get("endpoints").get(0);
        assertEquals("OS", e.get("name").asText());
        for (int k = 0; k < 2; k++) {
            JsonNode a = e.get("arms").get(k);
            JsonNode ra = r.get("arms").get(k);
            String w = "arm " + ra.get("label").asText();
            assertEquals(ra.get("label").asText(), a.get("label").asText());
            assertEquals(ra.get("n").asInt(), a.get("n").asInt(), w + " n");
            near(ra.get("events"), a.get("events"), w + " events");
            near(ra.get("median"), a.get("median").get("estimate"), w + " median");
            near(ra.get("medianLower"), a.get("median").get("lower"), w + " median lower");
            near(ra.get("medianUpper"), a.get("median").get("upper"), w + " median upper");
            near(ra.get("longestFollowUp"), a.get("longestFollowUp"), w + " longest follow-up");
            JsonNode rl = ra.get("landmarks");
            for (int j = 0; j < 3; j++) {
                JsonNode l = a.get("landmarks").get(j);
                String wl = w + " S(" + rl.get("time").get(j).asText() + ")";
                near(rl.get("time").get(j), l.get("time"), wl + " time");
                near(rl.get("survival").get(j), l.get("survival"), wl);
                near(rl.get("standardError").get(j), l.get("standardError"), wl + " se");
                near(rl.get("lower").get(j), l.get("lower"), wl + " lower");
                near(rl.get("upper").get(j), l.get("upper"), wl + " upper");
                near(rl.get("atRisk").get(j), l.get("atRisk"), wl + " at risk");
            }
            near(r.get("tau"), a.get("rmst").get("horizon"), w + " tau");
            near(ra.get("rmst"), a.get("rmst").get("estimate"), w + " rmean");
            near(ra.get("rmstSe"), a.get("rmst").get("standardError"), w + " se(rmean)");
        }
    }

    @Test
    void comparisonEqualsR() {
        JsonNode e = json.get("endpoints").get(0);
        near(r.get("medianDifference"), e.get("medianDifference").get("value"), "median difference");
        JsonNode rl = r.get("landmarkDifference");
        for (int j = 0; j < 3; j++) {
            JsonNode l = e.get("landmarkDifferences").get(j);
            near(rl.get("difference").get(j), l.get("difference"), "S difference " + j);
            near(rl.get("standardError").get(j), l.get("standardError"), "S difference se " + j);
            near(rl.get("lower").get(j), l.get("lower"), "S difference lower " + j);
            near(rl.get("upper").get(j), l.get("upper"), "S difference upper " + j);
        }
        for (String f : List.of("estimate", "standardError", "lower", "upper", "p")) {
            near(r.get("rmstDifference").get(f), e.get("rmstDifference").get(f), "RMST difference " + f);
        }
        for (String f : List.of("estimate", "logStandardError", "lower", "upper")) {
            near(r.get("rmstRatio").get(f), e.get("rmstRatio").get(f), "RMST ratio " + f);
        }
        near(r.get("logRank").get("chiSquare"), e.get("logRank").get("chiSquare"), "log-rank chi-square");
        assertEquals(r.get("logRank").get("df").asInt(), e.get("logRank").get("df").asInt());
        near(r.get("logRank").get("p"), e.get("logRank").get("p"), "log-rank p");
        for (String f : List.of("estimate", "lower", "upper", "p")) {
            near(r.get("hazardRatioCrude").get(f), e.get("hazardRatioCrude").get(f), "crude HR " + f);
            near(r.get("hazardRatioAdjusted").get(f), e.get("hazardRatioAdjusted").get(f), "adjusted HR " + f);
        }
        near(r.get("proportionalHazards").get("chiSquare"), e.get("proportionalHazards").get("chiSquare"),
                "cox.zph chi-square");
        near(r.get("proportionalHazards").get("p"), e.get("proportionalHazards").get("p"), "cox.zph p");
    }

    /** The sections of the report, each in the Markdown and the HTML. */
    static final List<String> SECTIONS = List.of("Cohort", "OS", "Notes", "Methods");

    @Test
    void markdownAndHtmlHoldTheSameSectionsAndTables() throws Exception {
        String md = Files.readString(dir.resolve("report.md"));
        String html = Files.readString(dir.resolve("report.html"));
        for (String s : List.of("Cohort", "OS", "Methods")) {
            assertTrue(md.contains("## " + s + "\n"), s);
            assertTrue(html.contains("<h2>" + s + "</h2>"), s);
        }
        // every table of the Markdown is a <table> of the HTML, with the same header cells
        Matcher m = Pattern.compile("(?m)^\\| (.*) \\|\\n\\|[-:|]+\\|$").matcher(md);
        int tables = 0;
        while (m.find()) {
            tables++;
            String header = "<tr><th>" + String.join("</th><th>", m.group(1).split(" \\| ")) + "</th></tr>";
            assertTrue(html.contains(header.replace("&lt;", "&lt;")), header);
        }
        assertEquals(tables, count(html, "<table>"));
        assertEquals(3, tables);   // cohort, per arm, treatment vs control
        for (String cell : List.of("Median, days (95% CI)", "S(180 days) (95% CI)", "S(730 days) (95% CI)",
            "RMST to 965 days (SE)", "RMST to 965 days, difference, days", "RMST to 965 days, ratio",
            "Log-rank test", "Hazard ratio, crude", "Hazard ratio, adjusted for age, ph.ecog",
            "Proportional hazards (Schoenfeld test)", "left out: missing ph.ecog")) {
            assertTrue(md.contains(cell), cell);
            assertTrue(html.contains(">" + cell + "<"), cell);
        }
        assertTrue(md.contains("![Kaplan-Meier curves by arm") && md.contains("](km-OS.svg)"), md);
        assertTrue(Files.readString(dir.resolve("km-OS.svg")).contains("<svg"));
        assertTrue(html.contains("<figure id=\"km-OS\"><svg"), "figure inline");
        assertTrue(html.contains("Number at risk"), "risk table in the figure");
        // the PH check beside its test: R's plot(cox.zph(crude)) of the treatment (numbers: ScaledSchoenfeldPlotTest)
        assertTrue(md.contains("![Scaled Schoenfeld residuals of the treatment") && md.contains("](zph-OS.svg)"), md);
        assertTrue(Files.readString(dir.resolve("zph-OS.svg")).contains("<svg"));
        assertTrue(html.contains("<figure id=\"zph-OS\"><svg"), "zph figure inline");
        assertTrue(stdout.contains("report.html"), stdout);
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void badInputIsOneLineAndExitCode2() throws Exception {
        Object[] out = OracleJson.run("report", "--data", "../examples/data/lung.csv", "--time", "time", "--event",
                "status", "--event-value", "2", "--group", "sex", "--covariates", "nosuch", "--out",
                dir.resolve("bad").toString());
        assertEquals(2, out[0]);
        String err = (String) out[2];
        assertTrue(err.contains("nosuch") && err.strip().lines().count() == 1, err);
        Object[] noGroup = OracleJson.run("report", "--data", "../examples/data/lung.csv", "--time", "time",
                "--event", "status", "--event-value", "2", "--out", dir.resolve("bad").toString());
        assertEquals(2, noGroup[0]);
        assertTrue(((String) noGroup[2]).contains("--group"), (String) noGroup[2]);
    }

    /** Chromium parses the page: each section heading, each table with its rows, the figure as SVG; not blank. */
    @Test
    @Tag("browser")
    void htmlRendersEachSectionInChromium() throws Exception {
        Path exe = Path.of("/usr/bin/chromium");
        assumeTrue(Files.isExecutable(exe), "SKIPPED: Chromium is not installed; the report was not rendered");
        String dom = chromium(exe, "--dump-dom", null);
        for (String s : List.of("<h2>Cohort</h2>", "<h2>OS</h2>", "<h2>Notes</h2>", "<h2>Methods</h2>")) {
            if (!s.contains("Notes") || dom.contains("<h2>Notes")) {
                assertTrue(dom.contains(s), s);
            }
        }
        assertEquals(3, count(dom, "<table>"), "tables parsed as tables");
        assertTrue(dom.contains("<caption>Per arm</caption>") && dom.contains("<caption>Treatment vs control</caption>"),
                "table captions");
        assertTrue(dom.contains("<td>Hazard ratio, adjusted for age, ph.ecog</td>"), "adjusted HR row");
        assertTrue(dom.contains("<td>RMST to 965 days, ratio</td>"), "RMST row");
        assertTrue(dom.contains("<td>S(365 days) difference</td>"), "landmark row");
        assertTrue(dom.contains("<td>Proportional hazards (Schoenfeld test)</td>"), "PH row");
        assertTrue(dom.matches("(?s).*<figure id=\"km-OS\"><svg[^>]*xmlns=\"http://www.w3.org/2000/svg\".*"),
                "figure parsed as SVG");
        Path png = dir.resolve("report.png");
        chromium(exe, "--screenshot=" + png, png);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(1000, img.getWidth());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 4) {
            for (int x = 0; x < img.getWidth(); x += 4) {
                colours.add(img.getRGB(x, y) & 0xffffff);
            }
        }
        assertTrue(colours.size() > 10, "report renders blank: " + colours.size() + " colours");
    }

    private static String chromium(Path exe, String mode, Path png) throws Exception {
        Path log = dir.resolve(png == null ? "dom.html" : "chromium.log");
        Process p = new ProcessBuilder(exe.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--no-first-run", "--disable-component-update",
                "--user-data-dir=" + dir.resolve("profile"), "--hide-scrollbars", "--window-size=1000,2400",
                mode, dir.resolve("report.html").toUri().toString())
                .redirectError(dir.resolve("chromium.err").toFile()).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return Files.readString(log);
    }
}
