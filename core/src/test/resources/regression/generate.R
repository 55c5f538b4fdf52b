# Reference values for survkit's Cox tests beyond the shared oracle: residuals, predicted curves,
# interactions, strata/weights/counting-process cox.zph, other transforms.
# R 4.2.2, survival 3.5-3 (no other package: a small JSON writer is below). Run from this folder:
#   Rscript generate.R ../oracle/data > cox_extra.json
suppressMessages(library(survival))
# JSON: named list = object; unnamed list = array; numeric/character vector = array (NA/Inf -> null);
# a length-1 character is a string; NULL = null. Numbers at 17 significant digits (exact doubles).
json <- function(x) {
  if (is.null(x)) return("null")
  if (is.list(x)) {
    if (!is.null(names(x))) return(paste0("{", paste0('"', names(x), '":', vapply(x, json, ""), collapse = ","), "}"))
    return(paste0("[", paste0(vapply(x, json, ""), collapse = ","), "]"))
  }
  if (is.character(x)) {
    s <- paste0('"', gsub('"', '\\\\"', x), '"')
    return(if (length(x) == 1) s else paste0("[", paste0(s, collapse = ","), "]"))
  }
  v <- ifelse(is.finite(x), sprintf("%.17g", x), "null")
  paste0("[", paste0(v, collapse = ","), "]")
}
args <- commandArgs(TRUE)
dd <- function(n) { d <- read.csv(file.path(args[1], paste0(n, ".csv")), na.strings = "")
  for (v in names(d)) if (is.integer(d[[v]])) d[[v]] <- as.numeric(d[[v]])  # zph2 needs doubles
  d }
num <- function(x) unname(as.numeric(x))
mat <- function(x) { x <- as.matrix(x); lapply(seq_len(nrow(x)), function(i) unname(as.numeric(x[i, ]))) }
fitinfo <- function(f) list(terms = names(coef(f)), coef = num(coef(f)), se = num(sqrt(diag(f$var))),
                            loglik = num(f$loglik), iter = f$iter)
resids <- function(f) list(
  martingale = num(residuals(f, "martingale")),
  deviance = num(residuals(f, "deviance")),
  score = mat(residuals(f, "score")),
  schoenfeld = mat(residuals(f, "schoenfeld")),
  scaledsch = mat(residuals(f, "scaledsch")),
  dfbeta = mat(residuals(f, "dfbeta")),
  schoenfeldTime = num(as.numeric(rownames(as.matrix(residuals(f, "schoenfeld"))))),
  lp = num(f$linear.predictors))
curve <- function(f, nd) { s <- survfit(f, newdata = nd)
  list(time = num(s$time), cumhaz = num(s$cumhaz), stdErr = num(s$std.err), lower = num(s$lower),
       upper = num(s$upper), strata = if (is.null(s$strata)) NULL else rep(names(s$strata), s$strata)) }
zph <- function(f, tr = "km") { z <- cox.zph(f, transform = tr)$table
  list(terms = head(rownames(z), -1), chisq = num(z[, 1]), df = num(z[, 2]), p = num(z[, 3])) }
out <- list()

d <- dd("aml"); d$x <- factor(d$x, levels = c("Maintained", "Nonmaintained"))
f <- coxph(Surv(time, status == 1) ~ x, data = d)
out$aml <- list(call = 'coxph(Surv(time, status == 1) ~ x, data = aml)', fit = fitinfo(f), resid = resids(f),
  curve = curve(f, data.frame(x = factor("Nonmaintained", levels = levels(d$x)))),
  zph = zph(f))

d <- dd("ovarian")
f <- coxph(Surv(futime, fustat == 1) ~ age + rx, data = d, weights = w)
out$ovarian <- list(call = 'coxph(Surv(futime, fustat == 1) ~ age + rx, data = ovarian, weights = w)',
  fit = fitinfo(f), resid = resids(f), curve = curve(f, data.frame(age = 60, rx = 2)), zph = zph(f))

