#!/bin/sh
# Rebuild the dashboard bundle in web/dist/ (committed and embedded by the
# Go package web). Needs Node.js and npm; `go build` does not.
set -eu
cd "$(dirname "$0")"
[ -d node_modules/echarts ] && [ -d node_modules/esbuild ] || npm ci --no-audit --no-fund
rm -rf dist
mkdir -p dist
npx esbuild src/main.js --bundle --minify --format=iife --target=es2020 \
  --legal-comments=external --outfile=dist/app.js
cp src/index.html src/app.css dist/
ls -l dist
