#!/usr/bin/env bash
# README command 1: install what is missing, build the release app into dist/, and serve it on
# http://127.0.0.1:8080 (PORT=… to change). With no ?src= the page shows the built-in sample.
source "$(dirname "$0")/lib.sh"
setup
build_release
PORT="${PORT:-8080}"
say "Serving dist/ on http://127.0.0.1:$PORT/ (Ctrl-C stops)"
exec node e2e/server.mjs --port "$PORT"
