package io.survkit.plot;

import static io.survkit.plot.FigureReferences.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.survkit.data.ModelFrame;
import io.survkit.regression.CoxRegression;
import io.survkit.regression.CoxResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The forest plot of a Cox fit against R (reference/figures.R, R 4.2.2, survival 3.5-3):
 * {@code coxph(Surv(time, status == 2) ~ age + sex + factor(ph.ecog), lung)}: each drawn box's
 * hazard ratio, limits, se and p equal {@code summary(fit)}; N per level equals
 * {@code table(model.frame(fit))}; the footer's events, log-likelihood, AIC, concordance and global
 * tests equal {@code fit$nevent}, {@code fit$loglik}, {@code AIC(fit)}, {@code fit$concordance} and
 * {@code summary(fit)$logtest/waldtest/sctest}. Box area is proportional to 1/se^2.
 */
class CoxForestPlotTest {
    static final String FORMULA = "age + sex + factor(ph.ecog)";

    static String figure() {
        ModelFrame frame = ModelFrame.of(FigureReferences.lung(), FORMULA);
        CoxResult fit = CoxRegression.withDefaults().fit(frame);
        return CoxForestPlot.withDefaults().withTitle("Lung: hazard ratios").render(fit, frame);
    }

    private static List<Element> byClass(Document doc, String tag, String cls) {
        List<Element> r = new ArrayList<>();
        NodeList all = doc.getElementsByTagName(tag);
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (cls.equals(e.getAttribute("class"))) {
                r.add(e);
            }
        }
        return r;
    }

    @Test
    void drawnNumbersEqualCoxph() throws Exception {
        JsonNode r = FigureReferences.load().get("forest");
        Document doc = SvgXml.parse(figure());
        List<Element> boxes = byClass(doc, "rect", "box");
        assertEquals(r.get("hr").size(), boxes.size());
        double side0 = Double.parseDouble(boxes.get(0).getAttribute("width"));
        double se0 = r.get("se").get(0).asDouble();
        for (int j = 0; j < boxes.size(); j++) {
            Element b = boxes.get(j);
            String what = r.get("coefficients").get(j).asText();
            assertClose(r.get("hr").get(j).asDouble(), Double.parseDouble(b.getAttribute("data-hr")), what);
            assertClose(r.get("lower").get(j).asDouble(), Double.parseDouble(b.getAttribute("data-lower")), what);
            assertClose(r.get("upper").get(j).asDouble(), Double.parseDouble(b.getAttribute("data-upper")), what);
            assertClose(r.get("se").get(j).asDouble(), Double.parseDouble(b.getAttribute("data-se")), what);
            assertClose(r.get("p").get(j).asDouble(), Double.parseDouble(b.getAttribute("data-p")), what);
            // area ∝ 1/se²: side ∝ 1/se (2-decimal SVG rounding), at least the visible minimum
            double side = Double.parseDouble(b.getAttribute("width"));
            double exact = side0 * se0 / r.get("se").get(j).asDouble();
            assertEquals(Math.max(exact, CoxForestPlot.MIN_BOX), side, 0.01, what + " box side");
            assertEquals(exact < CoxForestPlot.MIN_BOX, Boolean.parseBoolean(b.getAttribute("data-min-size")), what);
        }
        // N: every row for numeric terms, table() per level for the factor, the reference marked
        assertEquals(r.get("n").asInt(), Integer.parseInt(boxes.get(0).getAttribute("data-n")));
        List<Element> refs = byClass(doc, "text", "reference");
        assertEquals(1, refs.size());
        assertEquals("0", refs.get(0).getAttribute("data-level"));
        assertEquals("reference", refs.get(0).getTextContent());
        JsonNode levels = r.get("nEcog");
        assertEquals(levels.get("0").asInt(), Integer.parseInt(refs.get(0).getAttribute("data-n")));
        for (int j = 2; j < 5; j++) {
            Element b = boxes.get(j);
            assertEquals("ph.ecog", b.getAttribute("data-term"));
            assertEquals(levels.get(b.getAttribute("data-level")).asInt(), Integer.parseInt(b.getAttribute("data-n")));
        }
        List<Element> footer = byClass(doc, "text", "footer");
        assertEquals(r.get("events").asInt(), Integer.parseInt(footer.get(0).getAttribute("data-events")));
        assertClose(r.get("loglik").asDouble(), Double.parseDouble(footer.get(0).getAttribute("data-loglik")), "loglik");
        assertClose(r.get("aic").asDouble(), Double.parseDouble(footer.get(0).getAttribute("data-aic")), "AIC");
        assertClose(r.get("concordance").asDouble(), Double.parseDouble(footer.get(0).getAttribute("data-concordance")),
                "concordance");
        assertClose(r.get("pLikelihoodRatio").asDouble(), Double.parseDouble(footer.get(0).getAttribute("data-p-lr")),
                "LR p");
        assertClose(r.get("pWald").asDouble(), Double.parseDouble(footer.get(1).getAttribute("data-p-wald")), "Wald p");
        assertClose(r.get("pScore").asDouble(), Double.parseDouble(footer.get(1).getAttribute("data-p-score")),
                "score p");
        assertTrue(footer.get(0).getTextContent().startsWith("# Events: 164; Global p-value (likelihood ratio): 1e-05;"
                + " AIC: 1468.09; Concordance Index: 0.64"), footer.get(0).getTextContent());
        // printed: exp(coef) and limits with 2 decimals as summary(fit) rounds them
        List<String> est = KaplanMeierPlotOptionsTest.texts(doc, "estimate");
        assertEquals("0.58 (0.42 - 0.81)", est.get(1));
    }

    /** A spline's columns are the levels 1, 2, 3 of their term; an interaction is one row of its own term. */
    @Test
    void splineColumnsAndInteractionsAreRowsOfTheirTerm() throws Exception {
        ModelFrame frame = ModelFrame.of(FigureReferences.lung(), "ns(age, 3) + age:sex");
        CoxResult fit = CoxRegression.withDefaults().fit(frame);
        List<CoxForestPlot.Row> rows = CoxForestPlot.rows(fit, frame);
        assertEquals(List.of("1", "2", "3", ""), rows.stream().map(CoxForestPlot.Row::level).toList());
        assertEquals(List.of(0, 1, 2, 3), rows.stream().map(CoxForestPlot.Row::coefficient).toList());
        Document doc = SvgXml.parse(CoxForestPlot.withDefaults().render(fit, frame));
        assertEquals(4, byClass(doc, "rect", "box").size());
        assertEquals("ns(age, df = 3)", byClass(doc, "text", "term").get(0).getTextContent());
    }

    @Test
    void aFrameOtherThanTheFitsIsRejected() {
        ModelFrame frame = ModelFrame.of(FigureReferences.lung(), FORMULA);
        CoxResult fit = CoxRegression.withDefaults().fit(FigureReferences.lung(), "age + sex");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CoxForestPlot.withDefaults().render(fit, frame));
        assertTrue(e.getMessage().contains("not the one the fit used"), e.getMessage());
    }
}
