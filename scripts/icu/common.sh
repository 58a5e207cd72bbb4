# shellcheck shell=bash
# Shared helpers for scripts/icu/*. Source it, do not execute it.
set -euo pipefail
# shellcheck source=../lib/apt-source.sh
. "$(dirname "${BASH_SOURCE[0]}")/../lib/apt-source.sh"

ICU_VERSION=72.1
ICU_MAJOR=72
NIANBAO_CACHE="${NIANBAO_CACHE:-$HOME/.cache/nianbao}"
ICU_SCRIPTS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

log() { printf '[icu] %s\n' "$*" >&2; }
die() { printf '[icu] ERROR: %s\n' "$*" >&2; exit 1; }

short_hash() { sha256sum | cut -c1-10; }

# Debian's emscripten 3.1.6 needs acorn & co. from /usr/share/nodejs for -O1+ links.
export NODE_PATH="${NODE_PATH:-/usr/share/nodejs}"

# Unpacked `apt-get source icu` tree (ICU 72.1, shared by both scripts). Prints its path.
icu_source_dir() {
  local dir="$NIANBAO_CACHE/src/icu-$ICU_VERSION"
  if [ ! -f "$dir/.complete" ]; then
    command -v dpkg-source >/dev/null || die "dpkg-source missing (apt-get install dpkg-dev, or run scripts/setup)"
    log "fetching ICU source with 'apt-get source icu' into $dir"
    local tmp="$NIANBAO_CACHE/src/.tmp-icu.$$"
    rm -rf "$tmp"; mkdir -p "$tmp"
    ( cd "$tmp" && apt_source icu "$tmp/apt-source.log" ) || {
      cat "$tmp/apt-source.log" >&2
      die "'apt-get source icu' failed (needs a deb-src entry + apt-get update: run scripts/setup)"
    }
    local top
    top="$(find "$tmp" -mindepth 1 -maxdepth 1 -type d -name 'icu-*' | sed -n 1p)"
    [ -n "$top" ] && [ -f "$top/source/configure" ] || die "unexpected apt-get source layout in $tmp"
    grep -q "^#define U_ICU_VERSION \"$ICU_VERSION\"" "$top/source/common/unicode/uvernum.h" \
      || die "apt-get source icu did not give ICU $ICU_VERSION"
    chmod +x "$top/source/config.sub" "$top/source/config.guess" "$top/source/mkinstalldirs" || true
    rm -rf "$dir"; mkdir -p "$(dirname "$dir")"
    mv "$top" "$dir"
    rm -rf "$tmp"
    touch "$dir/.complete"
  fi
  printf '%s\n' "$dir"
}
