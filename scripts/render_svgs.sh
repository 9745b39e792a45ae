#!/usr/bin/env bash
# Renders every .svg in DIR with headless Chromium (Debian's `chromium`) and fails on any
# rendering error.
#
#   scripts/render_svgs.sh DIR
#
# For each DIR/NAME.svg:
#   1. a screenshot, DIR/NAME.png (1000 x 700), which must exist and be a non-empty PNG, with
#      Chromium exiting 0 and not reporting a failed page load;
#   2. the real check: Chromium loads a wrapper page that shows the SVG as an <img>. The image's
#      load event sets the page title to "ok WxH", its error event (an XML parse error, a document
#      that is not SVG) to "error: ..."; `--dump-dom` prints the title after the page's load event,
#      which waits for the image. The wrapper also parses the SVG text with DOMParser, so that a
#      failure names the line and column of the XML error. A screenshot alone proves nothing:
#      Chromium screenshots its own "This page contains the following errors" page just as well.
#
# Installs Debian's chromium when it is missing and we are root; otherwise prints the command and
# exits 1. Exit status: 0 when every SVG rendered, 1 otherwise (or on bad usage).
set -euo pipefail

usage() {
  echo "usage: $0 DIR  (renders DIR/*.svg to DIR/*.png; fails on any rendering error)" >&2
  exit 1
}

[[ $# -eq 1 ]] || usage
dir=$1
[[ -d $dir ]] || { echo "render_svgs: '$dir' is not a directory" >&2; exit 1; }
dir=$(cd "$dir" && pwd)

find_chromium() { command -v chromium || command -v chromium-browser || true; }

chromium_bin=$(find_chromium)
if [[ -z $chromium_bin ]]; then
  if [[ $(id -u) -eq 0 ]]; then
    echo "render_svgs: installing Debian's chromium" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y --no-install-recommends chromium >&2 ||
      { apt-get update >&2 && apt-get install -y --no-install-recommends chromium >&2; }
    chromium_bin=$(find_chromium)
  else
    echo "render_svgs: chromium is not installed; run: sudo apt-get install -y chromium" >&2
    exit 1
  fi
fi
[[ -n $chromium_bin ]] || { echo "render_svgs: chromium still not found" >&2; exit 1; }

shopt -s nullglob
svgs=("$dir"/*.svg)
if [[ ${#svgs[@]} -eq 0 ]]; then
  echo "render_svgs: no .svg files in $dir" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Percent-encodes a path for a file:// URL (also makes it safe inside HTML and JS strings).
url_encode() {
  local s=$1 out="" c i
  local LC_ALL=C
  for ((i = 0; i < ${#s}; i++)); do
    c=${s:i:1}
    case $c in
      [A-Za-z0-9/._~-]) out+=$c ;;
      *) out+=$(printf '%%%02X' "'$c") ;;
    esac
  done
  printf '%s' "$out"
}

run_chromium() {  # run_chromium LOG ARGS... : headless Chromium with a fresh profile
  local log=$1
  shift
  local profile
  profile=$(mktemp -d "$work/profile.XXXXXX")
  timeout 120 "$chromium_bin" --headless --no-sandbox --disable-gpu --disable-quic \
    --no-first-run --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" "$@" 2>"$log"
}

# Errors Chromium reports for the page itself (not its D-Bus and GPU chatter on a headless box).
page_errors() { grep -E 'Page load failed|net::ERR_' "$1" || true; }

failures=0
for svg in "${svgs[@]}"; do
  name=$(basename "$svg" .svg)
  url="file://$(url_encode "$svg")"
  png="$dir/$name.png"
  problems=()

  rm -f "$png"
  if ! run_chromium "$work/$name.shot.log" --screenshot="$png" --window-size=1000,700 "$url" \
    >/dev/null; then
    problems+=("chromium exited with an error while taking the screenshot")
  fi
  errors=$(page_errors "$work/$name.shot.log")
  [[ -z $errors ]] || problems+=("chromium reported: $errors")
  if [[ ! -s $png ]]; then
    problems+=("no screenshot written")
  elif [[ $(head -c 8 "$png" | od -An -tx1 | tr -d ' \n') != 89504e470d0a1a0a ]]; then
    problems+=("screenshot is not a PNG")
  fi

  wrapper="$work/$name.html"
  cat >"$wrapper" <<EOF
<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>pending</title><script>
var parsed = "not parsed";
try {
  var xhr = new XMLHttpRequest();
  xhr.open("GET", "$url", false);
  xhr.overrideMimeType("image/svg+xml");
  xhr.send();
  var doc = new DOMParser().parseFromString(xhr.responseText, "image/svg+xml");
  var err = doc.getElementsByTagName("parsererror");
  parsed = err.length ? "XML " + err[0].textContent.replace(/\s+/g, " ")
                                   .replace(/^ *This page contains the following errors: */, "")
                                   .replace(/ *Below is a rendering of the page.*$/, "")
                       : "well-formed XML";
} catch (e) { parsed = "not parsed (" + e + ")"; }
function verdict(img, loaded) {
  var ok = loaded && img.naturalWidth > 0 && img.naturalHeight > 0 && parsed.indexOf("XML error") !== 0;
  document.title = ok ? "ok " + img.naturalWidth + "x" + img.naturalHeight
                      : "error: image " + (loaded ? "loaded" : "failed") + "; " + parsed;
}
</script></head>
<body><img src="$url" onload="verdict(this, true)" onerror="verdict(this, false)"></body></html>
EOF
  dom=$(run_chromium "$work/$name.dom.log" --allow-file-access-from-files --dump-dom \
    "file://$(url_encode "$wrapper")") || problems+=("chromium exited with an error dumping the DOM")
  title=$(printf '%s' "$dom" | sed -n 's:.*<title>\(.*\)</title>.*:\1:p' | head -n 1)
  if [[ $title != ok\ * ]]; then
    problems+=("${title:-no verdict from the wrapper page; chromium said: $(grep -v dbus \
      "$work/$name.dom.log" | tail -n 3)}")
  fi

  if [[ ${#problems[@]} -eq 0 ]]; then
    echo "ok    $name.svg (${title#ok }) -> $name.png"
  else
    failures=$((failures + 1))
    echo "FAIL  $name.svg"
    for p in "${problems[@]}"; do echo "      $p"; done
  fi
done

echo "render_svgs: ${#svgs[@]} SVG(s), $failures failed"
[[ $failures -eq 0 ]]
