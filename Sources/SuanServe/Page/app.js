// The page of `suan serve`: one session per tab; the year, sliders that build a scenario, saved
// scenarios side by side, and a console. Everything is computed by Suan in the session; the page
// only writes Suan source and shows the documents the server renders (docs/serve.md).
"use strict";

const words = {
  zh: {
    "tab.year": "年度", "tab.scenario": "情景", "tab.console": "控制台", present: "演示模式", starting: "正在启动…",
    controls: "调整", reset: "全部归零", save: "保存情景", saveButton: "保存", compareSaved: "并排比较已保存的情景",
    result: "与基期比较", run: "运行", other: "English", noChange: "移动滑块或输入百分比，即生成情景并与基期比较。",
    lines: "支出", projects: "项目预算", badName: "情景名须以文字开头，不含空格和标点", failed: "无法连接服务：",
    needTwo: "先保存至少一个情景。",
    goal: "目标求解", goalChange: "调整", goalSo: "使", goalEquals: "等于", goalRun: "求解",
    goalHint: "例如：调整 项目支出，使 项目支出占比 等于 35%", exportCSV: "导出 CSV", exportMD: "导出 Markdown", exportXLSX: "导出 Excel", targets: "指标目标",
  },
  en: {
    "tab.year": "Year", "tab.scenario": "Scenario", "tab.console": "Console", present: "Presentation", starting: "Starting…",
    controls: "Changes", reset: "Reset all", save: "Save scenario", saveButton: "Save", compareSaved: "Compare saved scenarios",
    result: "Compared with the base year", run: "Run", other: "中文", noChange: "Move a slider or type a percentage to build a scenario and compare it with the base year.",
    lines: "Expenditure", projects: "Project budgets", badName: "A scenario name starts with a letter and has no spaces or punctuation", failed: "Cannot reach the server: ",
    needTwo: "Save a scenario first.",
    goal: "Goal seek", goalChange: "Change", goalSo: "so that", goalEquals: "equals", goalRun: "Solve",
    goalHint: "e.g. change 项目支出 so that 项目支出占比 equals 35%", exportCSV: "Export CSV", exportMD: "Export Markdown", exportXLSX: "Export Excel", targets: "Indicator targets",
  },
};

const state = {
  lang: localStorage.getItem("suan.lang") || "zh",
  session: null,
  year: null,
  controls: [],          // {name, target (Suan text of the changed figure), label, percent}
  saved: [],
  history: [], historyAt: 0,
  pending: null, running: false, again: false,
};
const $ = (s) => document.querySelector(s);
const t = (key) => words[state.lang][key] || key;

function translate() {
  document.documentElement.lang = state.lang;
  for (const el of document.querySelectorAll("[data-t]")) el.textContent = t(el.dataset.t);
  $("#language").textContent = t("other");
}

async function api(method, path, body) {
  const response = await fetch(path, { method, body, headers: body ? { "Content-Type": "text/plain; charset=utf-8" } : {} });
  const json = await response.json().catch(() => ({}));
  return { status: response.status, json };
}

/** Runs Suan source in the session; resolves to the run's JSON (results, diagnostics, html).
 *  Runs go one after another: the server answers a run sent while another is going on with
 *  `session-busy`, and a save clicked while the sliders' update runs must wait for it, not fail. */
let runs = Promise.resolve();
function run(source, exports) {
  const reply = runs.then(() => runNow(source, exports));
  runs = reply.catch(() => {});
  return reply;
}

async function runNow(source, exports) {
  const { status, json } = await api("POST", `/api/sessions/${state.session}/run${exports ? "?exports=1" : ""}`, source);
  if (status === 404 && json.error && json.error.code === "unknown-session") {
    // The session expired while the tab was idle: open another and say so.
    await openSession();
    return { status: "failure", results: [], diagnostics: [], html: `<pre class="suan-diagnostic suan-error">${escape(json.error.message)}</pre>` };
  }
  if (json.error && !json.html) json.html = `<pre class="suan-diagnostic suan-error">${escape(json.error.message)}</pre>`;
  return json;
}

