#!/usr/bin/env bash
# Installs what the product and its tests need on a fresh Debian machine that has only the .NET SDK:
# Debian packages (apt), the chart libraries (npm ci from the committed lock file, once there is one),
# and the NuGet packages (dotnet restore). Safe to run again: it skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_packages=(sqlite3 chromium poppler-utils)
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

# Chart libraries for the dashboard and the PDF packs, from the committed lock file.
for dir in src/Dashboard.Charts; do
  if [ -f "$dir/package-lock.json" ]; then
    echo "setup: npm ci in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
done

echo "setup: restoring NuGet packages"
dotnet restore Dashboard.sln --nologo -v quiet
