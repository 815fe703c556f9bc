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


if __name__ == "__main__":
    form()
    bad_amount()
