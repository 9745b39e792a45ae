#!/usr/bin/env python3
"""Validates the DeepSeek example's JSON report against its schema, and that every published
claim C1..C8 has at least one verdict. Uses Debian's python3-jsonschema."""
import json
import sys

import jsonschema

report_path, schema_path = sys.argv[1], sys.argv[2]
with open(report_path, encoding="utf-8") as f:
    report = json.load(f)
with open(schema_path, encoding="utf-8") as f:
    schema = json.load(f)
jsonschema.Draft202012Validator.check_schema(schema)
jsonschema.Draft202012Validator(schema).validate(report)
claims = {c["claim"] for c in report["claims"]}
missing = sorted({f"C{i}" for i in range(1, 9)} - claims)
if missing:
    sys.exit(f"claims without a verdict: {', '.join(missing)}")
verdicts = [c["verdict"] for c in report["claims"]]
print(f"valid: {len(verdicts)} figures over C1..C8 "
      f"({verdicts.count('reproduced')} reproduced, {verdicts.count('explained')} explained, "
      f"{verdicts.count('not reproduced')} not reproduced)")
