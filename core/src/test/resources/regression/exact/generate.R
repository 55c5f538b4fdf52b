# Cox models with ties = "exact" (issue 13), in the layout of the oracle's cox cases
# (../../oracle/README.md, section cox). R 4.2.2, survival 3.5-3.
# Run from this folder: Rscript generate.R
suppressPackageStartupMessages(library(survival))
stopifnot(packageVersion("survival") == "3.5.3")
source("../cox_case.R")
num1 <- function(col) list(column = col, type = "numeric", reference = NULL, levels = NULL)
fac <- function(col, levels) list(column = col, type = "factor", reference = levels[1], levels = levels)

one("coxx_lung_age_sex_exact", "lung",
    list(time = "time", event = "status", eventValue = 2, covariates = list(num1("age"), num1("sex")), confLevel = 0.95,
         ties = "exact"),
    "coxph(Surv(time, status == 2) ~ age + sex, data = d, ties = \"exact\")")
one("coxx_edge_ties_group_exact", "edge_ties",
    list(time = "time", event = "status", eventValue = 1, covariates = list(fac("group", c("A", "B"))), confLevel = 0.95, ties = "exact"),
    "coxph(Surv(time, status == 1) ~ group, data = d, ties = \"exact\")")
one("coxx_veteran_trt_karno_strata_celltype_exact", "veteran",
    list(time = "time", event = "status", eventValue = 1, covariates = list(num1("trt"), num1("karno")),
         strata = "celltype", confLevel = 0.9, ties = "exact"),
    "coxph(Surv(time, status == 1) ~ trt + karno + strata(celltype), data = d, ties = \"exact\")")
one("coxx_aml_x_exact", "aml",
    list(time = "time", event = "status", eventValue = 1,
         covariates = list(fac("x", c("Maintained", "Nonmaintained"))), confLevel = 0.95, ties = "exact"),
    "coxph(Surv(time, status == 1) ~ x, data = d, ties = \"exact\")",
    "d$x <- factor(d$x, levels = c(\"Maintained\", \"Nonmaintained\"))")
one("coxx_lung_age_ecog_exact", "lung",
    list(time = "time", event = "status", eventValue = 2,
         covariates = list(num1("age"), fac("ph.ecog", c("0", "1", "2", "3"))), confLevel = 0.95, ties = "exact"),
    "coxph(Surv(time, status == 2) ~ age + ph.ecog, data = d, ties = \"exact\")",
    "d$ph.ecog <- factor(d$ph.ecog, levels = c(0, 1, 2, 3))")
