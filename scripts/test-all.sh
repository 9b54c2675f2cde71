#!/usr/bin/env bash
# Every test, in order of cost: types, unit, labs, build (with link validation), e2e in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
npx astro check
npx vitest run
npx astro build
npx playwright test
