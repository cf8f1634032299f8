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
def check(schema_name, document):
    schema = json.loads((root / "docs/schema" / schema_name).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(document, schema, cls=jsonschema.Draft202012Validator)

check("inspectors.schema.json", json.loads((root / "Resources/demo/inspectors.json").read_text(encoding="utf-8")))
entries = json.loads((root / "Resources/demo/supervisions.json").read_text(encoding="utf-8"))["entries"]
for code in sorted({e["enterpriseCode"] for e in entries}):
    check("supervisions.schema.json", {"schemaVersion": 1, "enterpriseCode": code,
                                        "entries": [e for e in entries if e["enterpriseCode"] == code]})
one = dict(entries[0], inspectors=entries[0]["inspectors"][:1])
try:
    check("supervisions.schema.json", {"schemaVersion": 1, "enterpriseCode": one["enterpriseCode"], "entries": [one]})
except jsonschema.ValidationError:
    pass
else:
    sys.exit("the schema accepted a supervision entry with one inspector")
hazards = json.loads((root / "Resources/demo/hazards.json").read_text(encoding="utf-8"))["hazards"]
for code in sorted({h["enterpriseCode"] for h in hazards}):
    check("hazards.schema.json", {"schemaVersion": 1, "enterpriseCode": code,
                                   "hazards": [h for h in hazards if h["enterpriseCode"] == code]})
def rejects(hazard, what):
    try:
        check("hazards.schema.json", {"schemaVersion": 1, "enterpriseCode": hazard["enterpriseCode"], "hazards": [hazard]})
    except jsonschema.ValidationError:
        return
    sys.exit("the schema accepted " + what)

major = next(h for h in hazards if h["level"] == "major")
rejects(dict(major, rectification=dict(major["rectification"], funds="")), "a major hazard without funds")
rejects(dict(major, supervisionListing={"level": "county", "date": "2026-10-01", "documentNumber": "烟安委办〔2026〕1号"}),
        "a listing for supervision at another level than city or province")
# Documents issued from the ledger (issue 12): kept on the visit and on the hazard, with their history entry.
issued_by = {"name": "王丽娟", "certificateNumber": "37062301333"}
order = {"kind": "rectificationOrder", "year": 2026, "sequence": 7, "number": "（烟）应急责改〔2026〕第 7 号",
         "issuedAt": "2026-11-25T10:00:00+08:00", "issuedBy": issued_by, "hazardIDs": [hazards[0]["id"]]}
issued = {"at": "2026-11-25T10:00:00+08:00", "by": issued_by, "action": "documentIssued",
          "changes": [{"field": "documents.rectificationOrder", "old": "", "new": order["number"]}]}
visit = dict(entries[0], documents=[order], history=entries[0]["history"] + [issued])
check("supervisions.schema.json", {"schemaVersion": 1, "enterpriseCode": visit["enterpriseCode"], "entries": [visit]})
opinion = dict(order, kind="recheckOpinion", number="（烟）应急复查〔2026〕第 1 号", sequence=1, orderNumber=order["number"])
check("hazards.schema.json", {"schemaVersion": 1, "enterpriseCode": hazards[0]["enterpriseCode"],
                              "hazards": [dict(hazards[0], documents=[opinion])]})
rejects(dict(hazards[0], documents=[dict(opinion, kind="notice")]), "a document of an unknown kind")
check("documents.schema.json", {"schemaVersion": 1, "authority": "烟台市应急管理局",
                                "patterns": {"inspectionRecord": "（烟）应急检记〔{year}〕第 {n} 号"}})
try:
    check("documents.schema.json", {"schemaVersion": 1, "authority": "烟台市应急管理局", "patterns": {"recheckOpinion": "第 1 号"}})
except jsonschema.ValidationError:
    pass
else:
    sys.exit("the schema accepted a document number pattern without {n}")
check("config.schema.json", {"schemaVersion": 1, "operator": {"name": "王丽娟", "certificateNumber": "37062301333"}})
print("schemas: the demo ledger validates; a bad credit code, a one-inspector entry, a major hazard without funds"
      ", a listing for supervision at a county level, a document of an unknown kind and a number pattern without {n} are rejected")
