# Extra Kaplan-Meier reference cases from R (survival 3.5-3), beside the shared oracle: the
# infinitesimal-jackknife variance with clusters and with delayed entry, robust = TRUE without
# weights, confidence types with the jackknife, and strata. Same result layout as the oracle's km
# cases (see ../oracle/README.md). Run from this folder: Rscript generate.R
suppressPackageStartupMessages(library(survival))
stopifnot(packageVersion("survival") == "3.5.3")

num <- function(x) {
  if (length(x) == 0) return("[]")
  v <- ifelse(is.finite(x), sprintf("%.17g", x), "null")
  v
}
arr <- function(x) if (length(x) == 0) "[]" else paste0("[", paste(num(as.numeric(x)), collapse = ", "), "]")
scalar <- function(x) if (is.null(x) || length(x) == 0 || !is.finite(x)) "null" else sprintf("%.17g", x)
str1 <- function(x) if (is.null(x)) "null" else paste0("\"", x, "\"")

oracledata <- "../oracle/data"
# cgd with an exactly representable fractional weight: 0.5 + 0.25 * (row mod 4)
if (!file.exists("data/cgd_w.csv")) {
  cgd <- read.csv(file.path(oracledata, "cgd.csv"), na.strings = "")
  cgd$w <- 0.5 + 0.25 * (seq_len(nrow(cgd)) %% 4)
  write.csv(cgd, "data/cgd_w.csv", row.names = FALSE, na = "")
}

one <- function(case, dataset, params, expr, setup = NULL) {
  path <- if (file.exists(file.path("data", paste0(dataset, ".csv")))) file.path("data", paste0(dataset, ".csv"))
          else file.path(oracledata, paste0(dataset, ".csv"))
  d <- read.csv(path, na.strings = "")
  if (!is.null(setup)) eval(parse(text = setup))
  fit <- eval(parse(text = expr))
  tau <- params$tau
  times <- params$times
  st <- if (is.null(fit$strata)) rep(1, length(fit$time)) else rep(seq_along(fit$strata), fit$strata)
  names <- if (is.null(fit$strata)) "all" else names(fit$strata)
  rmean <- if (is.null(params$rmean)) tau else params$rmean
  tab <- summary(fit, rmean = rmean)$table
  if (is.null(dim(tab))) tab <- matrix(tab, nrow = 1, dimnames = list(NULL, names(tab)))
  probs <- if (is.null(params$probs)) c(.25, .5, .75) else params$probs
  none <- identical(params$confType, "none")
  q <- quantile(fit, probs = probs, conf.int = !none)
  if (none) { q <- list(quantile = q, lower = q * NA, upper = q * NA); tab <- cbind(tab, NA, NA);
              colnames(tab)[ncol(tab) - 1:0] <- c(paste0(fit$conf.int, "LCL"), paste0(fit$conf.int, "UCL")) }
  qm <- function(x) if (is.null(dim(x))) matrix(x, nrow = 1) else x
  sm <- summary(fit, times = times, extend = TRUE)
  sst <- if (is.null(sm$strata)) rep(1, length(sm$time)) else as.integer(sm$strata)
  ci <- if (is.null(fit$conf.int)) 0.95 else fit$conf.int
  lcl <- paste0(ci, "LCL"); ucl <- paste0(ci, "UCL")
  out <- character(0)
  for (k in seq_along(names)) {
    w <- st == k
    ws <- sst == k
    qs <- character(0)
    for (j in seq_along(probs)) {
      qs <- c(qs, sprintf("{\"p\": %s, \"time\": %s, \"lower\": %s, \"upper\": %s}", probs[j],
                          scalar(qm(q$quantile)[k, j]), scalar(qm(q$lower)[k, j]), scalar(qm(q$upper)[k, j])))
    }
    at <- character(0)
    for (j in which(ws)) {
      at <- c(at, sprintf(paste0("{\"time\": %s, \"surv\": %s, \"stdErr\": %s, \"lower\": %s, \"upper\": %s, ",
                                 "\"nRisk\": %s, \"nEvent\": %s, \"nCensor\": %s, \"cumhaz\": %s}"),
                          scalar(sm$time[j]), scalar(sm$surv[j]), scalar(sm$std.err[j]), scalar(sm$lower[j]),
                          scalar(sm$upper[j]), scalar(sm$n.risk[j]), scalar(sm$n.event[j]), scalar(sm$n.censor[j]),
                          scalar(sm$cumhaz[j])))
    }
    out <- c(out, paste0("{\"name\": ", str1(names[k]), ", \"n\": ", fit$n[k],
      ", \"events\": ", scalar(tab[k, "events"]),
      ", \"time\": ", arr(fit$time[w]), ", \"nRisk\": ", arr(fit$n.risk[w]), ", \"nEvent\": ", arr(fit$n.event[w]),
      ", \"nCensor\": ", arr(fit$n.censor[w]), ", \"surv\": ", arr(fit$surv[w]), ", \"stdErr\": ", arr(fit$std.err[w]),
      ", \"lower\": ", arr(fit$lower[w]), ", \"upper\": ", arr(fit$upper[w]), ", \"cumhaz\": ", arr(fit$cumhaz[w]),
      ", \"stdChaz\": ", arr(fit$std.chaz[w]),
      ", \"median\": ", scalar(tab[k, "median"]), ", \"medianLower\": ", scalar(tab[k, lcl]),
      ", \"medianUpper\": ", scalar(tab[k, ucl]),
      ", \"quantiles\": [", paste(qs, collapse = ", "), "]",
      ", \"rmean\": ", scalar(tab[k, "rmean"]), ", \"rmeanSe\": ", scalar(tab[k, "se(rmean)"]),
      ", \"at\": [", paste(at, collapse = ", "), "]}"))
  }
  p <- params
  pj <- paste0("{\"time\": ", str1(p$time), ", \"start\": ", str1(p$start), ", \"event\": ", str1(p$event),
               ", \"eventValue\": ", p$eventValue, ", \"group\": ", str1(p$group), ", \"strata\": ", str1(p$strata),
               ", \"weights\": ", str1(p$weights), ", \"cluster\": ", str1(p$cluster),
               ", \"confType\": ", str1(p$confType), ", \"confLevel\": ", p$confLevel,
               ", \"times\": ", arr(p$times), ", \"tau\": ", p$tau, ", \"variance\": ", str1(p$variance),
               ", \"stype\": ", p$stype, ", \"ctype\": ", p$ctype, ", \"startTime\": ", scalar(p$startTime),
               ", \"rmean\": ", str1(p$rmean), ", \"probs\": ", arr(probs), "}")
  nomit <- if (is.null(fit$na.action)) 0 else length(fit$na.action)
  json <- paste0("{\"case\": ", str1(case), ", \"analysis\": \"km\", \"dataset\": ", str1(dataset),
                 ", \"rCall\": ", str1(gsub("\"", "\\\\\"", paste(c(setup, expr), collapse = "; "))),
                 ", \"params\": ", pj,
                 ", \"result\": {\"nOmitted\": ", nomit, ", \"stdErrScale\": ", str1(if (fit$logse) "log" else "surv"),
                 ", \"strata\": [", paste(out, collapse = ", "), "]}}\n")
  writeLines(json, file.path("expected", paste0(case, ".json")), sep = "")
}

