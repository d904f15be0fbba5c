#!/usr/bin/env bash
# Benchmarks/run.sh — the performance figures of issue 5 (docs/PERFORMANCE.md).
#
#   Benchmarks/run.sh          release build; 1k, 10k and 100k territories (generated once into
#                              Benchmarks/data/, git-ignored); median of 5 first frames; writes
#                              Benchmarks/results.md                                   (make bench)
#                              (BENCH_SIZES="1000 10000" limits the sizes)
#   Benchmarks/run.sh --smoke  the debug build `make test` just made; 1k only, one run each,
#                              fresh data in a temporary folder; checks every figure is produced
#
# Every figure a user sees is measured from outside, with the shared scripts in ../shared/perf
# (ttff.sh through tmux, bytes_per_key.py in a pty) and Benchmarks/loaded.py (all loaded, keys
# answered meanwhile), for the app and for a 100-line C ncursesw list viewer
# (Benchmarks/floor/viewer.c) in the same run. Saving one account and one filter keystroke are
# timed inside the process by the hidden `workbook debug-bench` (same runtime, no terminal).
# The app's per-user list index goes to $data_root/cache (XDG_CACHE_HOME), so the first frame is
# that of a second open; "first frame, first open" runs with a cache that cannot be written.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
perf_dir="$(dirname "$0")/../../shared/perf"
mode=full
case "${1:-}" in
  "") ;;
  --smoke) mode=smoke ;;
  -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) echo "usage: $0 [--smoke]" >&2; exit 2 ;;
esac

die() { echo "bench: $*" >&2; exit 1; }
if [[ ! -x $perf_dir/ttff.sh || ! -f $perf_dir/bytes_per_key.py ]]; then
  # A clone without the team's shared/ folder beside it can still run the tests; only the figures need it.
  if [[ $mode == smoke ]]; then
    echo "bench: smoke pass skipped: ttff.sh and bytes_per_key.py are not in $perf_dir (../shared/perf next to the repository)"
    exit 0
  fi
  die "the measuring scripts are missing: expected ttff.sh and bytes_per_key.py in $perf_dir (../shared/perf next to the repository)"
fi
perf_dir=$(cd "$perf_dir" && pwd)
for tool in tmux python3 gcc; do command -v "$tool" >/dev/null || die "$tool is needed (make deps installs tmux)"; done

cd "$root"
swift=${SWIFT:-swift}
if [[ $mode == full ]]; then
  echo "== building (release, as \`make install\` builds it)"
  # The Swift runtime and Foundation linked in: the way the app is installed (decision 48).
  "$swift" build -c release --static-swift-stdlib --product workbook >&2
  bin="$("$swift" build -c release --show-bin-path)/workbook"
  read -r -a sizes <<< "${BENCH_SIZES:-1000 10000 100000}"; runs=5; warmup=1; key_runs=3; key_count=50; loaded_runs=3; bench_runs=20; cold_runs=1
  data_root="$here/data"
else
  bin="${WORKBOOK_BIN:-$("$swift" build --show-bin-path)/workbook}"
  sizes=(1000); runs=1; warmup=0; key_runs=1; key_count=5; loaded_runs=1; bench_runs=2; cold_runs=1
  data_root=$(mktemp -d "${TMPDIR:-/tmp}/workbook-bench-XXXXXX")
  trap 'rm -rf "$data_root"' EXIT
fi
[[ -x $bin ]] || die "no workbook binary at $bin (build it first)"
mkdir -p "$data_root"
seed=42
quiet_ms=150; pause_ms=20
idle_s=$(awk -v n="$key_count" -v q="$quiet_ms" -v p="$pause_ms" 'BEGIN { printf "%g", n * (q + p) / 1000 }')

# The C floor, rebuilt when its source changed.
floor="$data_root/viewer"
if [[ ! -x $floor || $here/floor/viewer.c -nt $floor ]]; then
  gcc -O2 -Wall -o "$floor" "$here/floor/viewer.c" -lncursesw || die "cannot compile Benchmarks/floor/viewer.c (libncurses-dev?)"
fi

