# R reference for RateTable.hmd: relsurv 2.2.9 transrate.hmd on the synthetic HMD files beside
# this script. Run from this folder: Rscript hmd_reference.R  (writes hmd_reference.json)
suppressMessages(library(relsurv))
rt <- transrate.hmd("mltper_1x1.txt", "fltper_1x1.txt")
h <- unclass(rt)  # dims age (0:110), year (1990, 1991, 1993), sex (male, female)
out <- list(call = "relsurv::transrate.hmd(\"mltper_1x1.txt\", \"fltper_1x1.txt\")",
            ages = 0:110, years = c(1990, 1991, 1993),
            ageCutpoints = attr(rt, "cutpoints")[[1]],
            male = lapply(1:3, function(y) as.vector(h[, y, 1])),
            female = lapply(1:3, function(y) as.vector(h[, y, 2])))
writeLines(jsonlite::toJSON(out, digits = I(17), auto_unbox = TRUE), "hmd_reference.json")
