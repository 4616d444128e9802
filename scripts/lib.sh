# Shared by scripts/setup.sh, scripts/serve.sh and scripts/test.sh (sourced, not run).
#
# Pinned tool versions live here and in Trunk.toml / Cargo.toml / package.json; they are the ones
# known to work on the project's machines (../shared/design/toolchain.md). Every install step
# checks first, so a second run costs a few seconds.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

TRUNK_VERSION="0.21.14"
WASM_BINDGEN_VERSION="0.2.130" # must equal wasm-bindgen in Cargo.lock and Trunk.toml [tools]
WASM_OPT_VERSION="132"         # npm binaryen@132; Trunk.toml [tools] wasm_opt = "version_132"
# fonts-liberation: Latin fonts for screenshots and PDFs (a recommend of chromium, which we skip).
APT_TEST_PACKAGES=(chromium fonts-noto-cjk fonts-liberation poppler-utils)

# Tools installed by cargo, then the npm ones (wasm-opt) ahead of anything older on the machine
# (Debian's binaryen 108 cannot read current Yew output).
export PATH="$ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
note() { printf '    %s\n' "$*"; }
die() {
  printf '\033[31merror:\033[0m %s\n' "$*" >&2
  exit 1
}

need() {
  command -v "$1" >/dev/null 2>&1 || die "$1 is not installed. $2"
}

# Prints the version word of "NAME 1.2.3 …", or nothing when the tool is missing.
tool_version() {
  command -v "$1" >/dev/null 2>&1 || return 0
  "$1" --version 2>/dev/null | head -n 1 | awk '{print $2}'
}

setup_rust() {
  need cargo "Install Rust with rustup (https://rustup.rs) first."
  need rustup "The wasm32 target is added with rustup; install Rust with rustup."
  if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    note "wasm32-unknown-unknown: present"
  else
    say "rustup target add wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi

  if [ "$(tool_version trunk)" = "$TRUNK_VERSION" ]; then
    note "trunk $TRUNK_VERSION: present"
  else
    say "cargo install trunk $TRUNK_VERSION (about 6 minutes on 2 cores)"
    cargo install --locked trunk --version "$TRUNK_VERSION"
  fi

  if [ "$(tool_version wasm-bindgen)" = "$WASM_BINDGEN_VERSION" ]; then
    note "wasm-bindgen $WASM_BINDGEN_VERSION: present"
  else
    # Not --locked: one of its locked dependencies is no longer in the registry.
    say "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2 minutes)"
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
  fi
}

setup_npm() {
  need npm "Install Node.js 20 or newer with npm."
  # npm ci wipes node_modules; skip it when the installed tree came from this very lock file.
  local stamp="node_modules/.hokoku-lock"
  local want
  want="$(sha256sum package-lock.json | awk '{print $1}')"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x node_modules/.bin/wasm-opt ]; then
    note "npm packages: present"
  else
    say "npm ci (binaryen for wasm-opt, playwright-core, axe-core)"
    npm ci --no-audit --no-fund --loglevel=error
    echo "$want" >"$stamp"
  fi
  local v
  v="$(wasm-opt --version | awk '{print $3}')"
  [ "$v" = "$WASM_OPT_VERSION" ] || die "wasm-opt on PATH is version $v, expected $WASM_OPT_VERSION"
}

apt_missing() {
  local p missing=()
  for p in "${APT_TEST_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$p")
    fi
  done
  echo "${missing[@]:-}"
}

setup_test_packages() {
  local missing
  missing="$(apt_missing)"
  if [ -z "$missing" ]; then
    note "Debian packages ${APT_TEST_PACKAGES[*]}: present"
    return
  fi
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    need sudo "Installing $missing needs root or sudo."
    sudo="sudo"
  fi
  say "apt-get install $missing"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -q
  # shellcheck disable=SC2086 # the list is meant to split into words
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing
}

# setup [--test]
setup() {
  local with_test=0
  for arg in "$@"; do
    case "$arg" in
      --test) with_test=1 ;;
      *) die "unknown option $arg (usage: scripts/setup.sh [--test])" ;;
    esac
  done
  say "Checking tools"
  setup_rust
  setup_npm
  if [ "$with_test" -eq 1 ]; then
    setup_test_packages
  fi
}

# The release build, with wasm-opt from node_modules (Trunk.toml pins its version).
build_release() {
  say "trunk build --release --offline"
  trunk build --release --offline || die "trunk build failed"
  local wasm
  wasm="$(ls dist/*_bg.wasm 2>/dev/null | head -n 1)"
  [ -n "$wasm" ] || die "trunk build produced no wasm in dist/"
  local size before
  size="$(stat -c %s "$wasm")"
  note "$(basename "$wasm"): $size bytes, $(gzip -9c "$wasm" | wc -c) gzipped"
  # Trunk keeps wasm-bindgen's output (before wasm-opt) here; the shipped file must be smaller,
  # or wasm-opt silently did not run.
  before="$(stat -c %s target/wasm-bindgen/release/*_bg.wasm 2>/dev/null | head -n 1)"
  if [ -n "$before" ]; then
    [ "$size" -lt "$before" ] || die "wasm-opt did not shrink the wasm ($before -> $size bytes)"
    note "wasm-opt: $before -> $size bytes"
  fi
}