label() { case $1 in 1000) echo 1k ;; 10000) echo 10k ;; 100000) echo 100k ;; *) echo "$1" ;; esac; }

# Territories are cached, keyed by the generator's source: a changed generator regenerates them.
generator_key=$(cat "$root/Sources/WorkbookApp/Demo/TerritoryGenerator.swift" | cksum | cut -d' ' -f1)
prepare() { # N -> the workbook folder, with names.txt beside it for the floor
  local n=$1 dir="$data_root/$(label "$1")" stamp="$data_root/$(label "$1").stamp"
  if [[ ! -f $stamp || $(cat "$stamp") != "$generator_key seed=$seed" ]]; then
    rm -rf "$dir" "$dir.names.txt" "$stamp"
    echo "== generating $(label "$n") accounts (seed $seed) into $dir" >&2
    "$bin" generate --accounts "$n" --seed "$seed" --data "$dir" >&2
    python3 - "$dir" > "$dir.names.txt" <<'PY'
import json, os, sys
folder = os.path.join(sys.argv[1], "accounts")
names = []
for entry in os.listdir(folder):
    if entry.endswith(".json"):
        with open(os.path.join(folder, entry), encoding="utf-8") as fh:
            names.append(json.load(fh)["name"])
names.sort(key=str.casefold)
sys.stdout.write("".join(name.replace("\n", " ") + "\n" for name in names))
PY
    echo "$generator_key seed=$seed" > "$stamp"
  fi
  echo "$dir"
}

expect="Accounts ("
busy="Working out today's health"
# The view is the default (compact) unless named: a state folder of the bench's own, so a view.json
# of the person running it never changes the figures. The table view is measured beside it.
state_default="XDG_STATE_HOME=$data_root/state-default"
mkdir -p "$data_root/state-table/account-workbook"
printf '{\n  "accountsView": "table"\n}\n' > "$data_root/state-table/account-workbook/view.json"
app=(env "XDG_CACHE_HOME=$data_root/cache" "$state_default" "$bin")
app_table=(env "XDG_CACHE_HOME=$data_root/cache" "XDG_STATE_HOME=$data_root/state-table" "$bin")
app_cold=(env "XDG_CACHE_HOME=/dev/null/no-cache" "$state_default" "$bin")
# "Another day": the index is written where it is still yesterday (UTC-12) and read where it is
# already tomorrow (UTC+14), 26 hours apart whatever the time: every health figure is then stale.
app_yesterday=(env "XDG_CACHE_HOME=$data_root/cache-day" "$state_default" "TZ=Etc/GMT+12" "$bin")
app_tomorrow=(env "XDG_CACHE_HOME=$data_root/cache-day" "$state_default" "TZ=Etc/GMT-14" "$bin")
field() { tr '\t' '\n' | sed -n "s/^$1=//p" | head -n1; }
ttff() { # label CMD... -> "median_ms rss_kib"
  local name=$1; shift
  local out
  out=$("$perf_dir/ttff.sh" -q -n "$runs" -W "$warmup" -s 200x50 -e "$expect" -r 300 -l "$name" -- "$@") ||
    die "ttff.sh failed for $name"
  local line; line=$(grep '^RESULT' <<< "$out")
  echo "$(field median_ms <<< "$line") $(field rss_kib_median <<< "$line")"
}
keys() { # label CMD... -> "bytes_per_key_median idle_bytes"
  local name=$1; shift
  local out
  out=$(python3 "$perf_dir/bytes_per_key.py" --size 200x50 --expect "$expect" --key down --count "$key_count" \
          --quiet-ms "$quiet_ms" --pause-ms "$pause_ms" --runs "$key_runs" --label "$name" -- "$@") ||
    die "bytes_per_key.py failed for $name"
  local line; line=$(grep '^RESULT' <<< "$out")
  echo "$(field bytes_per_key_median <<< "$line") $(field idle_bytes <<< "$line")"
}

