"""Writes the .xlsx fixtures of the CLI tests with openpyxl, as another program than Suan writes them.

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install openpyxl
    /tmp/venv/bin/python Tests/SuanCLITests/Fixtures/xlsx/make_fixtures.py

The files are committed; run this again only to change them (XLSXCLITests reads them,
Scripts/xlsx-workbook.suan loads the form as Scripts/data/自评表-示例2023.xlsx and
Scripts/xlsx-final-accounts.suan the 决算 workbook as Scripts/data/决算与自评-示例2023.xlsx,
Scripts/xlsx-cells-that-are-no-figures.suan the non-figures workbook as Scripts/data/非数值单元格-示例2023.xlsx).
Hostile workbooks (a zip bomb, a 10⁶-row sheet, …) are written at test time by make_hostile.py.
"""
import csv
import datetime
import io
import os
import re
import zipfile

import openpyxl
from openpyxl.styles import Font

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPTS_DATA = os.path.join(HERE, "..", "..", "..", "..", "Scripts", "data")
HEADER = ["项目名称", "全年预算数（元）", "全年执行数（元）", "一级指标", "二级指标", "三级指标", "指标性质",
          "年度指标值", "度量单位", "实际完成值", "分值", "得分", "备注"]


def fixed(workbook):
    """The same bytes on every run: fixed document dates (and, in ``save``, fixed zip entry dates)."""
    stamp = datetime.datetime(2024, 1, 1)
    workbook.properties.created = stamp
    workbook.properties.modified = stamp
    return workbook


def save(workbook, path):
    """Saves with fixed dates: openpyxl stamps each zip entry, and the modified date, with the time
    of writing."""
    buffer = io.BytesIO()
    fixed(workbook).save(buffer)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            data = source.read(entry.filename)
            if entry.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2024-01-01T00:00:00Z", data)
            target.writestr(info, data)


def form():
    """A cover sheet, then the flat 自评表: title, unit hint, header, a project merged over two rows."""
    wb = flat_form()
    save(wb, os.path.join(HERE, "自评表.xlsx"))
    save(wb, os.path.join(SCRIPTS_DATA, "自评表-示例2023.xlsx"))


def mixed():
    """The flat 自评表 and, on a later sheet, the one-project form of a third project."""
    wb = flat_form()
    project_sheet(wb, "公共法律服务", *PUBLIC_SERVICE)
    save(wb, os.path.join(HERE, "mixed.xlsx"))


def flat_form():
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
    return wb


def two_row_header():
    """The flat 自评表 with a two-row header: 项目名称 merged down A3:A4, group labels 预算执行情况
    (B3:C3) and 绩效指标 (D3:M3) above their sub-headers on row 4; data from row 5."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "自评表"
    ws["A1"] = "2023年度项目支出绩效自评表"
    ws["A2"] = "单位：万元"
    ws["A3"] = "项目名称"
    ws.merge_cells("A3:A4")
    ws["B3"] = "预算执行情况"
    ws.merge_cells("B3:C3")
    ws["D3"] = "绩效指标"
    ws.merge_cells("D3:M3")
    for column, title in enumerate(["全年预算数", "全年执行数"] + HEADER[3:], start=2):
        ws.cell(4, column, title)
    ws.append(["甲项目", 100, 90, "产出", "数量", "办理案件", "≥", 1200, "件", 1298, 20, 20, None])
    ws.append(["乙项目", 50, 50, "产出", "质量", "调解成功率", "≥", 95, "%", 98.2, 10, 10, None])
    save(wb, os.path.join(HERE, "two-row-header.xlsx"))


def non_figures():
    """Indicator cells that are no figures: an Excel error and a boolean as 实际, dates as 指标值 and
    完成值, a 定性 完成值 that is none of 达成/部分达成/未达成, and a negative 全年执行数."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "自评表"
    ws.append(HEADER)
    ws.append(["甲项目", 1000000, 900000, "产出", "数量", "次数", "≥", 24, "次", "#DIV/0!", 50, 50, None])
    ws.append(["乙项目", 1000000, 900000, "产出", "数量", "次数", "≥", 24, "次", True, 50, 50, None])
    ws.append(["丙项目", 1000000, 900000, "产出", "时效", "完成时间", "≤", datetime.date(2023, 6, 30), None,
               datetime.date(2023, 5, 20), 50, 50, None])
    ws.append(["丁项目", 1000000, 900000, "效益", "社会效益", "矛盾纠纷有效化解", "定性", "有效化解", None, "已完成", 30, 30, None])
    ws.append(["戊项目", 1000000, -50000, "产出", "数量", "次数", "≥", 24, "次", 30, 50, 50, None])
    save(wb, os.path.join(HERE, "non-figures.xlsx"))
    save(wb, os.path.join(SCRIPTS_DATA, "非数值单元格-示例2023.xlsx"))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "自评表"
    ws.append(HEADER)
    ws.append(["甲项目", 1000000, 900000, "产出", "数量", "次数", "≥", 24, "次", 30, 50, "#N/A", None])
    save(wb, os.path.join(HERE, "error-score.xlsx"))


