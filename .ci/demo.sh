#!/usr/bin/env bash
# Sets everything up and runs the product on the embedded default: a synthetic council as of today,
# loaded into a SQLite warehouse under ./data.
set -euo pipefail
cd "$(dirname "$0")/.."
./.ci/setup.sh
dotnet build src/Dashboard.Cli --nologo -v quiet -c Release
exec dotnet src/Dashboard.Cli/bin/Release/net10.0/dashboard.dll demo "$@"
