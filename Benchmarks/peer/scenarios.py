"""Peer for the scenario workload: 10,000 scenarios derived from the 2022 year (基本支出 cut by
k × 0.01万元, 项目支出 raised by k × 0.005万元), totals and shares recomputed, compared with 33%."""
from decimal import Decimal
base_year = {"收入": {"一般公共预算财政拨款收入": Decimal("3622.4")}, "基本支出": Decimal("2433.84"), "项目支出": Decimal("1188.56")}

def derive(y):
    y["总收入"] = sum(y["收入"].values())
    y["总支出"] = y["基本支出"] + y["项目支出"]
    y["收支差额"] = y["总收入"] - y["总支出"]
    y["基本支出占比"] = y["基本支出"] / y["总支出"]
    y["项目支出占比"] = y["项目支出"] / y["总支出"]
    return y

count = 0
for k in range(1, 10001):
    s = dict(base_year)
    s["收入"] = dict(base_year["收入"])
    s["基本支出"] -= k * Decimal("0.01")
    s["项目支出"] += k * Decimal("0.005")
    if derive(s)["项目支出占比"] > Decimal("0.33"):
        count += 1
print(count)
