#!/bin/sh
# Validates SARIF files against the official SARIF 2.1.0 JSON schema.
#
#   scripts/validate-sarif.sh FILE...
#
# The schema is read from ../shared/schemas/sarif-schema-2.1.0.json beside the clone, or
# from $SARIF_SCHEMA. Uses check-jsonschema when installed, else Python's jsonschema
# package (pip install check-jsonschema, or pip install jsonschema).
# Exit status: 0 valid (or skipped: no schema and CI unset), 1 invalid, 2 usage or missing
# schema under CI, 3 no validator installed.
set -eu

if [ "$#" -eq 0 ]; then
    echo "usage: $0 FILE..." >&2
    exit 2
fi

root=$(cd "$(dirname "$0")/.." && pwd)
schema=${SARIF_SCHEMA:-"$root/../shared/schemas/sarif-schema-2.1.0.json"}
if [ ! -f "$schema" ]; then
    # A fresh clone has nothing beside it: the check is skipped, and says how to run it. CI,
    # which has ../shared, must not skip it.
    if [ -z "${CI:-}" ]; then
        echo "skipped: SARIF schema not found at $schema; set SARIF_SCHEMA to the path of sarif-schema-2.1.0.json (or put ../shared/schemas beside the clone) to validate" >&2
        exit 0
    fi
    echo "$schema: error: SARIF schema not found; set SARIF_SCHEMA to the path of sarif-schema-2.1.0.json" >&2
    exit 2
fi

if command -v check-jsonschema >/dev/null 2>&1; then
    exec check-jsonschema --schemafile "$schema" "$@"
fi

if command -v python3 >/dev/null 2>&1 && python3 -c 'import jsonschema' >/dev/null 2>&1; then
    exec python3 - "$schema" "$@" <<'PY'
import json, sys
import jsonschema

schema_path, files = sys.argv[1], sys.argv[2:]
with open(schema_path, encoding="utf-8") as f:
    schema = json.load(f)
validator_class = jsonschema.validators.validator_for(schema)
validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
failed = False
for path in files:
    try:
        with open(path, encoding="utf-8") as f:
            document = json.load(f)
    except (OSError, ValueError) as error:
        print(f"{path}: error: not readable JSON: {error}", file=sys.stderr)
        failed = True
        continue
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    for error in errors:
        where = "/".join(str(p) for p in error.absolute_path) or "(root)"
        print(f"{path}: error: {where}: {error.message}", file=sys.stderr)
    if errors:
        failed = True
    else:
        print(f"{path}: valid SARIF 2.1.0")
sys.exit(1 if failed else 0)
PY
fi

echo "error: no JSON schema validator found; install one with: pip install check-jsonschema" >&2
exit 3