P <- function(...) {
  p <- list(time = "time", start = NULL, event = "status", eventValue = 1, group = NULL, strata = NULL,
            weights = NULL, cluster = NULL, confType = "log", confLevel = 0.95, times = c(1), tau = 1,
            variance = "auto", stype = 1, ctype = 1, startTime = NULL, rmean = NULL, probs = NULL)
  a <- list(...)
  for (n in names(a)) p[n] <- list(a[[n]])
  p
}

one("kmx_cgd_treat_cluster_id", "cgd",
    P(time = "tstop", start = "tstart", group = "treat", cluster = "id", times = c(60, 180, 365), tau = 365),
    "survfit(Surv(tstart, tstop, status == 1) ~ treat, data = d, cluster = id)",
    "d$treat <- factor(d$treat, levels = c(\"placebo\", \"rIFN-g\"))")
one("kmx_cgd_w_treat_counting_ij", "cgd_w",
    P(time = "tstop", start = "tstart", group = "treat", weights = "w", times = c(60, 180, 365), tau = 365),
    "survfit(Surv(tstart, tstop, status == 1) ~ treat, data = d, weights = w)",
    "d$treat <- factor(d$treat, levels = c(\"placebo\", \"rIFN-g\"))")
one("kmx_cgd_w_treat_counting_greenwood", "cgd_w",
    P(time = "tstop", start = "tstart", group = "treat", weights = "w", times = c(60, 180, 365), tau = 365,
      variance = "greenwood", confType = "log-log"),
    "survfit(Surv(tstart, tstop, status == 1) ~ treat, data = d, weights = w, robust = FALSE, conf.type = \"log-log\")",
    "d$treat <- factor(d$treat, levels = c(\"placebo\", \"rIFN-g\"))")
