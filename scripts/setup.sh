#!/usr/bin/env bash
# Installs what building (and, with --test, testing) hokoku needs, skipping what is present:
#   rustup target wasm32-unknown-unknown, trunk 0.21.14, wasm-bindgen-cli 0.2.130,
#   npm packages from package-lock.json (binaryen@132 = wasm-opt, playwright-core, axe-core);
#   --test also: Debian chromium, fonts-noto-cjk, fonts-liberation, poppler-utils.
# Usage: scripts/setup.sh [--test]
source "$(dirname "$0")/lib.sh"
setup "$@"
say "Setup done"
