# anova(coxph) tables for CoxAnovaTest (issue 13). R 4.2.2, survival 3.5-3.
# Run from this folder: Rscript anova.R > anova.json
suppressPackageStartupMessages(library(survival))
library(jsonlite)
lung <- read.csv("../../oracle/data/lung.csv", na.strings = "")
vet <- read.csv("../../oracle/data/veteran.csv", na.strings = "")
vet$celltype <- factor(vet$celltype, levels = c("squamous", "adeno", "large", "smallcell"))
tab <- function(a) list(terms = I(rownames(a)), loglik = a$loglik, chisq = a$Chisq, df = a$Df, p = a[["Pr(>|Chi|)"]])
out <- list(
  lungSequential = c(list(rCall = "anova(coxph(Surv(time, status == 2) ~ age + sex + ph.ecog, data = lung))",
                          formula = "age + sex + ph.ecog", ties = "efron"),
                     tab(anova(coxph(Surv(time, status == 2) ~ age + sex + ph.ecog, data = lung)))),
  lungStrataBreslow = c(list(rCall = "anova(coxph(Surv(time, status == 2) ~ age + ph.ecog + strata(sex), data = lung, ties = 'breslow'))",
                          formula = "age + ph.ecog + strata(sex)", ties = "breslow"),
                     tab(anova(coxph(Surv(time, status == 2) ~ age + ph.ecog + strata(sex), data = lung, ties = "breslow")))),
  veteranFactor = c(list(rCall = "anova(coxph(Surv(time, status == 1) ~ trt + celltype + karno, data = veteran))",
                          formula = "trt + factor(celltype, ref = squamous) + karno", ties = "efron"),
                     tab(anova(coxph(Surv(time, status == 1) ~ trt + celltype + karno, data = vet)))),
  lungModels = c(list(rCall = "anova(coxph(Surv(time, status == 2) ~ age, lung), coxph(Surv(time, status == 2) ~ age + sex + wt.loss, lung)) on the rows complete in wt.loss",
                      small = "age", large = "age + sex + wt.loss", ties = "efron"),
                 {l2 <- lung[!is.na(lung$wt.loss), ];
                  tab(anova(coxph(Surv(time, status == 2) ~ age, data = l2),
                            coxph(Surv(time, status == 2) ~ age + sex + wt.loss, data = l2)))}))
cat(toJSON(out, digits = I(17), na = "null", auto_unbox = TRUE))
