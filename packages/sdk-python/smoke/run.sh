#!/bin/sh
# The sdk-python:test target: a fresh virtualenv for this run only (under .venv/, gitignored, so two
# runs never share one), the generated package installed with its declared requirements, then the
# smoke test against Prism.
set -eu
cd "$(dirname "$0")/.."
mkdir -p .venv
venv=$(mktemp -d .venv/run-XXXXXX)
trap 'rm -rf "$venv"' EXIT
python3 -m venv "$venv"
# pip builds a source tree in place (build/, *.egg-info): build a copy so generated/ stays as generated.
cp -r generated "$venv/sdk-src"
"$venv/bin/pip" install -q --disable-pip-version-check "$venv/sdk-src" -r smoke/requirements.txt
PYTHONDONTWRITEBYTECODE=1 node ../../tools/openapi-generator-smoke.mjs -- "$venv/bin/python" -m pytest smoke -p no:cacheprovider
