#!/usr/bin/env python3
"""Generate Resources/demo/hazards.json: demo hazards in every state, some overdue
(relative to late November 2026), a few major ones with all six rectification items (六定:
funds a number in 万元, a re-checker), one listed for supervision (挂牌督办), the closed one
closed by two certified verifiers with a written opinion, spread over the districts. Fictional; deterministic. Run after gen_demo_supervisions.py.
"""
import json
import pathlib
import random

root = pathlib.Path(__file__).resolve().parent.parent
demo = root / "Resources" / "demo"
enterprises = json.loads((demo / "enterprises.json").read_text(encoding="utf-8"))["enterprises"]
supervisions = json.loads((demo / "supervisions.json").read_text(encoding="utf-8"))["entries"]
inspectors = json.loads((demo / "inspectors.json").read_text(encoding="utf-8"))["inspectors"]
rng = random.Random(20261126)

DESCRIPTIONS = [
    ("二楼配电箱未可靠接地，箱门无警示标志", "二楼配电室", "electrical"),
    ("叉车未按期定期检验，仍在使用", "成品仓库", "equipment"),
    ("压力容器安全阀校验过期", "空压站", "equipment"),
    ("消防通道堆放杂物，应急疏散受阻", "一号车间东侧通道", "fire"),
    ("可燃气体报警器未按期校验", "2号储罐区", "hazardousMaterials"),
    ("有限空间作业未执行审批", "污水处理池", "management"),
    ("起重机械钢丝绳断丝超标", "装配车间", "equipment"),
    ("作业人员未佩戴安全帽", "码头前沿", "behaviour"),
    ("车间照明不足，地面湿滑", "清洗车间", "workEnvironment"),
    ("应急预案未按期演练", "安全管理部", "management"),
    ("液氨管道阀门泄漏", "制冷机房", "hazardousMaterials"),
    ("配电柜前未铺绝缘垫", "变电所", "electrical"),
]
MEASURES = "停用并委托有资质单位检修，完成后报监管部门复查"
PLAN = "设置警戒区域，配备应急器材，专人值守，发生异常立即停车疏散"
operator = {"certificateNumber": inspectors[0]["certificateNumber"], "name": inspectors[0]["name"]}
verifiers = [i["name"] for i in inspectors[:6]]
certificates = {i["name"]: i["certificateNumber"] for i in inspectors}

def iso(date, hour=10):
    return f"{date}T{hour:02d}:00:00+08:00"

def add_days(date, n):
    import datetime
    d = datetime.date.fromisoformat(date) + datetime.timedelta(days=n)
    return d.isoformat()

hazards = []
states = ["registered", "rectifying", "rectified", "closed", "rectifying", "registered", "closed", "rectifying"]
picked = [enterprises[i] for i in range(0, 60, 2)]
for n, e in enumerate(picked):
    desc, location, category = DESCRIPTIONS[n % len(DESCRIPTIONS)]
    state = states[n % len(states)]
    major = n in (3, 9, 17)
    discovered = add_days("2026-09-01", n * 2)
    deadline = add_days(discovered, 60 if major else (30 if n % 2 == 0 else 90))
    found_by = rng.choice(verifiers)
    code = e["creditCode"]
    source = next((s for s in supervisions if s["enterpriseCode"] == code), None)
    history = [{"action": "created", "at": iso(discovered), "by": operator, "changes": []}]
    verifications = []
    closed_on = None
    status = "registered"
    def step(action, old, new, date, note=None, extra=()):
        entry = {"action": action, "at": iso(date, 15), "by": operator,
                 "changes": [{"field": "status", "new": new, "old": old}] + list(extra)}
        if note:
            entry["note"] = note
        history.append(entry)
    if state in ("rectifying", "rectified", "closed"):
        step("rectificationStarted", "registered", "rectifying", add_days(discovered, 2))
        status = "rectifying"
    if state in ("rectified", "closed"):
        step("reportedRectified", "rectifying", "rectified", add_days(discovered, 15))
        status = "rectified"
    if state == "closed":
        verifier = rng.choice(verifiers)
        date = add_days(discovered, 20)
        step("verifiedPassed", "rectified", "closed", date, None,
             [{"field": "verifier", "new": verifier, "old": ""}, {"field": "closedOn", "new": date, "old": ""}])
        verification = {"date": date, "passed": True, "remark": "整改到位，同意销号", "verifier": verifier}
        if major:  # 销号 of a major hazard: two verifiers with certificate numbers and the written opinion
            second = next(v for v in verifiers if v != verifier)
            verification["verifier"] = f"{verifier}、{second}"
            verification["verifiers"] = [{"certificateNumber": certificates[v], "name": v} for v in (verifier, second)]
            verification["remark"] = "经现场复查，安全阀已重新校验合格，整改措施落实到位，同意销号"
            history[-1]["changes"][1]["new"] = verification["verifier"]
            history[-1]["note"] = verification["remark"]
        verifications.append(verification)
        status = "closed"
        closed_on = date
    if n == 12:  # extended once
        new_deadline = add_days(deadline, 30)
        history.append({"action": "deadlineExtended", "at": iso(add_days(discovered, 10), 16), "by": operator,
                        "changes": [{"field": "rectification.deadline", "new": new_deadline, "old": deadline}],
                        "note": "进口配件到货延迟"})
        deadline = new_deadline
    hazard = {
        "category": category,
        "closedOn": closed_on,
        "description": desc,
        "discoveredOn": discovered,
        "enterpriseCode": code,
        "foundBy": found_by,
        "history": history,
        "id": f"h-{n + 1:04d}",
        "level": "major" if major else "general",
        "location": location,
        "number": f"YH-2026-{code[-6:]}-001",
        "rectification": {
            "contingencyPlan": PLAN if major else "",
            "deadline": deadline,
            "funds": rng.randint(2, 40) / 2 if major else None,
            "rechecker": verifiers[(n + 1) % len(verifiers)] if major else "",
            "measures": MEASURES if major else "",
            "responsible": e["safetyResponsible"]["name"],
        },
        "status": status,
        "supervisionListing": {"date": add_days(discovered, 5), "documentNumber": "烟安委办〔2026〕17号", "level": "city"} if n == 17 else None,
        "supervisionID": source["id"] if source and n % 3 == 0 else None,
        "verifications": verifications,
    }
    hazard = {k: v for k, v in hazard.items() if v is not None}
    hazard["rectification"] = {k: v for k, v in hazard["rectification"].items() if v is not None}
    hazards.append(hazard)

(demo / "hazards.json").write_text(json.dumps({"hazards": hazards, "schemaVersion": 1}, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")
latest = max(e["at"][:10] for h in hazards for e in h["history"])
assert latest <= "2026-11-24" and max(h["discoveredOn"] for h in hazards) <= "2026-11-24", latest
print(len(hazards), "hazards;", sum(h["level"] == "major" for h in hazards), "major;",
      sum(h["status"] != "closed" and h["rectification"]["deadline"] < "2026-11-25" for h in hazards), "overdue on 2026-11-25")
