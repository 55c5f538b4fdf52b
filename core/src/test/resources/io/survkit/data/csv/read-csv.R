# R reference for CsvReaderAwkwardFileTest: what read.csv gives for each awkward file.
# Run from this folder: Rscript read-csv.R  (writes read-csv.json)
library(jsonlite)
read <- function(f) {
  switch(f,
    "semicolon.csv" = read.csv(f, sep = ";"),
    "tab.tsv" = read.delim(f),
    "latin1.csv" = read.csv(f, fileEncoding = "latin1"),
    "spaces.csv" = read.csv(f, strip.white = TRUE),
    read.csv(f))
}
files <- c("bom.csv", "crlf.csv", "no-final-newline.csv", "semicolon.csv", "tab.tsv", "quoted.csv",
           "quoted-newline.csv", "blank-lines.csv", "missing.csv", "write-csv.csv", "short-header.csv",
           "latin1.csv", "spaces.csv")
out <- list()
for (f in files) {
  d <- read(f)
  names(d)[1] <- sub("^X.U.FEFF.", "", names(d)[1])  # read.csv keeps a BOM in the first name; survkit drops it
  used <- d[, c("time", "status", "arm", "x")]
  used$arm[used$arm == ""] <- NA  # survkit: an empty text cell is missing too
  kept <- na.omit(used)
  out[[f]] <- list(names = names(d), time = kept$time, status = kept$status, arm = as.character(kept$arm),
                   x = kept$x, omitted = nrow(used) - nrow(kept), rows = which(complete.cases(used)))
}
writeLines(toJSON(out, digits = NA, auto_unbox = FALSE, pretty = TRUE), "read-csv.json")