loaded() { # label CMD... -> "loaded_ms keys_during_load slowest_key_ms rss_kib"
  local name=$1; shift
  local out
  out=$(python3 "$here/loaded.py" --runs "$loaded_runs" --warmup 0 --expect "$expect" --busy "$busy" --label "$name" -- "$@") ||
    die "loaded.py failed for $name"
  local line; line=$(grep '^RESULT' <<< "$out")
  echo "$(field loaded_ms_median <<< "$line") $(field keys_during_load <<< "$line") $(field slowest_key_ms <<< "$line") $(field rss_kib_median <<< "$line")"
}
inprocess() { # DIR -> "save_ms filter_key_ms" (medians, from `workbook debug-bench`)
  local out
  out=$("${app[@]}" debug-bench --data "$1" --runs "$bench_runs") || die "workbook debug-bench failed for $1"
  local line; line=$(grep '^RESULT' <<< "$out")
  echo "$(field save_ms_median <<< "$line") $(field filter_key_ms_median <<< "$line")"
}

# Opens the workbook once, lets it work out health if it must, and quits with q, so the list index
# of that cache is written and current
# for that day (a first frame measured afterwards is that of a second open, whatever was cached before).
warm() { # CMD...
  local sock="workbook-bench-warm-$$" cmd="exec" a
  for a in "$@"; do cmd+=" $(printf '%q' "$a")"; done
  tmux -L "$sock" -f /dev/null new-session -d -s warm -x 200 -y 50 "$cmd" || die "tmux could not start $1"
  local waited=0
  until tmux -L "$sock" capture-pane -p -t warm 2>/dev/null | grep -qF "$expect"; do
    sleep 0.2; waited=$((waited + 1)); ((waited < 3000)) || { tmux -L "$sock" kill-server; die "no first frame from $*"; }
  done
  # Health of another day is worked out in the background; the index is written once it is known.
  waited=0
  while tmux -L "$sock" capture-pane -p -t warm 2>/dev/null | grep -qF "$busy"; do
    sleep 0.2; waited=$((waited + 1)); ((waited < 3000)) || { tmux -L "$sock" kill-server; die "$* kept working out health"; }
  done
  tmux -L "$sock" send-keys -t warm q
  waited=0
  while tmux -L "$sock" has-session -t warm 2>/dev/null; do
    sleep 0.2; waited=$((waited + 1)); ((waited < 600)) || { tmux -L "$sock" kill-server; die "$* did not quit"; }
  done
  tmux -L "$sock" kill-server 2>/dev/null || true
}

declare -A fig
for n in "${sizes[@]}"; do
  dir=$(prepare "$n"); s=$(label "$n")
  echo "== measuring $s" >&2
  warm "${app[@]}" --data "$dir"
  read -r fig[app_ms,$s] fig[app_rss,$s] < <(ttff "app-$s" "${app[@]}" --data "$dir")
  read -r fig[cold_ms,$s] _ < <(runs=$cold_runs warmup=0 ttff "app-first-open-$s" "${app_cold[@]}" --data "$dir")
  read -r fig[floor_ms,$s] fig[floor_rss,$s] < <(ttff "floor-$s" "$floor" "$dir.names.txt")
  read -r fig[app_key,$s] fig[app_idle,$s] < <(keys "app-$s" "${app[@]}" --data "$dir")
  read -r fig[table_key,$s] _ < <(keys "app-table-view-$s" "${app_table[@]}" --data "$dir")
  read -r fig[slow_key,$s] _ < <(keys "app-slow-link-$s" "${app[@]}" --data "$dir" --slow-link)
  read -r fig[floor_key,$s] fig[floor_idle,$s] < <(keys "floor-$s" "$floor" "$dir.names.txt")
  read -r fig[loaded_ms,$s] fig[loaded_keys,$s] fig[loaded_slowest,$s] fig[loaded_rss,$s] < <(loaded "app-$s" "${app[@]}" --data "$dir")
  warm "${app_yesterday[@]}" --data "$dir"
  read -r fig[day_ms,$s] fig[day_keys,$s] fig[day_slowest,$s] fig[day_rss,$s] < <(loaded "app-new-day-$s" "${app_tomorrow[@]}" --data "$dir")
  read -r fig[save_ms,$s] fig[filter_ms,$s] < <(inprocess "$dir")
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b + 0 == 0) print "—"; else printf "%.1f×", a / b }'; }
mib() { awk -v k="$1" 'BEGIN { if (k == "") print ""; else printf "%.1f", k / 1024 }'; }
cell() { # value unit [floor] -> "value unit (r× floor)"
  local v=$1 unit=$2 f=${3:-}
  [[ -z $v ]] && { echo "missing"; return; }
  if [[ -n $f ]]; then echo "$v $unit ($(ratio "$v" "$f") floor)"; else echo "$v $unit"; fi
}
row() { # title then one cell per size
  local title=$1; shift
  printf '| %s |' "$title"; for c in "$@"; do printf ' %s |' "$c"; done; printf '\n'
}
per_size() { local what=$1 s; local cells=(); for s in "${labels[@]}"; do cells+=("$($what "$s")"); done; printf '%s\n' "${cells[@]}"; }

