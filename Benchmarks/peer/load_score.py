"""Peer for the load workload: the generated year as CSV, read with the csv module into Decimals,
validated (names, 执行 ≤ 预算, budgets within 项目支出) and scored by the same rules as
Stdlib/scoring.suan. Prints the sum of project scores; with `grade`, then the number of projects
graded 优."""
import csv, sys
from decimal import Decimal, ROUND_HALF_UP

def figure(text):
    text = text.strip()
    op = None
    for sym, o in (("≥", ">="), (">=", ">="), ("≤", "<="), ("<=", "<=")):
        if text.startswith(sym):
            op, text = o, text[len(sym):].strip()
            break
    digits = "".join(c for c in text if c.isdigit() or c in ".-")
    unit = text[len(digits):]
    value = Decimal(digits)
    if unit == "%":
        value /= 100
    return op, value

def indicator_score(op, target, actual, points):
    if op == "<=":
        if actual <= target: raw = points
        elif actual >= 2 * target: raw = Decimal(0)
        else: raw = (1 - (actual - target) / target) * points
    else:
        raw = points if actual >= target else actual / target * points
    raw = max(Decimal(0), min(raw, points))
    return raw.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)

def main(path):
    projects, names = [], set()
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = csv.reader(f)
        header = next(rows)
        col = {h: i for i, h in enumerate(header)}
        for row in rows:
            name = row[col["项目名称"]].strip()
            if row[col["三级指标"]].strip():
                op, target = figure(row[col["年度指标值"]])
                _, actual = figure(row[col["实际完成值"]])
                projects[-1]["指标"].append((op, target, actual, Decimal(row[col["分值"]])))
                continue
            if name in names:
                raise SystemExit(f"duplicate project {name}")
            names.add(name)
            budget = Decimal(row[col["全年预算数"]].replace(",", ""))
            spent = Decimal(row[col["全年执行数"]].replace(",", ""))
            if spent > budget:
                raise SystemExit(f"{name}: 执行 > 预算")
            projects.append({"名称": name, "预算": budget, "执行": spent, "指标": []})
    total = Decimal(0)
    bands = {"优": 0, "良": 0, "中": 0, "差": 0}
    for p in projects:
        rate = min(p["执行"] / p["预算"], Decimal(1))
        score = (rate * 10).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        for op, target, actual, points in p["指标"]:
            score += indicator_score(op, target, actual, points)
        total += score
        bands[grade(score)] += 1
    print(f"{total:,}")
    if grade_mode:
        print(bands["优"])

def grade(score):
    """The bands of Stdlib/scoring.suan 等级划分: 90 优, 80 良, 60 中, else 差."""
    for low, band in ((90, "优"), (80, "良"), (60, "中")):
        if score >= low:
            return band
    return "差"

# `load_score.py FILE grade`: also grade every project and print how many are 优 (the province row).
grade_mode = len(sys.argv) > 2 and sys.argv[2] == "grade"
main(sys.argv[1])
