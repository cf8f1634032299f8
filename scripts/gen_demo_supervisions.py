#!/usr/bin/env python3
"""Generate the demo inspector roster and supervision entries for Anjian.

Writes Resources/demo/inspectors.json and Resources/demo/supervisions.json from
Resources/demo/enterprises.json. Fictional people; deterministic output.
Usage: python3 scripts/gen_demo_supervisions.py
"""
import json
import pathlib
import random

root = pathlib.Path(__file__).resolve().parent.parent
demo = root / "Resources" / "demo"
enterprises = json.loads((demo / "enterprises.json").read_text(encoding="utf-8"))["enterprises"]
rng = random.Random(20261125)

UNITS = ["市局特种设备安全监察科", "市局执法稽查支队", "市局安全生产监督管理科", "市局质量监督科"]
staff = {}
for e in enterprises:
    for s in e["supervisors"]:
        staff[s["name"]] = s["phone"]
extra = ["曾庆丰", "单丽华", "解玉洁", "仇志远", "区文博"]
names = sorted(staff) + extra
inspectors = []
for i, name in enumerate(names):
    cert = f"3706{19 + i % 5:02d}{1000 + i * 37:05d}"
    supervised = [e["creditCode"] for e in enterprises if any(s["name"] == name for s in e["supervisors"])]
    avoid_districts = ["牟平区"] if name == "宋雪梅" else []
    # Responsible supervisors avoid the enterprises they supervise (回避); listed explicitly here.
    inspectors.append({
        "avoidDistricts": avoid_districts,
        "avoidEnterprises": supervised[:2] if i % 3 == 0 else [],
        "certificateNumber": cert,
        "name": name,
        "unit": UNITS[i % len(UNITS)],
    })

operator = {"certificateNumber": inspectors[names.index("王丽娟")]["certificateNumber"], "name": "王丽娟"}
KINDS = ["routine", "specialCampaign", "doubleRandom", "complaint", "recheck"]
ITEMS = [
    "安全生产责任制落实；特种设备使用登记和定期检验；作业人员持证上岗",
    "危险化学品储存场所；安全警示标志；应急预案及演练记录",
    "起重机械维护保养记录；压力容器安全附件校验；隐患排查台账",
    "有限空间作业审批；动火作业票证；消防设施",
]
FINDINGS = [
    "",
    "2号储罐区可燃气体报警器未按期校验",
    "一台叉车未按期定期检验；部分作业人员证书过期",
    "配电室门口堆放杂物，应急通道不畅",
]
entries = []
chosen = [enterprises[i] for i in (1, 6, 12, 22, 28, 41, 47)]
for n, e in enumerate(chosen):
    for visit in range(1 + (n % 2)):
        day = 3 + n * 3 + visit * 9
        date = f"2026-{10 + (day > 28):02d}-{(day - 1) % 28 + 1:02d}"
        time = f"{9 + (n + visit) % 7:02d}:{(n * 17 + visit * 5) % 60:02d}"
        pair = rng.sample(inspectors[:12], 2)
        finding = FINDINGS[(n + visit) % len(FINDINGS)]
        entry = {
            "accompanying": dict(e["safetyResponsible"]),
            "conclusion": "rectificationOrdered" if finding else "noProblem",
            "date": date,
            "enterpriseCode": e["creditCode"],
            "findings": finding,
            "hazardIDs": [],
            "history": [{"action": "created", "at": f"{date}T{time}:00+08:00", "by": operator, "changes": []}],
            "id": f"S-{e['creditCode'][-6:]}-{date.replace('-', '')}-{visit + 1}",
            "inspectors": [{"certificateNumber": p["certificateNumber"], "name": p["name"]} for p in pair],
            "itemsChecked": ITEMS[(n + visit) % len(ITEMS)],
            "kind": KINDS[(n + visit) % len(KINDS)],
            "time": time,
        }
        entries.append(entry)

def dump(path, value):
    path.write_text(json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")

dump(demo / "inspectors.json", {"inspectors": inspectors, "schemaVersion": 1})
dump(demo / "supervisions.json", {"entries": entries, "schemaVersion": 1})
print(len(inspectors), "inspectors,", len(entries), "supervision entries")
