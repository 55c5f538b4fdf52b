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
import java.util.regex.Pattern;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The study end to end through the CLI: the paper's headline table, report files, HTML in Chromium. */
class GistCommandTest {
    @TempDir
    static Path dir;
    static String stdout;

    @BeforeAll
    static void run() {
        Object[] r = OracleJson.run("gist", "--out", dir.toString(), "--html", dir.resolve("report.html").toString());
        assertEquals(0, r[0], (String) r[2]);
        stdout = (String) r[1];
    }

    @Test
    void printsThePapersHeadlineTableReproduced() {
        assertTrue(stdout.contains("Patients                                             607                    607"),
                stdout);
        assertTrue(stdout.matches("(?s).*Median CSS, chemotherapy alone \\(months\\) +57 +57 \\(.*"), stdout);
        assertTrue(stdout.matches("(?s).*Median OS, chemotherapy alone \\(months\\) +44 +44 \\(.*"), stdout);
        assertTrue(stdout.matches("(?s).*CSS gain \\(months, bound at 120\\) +\u2265 63 +\u2265 63\n.*"), stdout);
        assertTrue(stdout.matches("(?s).*OS gain \\(months, bound at 120\\) +\u2265 76 +\u2265 76\n.*"), stdout);
        assertTrue(stdout.contains("held in all 3"), stdout);
    }

