# Reference values for survkit's log-rank family beyond the oracle (Gehan-Breslow, Tarone-Ware,
# Fleming-Harrington gamma, trend, pairwise with p.adjust, counting-process rows, case weights).
# R 4.2.2, survival 3.5-3, jsonlite. Run from core/src/test/resources:
#   Rscript reference/logrank_reference.R
# writes reference/logrank_reference.json. survdiff has no Gehan/Tarone-Ware weights, no gamma, no
# (start, stop] rows and no case weights, so wlr() below computes the weighted log-rank sums by hand
# from their definition; it is first checked against survdiff where survdiff applies.
library(survival)
library(jsonlite)

rd <- function(name) read.csv(file.path("oracle/data", paste0(name, ".csv")), na.strings = "")

# Weighted log-rank sums by definition. At each distinct event time t within a stratum:
# at risk = start < t <= stop; n_g, d_g weighted sums; w = S(t-)^rho (1 - S(t-))^gamma ("fh"),
# n ("gehan") or sqrt(n) ("tw"), S = pooled Kaplan-Meier within the stratum (left-continuous).
wlr <- function(time, status, group, strata = NULL, start = NULL, wt = NULL,
                weight = "fh", rho = 0, gamma = 0) {
  keep <- !is.na(time) & !is.na(status) & !is.na(group)
  if (!is.null(strata)) keep <- keep & !is.na(strata)
  if (!is.null(start)) keep <- keep & !is.na(start)
  if (!is.null(wt)) keep <- keep & !is.na(wt)
  time <- time[keep]; status <- status[keep]; group <- factor(group[keep])
  strata <- if (is.null(strata)) factor(rep(1, length(time))) else factor(strata[keep])
  start <- if (is.null(start)) rep(-Inf, length(time)) else start[keep]
  wt <- if (is.null(wt)) rep(1, length(time)) else wt[keep]
  k <- nlevels(group); ns <- nlevels(strata)
  O <- matrix(0, k, ns); E <- matrix(0, k, ns); V <- matrix(0, k, k)
  for (si in seq_len(ns)) {
    ii <- strata == levels(strata)[si]
    tt <- time[ii]; dd <- status[ii]; gg <- group[ii]; ww <- wt[ii]; st <- start[ii]
    km <- 1
    for (t in sort(unique(tt[dd == 1]))) {
      r <- st < t & tt >= t
      nG <- as.vector(tapply(ww * r, gg, sum)); nG[is.na(nG)] <- 0
      dG <- as.vector(tapply(ww * (r & tt == t & dd == 1), gg, sum)); dG[is.na(dG)] <- 0
      n <- sum(nG); d <- sum(dG)
      w <- switch(weight, fh = km^rho * (1 - km)^gamma, gehan = n, tw = sqrt(n))
      O[, si] <- O[, si] + w * dG
      E[, si] <- E[, si] + w * d * nG / n
      if (n > 1) V <- V + w^2 * d * (n - d) / (n - 1) * (diag(nG / n, k) - outer(nG / n, nG / n))
      km <- km * (n - d) / n
    }
  }
  o <- rowSums(O); e <- rowSums(E)
  use <- e > 0
  b <- ((o - e)[use])[-1]
  chisq <- sum(solve((V[use, use])[-1, -1, drop = FALSE], b) * b)
  df <- sum(use) - 1
  list(groups = levels(group), n = as.vector(table(group)), observed = o, expected = e, variance = V,
       chisq = chisq, df = df, p = pchisq(chisq, df, lower.tail = FALSE),
       strata = if (ns > 1) levels(strata) else NULL, O = O, E = E)
}

# wlr() equals survdiff where survdiff applies
lung <- rd("lung"); vet <- rd("veteran")
for (rho in c(0, 0.5, 1)) {
  a <- wlr(lung$time, lung$status == 2, lung$sex, rho = rho)
  b <- survdiff(Surv(time, status == 2) ~ sex, data = lung, rho = rho)
  stopifnot(all.equal(a$expected, b$exp, tolerance = 1e-13), all.equal(a$variance, b$var, tolerance = 1e-13),
            all.equal(a$chisq, b$chisq, tolerance = 1e-13))
}
a <- wlr(vet$time, vet$status == 1, vet$trt, strata = vet$prior)
b <- survdiff(Surv(time, status == 1) ~ trt + strata(prior), data = vet)
stopifnot(all.equal(a$O, b$obs, tolerance = 1e-13), all.equal(a$E, b$exp, tolerance = 1e-13),
          all.equal(a$chisq, b$chisq, tolerance = 1e-13))