def bad_amount():
    """Sheet1 with 'abc' as a budget in C7."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    for _ in range(5):
        ws.append(["说明"])
    ws.append(["项目名称", "年初预算数", "全年预算数", "全年执行数"])
    ws.append(["法律援助", 200, "abc", 190])
    save(wb, os.path.join(HERE, "bad-amount.xlsx"))


def project_rows(name, budget, spent, rate, budget_score, indicators, total, parts=None):
    """The rows of one 部门预算项目支出绩效自评表 (labels in column A, amounts in 万元), and its merged
    ranges; a merged cell's text is in its first cell only, as in the sheet and in a CSV saved from it.
    `parts` are the 其中 rows (财政资金, 财政专户管理资金, 单位资金) as (年初预算, 调整后预算数, 预算执行数)."""
    fiscal, special, unit = parts or ((budget, budget, spent), (0, 0, 0), (0, 0, 0))
    rows = [
        ["部门预算项目支出绩效自评表"],
        ["（2023年度）"],
        ["项目名称", name],
        ["主管部门", "示例县司法局", None, None, None, "实施单位", "示例县法律援助中心"],
        ["预算执行情况（万元）", None, "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分"],
        [None, "总额", budget, budget, spent, rate, 10, budget_score],
        [None, "其中：财政资金", *fiscal, rate, None, None],
        [None, "财政专户管理资金", *special, None, None, None],
        [None, "单位资金", *unit, None, None, None],
        ["年度总体目标", "预期目标", None, None, None, "实际完成情况"],
        [None, "完成年度任务", None, None, None, "已完成"],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分"],
    ]
    merges = ["A1:J1", "B3:J3", "B4:E4", "G4:J4", "A5:A9", "A10:A11"]
    start = len(rows) + 1
    # The first-level category is merged over its indicators, as provinces print it.
    previous = None
    for first, second, third, relation, target, unit_name, actual, points, score in indicators:
        rows.append([None, None if first == previous else first, second, third, relation, target, unit_name, actual, points, score])
        if first == previous:
            merges.append(f"B{len(rows) - 1}:B{len(rows)}")
        previous = first
    merges.append(f"A{start}:A{len(rows)}")
    rows.append(["合计", None, None, None, None, None, None, None, 100, total])
    merges.append(f"A{len(rows)}:H{len(rows)}")
    return rows, merges


def project_sheet(wb, title, *form, **options):
    """One 部门预算项目支出绩效自评表 sheet: blocks of merged cells, the execution rate as a percent."""
    ws = wb.create_sheet(title)
    rows, merges = project_rows(*form, **options)
    for row in rows:
        ws.append(row)
    for cells in merges:
        # openpyxl keeps only the first cell of a merged range: a range over two texts joins them.
        ws.merge_cells(cells)
    ws["F6"].number_format = "0.00%"
    ws["F7"].number_format = "0.00%"
    return ws


LEGAL_AID = ("51092324T000000000000-法律援助", 200, 190, 0.95, 9.5, [
    ("产出指标", "数量指标", "办理案件", "≥", 1200, "件", 1298, 40, 40),
    ("产出指标", "时效指标", "结案率", "≥", 95, "%", 96, 20, 20),
    ("效益指标", "社会效益指标", "群众知晓度", "定性", "达成", None, "达成", 10, 10),
    ("满意度指标", "服务对象满意度指标", "满意率", "≥", 90, "%", 95, 20, 20),
], 99.5)
# Scored against the rules on 调解成功率: 90% of a 95% target is 47.37 of 50, the form says 45.
MEDIATION = ("人民调解", 33.6, 30, 0.8929, 8.93, [
    ("产出指标", "质量指标", "调解成功率", "≥", 95, "%", 90, 50, 45),
    ("成本指标", "经济成本指标", "人均补贴", "≤", 800, "元", 780, 40, 40),
], 93.93)
PUBLIC_SERVICE = ("公共法律服务", 80.5, 80.5, 1, 10, [
    ("产出指标", "数量指标", "窗口服务", "≥", 5000, "人次", 5200, 50, 50),
    ("效益指标", "社会效益指标", "群众满意度", "≥", 90, "%", 92, 40, 40),
], 100)


def province_form():
    """Two projects, one sheet each, as a province publishes them (one with a project code)."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    project_sheet(wb, "法律援助", *LEGAL_AID)
    project_sheet(wb, "人民调解", *MEDIATION)
    save(wb, os.path.join(HERE, "form.xlsx"))


