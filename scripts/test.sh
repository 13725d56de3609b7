#!/usr/bin/env bash
# Runs every test project and ends with one line of totals: "N passed, N failed[, N skipped]".
set -uo pipefail
cd "$(dirname "$0")/.."
results=$(mktemp -d)
# The store and CLI tests run on SQLite and on PostgreSQL: a throw-away server on loopback,
# started here, stopped and removed on exit however the run ends.
pgdir=$(mktemp -d)
cleanup() { ./scripts/postgres-test-server.sh stop "$pgdir"; rm -rf "$results"; }
trap cleanup EXIT
trap 'exit 130' INT TERM
if ! RAPPORTEUR_TEST_POSTGRES=$(./scripts/postgres-test-server.sh start "$pgdir"); then
  echo "could not start the PostgreSQL test server"
  echo "0 passed, 1 failed"
  exit 1
fi
export RAPPORTEUR_TEST_POSTGRES

dotnet build Rapporteur.slnx -c Release -nologo -v quiet || { echo "0 passed, 1 failed"; exit 1; }

status=0
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  dotnet test "$project" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$results/$name.trx" || status=1
done

python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
files = glob.glob(sys.argv[1] + "/*.trx")
for f in files:
    c = ET.parse(f).getroot().find("t:ResultSummary/t:Counters", ns)
    passed += int(c.get("passed")); failed += int(c.get("failed")) + int(c.get("error"))
    skipped += int(c.get("notExecuted"))
if not files:
    failed += 1
print(f"{passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
PY
[ "$status" -eq 0 ] || exit 1