function escape(s) {
  return String(s).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]));
}

async function openSession() {
  const info = (await api("GET", "/api/info")).json;
  const { status, json } = await api("POST", `/api/sessions?lang=${state.lang}`);
  if (status !== 201) throw new Error(json.error ? json.error.message : String(status));
  state.session = json.id;
  const wanted = new URLSearchParams(location.search).get("year");
  if (!info.file) {
    // runNow, not run: openSession is also called from inside a queued run (an expired session).
    const loaded = await runNow(wanted ? `load ${wanted}` : "load 2022");
    const l = (loaded.results || []).find((r) => r.kind === "loaded");
    state.year = l ? l.name : "y2022";
  } else {
    state.year = wanted || state.year || "y2022";
  }
  // Saved scenarios live in the session: a new session has none.
  state.saved = [];
  renderSaved();
}

async function start() {
  translate();
  try {
    await openSession();
    await showYear();
    $("#status").textContent = "";
  } catch (e) {
    $("#status").textContent = t("failed") + e.message;
    $("#status").className = "error";
  }
}

/** The year as tables, and the controls built from its lines and projects. */
async function showYear() {
  $("#year-name").textContent = state.year;
  const reply = await run(`show ${state.year}`);
  $("#year").innerHTML = reply.html;
  // Indicators with a target get sliders too (目标清单 in Stdlib/scoring.suan lists them).
  const targets = await run(`show 目标清单(${state.year})`);
  buildControls(reply.results || [], targets.results || []);
  await updateScenario();
}

function cellText(c) { return c === null || c === undefined ? null : typeof c === "string" ? c : c.text; }
function isMoney(c) { return c && typeof c === "object" && c.type === "Money" && c.exact !== null; }

/** Sliders for the expenditure lines that have no parts shown, for each project with a budget, and
 *  for each indicator with a target (moving the bar by a percentage keeps its direction). */
function buildControls(results, targetResults) {
  const tables = results.filter((r) => r.kind === "table");
  const controls = [];
  const projects = [];
  const budgetTable = tables.find((tb) => tb.columns.length > 1 && /预算|Budget/.test(tb.columns[1].title));
  if (budgetTable) {
    for (const row of budgetTable.rows) {
      const name = cellText(row.cells[0]);
      if (name && isMoney(row.cells[1])) projects.push({ name, target: `项目[${JSON.stringify(name)}].预算`, label: name, compareLabel: `${name} · 预算` });
    }
  }
  const lines = tables[0] ? tables[0].rows : [];
  const section = lines.findIndex((r) => cellText(r.cells[0]) === "总支出");
  if (section >= 0) {
    let first = section;
    while (first > 0 && lines[first - 1].level > 0) first--;
    for (let i = first; i < section; i++) {
      const name = cellText(lines[i].cells[0]);
      const leaf = i + 1 >= lines.length || lines[i + 1].level <= lines[i].level;
      if (!name || !leaf || !isMoney(lines[i].cells[1])) continue;
      if (name === "项目支出" && projects.length > 0) continue;  // its projects move it
      controls.push({ name, target: name, label: name, compareLabel: name });
    }
  }
  const goals = [];
  const targetTable = (targetResults || []).find((r) => r.kind === "table");
  if (targetTable) {
    for (const row of targetTable.rows) {
      const project = cellText(row.cells[0]), indicator = cellText(row.cells[1]);
      if (!project || !indicator || typeof row.cells[2] !== "object") continue;
      goals.push({ name: `${project} · ${indicator}`, target: `项目[${JSON.stringify(project)}].指标[${JSON.stringify(indicator)}].目标`,
                   label: `${indicator}（${project}）`, compareLabel: `${project} · ${indicator} · 目标` });
    }
  }
  state.controls = controls.concat(projects, goals).map((c) => ({ ...c, percent: 0 }));
  const box = $("#controls");
  box.innerHTML = "";
  const addGroup = (key) => { const g = document.createElement("div"); g.className = "control group"; g.textContent = t(key); box.appendChild(g); };
  state.controls.forEach((c, i) => {
    if (i === 0 && controls.length) addGroup("lines");
    if (i === controls.length && projects.length) addGroup("projects");
    if (i === controls.length + projects.length && goals.length) addGroup("targets");
    const row = document.createElement("div");
    row.className = "control";
    row.dataset.line = c.name;
    row.innerHTML = `<label title="${escape(c.label)}">${escape(c.label)}</label>
      <input type="range" min="-50" max="50" step="1" value="0" aria-label="${escape(c.label)}">
      <input type="number" min="-100" max="1000" step="0.1" value="0" aria-label="${escape(c.label)} %">
      <span class="delta">0%</span>`;
    const [slider, number] = row.querySelectorAll("input");
    slider.addEventListener("input", () => { number.value = slider.value; change(c, Number(slider.value)); });
    number.addEventListener("input", () => { if (number.value !== "" && isFinite(number.value)) { slider.value = number.value; change(c, Number(number.value)); } });
    c.row = row;
    box.appendChild(row);
  });
}

