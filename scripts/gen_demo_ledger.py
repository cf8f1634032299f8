#!/usr/bin/env python3
"""Generate the demo enterprise ledger for Anjian (安监台账).

Writes Resources/demo/enterprises.json: 60 fictional municipal-level
directly-supervised production-safety enterprises in Yantai (烟台).

All enterprise names, people, phones, addresses and credit codes are
invented. Output is deterministic (fixed seed): re-running gives
byte-identical output. Standard library only.

Usage: python3 scripts/gen_demo_ledger.py [output_path]
"""

import json
import os
import random
import sys

SEED = 20260315

# ---------------------------------------------------------------------------
# Districts (order matters: output is sorted by this order, then by name)
# ---------------------------------------------------------------------------
DISTRICTS = [
    ("芝罘区", "370602"),
    ("福山区", "370611"),
    ("牟平区", "370612"),
    ("莱山区", "370613"),
    ("蓬莱区", "370614"),
    ("龙口市", "370681"),
    ("莱阳市", "370682"),
    ("莱州市", "370683"),
    ("招远市", "370685"),
    ("栖霞市", "370686"),
    ("海阳市", "370687"),
]
DISTRICT_CODE = dict(DISTRICTS)
DISTRICT_ORDER = {name: i for i, (name, _) in enumerate(DISTRICTS)}
# Place-name stems: a name containing one must belong to that district.
DISTRICT_STEMS = {d: d[:-1] for d, _ in DISTRICTS}
DISTRICT_STEMS_EXTRA = {"长岛": "蓬莱区"}  # 长岛 merged into 蓬莱区 (2020)

FORBIDDEN_BRANDS = [
    "万华", "张裕", "杰瑞", "中集", "冰轮", "东方电子", "招金", "玲珑", "鲁花",
    "龙大", "恒邦", "南山", "道恩", "丛林", "泰和", "欣和", "安德利", "君顶",
    "朗源", "国大", "东诚", "荣昌", "绿叶", "睿创", "来福士", "京鲁", "渤海轮渡",
    "山东黄金", "焦家", "三山岛", "新城", "夏甸", "金岭", "蚕庄", "大尹格庄",
]

