package io.survkit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.survkit.oracle.Oracle;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The formula subset, its typed equivalent, and the model frame's columns and labels (R's rules). */
class TermsTest {
    private static SurvivalData veteran() {
        return SurvivalData.csv(Oracle.data("veteran")).time("time").event("status", "1").read();
    }

    private static SurvivalData lung() {
        return SurvivalData.csv(Oracle.data("lung")).time("time").event("status", "2").read();
    }

    @Test
    void parsedAndTypedTermsAreEqual() {
        Terms parsed = Terms.parse("age + sex + factor(celltype, ref = squamous) + strata(inst) + cluster(id)");
        Terms typed = Terms.of(Terms.variable("age"), Terms.variable("sex"), Terms.factor("celltype", "squamous"),
                Terms.strata("inst"), Terms.cluster("id"));
        assertEquals(typed, parsed);
        assertEquals("age + sex + factor(celltype, ref = squamous) + strata(inst) + cluster(id)", parsed.formula());
    }

    @Test
    void interactionsFollowMainEffectsAsRsTermsFormula() {
        // R: attr(terms(~ a:b + c), "term.labels") is c("c", "a:b"); ~ a*b is a + b + a:b
        assertEquals("c + a:b", Terms.parse("a:b + c").formula());
        assertEquals("a + b + a:b", Terms.parse("a*b").formula());
        assertEquals("a + b + a:b", Terms.parse("a + b + a*b").formula());
        assertEquals("a + b + c + a:b + a:c + b:c + a:b:c", Terms.parse("a*b*c").formula());
        assertEquals("`Year of diagnosis` + ph.ecog", Terms.parse("`Year of diagnosis` + ph.ecog").formula());
        assertTrue(Terms.parse("1").isEmpty());
        assertTrue(Terms.parse("").isEmpty());
    }

    @Test
    void badFormulaNamesPositionTokenAndExpectation() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Terms.parse("age + + sex"));
        assertTrue(e.getMessage().contains("position 7") && e.getMessage().contains("'+'")
                && e.getMessage().contains("expected a column name"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Terms.parse("log(age)"));
        assertTrue(e.getMessage().contains("unknown function 'log'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Terms.parse("factor(x, lvl = a)"));
        assertTrue(e.getMessage().contains("'ref ='"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Terms.parse("age sex"));
        assertTrue(e.getMessage().contains("position 5") && e.getMessage().contains("'sex'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ModelFrame.of(lung(), "age + weight"));
        assertTrue(e.getMessage().contains("unknown column 'weight'") && e.getMessage().contains("ph.ecog"),
                e.getMessage());
    }

    @Test
    void designColumnsAreNamedAsRsModelMatrix() {
        // R: d$celltype <- relevel(factor(d$celltype), "squamous"); colnames(model.matrix(~ karno * celltype, d))
        ModelFrame f = ModelFrame.of(veteran(), "karno * factor(celltype, ref = squamous)");
        assertEquals(List.of("karno", "celltypeadeno", "celltypelarge", "celltypesmallcell", "karno:celltypeadeno",
                "karno:celltypelarge", "karno:celltypesmallcell"), f.columnNames());
        assertEquals(List.of("karno", "celltype", "karno:celltype"),
                f.termSpans().stream().map(ModelFrame.TermSpan::name).toList());
        assertEquals(3, f.termSpans().get(1).columnCount());
        for (int i = 0; i < f.rowCount(); i++) {
            assertEquals(f.value(i, 0) * f.value(i, 1), f.value(i, 4));
        }
    }

    @Test
    void strataLabelsAreRsStrataLabels() {
        // R: levels(strata(veteran$celltype)) is adeno, large, smallcell, squamous (a text column: no name);
        // levels(strata(veteran$prior)) is prior=0, prior=10; two columns: "trt=1, prior=0 " (R's format pads)
        assertEquals(List.of("adeno", "large", "smallcell", "squamous"),
                ModelFrame.of(veteran(), "strata(celltype)").strata().orElseThrow().labels());
        assertEquals(List.of("prior=0", "prior=10"),
                ModelFrame.of(veteran(), "strata(prior)").strata().orElseThrow().labels());
        assertEquals(List.of("trt=1, prior=0 ", "trt=1, prior=10", "trt=2, prior=0 ", "trt=2, prior=10"),
                ModelFrame.of(veteran(), "strata(trt, prior)").strata().orElseThrow().labels());
    }

    @Test
    void groupLabelsAreSurvfitStrataNames() {
        // R: names(survfit(Surv(time, status) ~ sex + ph.ecog, lung)$strata), only combinations with rows
        ModelFrame f = ModelFrame.of(lung(), "sex + ph.ecog");
        assertEquals(List.of("sex=1, ph.ecog=0", "sex=1, ph.ecog=1", "sex=1, ph.ecog=2", "sex=1, ph.ecog=3",
                "sex=2, ph.ecog=0", "sex=2, ph.ecog=1", "sex=2, ph.ecog=2"), f.groups().orElseThrow().labels());
        assertEquals(1, f.omittedRows());
        assertEquals(List.of("celltype=squamous", "celltype=adeno", "celltype=large", "celltype=smallcell"),
                ModelFrame.of(veteran(), "factor(celltype, ref = squamous)").groups().orElseThrow().labels());
    }

    @Test
    void eachAnalysisDropsOnlyItsOwnMissingRows() {
        SurvivalData lung = lung();
        assertEquals(228, ModelFrame.of(lung, "sex").rowCount());
        assertEquals(227, ModelFrame.of(lung, "sex + ph.ecog").rowCount());
        assertEquals(1, ModelFrame.of(lung, "age + sex + ph.ecog").omittedRows());
    }

    @Test
    void textColumnUsedAsNumberIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelFrame.of(veteran(), Terms.of(Terms.numeric("celltype"))));
        assertTrue(e.getMessage().contains("column 'celltype' holds text"), e.getMessage());
    }
}
