#!/usr/bin/env bash
# survkit beside R survival on the same generated data: times R's survfit, survdiff and coxph
# (Efron) with the data loaded (median of 5), runs the matching JMH benchmarks, checks that both
# give the same numbers, and prints one table. Needs Rscript with the survival package; without it
# this script says so and exits 0.
#   benchmarks/compare-with-r.sh [--quick]      (--quick: only the two smallest sizes)
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v Rscript >/dev/null 2>&1 || ! Rscript -e 'suppressPackageStartupMessages(library(survival))' >/dev/null 2>&1; then
  echo "compare-with-r: Rscript with the survival package is not installed; nothing to compare (apt-get install r-base-core r-cran-survival)"
  exit 0
fi
km_sizes="10000 100000 1000000 10000000"
cox_sizes="10000 100000 1000000"
if [ "${1:-}" = "--quick" ]; then km_sizes="10000 100000"; cox_sizes="10000 100000"; fi
work=${SURVKIT_COMPARE_DIR:-target/compare-with-r}
mkdir -p "$work"
mvn -B -q package -DskipTests
jar=benchmarks/target/benchmarks.jar
java -cp "$jar" io.survkit.bench.CompareData "$work" km $km_sizes
java -cp "$jar" io.survkit.bench.CompareData "$work" cox $cox_sizes
echo "timing R (median of 5 per call) ..."
Rscript benchmarks/r/compare.R "$work" "$work/r-results.tsv"
echo "timing survkit (JMH) and checking agreement ..."
java -Xmx8g -cp "$jar" io.survkit.bench.CompareWithR "$work" "$work/r-results.tsv" 2>&1 | tee "$work/jmh.log" | sed -n '/^| task/,$p'
