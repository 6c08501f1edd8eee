#!/usr/bin/env bash
# Installs the Debian packages geoconflict needs beyond a bare Python 3.11:
# venv support, Node.js/npm (offline map assets come from npm packages) and
# chromium (real-browser map tests).  Does nothing when all are present.
set -euo pipefail
PYTHON=${PYTHON:-python3.11}
need=()
"$PYTHON" -c "import ensurepip, venv" >/dev/null 2>&1 || need+=(python3-venv)
command -v npm >/dev/null 2>&1 || need+=(nodejs npm)
[ -x /usr/bin/chromium ] || command -v chromium >/dev/null 2>&1 || need+=(chromium)
[ ${#need[@]} -eq 0 ] && exit 0
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "Installing Debian packages: ${need[*]}" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
