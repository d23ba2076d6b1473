#!/bin/sh
# Render the corpus report and one article display to PNG with headless Chromium, to check
# them as a reader's browser draws them (docs/getting-started.md, "What the report looks like").
#
#   sudo apt-get install -y chromium       # Debian's package; nothing is downloaded at run time
#   docs/img/render.sh [OUT_DIR]           # default OUT_DIR: docs/img
#
# Inputs are invented articles only: the report covers tests/fixtures/*.txt, the article
# display shows quoteattr/data/demo_article.txt (it has page furniture to set aside).
# PYTHON (default: python3) must import quoteattr; CHROMIUM (default: chromium) is the browser.
# Writes OUT_DIR/report.png, OUT_DIR/article.png and the two HTML files beside them in a
# temporary folder (removed at the end).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
out=${1:-$here}
python=${PYTHON:-python3}
chromium=${CHROMIUM:-chromium}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$python" -m quoteattr report "$repo"/tests/fixtures/*.txt -o "$work/report.html" \
    --title "Who is quoted: nine invented test articles"

"$python" - "$repo/quoteattr/data/demo_article.txt" "$work/article.html" <<'PY'
import sys

import quoteattr

article = quoteattr.analyze(quoteattr.read_article(sys.argv[1]), doc="demo_article.txt")
# Roughly what a notebook output cell gives the HTML: a page font and a width.
page = ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>article</title>'
        '</head><body style="font-family:system-ui,sans-serif;font-size:14px;margin:16px;'
        f'max-width:60em">{quoteattr.article_to_html(article)}</body></html>')
with open(sys.argv[2], "w", encoding="utf-8") as f:
    f.write(page)
PY

shoot() {  # shoot HTML PNG WIDTH,HEIGHT
    "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --hide-scrollbars --user-data-dir="$work/profile" --screenshot="$2" \
        --window-size="$3" "file://$1" 2>/dev/null
}
mkdir -p "$out"
shoot "$work/report.html" "$out/report.png" 1100,2600
shoot "$work/article.html" "$out/article.png" 1000,1500
echo "wrote $out/report.png and $out/article.png"
