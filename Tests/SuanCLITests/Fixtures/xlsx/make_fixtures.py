"""Writes the .xlsx fixtures of the CLI tests with openpyxl, as another program than Suan writes them.

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install openpyxl
    /tmp/venv/bin/python Tests/SuanCLITests/Fixtures/xlsx/make_fixtures.py

The files are committed; run this again only to change them (XLSXCLITests reads them, and
Scripts/xlsx-workbook.suan loads the form as Scripts/data/自评表-示例2023.xlsx).
"""
import datetime
import os

import openpyxl
from openpyxl.styles import Font

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPTS_DATA = os.path.join(HERE, "..", "..", "..", "..", "Scripts", "data")
HEADER = ["项目名称", "全年预算数（元）", "全年执行数（元）", "一级指标", "二级指标", "三级指标", "指标性质",
          "年度指标值", "度量单位", "实际完成值", "分值", "得分", "备注"]


def fixed(workbook):
    """The same bytes on every run: fixed document dates."""
    stamp = datetime.datetime(2024, 1, 1)
    workbook.properties.created = stamp
    workbook.properties.modified = stamp
    return workbook


def form():
    """A cover sheet, then the flat 自评表: title, unit hint, header, a project merged over two rows."""
    wb = openpyxl.Workbook()
    cover = wb.active
    cover.title = "说明"
    cover["A1"] = "本工作簿为示例县司法局 2023 年项目支出绩效自评表（测试数据）"
    ws = wb.create_sheet("自评表")
    ws["A1"] = "2023年度项目支出绩效自评表"
    ws["A2"] = "金额单位：元"
    ws.append(HEADER)
    for cell in ws[3]:
        cell.font = Font(bold=True)
    ws.append(["法律援助", 2000000, 1900000, "产出", "数量", "办理案件", "≥", 1200, "件", 1298, 20, 20, None])
    ws.append([None, None, None, "效益", "满意度", "满意率", "≥", 0.9, None, 0.955, 10, 10, datetime.date(2023, 12, 31)])
    ws["H5"].number_format = "0%"
    ws["J5"].number_format = "0.0%"
    ws["M5"].number_format = "yyyy-mm-dd"
    ws.merge_cells("A4:A5")
    ws.merge_cells("B4:B5")
    ws.merge_cells("C4:C5")
    ws.append([])
    ws.append(["人民调解", 336000, 330000, "产出", "质量", "调解成功率", "≥", 95, "%", 98.2, 3.36, 3.36, None])
    fixed(wb).save(os.path.join(HERE, "自评表.xlsx"))
    fixed(wb).save(os.path.join(SCRIPTS_DATA, "自评表-示例2023.xlsx"))


def bad_amount():
    """Sheet1 with 'abc' as a budget in C7."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    for _ in range(5):
        ws.append(["说明"])
    ws.append(["项目名称", "年初预算数", "全年预算数", "全年执行数"])
    ws.append(["法律援助", 200, "abc", 190])
    fixed(wb).save(os.path.join(HERE, "bad-amount.xlsx"))


def project_sheet(wb, title, name, budget, spent, rate, budget_score, indicators, total):
    """One 部门预算项目支出绩效自评表 sheet: labels in column A, blocks of merged cells, amounts in 万元."""
    ws = wb.create_sheet(title)
    ws.append(["部门预算项目支出绩效自评表"])
    ws.merge_cells("A1:J1")
    ws.append(["（2023年度）"])
    ws.append(["项目名称", name])
    ws.merge_cells("B3:J3")
    ws.append(["主管部门", "示例县司法局", None, None, None, "实施单位", "示例县法律援助中心"])
    ws.merge_cells("B4:E4")
    ws.merge_cells("G4:J4")
    ws.append(["预算执行情况（万元）", None, "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分"])
    ws.append([None, "总额", budget, budget, spent, rate, 10, budget_score])
    ws.append([None, "其中：财政资金", budget, budget, spent, rate, None, None])
    ws.append([None, "财政专户管理资金", 0, 0, 0, None, None, None])
    ws.append([None, "单位资金", 0, 0, 0, None, None, None])
    ws.merge_cells("A5:A9")
    ws["F6"].number_format = "0.00%"
    ws["F7"].number_format = "0.00%"
    ws.append(["年度总体目标", "预期目标", None, None, None, "实际完成情况"])
    ws.append([None, "完成年度任务", None, None, None, "已完成"])
    ws.merge_cells("A10:A11")
    start = ws.max_row + 1
    ws.append(["绩效指标", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分"])
    for first, second, third, relation, target, unit, actual, points, score in indicators:
        ws.append([None, first, second, third, relation, target, unit, actual, points, score])
    ws.merge_cells(f"A{start}:A{ws.max_row}")
    ws.append(["合计", None, None, None, None, None, None, None, 100, total])
    ws.merge_cells(f"A{ws.max_row}:H{ws.max_row}")
    return ws


def province_form():
    """Two projects, one sheet each, as a province publishes them (one with a project code)."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    project_sheet(wb, "法律援助", "51092324T000000000000-法律援助", 200, 190, 0.95, 9.5, [
        ("产出指标", "数量指标", "办理案件", "≥", 1200, "件", 1298, 40, 40),
        ("产出指标", "时效指标", "结案率", "≥", 95, "%", 96, 20, 20),
        ("效益指标", "社会效益指标", "群众知晓度", "定性", "达成", None, "达成", 10, 10),
        ("满意度指标", "服务对象满意度指标", "满意率", "≥", 90, "%", 95, 20, 20),
    ], 99.5)
    project_sheet(wb, "人民调解", "人民调解", 33.6, 30, 0.8929, 8.93, [
        ("产出指标", "质量指标", "调解成功率", "≥", 95, "%", 90, 50, 45),
        ("成本指标", "经济成本指标", "人均补贴", "≤", 800, "元", 780, 40, 40),
    ], 93.93)
    fixed(wb).save(os.path.join(HERE, "form.xlsx"))


if __name__ == "__main__":
    form()
    bad_amount()
    province_form()