function change(control, percent) {
  control.percent = percent;
  clearTimeout(state.pending);
  state.pending = setTimeout(updateScenario, 200);
}

function changes() {
  return state.controls.filter((c) => c.percent !== 0).map((c) =>
    `${c.target} ${c.percent < 0 ? "-=" : "+="} ${Math.abs(c.percent)}%`);
}

/** Builds the scenario of the sliders and compares it with the base year (one run at a time). */
async function updateScenario() {
  if (state.running) { state.again = true; return; }
  state.running = true;
  try {
    const list = changes();
    if (list.length === 0) {
      $("#scenario-output").innerHTML = `<p class="hint">${escape(t("noChange"))}</p>`;
      for (const c of state.controls) showDelta(c, null);
    } else {
      // The chart (SVG with a legend, one colour per year) shows what the scenario changed.
      const source = `scenario 当前情景 from ${state.year} { ${list.join("; ")} }\ncompare ${state.year}, 当前情景\nchart ${state.year}, 当前情景\nshow 当前情景`;
      const reply = await run(source);
      $("#scenario-output").innerHTML = reply.html;
      state.viewSource = source;
      const table = (reply.results || []).find((r) => r.kind === "table");
      for (const c of state.controls) {
        const row = table && table.rows.find((r) => cellText(r.cells[0]) === c.compareLabel);
        showDelta(c, row ? cellText(row.cells[3]) : null);
      }
    }
  } finally {
    state.running = false;
    if (state.again) { state.again = false; updateScenario(); }
  }
}

/** `−5% / −121.69万元` beside a slider. */
function showDelta(c, amount) {
  const span = c.row.querySelector(".delta");
  const sign = (s) => String(s).replace(/^-/, "−");
  const percent = c.percent > 0 ? `+${c.percent}%` : c.percent < 0 ? `−${-c.percent}%` : "0%";
  span.textContent = c.percent !== 0 && amount ? `${percent} / ${sign(amount)}` : percent;
  span.className = "delta" + (c.percent < 0 ? " down" : c.percent > 0 ? " up" : "");
}

