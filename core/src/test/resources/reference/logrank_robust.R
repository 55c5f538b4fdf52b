# Reference values for the weighted log-rank test with case weights (issue 12): the robust (sandwich)
# score test, which does not change when every weight is multiplied by a constant.
# R 4.2.2, survival 3.5-3, jsonlite. Run from core/src/test/resources:
#   Rscript reference/logrank_robust.R
# writes reference/logrank_robust.json and the data sets reference/logrank_robust_*.csv (the oracle
# data with a deterministic weight column w).
#
# survdiff takes no weights. With case weights survkit uses the variance R's
#   coxph(Surv(time, status) ~ group, weights = w, ties = "breslow", robust = TRUE)$rscore
# uses (score residuals at beta = 0, summed within clusters when there is one), whose score is the
# log-rank O - E. rwlr() below computes that score and variance by hand from the residuals
#   r_i = delta_i w(T_i) (z_i - p(T_i)) - sum_{S_i < t <= T_i} w(t) d(t) / n(t) (z_i - p(t)),
# for any weight function w(t); it is first checked against coxph's rscore (w(t) = 1), then gives the
# Fleming-Harrington, Gehan-Breslow and Tarone-Ware cases, which coxph does not have.
library(survival)
library(jsonlite)

rd <- function(name) read.csv(file.path("oracle/data", paste0(name, ".csv")), na.strings = "")

rwlr <- function(time, status, group, strata = NULL, start = NULL, wt, cluster = NULL,
                 weight = "fh", rho = 0, gamma = 0) {
  keep <- !is.na(time) & !is.na(status) & !is.na(group) & !is.na(wt)
  if (!is.null(strata)) keep <- keep & !is.na(strata)
  if (!is.null(start)) keep <- keep & !is.na(start)
  if (!is.null(cluster)) keep <- keep & !is.na(cluster)
  time <- time[keep]; status <- status[keep]; group <- factor(group[keep]); wt <- wt[keep]
  strata <- if (is.null(strata)) factor(rep(1, length(time))) else factor(strata[keep])
  start <- if (is.null(start)) rep(-Inf, length(time)) else start[keep]
  cluster <- if (is.null(cluster)) seq_along(time) else cluster[keep]
  k <- nlevels(group); z <- diag(k)[as.integer(group), , drop = FALSE]
  res <- matrix(0, length(time), k)
  O <- rep(0, k); E <- rep(0, k)
  for (s in levels(strata)) {
    ii <- which(strata == s)
    km <- 1
    for (t in sort(unique(time[ii][status[ii] == 1]))) {
      r <- ii[start[ii] < t & time[ii] >= t]
      nG <- colSums(wt[r] * z[r, , drop = FALSE])
      ev <- r[time[r] == t & status[r] == 1]
      dG <- colSums(wt[ev] * z[ev, , drop = FALSE])
      n <- sum(nG); d <- sum(dG)
      w <- switch(weight, fh = km^rho * (1 - km)^gamma, gehan = n, tw = sqrt(n))
      p <- nG / n
      O <- O + w * dG; E <- E + w * d * p
      res[ev, ] <- res[ev, ] + w * sweep(z[ev, , drop = FALSE], 2, p)
      res[r, ] <- res[r, ] - w * d / n * sweep(z[r, , drop = FALSE], 2, p)
      km <- km * (n - d) / n
    }
  }
  D <- rowsum(wt * res, cluster, reorder = FALSE)
  V <- crossprod(D)
  u <- colSums(wt * res)
  use <- E > 0
  b <- (u[use])[-1]
  chisq <- sum(solve((V[use, use])[-1, -1, drop = FALSE], b) * b)
  df <- sum(use) - 1
  list(groups = levels(group), n = as.vector(table(group)), observed = O, expected = E, variance = V,
       chisq = chisq, df = df, p = pchisq(chisq, df, lower.tail = FALSE))
}