# ---------------------------------------------------------------------------
# Curated enterprises: (district, name, shortName, industry, category, risk)
# ---------------------------------------------------------------------------
ENTERPRISES = [
    # 芝罘区 (5)
    ("芝罘区", "烟台顺航港务有限公司", "顺航港务", "港口装卸", "port", "moderate"),
    ("芝罘区", "烟台海晟船舶修造有限公司", "海晟船舶", "船舶修造", "shipbuilding", "moderate"),
    ("芝罘区", "烟台芝罘瑞丰水产食品有限公司", "瑞丰水产", "水产品加工", "food", "low"),
    ("芝罘区", "烟台宏安液化气储运有限公司", "宏安储运", "危险化学品储存", "hazardousChemicals", "high"),
    ("芝罘区", "烟台北岸热力有限公司", "北岸热力", "锅炉及压力容器使用", "specialEquipment", "moderate"),
    # 福山区 (6)
    ("福山区", "烟台福山恒信汽车部件有限公司", "恒信部件", "汽车零部件制造", "machinery", "moderate"),
    ("福山区", "烟台德润精密机械有限公司", "德润机械", "通用设备制造", "machinery", "low"),
    ("福山区", "烟台睿达汽车零部件有限公司", "睿达汽配", "汽车零部件制造", "machinery", "moderate"),
    ("福山区", "烟台清洋果蔬饮品有限公司", "清洋饮品", "果汁饮料生产", "food", "low"),
    ("福山区", "烟台恒泰精细化工有限公司", "恒泰化工", "危险化学品生产", "hazardousChemicals", "high"),
    ("福山区", "烟台鼎力铸造有限公司", "鼎力铸造", "金属铸造", "machinery", "moderate"),
    # 牟平区 (5)
    ("牟平区", "烟台宁海金属冶炼有限公司", "宁海冶炼", "黄金冶炼", "mining", "major"),
    ("牟平区", "烟台牟平海裕水产有限公司", "海裕水产", "水产品加工", "food", "low"),
    ("牟平区", "烟台昆嵛矿业有限公司", "昆嵛矿业", "黄金采选", "mining", "moderate"),
    ("牟平区", "烟台佳和化工有限公司", "佳和化工", "危险化学品经营(带储存)", "hazardousChemicals", "moderate"),
    ("牟平区", "烟台瑞通电机有限公司", "瑞通电机", "电机制造", "machinery", "low"),
    # 莱山区 (4)
    ("莱山区", "烟台华信生物科技有限公司", "华信生物", "生物医药制造", "other", "moderate"),
    ("莱山区", "烟台鸿业精密部件有限公司", "鸿业精密", "精密零部件制造", "machinery", "low"),
    ("莱山区", "烟台莱山永盛燃气有限公司", "永盛燃气", "燃气储存经营", "hazardousChemicals", "moderate"),
    ("莱山区", "烟台JH新材料科技有限公司", "JH新材料", "化工新材料制造", "other", "moderate"),
    # 蓬莱区 (7)
    ("蓬莱区", "烟台长岛碧波海珍品加工有限公司", "碧波海珍", "水产品加工", "food", "low"),
    ("蓬莱区", "烟台蓬莱蔚蓝酒庄有限公司", "蔚蓝酒庄", "葡萄酒酿造", "food", "low"),
    ("蓬莱区", "烟台登州船舶重工有限公司", "登州重工", "船舶制造", "shipbuilding", "high"),
    ("蓬莱区", "蓬莱顺达船舶修造有限公司", "顺达船舶", "船舶修造", "shipbuilding", "moderate"),
    ("蓬莱区", "烟台华瀚海洋工程有限公司", "华瀚海工", "海洋工程装备制造", "shipbuilding", "moderate"),
    ("蓬莱区", "烟台紫荆果蔬食品有限公司", "紫荆食品", "果蔬加工", "food", "low"),
    ("蓬莱区", "烟台新港石化仓储有限公司", "新港仓储", "危险化学品储存", "hazardousChemicals", "high"),
    # 龙口市 (7)
    ("龙口市", "龙口宏港码头有限公司", "宏港码头", "港口装卸", "port", "high"),
    ("龙口市", "烟台晟达石化有限公司", "晟达石化", "危险化学品生产", "hazardousChemicals", "major"),
    ("龙口市", "龙口嘉润精细化工有限公司", "嘉润化工", "危险化学品生产", "hazardousChemicals", "high"),
    ("龙口市", "龙口福源粉丝食品有限公司", "福源粉丝", "粉丝制造", "food", "low"),
    ("龙口市", "烟台鸿运铝业有限公司", "鸿运铝业", "铝型材加工", "other", "moderate"),
    ("龙口市", "龙口恒锐制动系统有限公司", "恒锐制动", "汽车零部件制造", "machinery", "moderate"),
    ("龙口市", "烟台东海热电有限公司", "东海热电", "锅炉及压力容器使用", "specialEquipment", "moderate"),
    # 莱阳市 (5)
    ("莱阳市", "莱阳金果食品有限公司", "金果食品", "果蔬罐头加工", "food", "low"),
    ("莱阳市", "莱阳瑞禾油脂有限公司", "瑞禾油脂", "花生油加工", "food", "moderate"),
    ("莱阳市", "烟台晶安化学有限公司", "晶安化学", "危险化学品生产", "hazardousChemicals", "moderate"),
    ("莱阳市", "烟台恒冷冷链物流有限公司", "恒冷冷链", "涉氨制冷冷库", "other", "moderate"),
    ("莱阳市", "烟台丰收农业机械有限公司", "丰收农机", "农业机械制造", "machinery", "low"),
    # 莱州市 (7)
    ("莱州市", "莱州鑫源矿业有限公司", "鑫源矿业", "黄金采选", "mining", "major"),
    ("莱州市", "莱州宏盛石材有限公司", "宏盛石材", "石材开采加工", "mining", "moderate"),
    ("莱州市", "莱州润海盐化有限公司", "润海盐化", "溴素及盐化工生产", "hazardousChemicals", "high"),
    ("莱州市", "烟台金鼎矿业有限公司", "金鼎矿业", "黄金采选", "mining", "high"),
    ("莱州市", "莱州恒达制动毂有限公司", "恒达制动", "汽车零部件制造", "machinery", "moderate"),
    ("莱州市", "莱州海联码头有限公司", "海联码头", "港口装卸", "port", "moderate"),
    ("莱州市", "莱州永昌热力有限公司", "永昌热力", "锅炉及压力容器使用", "specialEquipment", "moderate"),
    # 招远市 (6)
    ("招远市", "招远金泰矿业有限公司", "金泰矿业", "黄金采选", "mining", "major"),
    ("招远市", "烟台金瑞冶炼有限公司", "金瑞冶炼", "黄金冶炼", "mining", "high"),
    ("招远市", "烟台华昌矿山机械有限公司", "华昌矿机", "矿山机械制造", "machinery", "low"),
    ("招远市", "招远福兴粉丝有限公司", "福兴粉丝", "粉丝制造", "food", "low"),
    ("招远市", "招远东峰矿业有限公司", "东峰矿业", "黄金采选", "mining", "moderate"),
    ("招远市", "烟台宏泰橡胶制品有限公司", "宏泰橡胶", "橡胶制品制造", "other", "moderate"),
    # 栖霞市 (4)
    ("栖霞市", "栖霞嘉果浓缩果汁有限公司", "嘉果果汁", "浓缩果汁生产", "food", "moderate"),
    ("栖霞市", "烟台金岳矿业有限公司", "金岳矿业", "黄金采选", "mining", "high"),
    ("栖霞市", "栖霞丰泽果品冷链有限公司", "丰泽冷链", "果品冷藏(涉氨制冷)", "other", "moderate"),
    ("栖霞市", "烟台松岭爆破工程有限公司", "松岭爆破", "民用爆炸物品储存", "other", "high"),
    # 海阳市 (4)
    ("海阳市", "海阳润丰水产有限公司", "润丰水产", "水产品加工", "food", "low"),
    ("海阳市", "海阳凤城精工机械有限公司", "凤城精工", "通用设备制造", "machinery", "low"),
    ("海阳市", "烟台瀚海船业有限公司", "瀚海船业", "船舶修造", "shipbuilding", "moderate"),
    ("海阳市", "海阳正源化工有限公司", "正源化工", "危险化学品生产", "hazardousChemicals", "moderate"),
]