d <- dd("veteran"); d$celltype <- factor(d$celltype, levels = c("adeno", "large", "smallcell", "squamous"))
f <- coxph(Surv(time, status == 1) ~ trt + karno + strata(celltype), data = d)
out$veteranStrata <- list(call = 'coxph(Surv(time, status == 1) ~ trt + karno + strata(celltype), data = veteran)',
  fit = fitinfo(f), resid = resids(f), curve = curve(f, data.frame(trt = 1, karno = 60)), zph = zph(f))

d <- dd("cgd"); d$treat <- factor(d$treat, levels = c("placebo", "rIFN-g"))
f <- coxph(Surv(tstart, tstop, status == 1) ~ treat + age, data = d)
out$cgd <- list(call = 'coxph(Surv(tstart, tstop, status == 1) ~ treat + age, data = cgd)',
  fit = fitinfo(f), resid = resids(f),
  curve = curve(f, data.frame(treat = factor("rIFN-g", levels = levels(d$treat)), age = 20)), zph = zph(f))
f <- coxph(Surv(tstart, tstop, status == 1) ~ treat + age, data = d, ties = "breslow")
out$cgdBreslow <- list(call = 'coxph(Surv(tstart, tstop, status == 1) ~ treat + age, data = cgd, ties = "breslow")',
  fit = fitinfo(f), resid = resids(f), zph = zph(f))

d <- dd("edge_ties"); d$group <- factor(d$group, levels = c("A", "B"))
f <- coxph(Surv(time, status == 1) ~ group, data = d, ties = "breslow")
out$tiesBreslow <- list(call = 'coxph(Surv(time, status == 1) ~ group, data = edge_ties, ties = "breslow")',
  fit = fitinfo(f), resid = resids(f), zph = zph(f),
  curve = curve(f, data.frame(group = factor("B", levels = c("A", "B")))))
f <- coxph(Surv(time, status == 1) ~ group, data = d)
out$tiesEfron <- list(call = 'coxph(Surv(time, status == 1) ~ group, data = edge_ties)',
  fit = fitinfo(f), resid = resids(f), zph = zph(f),
  curve = curve(f, data.frame(group = factor("B", levels = c("A", "B")))))

d <- dd("lung")
f <- coxph(Surv(time, status == 2) ~ age + sex + age:sex, data = d)
out$lungInteraction <- list(call = 'coxph(Surv(time, status == 2) ~ age + sex + age:sex, data = lung)',
  fit = fitinfo(f), zph = zph(f), concordance = num(f$concordance[c("concordance", "std")]))
f <- coxph(Surv(time, status == 2) ~ age + sex, data = d)
out$lungTransforms <- list(call = 'cox.zph(coxph(Surv(time, status == 2) ~ age + sex, data = lung), transform = ...)',
  identity = zph(f, "identity"), log = zph(f, "log"), rank = zph(f, "rank"))

d <- dd("veteran"); d$celltype <- factor(d$celltype, levels = c("squamous", "adeno", "large", "smallcell"))
f <- coxph(Surv(time, status == 1) ~ karno + celltype + celltype:karno, data = d)
out$veteranFactorInteraction <- list(call = 'coxph(Surv(time, status == 1) ~ karno + celltype + celltype:karno, data = veteran)',
  fit = fitinfo(f), zph = zph(f), concordance = num(f$concordance[c("concordance", "std")]),
  curve = curve(f, data.frame(karno = 60, celltype = factor("adeno", levels = levels(d$celltype)))))

d <- dd("edge_fracw"); d$group <- factor(d$group, levels = c("A", "B"))
f <- coxph(Surv(time, status == 1) ~ group + x, data = d, weights = w)
out$fracwRobustCurve <- list(call = 'coxph(Surv(time, status == 1) ~ group + x, data = edge_fracw, weights = w)',
  fit = fitinfo(f), resid = resids(f), zph = zph(f),
  curve = curve(f, data.frame(group = factor("B", levels = c("A", "B")), x = 0.5)))

cat(json(out), "\n")
