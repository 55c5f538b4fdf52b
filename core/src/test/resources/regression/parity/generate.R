# Cox models with R options of issue 13 (natural splines ns(), ...), in the layout of the oracle's
# cox cases plus params.formula (survkit's formula for the same model). R 4.2.2, survival 3.5-3.
# Run from this folder: Rscript generate.R
suppressPackageStartupMessages({library(survival); library(splines)})
stopifnot(packageVersion("survival") == "3.5.3")
source("../cox_case.R")
num1 <- function(col) list(column = col, type = "numeric", reference = NULL, levels = NULL)

one("coxp_lung_ns_age_3_sex", "lung",
    list(time = "time", event = "status", eventValue = 2, covariates = list(num1("age"), num1("sex")),
         confLevel = 0.95, formula = "ns(age, df = 3) + sex"),
    "coxph(Surv(time, status == 2) ~ ns(age, df = 3) + sex, data = d)")
one("coxp_lung_ns_age_2_strata_sex", "lung",
    list(time = "time", event = "status", eventValue = 2, covariates = list(num1("age")), strata = "sex",
         confLevel = 0.95, formula = "ns(age, df = 2) + strata(sex)"),
    "coxph(Surv(time, status == 2) ~ ns(age, df = 2) + strata(sex), data = d)")
one("coxp_veteran_ns_karno_4_trt_breslow", "veteran",
    list(time = "time", event = "status", eventValue = 1, covariates = list(num1("karno"), num1("trt")),
         confLevel = 0.95, ties = "breslow", formula = "ns(karno, df = 4) + trt"),
    "coxph(Surv(time, status == 1) ~ ns(karno, df = 4) + trt, data = d, ties = \"breslow\")")
# control = coxph.control(eps =, iter.max =): --eps and --iter-max on the command line
one("coxp_lung_age_sex_eps_1e-4", "lung",
    list(time = "time", event = "status", eventValue = 2, covariates = list(num1("age"), num1("sex")),
         confLevel = 0.95, formula = "age + sex", eps = 1e-4),
    "coxph(Surv(time, status == 2) ~ age + sex, data = d, control = coxph.control(eps = 1e-4))")
# coxph(init =): the first loglik, the score test and the Wald test at / against the initial values
one("coxp_lung_age_sex_init", "lung",
    list(time = "time", event = "status", eventValue = 2, covariates = list(num1("age"), num1("sex")),
         confLevel = 0.95, formula = "age + sex", init = c(0.01, -0.3)),
    "coxph(Surv(time, status == 2) ~ age + sex, data = d, init = c(0.01, -0.3))")
one("coxp_lung_age_sex_init_iter0", "lung",
    list(time = "time", event = "status", eventValue = 2, covariates = list(num1("age"), num1("sex")),
         confLevel = 0.95, formula = "age + sex", init = c(0.0173, -0.5071), iterMax = 0),
    "coxph(Surv(time, status == 2) ~ age + sex, data = d, init = c(0.0173, -0.5071), control = coxph.control(iter.max = 0))")