vet$celltype <- factor(vet$celltype, levels = c("adeno", "large", "smallcell", "squamous"))

cases <- list()
add <- function(name, dataset, params, result, rcode) {
  cases[[length(cases) + 1]] <<- list(case = name, dataset = dataset, params = params, rCode = rcode,
                                      result = result)
}
P <- function(time, event, eventValue, group, start = NULL, strata = NULL, weights = NULL,
              weighting = "LOG_RANK", rho = 0, gamma = 0, ...) {
  c(list(time = time, start = start, event = event, eventValue = eventValue, group = group, strata = strata,
         weights = weights, weighting = weighting, rho = rho, gamma = gamma), list(...))
}
lr <- function(a) list(groups = paste0(attr(a, "gname"), "=", a$groups), n = a$n, observed = a$observed,
                       expected = a$expected, variance = a$variance, chisq = a$chisq, df = a$df, p = a$p,
                       strata = if (is.null(a$strata)) NULL else paste0(attr(a, "sname"), "=", a$strata),
                       observedByStratum = if (is.null(a$strata)) NULL else a$O,
                       expectedByStratum = if (is.null(a$strata)) NULL else a$E)
named <- function(a, g, s = NULL) { attr(a, "gname") <- g; attr(a, "sname") <- s; a }

# --- weightings on lung ~ sex, veteran ~ celltype, veteran ~ trt + strata(prior)
for (wg in list(list("GEHAN_BRESLOW", "gehan", 0, 0), list("TARONE_WARE", "tw", 0, 0),
                list("FLEMING_HARRINGTON", "fh", 1, 1), list("FLEMING_HARRINGTON", "fh", 0, 1),
                list("FLEMING_HARRINGTON", "fh", 2, 0.5))) {
  tag <- paste0(tolower(wg[[1]]), if (wg[[2]] == "fh") paste0("_", wg[[3]], "_", wg[[4]]) else "")
  add(paste0("lung_sex_", tag), "lung",
      P("time", "status", 2, "sex", weighting = wg[[1]], rho = wg[[3]], gamma = wg[[4]]),
      lr(named(wlr(lung$time, lung$status == 2, lung$sex, weight = wg[[2]], rho = wg[[3]], gamma = wg[[4]]), "sex")),
      sprintf("wlr(lung$time, lung$status == 2, lung$sex, weight = '%s', rho = %s, gamma = %s)", wg[[2]], wg[[3]], wg[[4]]))
  add(paste0("veteran_celltype_", tag), "veteran",
      P("time", "status", 1, "celltype", weighting = wg[[1]], rho = wg[[3]], gamma = wg[[4]]),
      lr(named(wlr(vet$time, vet$status == 1, vet$celltype, weight = wg[[2]], rho = wg[[3]], gamma = wg[[4]]), "celltype")),
      sprintf("wlr(vet$time, vet$status == 1, vet$celltype, weight = '%s', rho = %s, gamma = %s)", wg[[2]], wg[[3]], wg[[4]]))
  add(paste0("veteran_trt_strata_prior_", tag), "veteran",
      P("time", "status", 1, "trt", strata = "prior", weighting = wg[[1]], rho = wg[[3]], gamma = wg[[4]]),
      lr(named(wlr(vet$time, vet$status == 1, vet$trt, strata = vet$prior, weight = wg[[2]], rho = wg[[3]],
                   gamma = wg[[4]]), "trt", "prior")),
      sprintf("wlr(vet$time, vet$status == 1, vet$trt, strata = vet$prior, weight = '%s', rho = %s, gamma = %s)",
              wg[[2]], wg[[3]], wg[[4]]))
}

