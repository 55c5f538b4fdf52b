# Cox models with ties = "exact" (issue 13), in the layout of the oracle's cox cases
# (../../oracle/README.md, section cox). R 4.2.2, survival 3.5-3.
# Run from this folder: Rscript generate.R
suppressPackageStartupMessages(library(survival))
stopifnot(packageVersion("survival") == "3.5.3")
oracledata <- "../../oracle/data"
num <- function(x) ifelse(is.finite(x), sprintf("%.17g", x), "null")
arr <- function(x) if (length(x) == 0) "[]" else paste0("[", paste(num(as.numeric(x)), collapse = ", "), "]")
scalar <- function(x) if (is.null(x) || length(x) == 0 || !is.finite(x)) "null" else sprintf("%.17g", x)
str1 <- function(x) if (is.null(x)) "null" else paste0("\"", x, "\"")
strs <- function(x) paste0("[", paste(paste0("\"", x, "\""), collapse = ", "), "]")
chisq <- function(x, df) sprintf("{\"chisq\": %s, \"df\": %d, \"p\": %s}", scalar(x), df,
                                 scalar(pchisq(x, df, lower.tail = FALSE)))

one <- function(case, dataset, params, expr, setup = NULL) {
  d <- read.csv(file.path(oracledata, paste0(dataset, ".csv")), na.strings = "")
  if (!is.null(setup)) eval(parse(text = setup))
  fit <- eval(parse(text = expr))
  s <- summary(fit, conf.int = params$confLevel)
  df <- sum(!is.na(coef(fit)))
  bh <- basehaz(fit, centered = FALSE)
  cov <- paste(vapply(params$covariates, function(v)
    sprintf("{\"column\": \"%s\", \"type\": \"%s\", \"reference\": %s, \"levels\": %s}", v$column, v$type,
            str1(v$reference), if (is.null(v$levels)) "null" else strs(v$levels)), ""), collapse = ", ")
  pj <- sprintf(paste0("{\"time\": \"%s\", \"start\": null, \"event\": \"%s\", \"eventValue\": %s, ",
                       "\"covariates\": [%s], \"strata\": %s, \"weights\": null, \"cluster\": null, ",
                       "\"robust\": false, \"ties\": \"exact\", \"confLevel\": %s, \"naAction\": \"omit\"}"),
                params$time, params$event, params$eventValue, cov, str1(params$strata), params$confLevel)
  res <- paste0("{\"nOmitted\": ", length(fit$na.action), ", \"terms\": ", strs(names(coef(fit))),
    ", \"coef\": ", arr(coef(fit)), ", \"se\": ", arr(sqrt(diag(vcov(fit)))), ", \"robustSe\": null",
    ", \"hr\": ", arr(exp(coef(fit))), ", \"hrLower\": ", arr(s$conf.int[, 3]), ", \"hrUpper\": ", arr(s$conf.int[, 4]),
    ", \"z\": ", arr(s$coefficients[, "z"]), ", \"p\": ", arr(s$coefficients[, "Pr(>|z|)"]),
    ", \"loglikNull\": ", scalar(fit$loglik[1]), ", \"loglik\": ", scalar(fit$loglik[2]),
    ", \"lrt\": ", chisq(2 * diff(fit$loglik), df), ", \"wald\": ", chisq(fit$wald.test, df),
    ", \"score\": ", chisq(fit$score, df),
    ", \"concordance\": ", scalar(fit$concordance["concordance"]), ", \"concordanceSe\": ", scalar(fit$concordance["std"]),
    ", \"n\": ", fit$n, ", \"events\": ", fit$nevent, ", \"iterations\": ", fit$iter,
    ", \"baseline\": {\"strata\": ", if (is.null(bh$strata)) "null" else strs(as.character(bh$strata)),
    ", \"time\": ", arr(bh$time), ", \"cumhaz\": ", arr(bh$hazard), "}}")
  json <- paste0("{\"case\": ", str1(case), ", \"analysis\": \"cox\", \"dataset\": ", str1(dataset),
                 ", \"rCall\": ", str1(gsub("\"", "\\\\\"", paste(c(setup, expr), collapse = "; "))),
                 ", \"params\": ", pj, ", \"result\": ", res, "}\n")
  writeLines(json, paste0(case, ".json"), sep = "")
}
num1 <- function(col) list(column = col, type = "numeric", reference = NULL, levels = NULL)
fac <- function(col, levels) list(column = col, type = "factor", reference = levels[1], levels = levels)

one("coxx_lung_age_sex_exact", "lung",
    list(time = "time", event = "status", eventValue = 2, covariates = list(num1("age"), num1("sex")), confLevel = 0.95),
    "coxph(Surv(time, status == 2) ~ age + sex, data = d, ties = \"exact\")")
one("coxx_edge_ties_group_exact", "edge_ties",
    list(time = "time", event = "status", eventValue = 1, covariates = list(fac("group", c("A", "B"))), confLevel = 0.95),
    "coxph(Surv(time, status == 1) ~ group, data = d, ties = \"exact\")")
one("coxx_veteran_trt_karno_strata_celltype_exact", "veteran",
    list(time = "time", event = "status", eventValue = 1, covariates = list(num1("trt"), num1("karno")),
         strata = "celltype", confLevel = 0.9),
    "coxph(Surv(time, status == 1) ~ trt + karno + strata(celltype), data = d, ties = \"exact\")")
one("coxx_aml_x_exact", "aml",
    list(time = "time", event = "status", eventValue = 1,
         covariates = list(fac("x", c("Maintained", "Nonmaintained"))), confLevel = 0.95),
    "coxph(Surv(time, status == 1) ~ x, data = d, ties = \"exact\")",
    "d$x <- factor(d$x, levels = c(\"Maintained\", \"Nonmaintained\"))")
one("coxx_lung_age_ecog_exact", "lung",
    list(time = "time", event = "status", eventValue = 2,
         covariates = list(num1("age"), fac("ph.ecog", c("0", "1", "2", "3"))), confLevel = 0.95),
    "coxph(Surv(time, status == 2) ~ age + ph.ecog, data = d, ties = \"exact\")",
    "d$ph.ecog <- factor(d$ph.ecog, levels = c(0, 1, 2, 3))")