cases <- list()
add <- function(name, file, params, a, rcode) {
  cases[[length(cases) + 1]] <<- list(case = name, file = file, params = params, rCode = rcode,
    result = list(groups = a$groups, observed = a$observed, expected = a$expected, variance = a$variance,
                  chisq = a$chisq, df = a$df, p = a$p))
}
P <- function(time, event, eventValue, formula, start = NULL, weighting = "LOG_RANK", rho = 0, gamma = 0)
  list(time = time, start = start, event = event, eventValue = eventValue, weights = "w", formula = formula,
       weighting = weighting, rho = rho, gamma = gamma)
same <- function(a, fit) stopifnot(all.equal(a$chisq, as.numeric(fit$rscore), tolerance = 1e-12))

# --- data sets with weights
lung <- rd("lung"); lung$w <- 0.25 + (seq_len(nrow(lung)) %% 5) * 0.7
vet <- rd("veteran"); vet$w <- 1 + (seq_len(nrow(vet)) %% 3) / 3
vet$celltype <- factor(vet$celltype, levels = c("adeno", "large", "smallcell", "squamous"))
cgd <- rd("cgd"); cgd$w <- 0.5 + (seq_len(nrow(cgd)) %% 4) / 2
ov <- rd("ovarian"); fw <- rd("edge_fracw")
write.csv(lung, "reference/logrank_robust_lung.csv", row.names = FALSE, na = "")
write.csv(vet, "reference/logrank_robust_veteran.csv", row.names = FALSE, na = "")
write.csv(cgd, "reference/logrank_robust_cgd.csv", row.names = FALSE, na = "")
write.csv(ov, "reference/logrank_robust_ovarian.csv", row.names = FALSE, na = "")
write.csv(fw, "reference/logrank_robust_fracw.csv", row.names = FALSE, na = "")

# --- log-rank: coxph's robust score test
a <- rwlr(ov$futime, ov$fustat == 1, ov$rx, wt = ov$w)
same(a, coxph(Surv(futime, fustat) ~ factor(rx), data = ov, weights = w, ties = "breslow", robust = TRUE))
add("ovarian_rx", "ovarian", P("futime", "fustat", 1, "rx"), a,
    "coxph(Surv(futime, fustat) ~ factor(rx), data = ov, weights = w, ties = 'breslow', robust = TRUE)$rscore")
a <- rwlr(fw$time, fw$status == 1, fw$group, wt = fw$w)
same(a, coxph(Surv(time, status) ~ group, data = fw, weights = w, ties = "breslow", robust = TRUE))
add("fracw_group", "fracw", P("time", "status", 1, "group"), a,
    "coxph(Surv(time, status) ~ group, data = fw, weights = w, ties = 'breslow', robust = TRUE)$rscore")
a <- rwlr(lung$time, lung$status == 2, lung$sex, wt = lung$w)
same(a, coxph(Surv(time, status == 2) ~ factor(sex), data = lung, weights = w, ties = "breslow", robust = TRUE))
add("lung_sex", "lung", P("time", "status", 2, "sex"), a,
    "coxph(Surv(time, status == 2) ~ factor(sex), data = lung, weights = w, ties = 'breslow', robust = TRUE)$rscore")
a <- rwlr(lung$time, lung$status == 2, lung$ph.ecog, wt = lung$w)
same(a, coxph(Surv(time, status == 2) ~ factor(ph.ecog), data = lung, weights = w, ties = "breslow", robust = TRUE))
add("lung_ecog", "lung", P("time", "status", 2, "ph.ecog"), a,
    "coxph(Surv(time, status == 2) ~ factor(ph.ecog), data = lung, weights = w, ties = 'breslow', robust = TRUE)$rscore")
a <- rwlr(lung$time, lung$status == 2, lung$sex, wt = lung$w, cluster = lung$inst)
same(a, coxph(Surv(time, status == 2) ~ factor(sex) + cluster(inst), data = lung, weights = w, ties = "breslow"))
add("lung_sex_cluster", "lung", P("time", "status", 2, "sex + cluster(inst)"), a,
    "coxph(Surv(time, status == 2) ~ factor(sex) + cluster(inst), data = lung, weights = w, ties = 'breslow')$rscore")