# --- counting-process rows: cgd (tstart, tstop] ~ treat, log-rank and Gehan
cgd <- rd("cgd")
for (wg in list(list("LOG_RANK", "fh", 0), list("GEHAN_BRESLOW", "gehan", 0), list("FLEMING_HARRINGTON", "fh", 1))) {
  add(paste0("cgd_treat_counting_", tolower(wg[[1]])), "cgd",
      P("tstop", "status", 1, "treat", start = "tstart", weighting = wg[[1]], rho = wg[[3]]),
      lr(named(wlr(cgd$tstop, cgd$status == 1, cgd$treat, start = cgd$tstart, weight = wg[[2]], rho = wg[[3]]), "treat")),
      sprintf("wlr(cgd$tstop, cgd$status == 1, cgd$treat, start = cgd$tstart, weight = '%s', rho = %s)", wg[[2]], wg[[3]]))
}

# --- integer case weights = duplicated rows: ovarian ~ rx, weights w, checked with survdiff on rep().
# survkit checks these two weighted cases on CountTable.of(frame) (frequencies); weighted rows use the
# robust variance (reference/logrank_robust.R).
ov <- rd("ovarian")
a <- wlr(ov$futime, ov$fustat == 1, ov$rx, wt = ov$w, rho = 0.5)
ovr <- ov[rep(seq_len(nrow(ov)), ov$w), ]
b <- survdiff(Surv(futime, fustat == 1) ~ rx, data = ovr, rho = 0.5)
stopifnot(all.equal(a$expected, b$exp, tolerance = 1e-13), all.equal(a$chisq, b$chisq, tolerance = 1e-13))
a$n <- as.vector(table(ov$rx))   # rows, not weighted
add("ovarian_rx_weighted_rho0_5", "ovarian", P("futime", "fustat", 1, "rx", weights = "w",
    weighting = "FLEMING_HARRINGTON", rho = 0.5), lr(named(a, "rx")),
    "wlr(ov$futime, ov$fustat == 1, ov$rx, wt = ov$w, rho = 0.5) (= survdiff on ov[rep(1:26, ov$w), ])")

# --- fractional case weights (frequency-weight formulas with weighted counts)
fw <- rd("edge_fracw")
a <- wlr(fw$time, fw$status == 1, fw$group, wt = fw$w)
a$n <- as.vector(table(fw$group))
add("edge_fracw_group_weighted", "edge_fracw", P("time", "status", 1, "group", weights = "w"), lr(named(a, "group")),
    "wlr(fw$time, fw$status == 1, fw$group, wt = fw$w)")

# --- trend: scores c, U = c'(O - E), var = c'Vc
trend <- function(a, scores) {
  u <- sum(scores * (a$observed - a$expected)); v <- drop(t(scores) %*% a$variance %*% scores)
  list(groups = paste0(attr(a, "gname"), "=", a$groups), scores = scores, statistic = u, statisticVariance = v,
       z = u / sqrt(v), chisq = u^2 / v, p = pchisq(u^2 / v, 1, lower.tail = FALSE))
}
trends <- list()
addTrend <- function(name, dataset, params, res, rcode) {
  trends[[length(trends) + 1]] <<- list(case = name, dataset = dataset, params = params, rCode = rcode, result = res)
}
a <- named(wlr(vet$time, vet$status == 1, vet$celltype), "celltype")
addTrend("veteran_celltype_order", "veteran", P("time", "status", 1, "celltype", scores = NULL), trend(a, 1:4),
         "trend(wlr(vet$time, vet$status == 1, vet$celltype), 1:4)")
addTrend("veteran_celltype_scores", "veteran", P("time", "status", 1, "celltype", scores = c(0, 1, 5, 2.5)),
         trend(a, c(0, 1, 5, 2.5)), "trend(wlr(vet$time, vet$status == 1, vet$celltype), c(0, 1, 5, 2.5))")
lung2 <- lung[!is.na(lung$ph.ecog), ]
a <- named(wlr(lung2$time, lung2$status == 2, lung2$ph.ecog), "ph.ecog")
addTrend("lung_ecog_order", "lung", P("time", "status", 2, "ph.ecog", scores = NULL), trend(a, 1:4),
         "trend(wlr(lung$time, lung$status == 2, lung$ph.ecog), 1:4) (1 row with NA ph.ecog omitted)")
a <- named(wlr(lung2$time, lung2$status == 2, lung2$ph.ecog, weight = "gehan"), "ph.ecog")
addTrend("lung_ecog_order_gehan", "lung", P("time", "status", 2, "ph.ecog", weighting = "GEHAN_BRESLOW", scores = NULL),
         trend(a, 1:4), "trend(wlr(lung$time, lung$status == 2, lung$ph.ecog, weight = 'gehan'), 1:4)")
