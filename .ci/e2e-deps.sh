#!/bin/sh
# Browser-suite dependencies: Debian's chromium (driven by playwright-core, no browser download)
# and a CJK font so screenshots show Chinese text. Installs only what is missing.
set -eu

packages=""
[ -x /usr/bin/chromium ] || packages="$packages chromium"
if ! fc-list :lang=zh 2>/dev/null | grep -q .; then
  packages="$packages fonts-noto-cjk"
fi

if [ -n "$packages" ]; then
  echo "e2e-deps: installing$packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  # shellcheck disable=SC2086 # word splitting is intended: one argument per package
  apt-get install -y $packages
fi

/usr/bin/chromium --version