a <- rwlr(vet$time, vet$status == 1, vet$celltype, strata = vet$prior, wt = vet$w)
same(a, coxph(Surv(time, status) ~ celltype + strata(prior), data = vet, weights = w, ties = "breslow", robust = TRUE))
add("veteran_celltype_strata", "veteran", P("time", "status", 1, "celltype + strata(prior)"), a,
    "coxph(Surv(time, status) ~ celltype + strata(prior), data = vet, weights = w, ties = 'breslow', robust = TRUE)$rscore")
# (start, stop] rows need a cluster (R 3.5: "one of cluster or id is needed")
a <- rwlr(cgd$tstop, cgd$status == 1, cgd$treat, start = cgd$tstart, wt = cgd$w, cluster = cgd$id)
same(a, coxph(Surv(tstart, tstop, status) ~ treat + cluster(id), data = cgd, weights = w, ties = "breslow"))
add("cgd_treat_counting", "cgd", P("tstop", "status", 1, "treat + cluster(id)", start = "tstart"), a,
    "coxph(Surv(tstart, tstop, status) ~ treat + cluster(id), data = cgd, weights = w, ties = 'breslow')$rscore")

# --- other weight functions (no coxph equivalent): the same residuals with w(t)
a <- rwlr(ov$futime, ov$fustat == 1, ov$rx, wt = ov$w, rho = 0.5)
add("ovarian_rx_rho0_5", "ovarian", P("futime", "fustat", 1, "rx", weighting = "FLEMING_HARRINGTON", rho = 0.5), a,
    "rwlr(ov$futime, ov$fustat == 1, ov$rx, wt = ov$w, rho = 0.5)")
a <- rwlr(lung$time, lung$status == 2, lung$ph.ecog, wt = lung$w, weight = "gehan")
add("lung_ecog_gehan", "lung", P("time", "status", 2, "ph.ecog", weighting = "GEHAN_BRESLOW"), a,
    "rwlr(lung$time, lung$status == 2, lung$ph.ecog, wt = lung$w, weight = 'gehan')")
a <- rwlr(vet$time, vet$status == 1, vet$celltype, strata = vet$prior, wt = vet$w, weight = "tw")
add("veteran_celltype_strata_tarone", "veteran", P("time", "status", 1, "celltype + strata(prior)",
    weighting = "TARONE_WARE"), a,
    "rwlr(vet$time, vet$status == 1, vet$celltype, strata = vet$prior, wt = vet$w, weight = 'tw')")
a <- rwlr(cgd$tstop, cgd$status == 1, cgd$treat, start = cgd$tstart, wt = cgd$w, cluster = cgd$id, rho = 1, gamma = 1)
add("cgd_treat_counting_fh11", "cgd", P("tstop", "status", 1, "treat + cluster(id)", start = "tstart",
    weighting = "FLEMING_HARRINGTON", rho = 1, gamma = 1), a,
    "rwlr(cgd$tstop, cgd$status == 1, cgd$treat, start = cgd$tstart, wt = cgd$w, cluster = cgd$id, rho = 1, gamma = 1)")

# --- the scale of the weights: coxph's rscore at w and w / 100 (the survdiff-style variance with
# weighted counts fails there with a zero variance)
f1 <- coxph(Surv(futime, fustat) ~ factor(rx), data = ov, weights = w, ties = "breslow", robust = TRUE)
f2 <- coxph(Surv(futime, fustat) ~ factor(rx), data = ov, weights = w / 100, ties = "breslow", robust = TRUE)
stopifnot(all.equal(as.numeric(f1$rscore), as.numeric(f2$rscore), tolerance = 1e-12))

writeLines(toJSON(list(logrank = cases), auto_unbox = TRUE, digits = NA, null = "null", pretty = TRUE),
           "reference/logrank_robust.json")
