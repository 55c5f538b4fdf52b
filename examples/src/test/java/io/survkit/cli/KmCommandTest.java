package io.survkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class KmCommandTest {

    static List<String> kmCases() throws IOException {
        return OracleJson.cases("km");
    }

    /** Every km oracle case through the CLI: the JSON result equals R's, field by field. */
    @ParameterizedTest
    @MethodSource("kmCases")
    void jsonEqualsTheOracle(String name) throws IOException {
        JsonNode c = OracleJson.load(name);
        JsonNode p = c.get("params");
        List<String> argv = new ArrayList<>(List.of("km", "--data", OracleJson.data(c), "--json"));
        OracleJson.option(argv, p, "time", "--time");
        OracleJson.option(argv, p, "start", "--start");
        OracleJson.option(argv, p, "event", "--event");
        OracleJson.option(argv, p, "eventValue", "--event-value");
        OracleJson.option(argv, p, "group", "--group");
        OracleJson.option(argv, p, "weights", "--weights");
        OracleJson.option(argv, p, "confType", "--conf-type");
        OracleJson.option(argv, p, "confLevel", "--conf-level");
        OracleJson.option(argv, p, "times", "--times");
        OracleJson.option(argv, p, "tau", "--tau");
        if (c.get("rCall").asText().contains("robust")) {
            OracleJson.option(argv, p, "robust", "--robust");
        }
        OracleJson.assertMatches(c.get("result"), OracleJson.runJson(argv), name);
    }

    static final Path EXTRA = Path.of("..", "core", "src", "test", "resources", "km-extra");

    /** The issue-13 options of R's survfit that are in the extra references (generate.R there). */
    static List<String> optionCases() throws IOException {
        List<String> r = new ArrayList<>();
        for (String n : List.of("kmx_lung_sex_logit", "kmx_aml_x_logit_90", "kmx_aml_x_none", "kmx_lung_sex_stype2",
                "kmx_lung_sex_ctype2", "kmx_ties_group_fh", "kmx_cgd_treat_counting_fh", "kmx_lung_sex_start100",
                "kmx_cgd_treat_counting_start60", "kmx_lung_all_probs", "kmx_lung_sex_rmean_common",
                "kmx_lung_sex_rmean_individual", "kmx_veteran_trt_robust_fh_start30", "kmx_lung_sex_subset",
                "kmx_lung_where_na")) {
            r.add(n);
        }
        return r;
    }

    /**
     * conf.type logit and none, stype/ctype, start.time, probs and rmean through the CLI: the JSON
     * equals R survival 3.5-3's survfit (core/src/test/resources/km-extra/generate.R) field by field.
     */
    @ParameterizedTest
    @MethodSource("optionCases")
    void rOptionsEqualR(String name) throws IOException {
        JsonNode c = OracleJson.JSON.readTree(EXTRA.resolve("expected").resolve(name + ".json").toFile());
        JsonNode p = c.get("params");
        Path file = EXTRA.resolve("data").resolve(c.get("dataset").asText() + ".csv");
        String data = Files.exists(file) ? file.toString() : OracleJson.data(c);
        List<String> argv = new ArrayList<>(List.of("km", "--data", data, "--json"));
        for (String[] o : new String[][] {{"time", "--time"}, {"start", "--start"}, {"event", "--event"},
                {"eventValue", "--event-value"}, {"group", "--group"}, {"weights", "--weights"},
                {"cluster", "--cluster"}, {"confType", "--conf-type"}, {"confLevel", "--conf-level"},
                {"times", "--times"}, {"stype", "--stype"}, {"ctype", "--ctype"}, {"startTime", "--start-time"},
                {"probs", "--probs"}}) {
            OracleJson.option(argv, p, o[0], o[1]);
        }
        OracleJson.option(argv, p, p.get("rmean").isNull() ? "tau" : "rmean", p.get("rmean").isNull() ? "--tau"
                : "--rmean");
        if ("jackknife".equals(p.get("variance").asText())) {
            argv.add("--robust");
        }
        if (c.get("rCall").asText().contains("subset = ")) { // R's subset = the CLI's --where
            String call = c.get("rCall").asText();
            argv.add("--where");
            argv.add(call.substring(call.indexOf("subset = ") + 9, call.lastIndexOf(')')));
        }
        OracleJson.assertMatches(c.get("result"), OracleJson.runJson(argv), name);
    }

    /** --png at a dpi and --pdf write the figure: PNG of width x dpi / 96 pixels, a one-page PDF. */
    @Test
    void pngAndPdfFigures(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path png = dir.resolve("km.png");
        Path pdf = dir.resolve("km.pdf");
        Object[] r = OracleJson.run("km", "--data", OracleJson.ROOT.resolve("data/lung.csv").toString(), "--time",
                "time", "--event", "status", "--event-value", "2", "--group", "sex", "--png", png.toString(), "--dpi",
                "192", "--pdf", pdf.toString());
        assertEquals(0, r[0], (String) r[2]);
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        assertTrue(img.getWidth() > 1000, "192 dpi = twice the SVG's CSS pixels, got " + img.getWidth());
        assertTrue(new String(Files.readAllBytes(pdf), java.nio.charset.StandardCharsets.ISO_8859_1)
                .startsWith("%PDF-"));
        Object[] bad = OracleJson.run("km", "--data", OracleJson.ROOT.resolve("data/lung.csv").toString(), "--time",
                "time", "--event", "status", "--event-value", "2", "--png", png.toString(), "--dpi", "5");
        assertEquals(2, bad[0]);
        assertTrue(((String) bad[2]).contains("--dpi"), (String) bad[2]);
    }

    /** The figure flags reach the SVG: title, axis labels, percent, palette, legend labels, no bands, size. */
    @Test
    void figureFlags(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path svg = dir.resolve("km.svg");
        Object[] r = OracleJson.run("km", "--data", OracleJson.ROOT.resolve("data/lung.csv").toString(), "--time",
                "time", "--event", "status", "--event-value", "2", "--group", "sex", "--svg", svg.toString(),
                "--title", "Lung cancer", "--xlab", "Days", "--ylab", "Alive", "--percent", "--palette", "#aa0000,#0000aa",
                "--legend-labels", "Men,Women", "--no-ci", "--break-time-by", "365", "--size", "7x5in",
                "--legend", "bottom", "--cumulative-events");
        assertEquals(0, r[0], (String) r[2]);
        String s = Files.readString(svg);
        for (String expected : List.of(">Lung cancer<", ">Days<", ">Alive<", ">100%<", "#aa0000", "#0000aa", ">Men<",
                ">Women<", ">365<", ">730<", "width=\"672\"", "data-position=\"bottom\"", "Cumulative number of events")) {
            assertTrue(s.contains(expected), "the figure has " + expected);
        }
        assertFalse(s.contains("ci-band"), "--no-ci draws no bands");
        Object[] bad = OracleJson.run("km", "--data", OracleJson.ROOT.resolve("data/lung.csv").toString(), "--time",
                "time", "--event", "status", "--event-value", "2", "--svg", svg.toString(), "--palette", "rainbow");
        assertEquals(2, bad[0]);
        assertTrue(((String) bad[2]).contains("--palette"), (String) bad[2]);
    }

    @Test
    void textOutputIsRsPrintTable() {
        Object[] r = OracleJson.run("km", "--data", OracleJson.ROOT.resolve("data/lung.csv").toString(), "--time",
                "time", "--event", "status", "--event-value", "2", "--group", "sex");
        assertEquals(0, r[0]);
        String out = (String) r[1];
        assertTrue(out.contains("sex=1 138    112    270     212     310"), out);
    }

    @Test
    void badArgumentsExitTwoWithOneLineNamingTheProblem() {
        String lung = OracleJson.ROOT.resolve("data/lung.csv").toString();
        Object[] unknownColumn = OracleJson.run("km", "--data", lung, "--time", "days", "--event", "status",
                "--event-value", "2");
        assertEquals(2, unknownColumn[0]);
        String err = (String) unknownColumn[2];
        assertTrue(err.contains("'days'"), err);
        assertEquals(1, err.strip().lines().count(), err);
        assertFalse(err.contains("Exception"), err);
        Object[] badConf = OracleJson.run("km", "--data", lung, "--time", "time", "--event", "status",
                "--event-value", "2", "--conf-type", "logistic");
        assertEquals(2, badConf[0]);
        assertTrue(((String) badConf[2]).contains("--conf-type"));
        Object[] missingFile = OracleJson.run("km", "--data", "/nonexistent.csv", "--time", "t", "--event", "e",
                "--event-value", "1");
        assertEquals(2, missingFile[0]);
        Object[] unknownOption = OracleJson.run("km", "--dat", lung);
        assertEquals(2, unknownOption[0]);
        Object[] noCommand = OracleJson.run("kaplan");
        assertEquals(2, noCommand[0]);
    }

    @Test
    void nonFiniteTauOrTimesAndTauBeforeTheFirstTimeFailBeforeAnyOutput() {
        String lung = OracleJson.ROOT.resolve("data/lung.csv").toString();
        for (String[] opt : new String[][] {{"--tau", "NaN"}, {"--times", "100,NaN"}, {"--tau", "3"},
                {"--tau", "Infinity"}}) {
            Object[] r = OracleJson.run("km", "--data", lung, "--time", "time", "--event", "status",
                    "--event-value", "2", opt[0], opt[1]);
            assertEquals(2, r[0], opt[0] + " " + opt[1]);
            assertEquals("", r[1], "nothing printed before the error for " + opt[0] + " " + opt[1]);
            String err = (String) r[2];
            assertEquals(1, err.strip().lines().count(), err);
        }
    }
}
