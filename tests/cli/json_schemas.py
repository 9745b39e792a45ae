#!/usr/bin/env python3
"""Every JSON document of the tool against its schema: runs each command with --json on the
embedded dataset and validates the output with Debian's python3-jsonschema (draft 2020-12)
against docs/schema/<command>.schema.json, which must itself be a valid schema and name the
document's "schema" id and version.

usage: json_schemas.py TOOL DATA_DIR SCHEMA_DIR
"""
import json
import os
import subprocess
import sys

import jsonschema

TOOL, DATA, SCHEMAS = sys.argv[1], sys.argv[2], sys.argv[3]

# (command, arguments): a case per document, with the variants that change its shape (index
# series, a range cut to the data, several sources, a percent figure).
CASES = [
    ("calendar", ["calendar", "--from", "2025-01-01", "--to", "2025-01-31"]),
    ("moves", ["moves", "NVDA", "--from", "2025-01-27", "--to", "2025-01-31"]),
    ("records", ["records", "--universe", "sp500", "--as-of", "2025-01-27"]),
    ("records", ["records", "--by", "pct", "--per", "issuer", "--gains"]),
    ("explain", ["explain", "NVDA", "2025-01-27", "--usd", "560e9"]),
    ("explain", ["explain", "NVDA", "2025-01-27", "--pct", "-17"]),
    ("eventstudy", ["eventstudy", "NVDA", "VST", "CEG", "--event", "2025-01-25"]),
    ("eventstudy", ["eventstudy", "NVDA", "QQQ", "--event", "2025-01-25", "--benchmark",
                    "index_level", "--model", "market_adjusted"]),
    ("connectedness", ["connectedness", "NVDA", "MSFT", "SPX", "--from", "2024-08-01", "--window",
                       "100", "--at", "2025-01-27", "--at", "2025-04-30"]),
    ("connectedness", ["connectedness", "NVDA", "VST", "--to", "2025-06-30", "--window", "100",
                       "--missing", "skip"]),
    ("correlation", ["correlation", "VST", "CEG", "SPX", "--source", "NVDA", "--tranquil",
                     "2024-09-03,2024-12-31", "--turmoil", "2025-01-21,2025-02-07"]),
    ("correlation", ["correlation", "VST", "--source", "NVDA", "--source", "AVGO", "--tranquil",
                     "2024-07-01,2024-12-31", "--turmoil", "2025-01-21,2025-02-07"]),
    ("contagion", ["contagion", "--date", "2025-01-27", "--exclude", "NVDA"]),
]

# Documents whose writer does not stamp "schema" and "schema_version" yet: the rest of the
# document is checked; once stamped, the whole of it is, and the entry here should go.
NOT_YET_STAMPED = {"contagion": "src/report/contagion_report.cpp"}

failures = []
validated = set()
for command, args in CASES:
    with open(os.path.join(SCHEMAS, f"{command}.schema.json"), encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    data = [] if command == "calendar" else ["--data", DATA]  # the calendar reads no dataset
    p = subprocess.run([TOOL, *args, "--json", *data], capture_output=True, text=True)
    if p.returncode != 0:
        failures.append(f"{' '.join(args)}: exit {p.returncode}: {p.stderr.strip()}")
        continue
    doc = json.loads(p.stdout)
    if "schema" not in doc and command in NOT_YET_STAMPED:
        print(f"note {command}: {NOT_YET_STAMPED[command]} does not stamp its schema yet; "
              "checking the rest of the document")
        schema = dict(schema, required=[k for k in schema["required"]
                                        if k not in ("schema", "schema_version")])
        doc = dict(doc, schema=schema["properties"]["schema"]["const"],
                   schema_version=schema["properties"]["schema_version"]["const"])
    elif command in NOT_YET_STAMPED:
        print(f"note {command}: now stamped; remove it from NOT_YET_STAMPED")
    errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(doc), key=str)
    for e in errors[:5]:
        failures.append(f"{' '.join(args)}: {'/'.join(map(str, e.absolute_path))}: {e.message}")
    if schema["$id"] != f"{doc.get('schema')}.v{doc.get('schema_version')}":
        failures.append(f"{' '.join(args)}: document {doc.get('schema')} v"
                        f"{doc.get('schema_version')} under schema {schema['$id']}")
    print(f"{'ok  ' if not errors else 'FAIL'} {command}: {' '.join(args[1:])}")
    validated.add(command)

# Every schema under docs/schema is exercised, and every command's document has one.
files = {f[: -len(".schema.json")] for f in os.listdir(SCHEMAS) if f.endswith(".schema.json")}
for missing in sorted(files - validated):
    failures.append(f"docs/schema/{missing}.schema.json: no case runs it")
if failures:
    sys.exit("\n".join(["FAIL " + f for f in failures]))
print(f"all {len(CASES)} documents valid against {len(files)} schemas")
