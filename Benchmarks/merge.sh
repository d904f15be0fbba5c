#!/usr/bin/env bash
# Benchmarks/merge.sh — the sharing figures of issue 10 (README "Sharing with a team"), run by `make bench`.
#
#   1. The edit mix: 10,000 concurrent pairs in each of three mixes, merged by `workbook merge-driver`'s
#      merge and by git's line merge on the same bytes (MERGE_BENCH_PAIRS changes the count).
#      The table is printed and written to Benchmarks/merge-results.md.
#   2. The full git run: a bare repository, 20 simulated reps on a generated 2,000-account workbook,
#      100 rounds of edit → `workbook sync` in random order, merge and rebase modes
#      (GIT_SIM_ROUNDS changes the rounds; SKIP_GIT_SIM=1 skips it: it takes long on 2 cores).
#
# Both are counts, not timings, so they run on the debug build `make test` uses.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
swift=${SWIFT:-swift}
"$swift" build --build-tests >&2
echo "== edit mix (workbook merge vs git line merge)"
MERGE_BENCH=1 "$swift" test --skip-build --filter MergeEditMixBenchmark 2>&1 | grep -E '^(\||Edit mix)' || { echo "bench: the edit mix failed" >&2; exit 1; }
if [[ ${SKIP_GIT_SIM:-0} != 1 ]]; then
  echo "== git: 20 reps, 2,000 accounts, ${GIT_SIM_ROUNDS:-100} rounds, merge and rebase"
  GIT_SIM_FULL=1 "$swift" test --skip-build --filter GitSyncEndToEndTests 2>&1 | grep -E -A2 '^git sync simulation|✘' || { echo "bench: the git run failed" >&2; exit 1; }
fi
