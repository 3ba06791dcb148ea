#!/usr/bin/env bash
# Renders one PDF of each document layout from sample data (tests/Credentials.Benchmarks, "samples"
# mode), then the first page of each as an 80 dpi PNG in docs/images/, to look at and to commit.
# Needs poppler-utils (pdftoppm).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v pdftoppm >/dev/null || { echo "pdftoppm is missing: apt-get install poppler-utils" >&2; exit 1; }

work=$(mktemp -d /tmp/credentials-samples.XXXXXX)
trap 'rm -rf "$work"' EXIT

dotnet run -c Release --project tests/Credentials.Benchmarks -- samples "$work" >/dev/null
mkdir -p docs/images
for pdf in "$work"/*.pdf; do
  name=$(basename "$pdf" .pdf)
  pdftoppm -r 80 -png -f 1 -l 1 -singlefile "$pdf" "docs/images/$name"
  echo "docs/images/$name.png"
done