INTEGRITY = {
    "烟台顺航港务有限公司": ("red", "2025-12-18", "连续五年未发生生产安全事故，双重预防机制运行规范"),
    "烟台恒泰精细化工有限公司": ("red", "2026-01-20", "安全生产标准化一级达标，隐患排查治理闭环率100%"),
    "莱阳瑞禾油脂有限公司": ("red", "2025-09-26", "全员安全生产责任制落实到位，获评市级安全文化示范企业"),
    "烟台金岳矿业有限公司": ("red", "2026-03-12", "非煤矿山智能化改造成效显著，入选市级安全生产诚信企业"),
    "莱州宏盛石材有限公司": ("black", "2025-07-08", "未按规定开展安全评价且拒不整改，被依法实施行政处罚"),
    "烟台宏泰橡胶制品有限公司": ("black", "2026-02-27", "发生一般生产安全事故并迟报，列入安全生产失信惩戒名单"),
}

NOTES = {
    "烟台宏安液化气储运有限公司": "构成三级危险化学品重大危险源1处",
    "烟台恒泰精细化工有限公司": "涉及重点监管危险化工工艺(氯化工艺)",
    "烟台宁海金属冶炼有限公司": "涉及氰化物使用，纳入重点监管",
    "烟台昆嵛矿业有限公司": "地下矿山，尾矿库1座，汛期重点检查",
    "烟台蓬莱蔚蓝酒庄有限公司": "季节性生产，9—11月为酿造高峰",
    "烟台晟达石化有限公司": "构成二级危险化学品重大危险源2处",
    "烟台恒冷冷链物流有限公司": "液氨储量约12吨，已完成自动化控制改造",
    "莱州鑫源矿业有限公司": "井下作业人员约300人，入井人数实时监测",
    "招远金泰矿业有限公司": "2025年完成提升系统改造",
    "烟台松岭爆破工程有限公司": "民爆物品库区1处，实行24小时值守",
    "栖霞嘉果浓缩果汁有限公司": "有限空间作业点位6处",
    "烟台登州船舶重工有限公司": "分段涂装作业涉及有限空间和动火作业",
}

# ---------------------------------------------------------------------------
# People
# ---------------------------------------------------------------------------
SURNAMES = list(
    "王李张刘孙于姜曲林杨徐宋隋栾衣初滕鞠战丛修慕高郝吕唐宫柳汤车"
    "赵陈周吴郑冯董袁邹程曹贾谭田任杜薛夏蒋韩朱胡郭马梁邢潘")