/** Downloads the current view's tables, as the server rendered them (CSV for Excel, or Markdown). */
async function download(kind) {
  // The exports are rendered only when asked for: the current view's source runs again with them.
  const reply = state.viewSource ? await run(state.viewSource, true) : null;
  if (!reply) { $("#scenario-output").innerHTML = `<p class="hint">${escape(t("noChange"))}</p>`; return; }
  let blob;
  if (kind === "xlsx") {
    const bytes = Uint8Array.from(atob(reply.xlsx), (c) => c.charCodeAt(0));
    blob = new Blob([bytes], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
  } else {
    const text = kind === "csv" ? reply.csv : reply.markdown;
    blob = new Blob([text], { type: kind === "csv" ? "text/csv;charset=utf-8" : "text/markdown;charset=utf-8" });
  }
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = `情景.${kind}`;
  document.body.appendChild(link);
  link.click();
  link.remove();
}
$("#export-csv").addEventListener("click", () => download("csv"));
$("#export-md").addEventListener("click", () => download("md"));
$("#export-xlsx").addEventListener("click", () => download("xlsx"));

$("#reset").addEventListener("click", () => {
  for (const c of state.controls) { c.percent = 0; for (const input of c.row.querySelectorAll("input")) input.value = 0; }
  updateScenario();
});

$("#save-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  const name = $("#save-name").value.trim();
  if (!/^[\p{L}_][\p{L}\p{N}_]*$/u.test(name)) { $("#compare-output").innerHTML = `<p class="suan-diagnostic suan-error">${escape(t("badName"))}</p>`; return; }
  const reply = await run(`scenario ${name} from ${state.year} { ${changes().join("; ")} }`);
  if (reply.status !== "success") { $("#compare-output").innerHTML = reply.html; return; }
  if (!state.saved.includes(name)) state.saved.push(name);
  $("#save-name").value = "";
  renderSaved();
});

function renderSaved() {
  $("#saved").innerHTML = state.saved.map((n) => `<li>${escape(n)}</li>`).join("");
}

$("#compare-saved").addEventListener("click", async () => {
  if (state.saved.length === 0) { $("#compare-output").innerHTML = `<p class="hint">${escape(t("needTwo"))}</p>`; return; }
  const names = [state.year, ...state.saved].join(", ");
  const reply = await run(`compare ${names}\nchart ${names}`);
  $("#compare-output").innerHTML = reply.html;
});

// Goal seek: `solve` finds the change to one line that brings another to a target (a share or an amount).
$("#goal-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  const line = $("#goal-line").value, target = $("#goal-target").value, value = $("#goal-value").value.trim();
  if (!value) return;
  const reply = await run(`solve x in -100%..200% where (scenario from ${state.year} { ${line} += x }).${target} == ${value}`);
  $("#goal-output").innerHTML = reply.html;
});

// The console: Enter runs the line in the session; ↑ and ↓ walk the history.
$("#console-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  const input = $("#console-input");
  const source = input.value;
  if (!source.trim()) return;
  state.history.push(source);
  state.historyAt = state.history.length;
  input.value = "";
  const reply = await run(source);
  const entry = document.createElement("div");
  entry.className = "entry " + (reply.status || "");
  entry.innerHTML = `<pre class="source">算&gt; ${escape(source)}</pre>` + (reply.html || "");
  $("#console-log").appendChild(entry);
  entry.scrollIntoView({ block: "end" });
});
$("#console-input").addEventListener("keydown", (e) => {
  if (e.key !== "ArrowUp" && e.key !== "ArrowDown") return;
  e.preventDefault();
  state.historyAt = Math.max(0, Math.min(state.history.length, state.historyAt + (e.key === "ArrowUp" ? -1 : 1)));
  e.target.value = state.history[state.historyAt] || "";
});

for (const tab of document.querySelectorAll(".tab")) {
  tab.addEventListener("click", () => {
    for (const other of document.querySelectorAll(".tab")) other.classList.toggle("active", other === tab);
    for (const view of document.querySelectorAll(".view")) view.classList.toggle("active", view.id === `view-${tab.dataset.view}`);
  });
}
$("#present").addEventListener("click", () => document.body.classList.toggle("present"));
$("#language").addEventListener("click", async () => {
  state.lang = state.lang === "zh" ? "en" : "zh";
  localStorage.setItem("suan.lang", state.lang);
  // Messages follow the session's language: a new session in the other language.
  translate();
  await openSession();
  await showYear();
});

start();