    @Test
    void writesMarkdownJsonAndHtmlReports() throws Exception {
        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.contains("| Chemotherapy alone | 380 | 380 |"), md);
        assertTrue(md.contains("cumulative incidence"), md);
        // net survival per arm at 1, 3 and 5 years (Pohar-Perme, US life tables), between 0 and 100 %
        assertTrue(md.matches("(?s).*## Net survival \\(Pohar-Perme, US life tables\\).*\\| arm=Chemotherapy alone \\| "
                + "\\d+\\.\\d % \\(.*\\| arm=Surgery \\+ chemotherapy \\| \\d+\\.\\d % .*"), md);
        JsonNode json = OracleJson.JSON.readTree(dir.resolve("report.json").toFile());
        assertTrue(json.size() > 0);
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.contains("<svg"));
        assertTrue(Files.size(dir.resolve("seer_gist_export.csv")) > 10_000);
    }

    /** Issue 17: the prognostic-model section (C apparent and corrected, AUC at 12/36/60, calibration, nomogram). */
    @Test
    void reportsThePrognosticModel() throws Exception {
        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.contains("## Prognostic model") && md.contains("| C | ") && md.contains("| Slope | ")
                && md.contains("| 36 | ") && md.contains("Calibration slope"), md);
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("Prognostic model") && html.contains("Calibration at 36 months")
                && html.contains("Nomogram: cancer-specific survival"), "html sections");
    }

    @Test
    void outputsAreCheckedBeforeTheStudyRunsNamingTheRightOption() throws Exception {
        // issue 12: --html naming a folder printed the whole report, then blamed --out
        Path out = dir.resolve("checked");
        Object[] r = OracleJson.run("gist", "--out", out.toString(), "--html", dir.toString());
        assertEquals(2, r[0]);
        assertEquals("", r[1], "nothing computed or printed");
        String err = (String) r[2];
        assertTrue(err.contains("--html") && err.contains("is a folder") && !err.contains("--out"), err);
        Path file = dir.resolve("a-file");
        Files.writeString(file, "x");
        Object[] f = OracleJson.run("gist", "--out", file.toString());
        assertEquals(2, f[0]);
        assertEquals("", f[1]);
        assertTrue(((String) f[2]).contains("--out") && ((String) f[2]).contains("is a file"), (String) f[2]);
    }

    /**
     * The extrapolation section (issue 16): the chemotherapy-alone arm's overall survival under the six
     * TSD 14 distributions to 40 years, the best by AIC with its mean, and the overlay figure.
     */
    @Test
    void reportsTheExtrapolation() throws Exception {
        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.contains("## Extrapolation: chemotherapy alone, overall survival to 40 years"), md);
        assertTrue(md.contains("Best fit by AIC:"), md);
        for (String d : new String[] {"exponential", "weibull", "gompertz", "loglogistic", "lognormal", "gengamma"}) {
            assertTrue(md.contains("| " + d + " | "), d);
        }
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("Chemotherapy alone: overall survival extrapolated"), "overlay figure");
    }

    /**
     * Issue 15: the study's report is complete, through the one report writer: the arm comparison
     * (cohort, per endpoint the Kaplan-Meier figure, arm and comparison tables with RMST, landmark
     * survival, adjusted HR and the PH test, subgroups, notes, landmark analysis, methods) and the
     * study's sections, each in the Markdown and the HTML, every Markdown table an HTML table.
     */
    @Test
    void reportIsCompleteInMarkdownAndHtml() throws Exception {
        String md = Files.readString(dir.resolve("report.md"));
        String html = Files.readString(dir.resolve("report.html"));
        for (String h : List.of("Reported in the paper vs reproduced here", "Cohort selection", "Cohort", "CSS", "OS",
            "Subgroups by timing (interaction: Cox likelihood-ratio test)", "Notes", "Propensity score", "Methods",
            "Propensity-matched comparison", "Net survival (Pohar-Perme, US life tables)", "Prognostic model",
            "Extrapolation: chemotherapy alone, overall survival to 40 years")) {
            assertTrue(md.matches("(?s).*\\n#+ " + Pattern.quote(h) + "\\n.*"), h);
            assertTrue(html.matches("(?s).*<h\\d>" + Pattern.quote(h.replace("&", "&amp;")) + "</h\\d>.*"), h);
        }
        assertTrue(md.contains("Landmark analysis at 6 months"), "landmark analysis with its unit");
        for (String row : List.of("Median, months (95% CI)", "S(36 months) (95% CI)", "RMST to 120 months (SE)",
            "S(60 months) difference", "RMST to 120 months, ratio", "Hazard ratio, adjusted for age, sex, size",
            "Proportional hazards (Schoenfeld test)")) {
            assertTrue(md.contains("| " + row + " |"), row);
            assertTrue(html.contains("<th>" + row + "</th>") || html.contains("<td>" + row + "</td>"), row);
        }
        int mdTables = md.split("\\n\\|[-:|]+\\|\\n", -1).length - 1;
        assertEquals(mdTables, html.split("<table>", -1).length - 1, "every Markdown table is an HTML table");
        for (String f : List.of("km-CSS", "km-OS", "landmark-km-CSS", "forest-css", "calibration", "extrapolation")) {
            assertTrue(md.contains("](" + f + ".svg)"), f);
            assertTrue(html.contains("<figure id=\"" + f + "\"><svg"), f);
            assertTrue(Files.readString(dir.resolve(f + ".svg")).contains("<svg"), f);
        }
    }

    /** Issue 15: {@code gist --data} runs the whole study on the user's export (here: the synthetic one, copied). */
    @Test
    void runsOnTheUsersExport() throws Exception {
        Path mine = dir.resolve("mine");
        Files.createDirectories(mine);
        Path export = Files.copy(dir.resolve("seer_gist_export.csv"), mine.resolve("my_export.csv"));
        Path out = mine.resolve("out");
        Object[] r = OracleJson.run("gist", "--data", export.toString(), "--out", out.toString());
        assertEquals(0, r[0], (String) r[2]);
        assertTrue(((String) r[1]).contains("SEER*Stat export my_export.csv"), (String) r[1]);
        assertTrue(Files.notExists(out.resolve("seer_gist_export.csv")), "no synthetic export written");
        assertEquals(Files.readString(dir.resolve("report.json")), Files.readString(out.resolve("report.json")));
        Object[] missing = OracleJson.run("gist", "--data", mine.resolve("nosuch.csv").toString(), "--out",
                out.toString());
        assertEquals(2, missing[0]);
        assertTrue(((String) missing[2]).contains("--data") && ((String) missing[2]).contains("nosuch.csv"),
                (String) missing[2]);
    }

    @Test
    @Tag("browser")
    void htmlReportRendersInChromium() throws Exception {
        Path exe = Path.of("/usr/bin/chromium");
        assumeTrue(Files.isExecutable(exe), "SKIPPED: Chromium is not installed; the report was not rendered");
        Path png = dir.resolve("report.png");
        Process p = new ProcessBuilder(exe.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--no-first-run", "--disable-component-update",
                "--user-data-dir=" + dir.resolve("profile"), "--hide-scrollbars", "--window-size=1000,1600",
                "--screenshot=" + png, dir.resolve("report.html").toUri().toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(1000, img.getWidth());
        assertEquals(1600, img.getHeight());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 4) {
            for (int x = 0; x < img.getWidth(); x += 4) {
                colours.add(img.getRGB(x, y) & 0xffffff);
            }
        }
        assertTrue(colours.size() > 10, "report renders blank: " + colours.size() + " colours");
    }
}