one("kmx_lung_sex_cluster_inst", "lung",
    P(eventValue = 2, group = "sex", cluster = "inst", times = c(180, 365, 730), tau = 730),
    "survfit(Surv(time, status == 2) ~ sex, data = d, cluster = inst)")
one("kmx_veteran_trt_robust", "veteran",
    P(group = "trt", times = c(30, 90, 180, 365), tau = 365, variance = "jackknife"),
    "survfit(Surv(time, status == 1) ~ trt, data = d, robust = TRUE)")
for (ct in c("plain", "log-log", "arcsin")) {
  one(paste0("kmx_fracw_group_ij_", gsub("-", "", ct)), "edge_fracw",
      P(group = "group", weights = "w", confType = ct, confLevel = 0.9, times = c(2, 5, 10, 20), tau = 15),
      sprintf("survfit(Surv(time, status == 1) ~ group, data = d, weights = w, conf.type = \"%s\", conf.int = 0.9)", ct),
      "d$group <- factor(d$group, levels = c(\"A\", \"B\"))")
}
one("kmx_fracw_all_ij", "edge_fracw",
    P(weights = "w", times = c(0, 2, 5, 10, 20, 100), tau = 40),
    "survfit(Surv(time, status == 1) ~ 1, data = d, weights = w)")
one("kmx_lung_sex_strata_ecog", "lung",
    P(eventValue = 2, group = "sex", strata = "ph.ecog", times = c(180, 365, 730), tau = 730),
    "survfit(Surv(time, status == 2) ~ sex + strata(ph.ecog), data = d)")
one("kmx_aml_all_tau_before_end", "aml",
    P(times = c(-1, 0, 5, 9, 100), tau = 10, confType = "log-log"),
    "survfit(Surv(time, status == 1) ~ 1, data = d, conf.type = \"log-log\")")

# Issue 13: conf.type logit and none, stype/ctype, start.time, quantiles at any probs, rmean common/individual
one("kmx_lung_sex_logit", "lung",
    P(eventValue = 2, group = "sex", confType = "logit", times = c(180, 365, 730), tau = 730),
    "survfit(Surv(time, status == 2) ~ sex, data = d, conf.type = \"logit\")")
one("kmx_aml_x_logit_90", "aml",
    P(group = "x", confType = "logit", confLevel = 0.9, times = c(12, 24, 36, 48), tau = 48),
    "survfit(Surv(time, status == 1) ~ x, data = d, conf.type = \"logit\", conf.int = 0.9)",
    "d$x <- factor(d$x, levels = c(\"Maintained\", \"Nonmaintained\"))")
one("kmx_fracw_group_ij_logit", "edge_fracw",
    P(group = "group", weights = "w", confType = "logit", times = c(2, 5, 10, 20), tau = 15),
    "survfit(Surv(time, status == 1) ~ group, data = d, weights = w, conf.type = \"logit\")",
    "d$group <- factor(d$group, levels = c(\"A\", \"B\"))")
one("kmx_aml_x_none", "aml",
    P(group = "x", confType = "none", times = c(12, 24, 36, 48), tau = 48),
    "survfit(Surv(time, status == 1) ~ x, data = d, conf.type = \"none\")",
    "d$x <- factor(d$x, levels = c(\"Maintained\", \"Nonmaintained\"))")
one("kmx_lung_sex_stype2", "lung",
    P(eventValue = 2, group = "sex", stype = 2, ctype = 1, times = c(180, 365, 730), tau = 730),
    "survfit(Surv(time, status == 2) ~ sex, data = d, stype = 2, ctype = 1)")
one("kmx_lung_sex_ctype2", "lung",
    P(eventValue = 2, group = "sex", stype = 1, ctype = 2, times = c(180, 365, 730), tau = 730),
    "survfit(Surv(time, status == 2) ~ sex, data = d, stype = 1, ctype = 2)")
one("kmx_ties_group_fh", "edge_ties",
    P(group = "group", stype = 2, ctype = 2, confType = "log-log", times = c(1, 2, 3, 5), tau = 5),
    "survfit(Surv(time, status == 1) ~ group, data = d, stype = 2, ctype = 2, conf.type = \"log-log\")")
