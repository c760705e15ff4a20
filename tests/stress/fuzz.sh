#!/bin/sh
# The stress run of the fuzz tests: thousands of Hypothesis cases per importer, format
# reader and the JSON loader (the normal test run has a few dozen each).
#
#     sh tests/stress/fuzz.sh              # 3000 cases per test (about an hour)
#     ANNOTATOR_FUZZ_EXAMPLES=500 sh tests/stress/fuzz.sh -x
#
# Extra arguments go to pytest. With more than 100 cases Hypothesis explores at random
# instead of replaying the fixed cases of the normal run.
cd "$(dirname "$0")/../.." || exit 2
PYTHON=${PYTHON:-.venv/bin/python}
ANNOTATOR_FUZZ_EXAMPLES=${ANNOTATOR_FUZZ_EXAMPLES:-3000} exec "$PYTHON" -P -m pytest -q -p no:cacheprovider \
    tests/unit/reliability/test_fuzz_importers.py tests/unit/reliability/test_hostile_json.py "$@"
