#!/usr/bin/env python3
"""Validate the bundled demo ledger against docs/schema/*.schema.json (needs the
`jsonschema` Python package) and check that the schemas reject a bad credit code."""
import json
import pathlib
import sys

import jsonschema

root = pathlib.Path(__file__).resolve().parent.parent
schema = json.loads((root / "docs/schema/enterprises.schema.json").read_text(encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
data = json.loads((root / "Resources/demo/enterprises.json").read_text(encoding="utf-8"))
jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
data["enterprises"][0]["creditCode"] = "9137060246965390IK"
try:
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
except jsonschema.ValidationError:
    pass
else:
    sys.exit("the schema accepted a credit code with the letter I")
ledger = json.loads((root / "docs/schema/ledger.schema.json").read_text(encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(ledger)
jsonschema.validate({"schemaVersion": 1, "source": "demo", "createdAt": "2026-11-25T08:00:00Z"}, ledger,
                    cls=jsonschema.Draft202012Validator)
print("schemas: the demo ledger validates; a bad credit code is rejected")
