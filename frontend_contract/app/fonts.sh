#!/usr/bin/env bash
# Makes the app's web fonts (static/fonts/*.woff2, committed) from the project's TTFs: Noto Sans
# for Latin and Cyrillic, Noto Naskh Arabic for Arabic and Persian, each cut to its script so that
# the CSS's unicode-range loads only what a page shows. Needs fontTools with brotli
# (in the project's .venv). Run again only when the TTFs change.
set -euo pipefail
cd "$(dirname "$0")"
fonts=../../cms/core/static/fonts
pyftsubset=${PYFTSUBSET:-../../.venv/bin/pyftsubset}
LATIN="U+0000-017F,U+0218-021B,U+02C6,U+02DA,U+02DC,U+2000-206F,U+20AC,U+2122,U+2190-2193,U+2212,U+FEFF,U+FFFD"
CYRILLIC="U+0400-04FF,U+2116"
ARABIC="U+0600-06FF,U+0750-077F,U+200C-200F,U+2068-2069,U+FDF2,U+FDFC"
for weight in Regular Bold; do
  "$pyftsubset" "$fonts/NotoSans-$weight.ttf" --unicodes="$LATIN" --flavor=woff2 --no-hinting \
    --output-file="static/fonts/noto-sans-latin-${weight,,}.woff2"
  "$pyftsubset" "$fonts/NotoSans-$weight.ttf" --unicodes="$CYRILLIC" --flavor=woff2 --no-hinting \
    --output-file="static/fonts/noto-sans-cyrillic-${weight,,}.woff2"
  "$pyftsubset" "$fonts/NotoNaskhArabic-$weight.ttf" --unicodes="$ARABIC" --flavor=woff2 --no-hinting \
    --output-file="static/fonts/noto-naskh-arabic-${weight,,}.woff2"
done
cp "$fonts/OFL.txt" static/fonts/OFL.txt