GIVEN_NAMES = (
    "建国 志强 明华 立新 海涛 德福 永春 晓东 红梅 丽萍 静 芳 敏 玉兰 凤霞 秀英 "
    "振宇 浩然 博文 思远 国庆 学军 宏伟 忠诚 娟 继峰 洪波 兆龙 克俭 成刚 佳丽 "
    "欣然 子健 嘉鹏 铭 宁 泽辉 鑫 磊 晨旭 伟 军 涛 强 勇 斌 杰 鹏 超 刚 平 辉 "
    "丹 娜 婷 倩 春雷 庆丰 文杰 少华 玉林 桂芝 淑芬 凤英 建华 卫东 书亮 殿军 "
    "玉成 德胜 守信 世杰 文涛 海峰 云鹏 晓燕 丽娜 雅琴 美玲 晓光 新民 金凤 "
    "秀芝 光明 振东 继红 建平 卫国 宝山 树林 成林 长青 兆华 瑞东 光辉 国栋 "
    "俊峰 海燕 晓峰 军华 明远 立军 洪涛 文静 春燕 志远 家乐 宇航 梦琪").split()
# Bureau supervisors (监管责任人): fixed pool with fixed phones.
SUPERVISOR_POOL = [
    ("单志刚", "13953512607"),
    ("曾凡涛", "13805358142"),
    ("王丽娟", "15806383519"),
    ("孙建军", "0535-6291537"),
    ("于海波", "13583516620"),
    ("姜晓东", "18953575034"),
    ("刘欣怡", "15954573218"),
    ("隋洪涛", "0535-2108436"),
    ("林振宇", "13573551907"),
    ("宋雪梅", "13780965312"),
    ("解春生", "15053592186"),
    ("曲永强", "0535-6627815"),
]
# A few heteronym-surname people among the enterprises' safety persons.
FORCED_SAFETY_NAMES = ["仇立新", "解文博", "单海燕", "曾庆华"]
POSITIONS = ["安全总监", "安全总监", "安全部部长", "安全环保部部长", "安全科科长",
             "安全科科长", "总经理", "副总经理", "副总经理", "生产副总经理"]
MOBILE_PREFIXES = ["130", "131", "133", "135", "136", "137", "138", "139",
                   "150", "151", "152", "153", "156", "158", "159", "166",
                   "177", "180", "182", "185", "186", "187", "188", "189", "199"]

# ---------------------------------------------------------------------------
# Addresses
# ---------------------------------------------------------------------------
TOWNS = {
    "芝罘区": ["幸福街道", "只楚街道", "黄务街道", "通伸街道", "世回尧街道"],
    "福山区": ["清洋街道", "门楼街道", "福新街道", "东厅街道", "高疃镇", "回里镇"],
    "牟平区": ["宁海街道", "武宁街道", "大窑街道", "龙泉镇", "玉林店镇", "水道镇"],
    "莱山区": ["初家街道", "黄海路街道", "院格庄街道", "莱山街道"],
    "蓬莱区": ["登州街道", "紫荆山街道", "新港街道", "刘家沟镇", "大辛店镇", "北沟镇"],
    "龙口市": ["东莱街道", "龙港街道", "徐福街道", "东江街道", "黄山馆镇", "北马镇", "诸由观镇"],
    "莱阳市": ["城厢街道", "古柳街道", "龙旺庄街道", "冯格庄街道", "沐浴店镇", "姜疃镇"],
    "莱州市": ["文昌路街道", "城港路街道", "金城镇", "沙河镇", "朱桥镇", "平里店镇", "土山镇"],
    "招远市": ["罗峰街道", "泉山街道", "温泉街道", "辛庄镇", "毕郭镇", "张星镇", "阜山镇"],
    "栖霞市": ["翠屏街道", "庄园街道", "松山街道", "桃村镇", "观里镇", "蛇窝泊镇"],
    "海阳市": ["方圆街道", "东村街道", "凤城街道", "留格庄镇", "徐家店镇", "辛安镇"],
}
CHANGDAO_TOWNS = ["南长山街道", "北长山乡", "砣矶镇"]
ROADS = ["富民路", "兴业路", "工业大街", "创业路", "长江路", "黄河路", "泰山路",
         "振华街", "环海路", "通达路", "开元路", "建设路", "金山路", "青年路",
         "滨海大道", "迎宾路", "海港路", "经三路", "纬二路", "科技大道"]
SEASIDE_ROADS = ["环海路", "海港路", "滨海大道", "港湾路", "渔港路"]

