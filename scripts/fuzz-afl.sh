#!/usr/bin/env bash
# Coverage-guided fuzzing of the readers with AFL++ and SharpFuzz (a benchmark, not a test):
#   ./scripts/fuzz-afl.sh [seconds per target, default 300] [targets, default "text html pdf feed"]
# Installs Debian's afl++ when missing, instruments the readers and the libraries they parse with,
# runs afl-fuzz on each target for the time given, and prints executions, paths, crashes and hangs.
# Crashing and hanging inputs are copied to a folder it names, to become regression tests.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-300}
targets=${2:-"text html pdf feed"}

if ! command -v afl-fuzz >/dev/null; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get install -y -qq afl++ >/dev/null
fi
dotnet tool restore >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
keep="${TMPDIR:-/tmp}/rapporteur-afl-findings"
mkdir -p "$keep"

dotnet publish bench/Rapporteur.Fuzz -c Release -o "$work/out" -nologo -v quiet
for target in $targets; do
  dotnet "$work/out/Rapporteur.Fuzz.dll" seeds "$target" "$work/seeds-$target" sample/articles
done
# Coverage is traced only inside instrumented assemblies: ours and the parsers we hand bytes to.
for assembly in Rapporteur.Core AngleSharp SmartReader UglyToad.PdfPig UglyToad.PdfPig.Core UglyToad.PdfPig.Tokenization UglyToad.PdfPig.Fonts UglyToad.PdfPig.Package System.ServiceModel.Syndication; do
  [ -f "$work/out/$assembly.dll" ] && dotnet sharpfuzz "$work/out/$assembly.dll" >/dev/null 2>&1 || true
done

status=0
for target in $targets; do
  findings="$work/findings-$target"
  # The target is the dotnet host, not an instrumented binary; crashes surface as exceptions.
  AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 \
    AFL_NO_AFFINITY=1 AFL_QUIET=1 \
    afl-fuzz -i "$work/seeds-$target" -o "$findings" -t 10000 -m none -V "$seconds" \
    -- dotnet "$work/out/Rapporteur.Fuzz.dll" "$target" >"$work/afl-$target.log" 2>&1 || true
  stats="$findings/default/fuzzer_stats"
  if [ ! -f "$stats" ]; then
    echo "afl_${target}: afl-fuzz did not start; its last lines:"; tail -5 "$work/afl-$target.log"; status=1; continue
  fi
  value() { awk -F' *: *' -v k="$1" '$1 == k { print $2 }' "$stats"; }
  crashes=$(value saved_crashes); hangs=$(value saved_hangs)
  echo "afl_${target}_execs $(value execs_done)"
  echo "afl_${target}_paths $(value corpus_count)"
  echo "afl_${target}_crashes ${crashes}"
  echo "afl_${target}_hangs ${hangs}"
  if [ "${crashes:-0}" != "0" ] || [ "${hangs:-0}" != "0" ]; then
    mkdir -p "$keep/$target"
    cp "$findings"/default/crashes/id* "$findings"/default/hangs/id* "$keep/$target/" 2>/dev/null || true
    echo "afl_${target}: inputs kept in $keep/$target"
    status=1
  fi
done
exit $status
