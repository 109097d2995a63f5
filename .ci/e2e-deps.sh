#!/bin/sh
# Dependencies of the extra suites, from Debian (never downloaded by a test tool); installs only what is missing:
# chromium (driven by playwright-core) and a CJK font for the browser suite; poppler-utils, qpdf and Apache PDFBox
# Preflight (with a Java runtime) for the PDF validators.
set -eu

packages=""
[ -x /usr/bin/chromium ] || packages="$packages chromium"
if ! fc-list :lang=zh 2>/dev/null | grep -q .; then
  packages="$packages fonts-noto-cjk"
fi
command -v pdfinfo >/dev/null 2>&1 || packages="$packages poppler-utils"
command -v qpdf >/dev/null 2>&1 || packages="$packages qpdf"
command -v java >/dev/null 2>&1 || packages="$packages default-jre-headless"
[ -f /usr/share/java/preflight.jar ] || packages="$packages libpdfbox2-java libactivation-java libjaxb-api-java"

if [ -n "$packages" ]; then
  echo "e2e-deps: installing$packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  # shellcheck disable=SC2086 # word splitting is intended: one argument per package
  apt-get install -y $packages
fi

/usr/bin/chromium --version
pdfinfo -v 2>&1 | head -1
java -version 2>&1 | head -1