# ---------------------------------------------------------------------------
# Unified social credit code (GB 32100-2015) and organization code (GB 11714)
# ---------------------------------------------------------------------------
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = [pow(3, i, 31) for i in range(17)]
assert USCC_WEIGHTS == [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]


def org_char_value(ch):
    if ch.isdigit():
        return int(ch)
    return ord(ch) - ord("A") + 10  # A=10 ... Z=35


def org_check_char(body):
    assert len(body) == 8
    r = 11 - sum(org_char_value(c) * w for c, w in zip(body, ORG_WEIGHTS)) % 11
    return "X" if r == 10 else "0" if r == 11 else str(r)


def uscc_check_char(first17):
    assert len(first17) == 17
    s = sum(USCC_ALPHABET.index(c) * w for c, w in zip(first17, USCC_WEIGHTS))
    return USCC_ALPHABET[(31 - s % 31) % 31]


def uscc_valid(code):
    return (len(code) == 18
            and all(c in USCC_ALPHABET for c in code)
            and uscc_check_char(code[:17]) == code[17])


def org_valid(code):
    org = code[8:17]
    return org_check_char(org[:8]) == org[8]


for _known in ("9135052155323005XL", "91330424MA28AQAQXU"):
    assert uscc_valid(_known), _known
    assert org_valid(_known), _known


def make_credit_code(rng, district_code, modern):
    if modern:
        body = "MA" + "".join(rng.choice(USCC_ALPHABET) for _ in range(6))
    else:
        body = rng.choice("1234567") + "".join(rng.choice("0123456789") for _ in range(7))
    first17 = "91" + district_code + body + org_check_char(body)
    return first17 + uscc_check_char(first17)


# ---------------------------------------------------------------------------
# Generation
# ---------------------------------------------------------------------------
def equipment_for(rng, category, industry):
    def r(a, b):
        return rng.randint(a, b)

    if category == "hazardousChemicals":
        return dict(boilers=r(0, 2), pressureVessels=r(12, 60), pressurePiping=r(8, 40),
                    elevators=r(0, 2), cranes=r(1, 4), forklifts=r(2, 8))
    if category == "specialEquipment":
        return dict(boilers=r(3, 8), pressureVessels=r(10, 30), pressurePiping=r(6, 20),
                    elevators=r(1, 3), cranes=r(1, 3), forklifts=r(1, 4))
    if category == "mining":
        return dict(boilers=r(0, 2), pressureVessels=r(4, 18), pressurePiping=r(1, 6),
                    elevators=r(0, 1), cranes=r(3, 12), forklifts=r(2, 10))
    if category == "port":
        return dict(boilers=r(0, 1), pressureVessels=r(2, 10), pressurePiping=r(1, 5),
                    elevators=r(0, 2), cranes=r(12, 40), forklifts=r(15, 50))
    if category == "shipbuilding":
        return dict(boilers=r(0, 1), pressureVessels=r(6, 20), pressurePiping=r(2, 8),
                    elevators=r(0, 2), cranes=r(15, 45), forklifts=r(5, 20))
    if category == "food":
        if rng.random() < 0.3:
            return None
        return dict(boilers=r(1, 3), pressureVessels=r(2, 15), pressurePiping=r(1, 6),
                    elevators=r(0, 2), cranes=r(0, 2), forklifts=r(3, 15))
    if category == "machinery":
        if rng.random() < 0.25:
            return None
        return dict(boilers=r(0, 1), pressureVessels=r(1, 8), pressurePiping=r(0, 3),
                    elevators=r(0, 2), cranes=r(4, 20), forklifts=r(3, 15))
    # other
    if "氨" in industry:
        return dict(boilers=r(0, 1), pressureVessels=r(8, 20), pressurePiping=r(4, 12),
                    elevators=r(0, 1), cranes=r(0, 1), forklifts=r(6, 20))
    if rng.random() < 0.4:
        return None
    return dict(boilers=r(0, 2), pressureVessels=r(2, 12), pressurePiping=r(1, 6),
                elevators=r(0, 2), cranes=r(1, 6), forklifts=r(2, 8))


def check_name(district, name):
    for d, stem in DISTRICT_STEMS.items():
        if stem in name:
            assert d == district, (name, district, stem)
    for stem, d in DISTRICT_STEMS_EXTRA.items():
        if stem in name:
            assert d == district, (name, district, stem)
    for brand in FORBIDDEN_BRANDS:
        assert brand not in name, (name, brand)