def over_parts():
    """The forms again; on the second sheet the 其中：财政资金 row is more than 总额 (40 > 33.6)."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    project_sheet(wb, "法律援助", *LEGAL_AID)
    project_sheet(wb, "人民调解", *MEDIATION, parts=((33.6, 40, 30), (0, 0, 0), (0, 0, 0)))
    save(wb, os.path.join(HERE, "over-parts.xlsx"))


def form_csv():
    """The 法律援助 form saved as CSV (UTF-8 with a BOM, as Excel saves it): merged cells are empty."""
    rows, _ = project_rows(*LEGAL_AID)
    with open(os.path.join(HERE, "form-法律援助.csv"), "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, lineterminator="\r\n")
        for row in rows:
            writer.writerow(["95.00%" if cell == 0.95 else ("" if cell is None else cell) for cell in row])


def summary_sheet(wb):
    """收入支出决算总表 (公开01表): income left, expenditure right, with 行次 columns."""
    ws = wb.create_sheet("收入支出决算总表")
    ws.append(["2023年度收入支出决算总表"])
    ws.append(["公开01表"])
    ws.append(["部门：示例县司法局", None, None, None, None, "金额单位：万元"])
    ws.append(["收入", None, None, "支出"])
    ws.merge_cells("A4:C4")
    ws.merge_cells("D4:F4")
    ws.append(["项目", "行次", "金额", "项目", "行次", "金额"])
    ws.append(["一、一般公共预算财政拨款收入", 1, 2090, "一、公共安全支出", 32, 2150])
    ws.append(["二、政府性基金预算财政拨款收入", 2, None, None, 33, None])
    ws.append(["三、国有资本经营预算财政拨款收入", 3, 0, None, 34, None])
    ws.append(["四、上级补助收入", 4, None, None, 35, None])
    ws.append(["五、事业收入", 5, None, None, 36, None])
    ws.append(["六、经营收入", 6, None, None, 37, None])
    ws.append(["七、附属单位上缴收入", 7, None, None, 38, None])
    ws.append(["八、其他收入", 8, 60, None, 39, None])
    ws.append(["本年收入合计", 9, 2150, "本年支出合计", 40, 2150])
    ws.append(["使用非财政拨款结余", 10, None, "结余分配", 41, None])
    ws.append(["年初结转和结余", 11, 120, "年末结转和结余", 42, 120])
    ws.append(["总计", 12, 2270, "总计", 43, 2270])


def expenditure_sheet(wb):
    """支出决算表 (公开03表): 基本支出 merged over 人员经费 and 公用经费, a 栏次 row, then 合计."""
    ws = wb.create_sheet("支出决算表")
    ws.append(["2023年度支出决算表"])
    ws.append(["公开03表"])
    ws.append(["部门：示例县司法局", None, None, None, None, "金额单位：万元"])
    ws.append(["科目编码", "科目名称", "本年支出合计", "基本支出", None, "项目支出"])
    ws.append([None, None, None, "人员经费", "公用经费", None])
    ws.merge_cells("D4:E4")
    ws.merge_cells("F4:F5")
    ws.merge_cells("C4:C5")
    ws.append(["栏次", None, 1, 2, 3, 4])
    ws.append(["合计", None, 2150, 1340, 360, 450])
    ws.append(["204", "公共安全支出", 2150, 1340, 360, 450])
    ws.append(["20406", "司法", 2150, 1340, 360, 450])


def final_accounts():
    """The 决算 tables and the two one-project forms of the same department: one year."""
    wb = openpyxl.Workbook()
    wb.active.title = "说明"
    wb.active["A1"] = "示例县司法局 2023 年部门决算与项目支出绩效自评表（测试数据）"
    summary_sheet(wb)
    expenditure_sheet(wb)
    project_sheet(wb, "法律援助", *LEGAL_AID)
    project_sheet(wb, "人民调解", *MEDIATION)
    save(wb, os.path.join(HERE, "final-accounts.xlsx"))
    save(wb, os.path.join(SCRIPTS_DATA, "决算与自评-示例2023.xlsx"))


if __name__ == "__main__":
    form()
    bad_amount()
    province_form()
    over_parts()
    form_csv()
    final_accounts()
    mixed()
    two_row_header()
    non_figures()
