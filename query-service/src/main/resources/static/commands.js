// The page's actions: each asks for confirmation, goes to the command service with the caller's
// token and a fresh Idempotency-Key (a repeated click sends nothing twice), and shows the answer:
// accepted, or refused with its status, rule and facts. The command service decides; the page
// only offers each caller the actions of its roles.
"use strict";

const can = (role, team) =>
  Boolean(state.me?.commandUrl) && state.me.roles.includes(role) && (team === undefined || team === state.me.team);

function idempotencyKey() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}

async function command(path, body) {
  let response;
  try {
    response = await fetch(state.me.commandUrl + path, {
      method: "POST",
      headers: {
        Authorization: "Bearer " + state.token,
        "Content-Type": "application/json",
        "Idempotency-Key": idempotencyKey(),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (unreachable) {
    throw Object.assign(new Error("the command service at " + state.me.commandUrl + " did not answer"), { problem: {} });
  }
  let answer = {};
  try { answer = await response.json(); } catch (ignored) { /* no body */ }
  if (!response.ok) {
    throw Object.assign(new Error(answer.detail || response.statusText), { status: response.status, problem: answer });
  }
  return answer;
}

function notify(kind, html, data = {}) {
  const notice = document.getElementById("notice");
  notice.className = "card notice " + kind;
  notice.dataset.status = data.status ?? "";
  notice.dataset.rule = data.rule ?? "";
  notice.innerHTML = html + ` <button type="button" class="dismiss" title="dismiss">×</button>`;
  notice.hidden = false;
  notice.querySelector(".dismiss").onclick = () => { notice.hidden = true; };
}

const PROBLEM_FIELDS = new Set(["type", "title", "status", "detail", "instance", "rule"]);

function showRefusal(what, error) {
  const problem = error.problem || {};
  const facts = Object.entries(problem).filter(([key]) => !PROBLEM_FIELDS.has(key))
    .map(([key, value]) => `<li><b>${esc(key)}</b> ${esc(typeof value === "object" ? JSON.stringify(value) : value)}</li>`)
    .join("");
  notify("refusal",
    `<b>${esc(what)} refused${error.status ? " · " + error.status : ""}${problem.title ? " " + esc(problem.title) : ""}${problem.rule ? " · rule " + esc(problem.rule) : ""}</b>
     <p>${esc(error.message)}</p>${facts ? `<ul class="facts">${facts}</ul>` : ""}`,
    { status: error.status, rule: problem.rule });
}

/** Asks in the page's dialog; answers null when cancelled, else the reason typed (if asked). */
function confirmAction(question, askReason) {
  const dialog = document.getElementById("confirm");
  const reason = document.getElementById("confirm-reason");
  document.getElementById("confirm-text").textContent = question;
  document.getElementById("confirm-reason-label").hidden = !askReason;
  reason.required = askReason;
  reason.value = "";
  dialog.returnValue = "";
  dialog.showModal();
  return new Promise((resolve) => dialog.addEventListener("close",
    () => resolve(dialog.returnValue === "ok" ? { reason: reason.value.trim() } : null), { once: true }));
}

/** Confirm, send, tell: the answer of an accepted command, or null. */
async function act(what, question, path, { body, askReason = false } = {}) {
  const confirmed = await confirmAction(question, askReason);
  if (!confirmed) return null;
  notify("pending", `<b>${esc(what)}</b> sent…`);
  try {
    const answer = await command(path, askReason ? { ...body, reason: confirmed.reason } : body);
    notify("accepted", `<b>${esc(what)}</b> accepted · campaign ${esc(answer.campaignId)} at position ${esc(answer.position)}`,
      { status: 200 });
    return answer;
  } catch (error) {
    showRefusal(what, error);
    return null;
  }
}

// ---- a campaign's controls

const OPEN = new Set(["RUNNING", "PAUSED", "STOPPED"]);

function campaignButtons(c) {
  if (!can("OPERATOR", c.team) || !OPEN.has(c.status)) return "";
  const button = (action, label) => `<button type="button" data-action="${action}" data-campaign="${esc(c.campaignId)}">${label}</button>`;
  return `<div class="actions" id="campaign-actions">
    ${c.status === "RUNNING" ? button("pause", "Pause") : ""}
    ${c.status === "PAUSED" ? button("resume", "Resume") : ""}
    ${button("abort", "Abort…")}</div>`;
}

function clusterButtons(c, run) {
  const wait = run.waiting;
  if (!wait) return "";
  const data = `data-campaign="${esc(c.campaignId)}" data-cluster="${esc(run.clusterId)}"`;
  if (wait.kind === "APPROVAL" && wait.host && can("APPROVER", c.team)) {
    return `<button type="button" data-action="approve" ${data} data-host="${esc(wait.host)}">Approve ${esc(wait.host)}</button>`;
  }
  if (wait.kind === "RETRY_OR_SKIP" && can("OPERATOR", c.team)) {
    return `<button type="button" data-action="retry" ${data}>Retry</button>
      <button type="button" data-action="skip" ${data}>Skip…</button>`;
  }
  return "";
}

const CAMPAIGN_ACTIONS = {
  pause: (d) => act("Pause", `Pause campaign ${d.campaign}? Running steps finish; no new step starts.`,
    `/api/campaigns/${encodeURIComponent(d.campaign)}/pause`),
  resume: (d) => act("Resume", `Resume campaign ${d.campaign}?`, `/api/campaigns/${encodeURIComponent(d.campaign)}/resume`),
  abort: (d) => act("Abort", `Abort campaign ${d.campaign}? Running steps finish; the campaign never goes on. Why?`,
    `/api/campaigns/${encodeURIComponent(d.campaign)}/abort`, { askReason: true }),
  approve: (d) => act(`Approve ${d.host}`, `Approve upgrading node ${d.host} of cluster ${d.cluster}? It leaves service while it upgrades.`,
    clusterPathOf(d, "approve"), { body: { host: d.host } }),
  retry: (d) => act("Retry", `Retry the failed step of cluster ${d.cluster}?`, clusterPathOf(d, "retry")),
  skip: (d) => act("Skip", `Skip the failed step of cluster ${d.cluster}? The procedure goes on as if it had succeeded. Why?`,
    clusterPathOf(d, "skip"), { askReason: true }),
};

const clusterPathOf = (d, action) =>
  `/api/campaigns/${encodeURIComponent(d.campaign)}/clusters/${encodeURIComponent(d.cluster)}/${action}`;

// the page is redrawn live, so its buttons are found when clicked
document.getElementById("page").addEventListener("click", async (event) => {
  const button = event.target.closest("button[data-action]");
  if (!button || !CAMPAIGN_ACTIONS[button.dataset.action]) return;
  button.disabled = true;
  try {
    const answer = await CAMPAIGN_ACTIONS[button.dataset.action](button.dataset);
    if (answer) state.position = answer.position;
  } finally {
    button.disabled = false;
  }
});

// ---- starting a campaign over the selected clusters

const selected = new Set();

function selectBox(s) {
  if (!can("OPERATOR", s.team)) return "";
  return `<input type="checkbox" data-select="${esc(s.clusterId)}" ${selected.has(s.clusterId) ? "checked" : ""} title="select for a campaign">`;
}

function startPanel() {
  if (!can("OPERATOR")) return "";
  return `<details class="card" id="start"><summary>Start a campaign over the selected clusters (<span id="selected-count">${selected.size}</span>)</summary>
    <form id="start-form" class="form">
      <label>Campaign id <input id="s-id" placeholder="generated" maxlength="64"></label>
      <label>Mode <select id="s-mode"><option>UPDATE</option><option>COLD_MIGRATE</option></select></label>
      <label>Clusters at once <input id="s-parallel" type="number" min="1" max="1000" value="1"></label>
      <label><input id="s-gates" type="checkbox"> approval before each node upgrade</label>
      <label><input id="s-continue" type="checkbox"> other clusters go on after a failure, up to
        <input id="s-max-failures" type="number" min="0" max="1000" value="0"> failed</label>
      <label>Window <input id="s-from" type="time"> – <input id="s-to" type="time">
        <input id="s-zone" placeholder="zone, e.g. Europe/Paris" size="16"></label>
      <label>Step timeout <input id="s-timeout" type="number" min="1" max="1440" value="120"> min</label>
      <div class="actions"><button type="button" id="s-preview">Preview plan</button>
        <button type="submit" id="s-start">Start…</button></div>
    </form><div id="plan-preview"></div></details>`;
}

function startRequest() {
  const value = (id) => document.getElementById(id).value.trim();
  const request = {
    clusterIds: [...selected],
    mode: value("s-mode"),
    maxClustersInProgress: Number(value("s-parallel")),
    approvalGates: document.getElementById("s-gates").checked,
    failurePolicy: { continueOtherClusters: document.getElementById("s-continue").checked, maxFailures: Number(value("s-max-failures")) },
    stepTimeout: `PT${Number(value("s-timeout"))}M`,
  };
  if (value("s-id")) request.campaignId = value("s-id");
  if (value("s-from") || value("s-to")) {
    request.maintenanceWindow = { start: value("s-from"), end: value("s-to"), zone: value("s-zone") || Intl.DateTimeFormat().resolvedOptions().timeZone };
  }
  return request;
}

function planCard(plan) {
  const steps = plan.steps.map((s) => `<tr><td>${s.number}</td><td>${esc(s.command)}</td><td>${esc(s.subject)}</td>
      <td class="muted">${s.hostActions.map(esc).join("<br>")}</td><td class="muted">${s.rulesChecked.map(esc).join(" ")}</td></tr>`).join("");
  const warnings = plan.warnings.map((w) => `<div class="card warning"><b>${esc(w.kind)}</b> ${esc(w.message)}</div>`).join("");
  return `<div class="card" data-plan="${esc(plan.clusterId)}"><b>${esc(plan.clusterId)}</b> · ${plan.steps.length} steps ·
      nodes ${plan.nodeOrder.map(esc).join(" → ")}${warnings}
      <details><summary>steps</summary><table><tr><th>#</th><th>Command</th><th>Subject</th><th>Host actions</th><th>Rules</th></tr>${steps}</table></details></div>`;
}

async function previewPlans() {
  const preview = document.getElementById("plan-preview");
  preview.innerHTML = `<p class="muted">Planning ${selected.size} clusters…</p>`;
  const mode = document.getElementById("s-mode").value;
  const cards = [];
  for (const id of selected) {
    try {
      cards.push(planCard(await command(`/api/clusters/${encodeURIComponent(id)}/plan`, { mode })));
    } catch (error) {
      showRefusal(`Plan of ${id}`, error);
    }
  }
  preview.innerHTML = cards.join("") || `<p class="muted">No plan.</p>`;
}

async function startCampaign(event) {
  event.preventDefault();
  if (selected.size === 0) {
    notify("refusal", "<b>Select the clusters to upgrade first</b> (the boxes in the Clusters table).");
    return;
  }
  const request = startRequest();
  const gates = request.approvalGates ? ", an approval before each node" : "";
  const answer = await act("Start", `Start campaign ${request.campaignId || "(generated id)"} over ${selected.size} cluster(s): ${[...selected].join(", ")} (${request.mode}${gates})?`,
    "/api/campaigns", { body: request });
  if (answer) {
    selected.clear();
    state.position = answer.position;
    location.hash = "#/campaigns/" + encodeURIComponent(answer.campaignId);
  }
}

function bindStartPanel() {
  const form = document.getElementById("start-form");
  if (!form) return;
  form.addEventListener("submit", startCampaign);
  document.getElementById("s-preview").onclick = previewPlans;
  document.getElementById("clusters").addEventListener("change", (event) => {
    const box = event.target.closest("input[data-select]");
    if (!box) return;
    if (box.checked) selected.add(box.dataset.select);
    else selected.delete(box.dataset.select);
    document.getElementById("selected-count").textContent = selected.size;
  });
}
