package io.survkit.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.survkit.data.SurvivalData;
import io.survkit.oracle.Oracle;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * {@link CoxAnova} against R survival 3.5-3's {@code anova(coxph)} (regression/anova/anova.R):
 * sequential tables with numeric terms, strata with Breslow ties and a factor term (3 df), and the
 * comparison of two nested models; log-likelihoods, chi-squares, df and p at 1e-8.
 */
class CoxAnovaTest {
    static JsonNode reference() throws IOException {
        return new ObjectMapper().readTree(Oracle.root().getParent().resolve("regression").resolve("anova")
                .resolve("anova.json").toFile());
    }

    static SurvivalData lung() {
        return SurvivalData.csv(Oracle.root().resolve("data").resolve("lung.csv")).time("time").event("status", "2")
                .read();
    }

    static CoxRegression cox(JsonNode c) {
        return CoxRegression.withDefaults().withTies(TieMethod.valueOf(c.get("ties").asText().toUpperCase()));
    }

    static void assertTable(JsonNode e, AnovaResult a, String where) {
        assertEquals(e.get("terms").size(), a.rowCount(), where + " rows");
        for (int i = 0; i < a.rowCount(); i++) {
            CoxOracleTest.near(e.get("loglik").get(i), a.logLikelihood(i), where + " loglik " + i);
            if (i > 0) {
                CoxOracleTest.near(e.get("chisq").get(i), a.test(i).statistic(), where + " chisq " + i);
                assertEquals(e.get("df").get(i).asInt(), a.test(i).degreesOfFreedom(), where + " df " + i);
                CoxOracleTest.near(e.get("p").get(i), a.test(i).pValue(), where + " p " + i);
            }
        }
    }

    @Test
    void sequentialTablesEqualR() throws IOException {
        JsonNode ref = reference();
        for (String name : new String[] {"lungSequential", "lungStrataBreslow"}) {
            JsonNode c = ref.get(name);
            assertTable(c, CoxAnova.sequential(cox(c), lung(), c.get("formula").asText()), name);
        }
        JsonNode v = ref.get("veteranFactor");
        SurvivalData vet = SurvivalData.csv(Oracle.root().resolve("data").resolve("veteran.csv")).time("time")
                .event("status", "1").read();
        AnovaResult a = CoxAnova.sequential(cox(v), vet, v.get("formula").asText());
        assertTable(v, a, "veteranFactor");
        assertEquals(3, a.test(2).degreesOfFreedom(), "celltype adds 3 coefficients");
    }

    @Test
    void nestedModelsEqualR() throws IOException {
        JsonNode c = reference().get("lungModels");
        SurvivalData complete = lung();
        complete = complete.rows(io.survkit.data.ModelFrame.of(complete, "wt.loss").dataRows());
        CoxResult small = cox(c).fit(complete, c.get("small").asText());
        CoxResult large = cox(c).fit(complete, c.get("large").asText());
        assertTable(c, CoxAnova.compare(small, large), "lungModels");
    }

    @Test
    void refusesWhatRRefuses() {
        SurvivalData d = lung();
        CoxResult all = CoxRegression.withDefaults().fit(d, "age");
        CoxResult fewer = CoxRegression.withDefaults().fit(d, "age + ph.ecog");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CoxAnova.compare(all, fewer));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("same rows"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> CoxAnova.sequential(CoxRegression.withDefaults().withVariance(Variance.ROBUST), d, "age"));
        assertThrows(IllegalArgumentException.class, () -> CoxAnova.compare(all));
    }

    /**
     * AIC and BIC as R's AIC(fit), BIC(fit) (nobs = events): lung ~ age + sex + ph.ecog and veteran ~
     * trt + celltype + karno + strata(prior) with Breslow ties; values printed by R 4.2.2 with %.17g.
     */
    @Test
    void informationCriteriaEqualR() {
        InformationCriteria a = InformationCriteria.of(CoxRegression.withDefaults().fit(lung(), "age + sex + ph.ecog"));
        CoxOracleTest.near(new com.fasterxml.jackson.databind.node.DoubleNode(1464.4602427497239), a.aic(), "AIC");
        CoxOracleTest.near(new com.fasterxml.jackson.databind.node.DoubleNode(1473.7598420331965), a.bic(), "BIC");
        assertEquals(164, a.observations());
        SurvivalData vet = SurvivalData.csv(Oracle.root().resolve("data").resolve("veteran.csv")).time("time")
                .event("status", "1").read();
        InformationCriteria b = InformationCriteria.of(CoxRegression.withDefaults().withTies(TieMethod.BRESLOW)
                .fit(vet, "trt + factor(celltype, ref = squamous) + karno + strata(prior)"));
        CoxOracleTest.near(new com.fasterxml.jackson.databind.node.DoubleNode(815.82862582104303), b.aic(), "AIC");
        CoxOracleTest.near(new com.fasterxml.jackson.databind.node.DoubleNode(830.08877714064113), b.bic(), "BIC");
    }
}