labels=(); for n in "${sizes[@]}"; do labels+=("$(label "$n")"); done
table=$(
  printf '| figure |'; for s in "${labels[@]}"; do printf ' %s |' "$s"; done; printf '\n'
  printf '|---|'; for _ in "${labels[@]}"; do printf -- '---:|'; done; printf '\n'
  c=(); for s in "${labels[@]}"; do c+=("$(cell "${fig[app_ms,$s]}" ms "${fig[floor_ms,$s]}")"); done; row "first frame, app (median of $runs)" "${c[@]}"
  c=(); for s in "${labels[@]}"; do c+=("$(cell "${fig[floor_ms,$s]}" ms)"); done; row "first frame, C floor" "${c[@]}"
  c=(); for s in "${labels[@]}"; do c+=("$(cell "$(mib "${fig[app_rss,$s]}")" MiB "$(mib "${fig[floor_rss,$s]}")")"); done; row "peak RSS, app" "${c[@]}"
  c=(); for s in "${labels[@]}"; do c+=("$(cell "$(mib "${fig[floor_rss,$s]}")" MiB)"); done; row "peak RSS, C floor" "${c[@]}"
  c=(); for s in "${labels[@]}"; do c+=("$(cell "${fig[app_key,$s]}" B "${fig[floor_key,$s]}")"); done; row "bytes per cursor-down key, app (compact view, the default; full-row highlight)" "${c[@]}"
  c=(); for s in "${labels[@]}"; do c+=("$(cell "${fig[table_key,$s]}" B "${fig[floor_key,$s]}")"); done; row "bytes per cursor-down key, app in the table view (columns, details follow)" "${c[@]}"
  c=(); for s in "${labels[@]}"; do c+=("$(cell "${fig[slow_key,$s]}" B "${fig[floor_key,$s]}")"); done; row "bytes per cursor-down key, app with --slow-link (▶ only, no detail pane)" "${c[@]}"
  c=(); for s in "${labels[@]}"; do c+=("$(cell "${fig[floor_key,$s]}" B)"); done; row "bytes per cursor-down key, C floor (full-row highlight)" "${c[@]}"
  c=(); for s in "${labels[@]}"; do c+=("$(cell "${fig[app_idle,$s]}" B)"); done; row "bytes written while idle for ${idle_s} s, app" "${c[@]}"
  c=(); for s in "${labels[@]}"; do c+=("$(cell "${fig[floor_idle,$s]}" B)"); done; row "bytes written while idle for ${idle_s} s, C floor" "${c[@]}"
  c=(); for s in "${labels[@]}"; do c+=("$(cell "${fig[cold_ms,$s]}" ms "${fig[floor_ms,$s]}")"); done; row "first frame, first open (no list index yet; $cold_runs run)" "${c[@]}"
  c=(); for s in "${labels[@]}"; do
    if [[ -z ${fig[loaded_ms,$s]} ]]; then c+=("missing"); else
      c+=("${fig[loaded_ms,$s]} ms (${fig[loaded_keys,$s]} keys answered meanwhile, slowest ${fig[loaded_slowest,$s]} ms)"); fi
  done; row "all accounts loaded, UI responsive throughout" "${c[@]}"
  c=(); for s in "${labels[@]}"; do c+=("$(cell "$(mib "${fig[loaded_rss,$s]}")" MiB)"); done; row "peak RSS, app, once all loaded" "${c[@]}"
  c=(); for s in "${labels[@]}"; do
    if [[ -z ${fig[day_ms,$s]} ]]; then c+=("missing"); else
      c+=("${fig[day_ms,$s]} ms (${fig[day_keys,$s]} keys answered meanwhile, slowest ${fig[day_slowest,$s]} ms)"); fi
  done; row "all loaded with a list index of another day (health worked out again), UI responsive throughout" "${c[@]}"
  c=(); for s in "${labels[@]}"; do c+=("$(cell "$(mib "${fig[day_rss,$s]}")" MiB)"); done; row "peak RSS, app, once all loaded on another day" "${c[@]}"
  c=(); for s in "${labels[@]}"; do c+=("$(cell "${fig[save_ms,$s]}" ms)"); done; row "save one edited account (in-process, median of $bench_runs)" "${c[@]}"
  c=(); for s in "${labels[@]}"; do c+=("$(cell "${fig[filter_ms,$s]}" ms)"); done; row "one filter keystroke, match + render (in-process, median)" "${c[@]}"
)

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n1)
machine="$(nproc) CPUs, ${cpu:-unknown CPU}, $(uname -sr)"
echo
echo "Account Workbook benchmark ($mode) — $(date -u '+%Y-%m-%d %H:%M UTC') — $machine"
echo "200×50 xterm-256color; territories of seed $seed; $runs measured first frame(s) after $warmup warm-up; bytes per key over $key_count keys, median of $key_runs run(s); load average now $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "$table"

