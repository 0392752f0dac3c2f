#!/usr/bin/env bash
# Run the test suite against the lowest dependency versions pyproject.toml allows.
#
#   scripts/test_floor.sh               # the whole suite
#   scripts/test_floor.sh -x tests/test_export.py
#
# Every "name>=X" of [project] dependencies is installed as "name==X" in a fresh virtual
# environment (the test tools at their usual versions), then pytest runs with the given
# arguments. When it fails, raise the floor in pyproject.toml to the version that passes.
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

pins="$(python3 - <<'PY'
try:
    import tomllib
except ImportError:  # Python 3.10
    import tomli as tomllib
with open("pyproject.toml", "rb") as file:
    deps = tomllib.load(file)["project"]["dependencies"]
print(" ".join(d.replace(">=", "==") for d in deps if ">=" in d))
PY
)"
echo "floors: $pins"
python3 -m venv "$work/venv"
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_PROGRESS_BAR=off
# shellcheck disable=SC2086  # one argument per pin
"$work/venv/bin/pip" install -q $pins '.[test]'
"$work/venv/bin/pip" list 2>/dev/null | grep -iE '^(click|rich|tomli) '
"$work/venv/bin/pytest" -q -p no:cacheprovider "$@"