def generate():
    rng = random.Random(SEED)
    used_names = {n for n, _ in SUPERVISOR_POOL}
    used_phones = {p for _, p in SUPERVISOR_POOL}
    used_codes = set()
    used_addresses = set()

    def person_name():
        while True:
            n = rng.choice(SURNAMES) + rng.choice(GIVEN_NAMES)
            if n not in used_names and len(set(n)) == len(n) and not any(
                    stem in n for stem in DISTRICT_STEMS.values()):
                used_names.add(n)
                return n

    def mobile():
        while True:
            p = rng.choice(MOBILE_PREFIXES) + "".join(rng.choice("0123456789") for _ in range(8))
            if p not in used_phones:
                used_phones.add(p)
                return p

    forced = list(FORCED_SAFETY_NAMES)
    forced_at = set(rng.sample(range(len(ENTERPRISES)), len(forced)))
    modern_at = set(rng.sample(range(len(ENTERPRISES)), 18))

    out = []
    for idx, (district, name, short, industry, category, risk) in enumerate(ENTERPRISES):
        check_name(district, name)
        assert 2 <= len(short) <= 6, short

        while True:
            code = make_credit_code(rng, DISTRICT_CODE[district], idx in modern_at)
            if code not in used_codes:
                used_codes.add(code)
                break

        if "长岛" in name:
            town = rng.choice(CHANGDAO_TOWNS)
        else:
            town = rng.choice(TOWNS[district])
        seaside = category in ("port", "shipbuilding") or industry == "水产品加工"
        while True:
            road = rng.choice(SEASIDE_ROADS if seaside else ROADS)
            park = "工业园区" if (not seaside and rng.random() < 0.4) else ""
            address = "%s%s%s%s%d号" % (district, town, park, road, rng.randint(1, 399))
            if address not in used_addresses:
                used_addresses.add(address)
                break

        if idx in forced_at:
            sr_name = forced.pop(0)
            used_names.add(sr_name)
        else:
            sr_name = person_name()

        n_sup = 2 if rng.random() < 0.4 else 1
        supervisors = [{"name": n, "phone": p} for n, p in rng.sample(SUPERVISOR_POOL, n_sup)]

        ent = {
            "address": address,
            "category": category,
            "creditCode": code,
            "district": district,
            "industry": industry,
            "legalRepresentative": person_name(),
            "name": name,
            "notes": NOTES.get(name, ""),
            "riskGrade": risk,
            "safetyResponsible": {
                "name": sr_name,
                "phone": mobile(),
                "position": rng.choice(POSITIONS),
            },
            "shortName": short,
            "supervisors": supervisors,
        }
        eq = equipment_for(rng, category, industry)
        if eq is not None:
            ent["specialEquipment"] = eq
        if name in INTEGRITY:
            status, date, reason = INTEGRITY[name]
            ent["integrity"] = {"date": date, "reason": reason, "status": status}
        out.append(ent)

    assert not forced
    assert set(INTEGRITY) <= {e["name"] for e in out}
    assert set(NOTES) <= {e["name"] for e in out}
    out.sort(key=lambda e: (DISTRICT_ORDER[e["district"]], e["name"]))
    return out


def validate(enterprises):
    assert len(enterprises) == 60
    names = [e["name"] for e in enterprises]
    assert len(set(names)) == len(names)
    codes = [e["creditCode"] for e in enterprises]
    assert len(set(codes)) == len(codes)
    for e in enterprises:
        c = e["creditCode"]
        assert uscc_valid(c), c
        assert org_valid(c), c
        assert c[:2] == "91" and c[2:8] == DISTRICT_CODE[e["district"]], c
    for d, _ in DISTRICTS:
        assert sum(e["district"] == d for e in enterprises) >= 3, d
    assert sum("长岛" in n for n in names) == 1


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default_out = os.path.join(here, "..", "Resources", "demo", "enterprises.json")
    out_path = sys.argv[1] if len(sys.argv) > 1 else default_out
    enterprises = generate()
    validate(enterprises)
    text = json.dumps({"enterprises": enterprises, "schemaVersion": 1},
                      ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    os.makedirs(os.path.dirname(os.path.abspath(out_path)), exist_ok=True)
    with open(out_path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print("wrote %d enterprises to %s" % (len(enterprises), os.path.normpath(out_path)))


if __name__ == "__main__":
    main()
