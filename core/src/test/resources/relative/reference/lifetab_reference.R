# R references for survkit's LifeTable: KMsurv::lifetab (KMsurv 0.1-5) on interval counts.
# Intervals [k w, (k + 1) w), k = 0 .. floor(max(time) / w): a row falls in the interval holding its
# time; an event there counts as an event, a censored row as withdrawn (lost).
# Run from this folder: Rscript lifetab_reference.R   (writes lifetab_*.json here)
suppressMessages(library(KMsurv))
oracle <- "../../oracle"
one <- function(d, time, event, w) {
  K <- floor(max(d[[time]]) / w) + 1
  tis <- (0:K) * w
  k <- findInterval(d[[time]], tis)            # left-closed intervals
  nevent <- tabulate(k[d[[event]]], nbins = K)
  nlost <- tabulate(k[!d[[event]]], nbins = K)
  lt <- lifetab(tis, nrow(d), nlost, nevent)
  c(list(tis = tis), as.list(lt))
}
write_case <- function(name, obj) writeLines(jsonlite::toJSON(obj, digits = I(17), auto_unbox = TRUE,
                                                            na = "null"), paste0(name, ".json"))
lung <- read.csv(file.path(oracle, "data/lung.csv"))
lung$ev <- lung$status == 2
rd <- read.csv(file.path(oracle, "data/rdata.csv"))
rd$ev <- rd$cens == 1
write_case("lifetab_rdata_365", list(case = "lifetab_rdata_365", dataset = "rdata", time = "time", event = "cens",
  eventValue = 1, width = 365, rCall = "KMsurv::lifetab(tis, nrow(d), nlost, nevent) with counts by findInterval(time, tis)",
  strata = list(c(list(name = "all"), one(rd, "time", "ev", 365)))))
write_case("lifetab_lung_sex_90", list(case = "lifetab_lung_sex_90", dataset = "lung", time = "time",
  event = "status", eventValue = 2, width = 90, group = "sex",
  rCall = "KMsurv::lifetab per sex, counts by findInterval(time, tis)",
  strata = list(c(list(name = "sex=1"), one(lung[lung$sex == 1, ], "time", "ev", 90)),
                c(list(name = "sex=2"), one(lung[lung$sex == 2, ], "time", "ev", 90)))))
