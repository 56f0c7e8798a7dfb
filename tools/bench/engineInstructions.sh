#!/usr/bin/env bash
# CPU instructions per full flagship drill (four expert bots) and per replay, counted by
# `perf stat` with V8 in its predictable (single-threaded) mode. Unlike drills per second this
# hardly moves when other work shares the machine, so it shows what a change to the engine did.
# Each figure is the difference between N drills and none (loading and warm-up cancel out), the
# lowest of three runs.  Needs Linux perf (Debian: linux-perf).
#   npm run bench:engine:instructions [-- N]
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v perf >/dev/null || { echo "perf is not installed (Debian: apt-get install linux-perf)" >&2; exit 1; }
n=${1:-2000}
count() {
  for _ in 1 2 3; do
    perf stat -x, -e instructions node --predictable --import tsx tools/bench/engineLoop.ts "$1" "$2" 2>&1 >/dev/null |
      awk -F, '/instructions/ { print $1 }'
  done | sort -n | head -1
}
base=$(count full 0)
full=$(count full "$n")
replays=$(count replay "$n")
echo "instructions per full drill, four expert bots: $(( (full - base) / n ))"
echo "instructions per replay of a recorded drill:   $(( (replays - base) / n ))"