if [[ $mode == smoke ]]; then
  # Every measured figure must be there; no timing assertions.
  missing=$(grep -c 'missing' <<< "$table" || true)
  rows=$(grep -c '^| ' <<< "$table")
  [[ $missing == 0 && $rows == 18 ]] && grep -q '^| first frame, app .* ms (.*× floor) |$' <<< "$table" &&
    grep -q '^| bytes per cursor-down key, app (compact view.* | [0-9.]* B' <<< "$table" &&
    grep -q '^| bytes per cursor-down key, app with --slow-link .* | [0-9.]* B' <<< "$table" &&
    grep -q '^| bytes per cursor-down key, app in the table view .* | [0-9.]* B' <<< "$table" &&
    grep -q '^| bytes written while idle for .* app | [0-9.]* B |$' <<< "$table" &&
    grep -q '^| peak RSS, app | [0-9.]* MiB' <<< "$table" &&
    grep -q '^| all accounts loaded, UI responsive throughout | [0-9.]* ms (' <<< "$table" &&
    grep -q '^| save one edited account .* | [0-9.]* ms |$' <<< "$table" &&
    grep -q '^| one filter keystroke.* | [0-9.]* ms |$' <<< "$table" || die "smoke: expected a header and 17 rows with every measured figure, got $rows rows and $missing missing figure(s)"
  echo; echo "bench smoke: every figure produced"
else
  {
    echo "# Benchmark results"
    echo
    echo "Produced by \`make bench\` (Benchmarks/run.sh); see docs/PERFORMANCE.md for what each figure means."
    echo
    echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "- machine: $machine"
    echo "- commit: $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$root" diff --quiet HEAD -- Sources 2>/dev/null || echo ' (with uncommitted changes in Sources)')"
    echo "- terminal: 200×50 xterm-256color; territories generated with seed $seed"
    echo "- first frame: median of $runs after $warmup warm-up; bytes per key: $key_count cursor-down keys, median of $key_runs runs"
    echo "- all loaded: median of $loaded_runs (Benchmarks/loaded.py); save and filter: \`workbook debug-bench\`, $bench_runs saves and 13 filter keys"
    echo "- load on the machine at the end: $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15-minute load averages; other work on a shared machine slows every figure)"
    echo
    echo "$table"
  } > "$here/results.md"
  echo; echo "written to Benchmarks/results.md"
fi