a <- named(wlr(vet$time, vet$status == 1, vet$celltype, strata = vet$prior), "celltype")
addTrend("veteran_celltype_strata_prior_order", "veteran", P("time", "status", 1, "celltype", strata = "prior", scores = NULL),
         trend(a, 1:4), "trend(wlr(vet$time, vet$status == 1, vet$celltype, strata = vet$prior), 1:4)")

# --- pairwise: survminer::pairwise_survdiff semantics with survdiff on each pair's rows and
# stats::pairwise.table (p.adjust over the lower triangle)
pairs <- list()
pairwise <- function(d, fml, g, rho, method) {
  lev <- levels(factor(d[[g]]))
  cmp <- function(i, j) {
    s <- survdiff(fml, data = d[d[[g]] %in% lev[c(i, j)], ], rho = rho)
    pchisq(s$chisq, length(s$n) - 1, lower.tail = FALSE)
  }
  pairwise.table(cmp, lev, method)
}
for (m in c("none", "bonferroni", "holm", "BH")) {
  adj <- c(none = "NONE", bonferroni = "BONFERRONI", holm = "HOLM", BH = "BENJAMINI_HOCHBERG")[[m]]
  pm <- pairwise(vet, Surv(time, status == 1) ~ celltype, "celltype", 0, m)
  pairs[[length(pairs) + 1]] <- list(case = paste0("veteran_celltype_", m), dataset = "veteran",
    params = P("time", "status", 1, "celltype", adjustment = adj),
    rCode = sprintf("pairwise.table(survdiff per pair of celltype levels, rho = 0, p.adjust.method = '%s')", m),
    result = list(groups = paste0("celltype=", levels(vet$celltype)), p = unname(pm)))
}
pm <- pairwise(vet, Surv(time, status == 1) ~ celltype, "celltype", 1, "holm")
pairs[[length(pairs) + 1]] <- list(case = "veteran_celltype_rho1_holm", dataset = "veteran",
  params = P("time", "status", 1, "celltype", weighting = "FLEMING_HARRINGTON", rho = 1, adjustment = "HOLM"),
  rCode = "pairwise.table(survdiff per pair of celltype levels, rho = 1, 'holm')",
  result = list(groups = paste0("celltype=", levels(vet$celltype)), p = unname(pm)))
pm <- pairwise(vet, Surv(time, status == 1) ~ celltype + strata(prior), "celltype", 0, "BH")
pairs[[length(pairs) + 1]] <- list(case = "veteran_celltype_strata_prior_BH", dataset = "veteran",
  params = P("time", "status", 1, "celltype", strata = "prior", adjustment = "BENJAMINI_HOCHBERG"),
  rCode = "pairwise.table(survdiff(Surv(time, status == 1) ~ celltype + strata(prior)) per pair, 'BH')",
  result = list(groups = paste0("celltype=", levels(vet$celltype)), p = unname(pm)))
lung2$ph.ecog <- factor(lung2$ph.ecog)
pm <- pairwise(lung2, Surv(time, status == 2) ~ ph.ecog, "ph.ecog", 0, "BH")
pairs[[length(pairs) + 1]] <- list(case = "lung_ecog_BH", dataset = "lung",
  params = P("time", "status", 2, "ph.ecog", adjustment = "BENJAMINI_HOCHBERG"),
  rCode = "pairwise.table(survdiff per pair of ph.ecog levels, rho = 0, 'BH')",
  result = list(groups = paste0("ph.ecog=", levels(lung2$ph.ecog)), p = unname(pm)))

# --- p.adjust itself, with ties and an NA
padj <- c(0.01, 0.04, 0.03, 0.04, NA, 0.2, 0.005)
adjust <- lapply(c(none = "none", bonferroni = "bonferroni", holm = "holm", BH = "BH"), function(m) p.adjust(padj, m))

out <- list(rVersion = R.version.string, survival = as.character(packageVersion("survival")),
            script = "reference/logrank_reference.R", logrank = cases, trend = trends, pairwise = pairs,
            pAdjust = list(p = padj, adjusted = adjust))
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, null = "null", na = "null", pretty = TRUE),
           "reference/logrank_reference.json")
