"""Issue 16: the page of `suan serve` in a real browser (Debian's chromium, driven by Playwright).

Starts the built binary on a free port, opens the page, moves the 基本支出 slider to −5% and reads
the exact totals, runs console lines (a result and an error with its caret), saves two scenarios
and compares them, and takes a screenshot of the trainer view (into docs/serve-trainer.png with SUAN_SCREENSHOT=1).

Run by `make browser-test` (part of `make test`); SUAN_BIN overrides the binary.
"""
import os
import pathlib
import re
import signal
import subprocess

import pytest
from playwright.sync_api import expect, sync_playwright

# A waiting limit, not a timing assertion: generous, because CI and shared machines can be busy.
expect.set_options(timeout=30_000)

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = os.environ.get("SUAN_BIN") or str(ROOT / ".build/debug/suan")
CHROMIUM = os.environ.get("SUAN_CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(scope="module")
def server():
    env = {"LANG": "C.UTF-8", "PATH": "/usr/bin:/bin", "HOME": "/tmp"}
    process = subprocess.Popen([BINARY, "serve", "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
    line = process.stdout.readline()
    match = re.search(r"http://\S+", line)
    assert match, f"no URL printed: {line!r}"
    yield match.group(0)
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=10) == 0


@pytest.fixture(scope="module")
def page(server):
    with sync_playwright() as p:
        args = ["--no-sandbox"] if os.geteuid() == 0 else []
        browser = p.chromium.launch(executable_path=CHROMIUM, args=args)
        page = browser.new_page(viewport={"width": 1400, "height": 900}, locale="zh-CN")
        page.goto(server)
        expect(page.locator("#year table").first).to_be_visible(timeout=20000)
        yield page
        browser.close()


def test_the_year_shows_as_tables(page):
    year = page.locator("#year")
    expect(year).to_contain_text("总支出")
    expect(year).to_contain_text("3,622.40万元")
    expect(year).to_contain_text("67.19%")


def test_the_current_view_exports_as_csv(page):
    page.click("button[data-view=scenario]")
    page.locator('[data-line="基本支出"]').locator("input[type=range]").fill("-5")
    expect(page.locator("#scenario-output")).to_contain_text("3,500.71万元", timeout=30_000)
    with page.expect_download() as info:
        page.click("#export-csv")
    text = pathlib.Path(info.value.path()).read_text(encoding="utf-8")
    assert text.startswith("\ufeff项目,单位,"), text[:80]
    assert "总支出,万元,3622.4,3500.708," in text, text
    with page.expect_download() as info:
        page.click("#export-xlsx")
    data = pathlib.Path(info.value.path()).read_bytes()
    assert data[:2] == b"PK", data[:8]                # a zip: the workbook


def test_goal_seek_answers_with_solve(page):
    page.click("button[data-view=scenario]")
    page.select_option("#goal-line", "项目支出")
    page.select_option("#goal-target", "项目支出占比")
    page.fill("#goal-value", "35%")
    page.click("#goal-form button[type=submit]")
    # 项目支出 up by 10.26% brings it to 35% of 总支出 (the README's 121.97万元, as a share of 项目支出).
    expect(page.locator("#goal-output")).to_contain_text("10.26%", timeout=30_000)
    text = page.locator("#goal-output").inner_text()
    assert "error" not in text.lower() and "错误" not in text, text


def test_the_slider_moves_every_total_to_exact_values(page):
    page.click("button[data-view=scenario]")
    row = page.locator('[data-line="基本支出"]')
    row.locator("input[type=range]").fill("-5")
    output = page.locator("#scenario-output")
    expect(output).to_contain_text("3,500.71万元", timeout=30_000)
    expect(output).to_contain_text("33.95%")
    # The chart of what the scenario changed: SVG with a legend naming both columns.
    expect(output.locator("svg.suan-chart")).to_be_visible()
    expect(output.locator("svg.suan-chart")).to_contain_text("当前情景")
    expect(row.locator(".delta")).to_have_text("−5% / −121.69万元")
    total = output.locator("tr", has=page.locator("td", has_text=re.compile(r"^总支出$"))).first
    expect(total).to_contain_text("3,500.71万元")
    share = output.locator("tr", has=page.locator("td", has_text=re.compile(r"^项目支出占比$"))).first
    expect(share).to_contain_text("33.95%")
    # The trainer view in docs/ is re-taken on request only, so that a test run leaves the tree clean.
    shot = ROOT / "docs/serve-trainer.png" if os.environ.get("SUAN_SCREENSHOT") else pathlib.Path("/tmp/suan-serve-trainer.png")
    page.screenshot(path=str(shot))


def test_saved_scenarios_compare_side_by_side(page):
    page.click("button[data-view=scenario]")
    page.fill("#save-name", "压缩五")
    page.click("#save-form button[type=submit]")
    expect(page.locator("#saved")).to_contain_text("压缩五")
    page.locator('[data-line="基本支出"] input[type=range]').fill("-10")
    expect(page.locator("#scenario-output")).to_contain_text("3,379.02万元", timeout=30_000)
    page.fill("#save-name", "压缩十")
    page.click("#save-form button[type=submit]")
    expect(page.locator("#saved")).to_contain_text("压缩十")
    page.click("#compare-saved")
    compared = page.locator("#compare-output")
    expect(compared).to_contain_text("压缩五", timeout=30_000)
    expect(compared).to_contain_text("压缩十")
    expect(compared).to_contain_text("3,500.71万元")
    expect(compared).to_contain_text("3,379.02万元")


def test_the_console_runs_in_the_session_and_shows_errors_with_a_caret(page):
    page.click("button[data-view=console]")
    page.fill("#console-input", "round(基本支出 / 总支出, 0.1%)")
    page.press("#console-input", "Enter")
    expect(page.locator("#console-log .entry").last).to_contain_text("67.2%", timeout=30_000)
    # The console shares the session: the scenario the page saved is there.
    page.fill("#console-input", "压缩五.总支出")
    page.press("#console-input", "Enter")
    expect(page.locator("#console-log .entry").last).to_contain_text("3,500.71万元", timeout=30_000)
    page.fill("#console-input", "1万元 + 3件")
    page.press("#console-input", "Enter")
    error = page.locator("#console-log .entry").last.locator(".suan-diagnostic")
    expect(error).to_contain_text("^~~~", timeout=30_000)
    expect(error).to_have_attribute("data-id", "dimension-mismatch")
    # History: ↑ brings back the last line.
    page.press("#console-input", "ArrowUp")
    expect(page.locator("#console-input")).to_have_value("1万元 + 3件")


def test_indicator_targets_have_sliders(page, server):
    # Last in this file: it moves the shared page to the training department's year.
    page.goto(server + "?year=示例%202022")
    expect(page.locator("#year table").first).to_be_visible(timeout=20000)
    page.click("button[data-view=scenario]")
    row = page.locator('[data-line="社区法律顾问服务 · 提供法律服务"]')
    row.locator("input[type=range]").fill("10")
    # The bar moves by 10% and keeps its direction: ≥ 5,800件 becomes ≥ 6,380件, shown as its own row.
    expect(page.locator("#scenario-output")).to_contain_text("≥ 6,380件", timeout=30_000)
