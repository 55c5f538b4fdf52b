# Reference values for io.survkit.validation.Nomogram (NomogramReferenceTest).
# Run from this folder: Rscript nomogram.R  (R 4.2.2, survival 3.5-3, rms, jsonlite 1.8.4)
# Data: the shared oracle's lung.csv (copied in ../oracle/data), rows complete in time, status,
# age, sex, ph.ecog (227). Model: cph(Surv(time, status == 2) ~ age + sex + ecog, eps = 1e-9)
# (coxph's convergence; cph's default 1e-4 leaves the one-patient level ecog = 3 short), ecog =
# factor(ph.ecog) with reference 0.
#  * term axes, points scale, total points and linear-predictor axes: rms::nomogram(fit) with its
#    defaults (maxscale = 100, nint = 10);
#  * survival axes at 365 and 730 days: the exact position of each tick s (rms::nomogram
#    interpolates the inverse on a 1000-point grid instead): with H0(t) = basehaz(coxph(same
#    model), centered = FALSE) at t, lp(s) = log(-log(s) / H0(t)) (uncentred), points =
#    (lp(s) - sum of the terms' smallest x'beta) * sc; ticks are rms's default
#    pretty(S(t | range(lp.at)), 10), kept where the lp lies within range(lp.at).
suppressMessages({library(rms); library(jsonlite)})
d <- read.csv(file.path("..", "oracle", "data", "lung.csv"), na.strings = "")
d <- d[complete.cases(d[, c("time", "status", "age", "sex", "ph.ecog")]), ]
d$ecog <- factor(d$ph.ecog)
dd <- datadist(d); options(datadist = "dd")
f <- cph(Surv(time, status == 2) ~ age + sex + ecog, data = d, x = TRUE, y = TRUE, surv = TRUE, eps = 1e-9)
nom <- nomogram(f)
info <- attr(nom, "info")
axis <- function(a, name) list(name = name, labels = as.character(a[[1]]), values = unname(a$Xbeta),
                               points = unname(a$points))
cf <- coxph(Surv(time, status == 2) ~ age + sex + ecog, data = d)
bh <- basehaz(cf, centered = FALSE)
R1 <- sum(info$R[1, ])
lpat <- nom$lp$x.real
surv <- lapply(c(365, 730), function(t) {
  H0 <- max(c(0, bh$hazard[bh$time <= t]))
  S <- function(lpc) exp(-H0 * exp(lpc + f$center))
  fat <- pretty(S(range(lpat)), n = 10)
  lpu <- log(-log(fat) / H0)
  keep <- is.finite(lpu) & lpu - f$center >= min(lpat) & lpu - f$center <= max(lpat)
  list(time = t, values = fat[keep], points = (lpu[keep] - R1) * info$sc)
})
out <- list(case = "nomogram_lung_age_sex_ecog", rCall = "see nomogram.R",
            coefficients = unname(coef(f)), center = f$center, sc = info$sc,
            terms = list(axis(nom$age, "age"), axis(nom$sex, "sex"), axis(nom$ecog, "ecog")),
            totalPoints = nom$total.points$x,
            lp = list(values = nom$lp$x.real, points = nom$lp$x),
            survival = surv)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, na = "null", pretty = TRUE), "nomogram_lung_age_sex_ecog.json")
