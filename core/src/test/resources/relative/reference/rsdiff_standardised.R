# R references for survkit's NetSurvivalComparison (relsurv::rs.diff, Grafféo et al. 2016) and
# AgeStandardisedNetSurvival (ICSS weights, as CONCORD: Pohar-Perme per ICSS age group, weighted).
# R 4.2.2, relsurv 2.2.9, survival 3.5-3. Run from this folder:
#   Rscript rsdiff_standardised.R   (reads ../../oracle/data and ratetables; writes *.json here)
suppressMessages(library(relsurv))
oracle <- "../../oracle"
rd <- read.csv(file.path(oracle, "data/rdata.csv")); rd$year <- as.Date(rd$year)
us <- read.csv(file.path(oracle, "data/registry_us.csv")); us$year <- as.Date(us$year)
num <- function(x) jsonlite::toJSON(x, digits = I(17), auto_unbox = TRUE, matrix = "rowmajor")
write_case <- function(name, obj) writeLines(num(obj), paste0(name, ".json"))

diffcase <- function(name, fit, rcall, dataset, group, table, dpy) {
  write_case(name, list(case = name, rCall = rcall, dataset = dataset, group = group, ratetable = table,
                        daysPerYear = dpy, statistic = as.numeric(fit$test.stat), df = fit$df,
                        pValue = as.numeric(fit$p.value), z = as.numeric(fit$zh), covariance = fit$covmat))
}
f1 <- rs.diff(Surv(time, cens == 1) ~ sex + ratetable(age = age * 365.241, sex = sex, year = year),
              data = rd, ratetable = relsurv::slopop)
diffcase("rsdiff_rdata_sex", f1, "rs.diff(Surv(time, cens == 1) ~ sex + ratetable(age = age * 365.241, sex = sex, year = year), data = d, ratetable = relsurv::slopop)", "rdata", "sex", "slopop", 365.241)
f2 <- rs.diff(Surv(time, cens == 1) ~ agegr + ratetable(age = age * 365.241, sex = sex, year = year),
              data = rd, ratetable = relsurv::slopop)
diffcase("rsdiff_rdata_agegr", f2, "rs.diff(Surv(time, cens == 1) ~ agegr + ratetable(age = age * 365.241, sex = sex, year = year), data = d, ratetable = relsurv::slopop)", "rdata", "agegr", "slopop", 365.241)
f3 <- rs.diff(Surv(time, status == 1) ~ stage + ratetable(age = age * 365.25, sex = sex, year = year),
              data = us, ratetable = survexp.us)
diffcase("rsdiff_registry_us_stage", f3, "rs.diff(Surv(time, status == 1) ~ stage + ratetable(age = age * 365.25, sex = sex, year = year), data = d, ratetable = survexp.us) (relsurv 2.2.9's US birth date, 3653 days early)", "registry_us", "stage", "us", 365.25)

# Age-standardised net survival: ICSS age groups 15-44, 45-54, 55-64, 65-74, 75+ (age in whole
# years at diagnosis, floor), Pohar-Perme per group, S = sum w_g S_g(t), var = sum w_g^2 (S_g se_g)^2
# with se_g = summary(fit)$std.err (on the S scale); log CI S exp(-+ z sqrt(var)/S), z = qnorm(0.975).
icss <- list(`1` = c(0.07, 0.12, 0.23, 0.29, 0.29), `2` = c(0.28, 0.17, 0.21, 0.20, 0.14),
             `3` = c(0.60, 0.10, 0.10, 0.10, 0.10))
rd$icss <- as.integer(cut(floor(rd$age), c(-Inf, 44, 54, 64, 74, Inf), labels = 1:5))  # numeric: strata icss=1..5 in order
times <- c(365, 1096, 1826)
fit <- rs.surv(Surv(time, cens == 1) ~ icss + ratetable(age = age * 365.241, sex = sex, year = year),
               data = rd, ratetable = relsurv::slopop, method = "pohar-perme")
s <- summary(fit, times = times, extend = TRUE)
S <- matrix(s$surv, nrow = length(times)); SE <- matrix(s$std.err, nrow = length(times))
for (k in names(icss)) {
  w <- icss[[k]]
  est <- as.numeric(S %*% w); se <- sqrt(as.numeric(SE^2 %*% w^2)); z <- qnorm(0.975)
  write_case(paste0("standardised_rdata_icss", k), list(case = paste0("standardised_rdata_icss", k),
    rCall = "d$icss <- as.integer(cut(floor(d$age), c(-Inf, 44, 54, 64, 74, Inf), labels = 1:5)); fit <- rs.surv(Surv(time, cens == 1) ~ icss + ratetable(age = age * 365.241, sex = sex, year = year), data = d, ratetable = relsurv::slopop, method = 'pohar-perme'); s <- summary(fit, times = times, extend = TRUE); sum over groups of w * s$surv",
    dataset = "rdata", ratetable = "slopop", daysPerYear = 365.241, weights = w, times = times,
    groupSurv = S, groupStdErr = SE, surv = est, stdErr = se,
    lower = est * exp(-z * se / est), upper = est * exp(z * se / est)))
}