one("kmx_fracw_group_greenwood_fh", "edge_fracw",
    P(group = "group", weights = "w", stype = 2, ctype = 2, variance = "greenwood", times = c(2, 5, 10, 20), tau = 15),
    "survfit(Surv(time, status == 1) ~ group, data = d, weights = w, stype = 2, ctype = 2, robust = FALSE)",
    "d$group <- factor(d$group, levels = c(\"A\", \"B\"))")
one("kmx_cgd_treat_counting_fh", "cgd",
    P(time = "tstop", start = "tstart", group = "treat", stype = 1, ctype = 2, times = c(60, 180, 365), tau = 365),
    "survfit(Surv(tstart, tstop, status == 1) ~ treat, data = d, stype = 1, ctype = 2)",
    "d$treat <- factor(d$treat, levels = c(\"placebo\", \"rIFN-g\"))")
one("kmx_lung_sex_start100", "lung",
    P(eventValue = 2, group = "sex", startTime = 100, times = c(50, 100, 180, 365, 730), tau = 730),
    "survfit(Surv(time, status == 2) ~ sex, data = d, start.time = 100)")
one("kmx_cgd_treat_counting_start60", "cgd",
    P(time = "tstop", start = "tstart", group = "treat", startTime = 60, times = c(60, 180, 365), tau = 365),
    "survfit(Surv(tstart, tstop, status == 1) ~ treat, data = d, start.time = 60)",
    "d$treat <- factor(d$treat, levels = c(\"placebo\", \"rIFN-g\"))")
one("kmx_lung_all_probs", "lung",
    P(eventValue = 2, probs = c(0.1, 0.33, 0.5, 0.9, 1), times = c(365), tau = 365),
    "survfit(Surv(time, status == 2) ~ 1, data = d)")
one("kmx_lung_sex_rmean_common", "lung",
    P(eventValue = 2, group = "sex", rmean = "common", times = c(365), tau = 365),
    "survfit(Surv(time, status == 2) ~ sex, data = d)")
one("kmx_lung_sex_rmean_individual", "lung",
    P(eventValue = 2, group = "sex", rmean = "individual", times = c(365), tau = 365),
    "survfit(Surv(time, status == 2) ~ sex, data = d)")
one("kmx_fracw_group_ij_fh", "edge_fracw",
    P(group = "group", weights = "w", stype = 2, ctype = 2, times = c(2, 5, 10, 20), tau = 15),
    "survfit(Surv(time, status == 1) ~ group, data = d, weights = w, stype = 2, ctype = 2)",
    "d$group <- factor(d$group, levels = c(\"A\", \"B\"))")
one("kmx_lung_sex_cluster_inst_ctype2", "lung",
    P(eventValue = 2, group = "sex", cluster = "inst", stype = 1, ctype = 2, times = c(180, 365, 730), tau = 730),
    "survfit(Surv(time, status == 2) ~ sex, data = d, cluster = inst, ctype = 2)")
one("kmx_cgd_treat_cluster_id_stype2", "cgd",
    P(time = "tstop", start = "tstart", group = "treat", cluster = "id", stype = 2, ctype = 1,
      times = c(60, 180, 365), tau = 365),
    "survfit(Surv(tstart, tstop, status == 1) ~ treat, data = d, cluster = id, stype = 2)",
    "d$treat <- factor(d$treat, levels = c(\"placebo\", \"rIFN-g\"))")
one("kmx_veteran_trt_robust_fh_start30", "veteran",
    P(group = "trt", variance = "jackknife", stype = 2, ctype = 2, startTime = 30, times = c(30, 90, 180, 365),
      tau = 365),
    "survfit(Surv(time, status == 1) ~ trt, data = d, robust = TRUE, stype = 2, ctype = 2, start.time = 30)")
# --where on the command line = R's subset
one("kmx_lung_sex_subset", "lung",
    P(eventValue = 2, group = "sex", times = c(180, 365), tau = 365),
    "survfit(Surv(time, status == 2) ~ sex, data = d, subset = age >= 60 & time > 30)")
# --where with missing values in the condition's columns: R's subset turns rows whose condition is NA
# into rows of NA that na.omit removes and counts (fit$na.action), beside rows it drops as FALSE
one("kmx_lung_where_na", "lung",
    P(eventValue = 2, group = "sex", times = c(180, 365), tau = 365),
    "survfit(Surv(time, status == 2) ~ sex, data = d, subset = ph.ecog >= 1 & meal.cal > 300)")
