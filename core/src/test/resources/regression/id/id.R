# coxph(id =) without cluster (R survival 3.5-3): the robust variance is on by default when a subject
# has more than one event (anyDuplicated(id[status == 1])) or the case weights are fractional, and it
# then sums the score residuals within id; several rows per subject alone do not make it robust.
# Run from this folder: Rscript id.R
suppressPackageStartupMessages({ library(survival); library(jsonlite) })
stopifnot(packageVersion("survival") == "3.5.3")
cgd <- read.csv("../../oracle/data/cgd.csv")
cgd$w <- 0.5 + 0.25 * (seq_len(nrow(cgd)) %% 4)
write.csv(cgd, "cgd_w.csv", row.names = FALSE)
heart2 <- heart; heart2$transplant <- as.numeric(as.character(heart2$transplant))
write.csv(heart2, "heart.csv", row.names = FALSE)
one <- function(name, file, expr) {
  d <- read.csv(file)
  fit <- eval(parse(text = expr))
  list(name = name, call = expr, robust = !is.null(fit$naive.var), coefficients = I(unname(coef(fit))),
       var = unname(fit$var), naiveVar = if (is.null(fit$naive.var)) NULL else unname(fit$naive.var),
       loglik = fit$loglik, n = fit$n, nevent = fit$nevent)
}
cases <- list(
  one("cgd_id", "cgd_w.csv", "coxph(Surv(tstart, tstop, status) ~ age + sex, data = d, id = id)"),
  one("cgd_id_model", "cgd_w.csv", "coxph(Surv(tstart, tstop, status) ~ age + sex, data = d, id = id, robust = FALSE)"),
  one("cgd_id_weights", "cgd_w.csv", "coxph(Surv(tstart, tstop, status) ~ age, data = d, id = id, weights = w)"),
  one("heart_id", "heart.csv", "coxph(Surv(start, stop, event) ~ age + transplant, data = d, id = id)"),
  one("heart_id_robust", "heart.csv",
      "coxph(Surv(start, stop, event) ~ age + transplant, data = d, id = id, robust = TRUE)"))
write_json(cases, "id.json", digits = NA, auto_unbox = TRUE, null = "null", pretty = TRUE)
