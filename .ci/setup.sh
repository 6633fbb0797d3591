#!/usr/bin/env bash
# Installs what the product and its tests need on a fresh Debian machine that has only the .NET SDK:
# Debian packages (apt: chromium prints the PDF packs, fonts-dejavu-core is the charts' font) and the NuGet
# packages (dotnet restore; ScottPlot brings its own SkiaSharp native assets). No npm. Safe to run again: it skips
# what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_packages=(sqlite3 chromium poppler-utils fonts-dejavu-core)
missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

echo "setup: restoring NuGet packages"
dotnet restore Dashboard.sln --nologo -v quiet
