#!/usr/bin/env bash
# The main job on the embedded default: build, ingest the bundled sample corpus into a fresh
# SQLite file, show the summary, a search and the suggestions of one source.
set -euo pipefail
cd "$(dirname "$0")/.."
db=data/sample.db
rm -f "$db" "$db-wal" "$db-shm"
dotnet build src/Rapporteur.Cli -c Release -nologo -v quiet
rapporteur() { dotnet src/Rapporteur.Cli/bin/Release/net10.0/rapporteur.dll "$@"; }
rapporteur ingest sample/articles --db "$db"
rapporteur search Khorog --db "$db"
rapporteur show 1 --suggestions --db "$db"
echo "database: $db   (try: dotnet src/Rapporteur.Cli/bin/Release/net10.0/rapporteur.dll sources --db $db)"
