// The dashboard: plain DOM, no build step. Reads the query service's REST views and keeps them
// live through Server-Sent Events (an EventSource carries the token as access_token).
"use strict";

// me: who the token proves (GET /api/me); position: the version a command just answered, which
// the next view read waits for
const state = { token: null, source: null, me: null, position: null };
const page = document.getElementById("page");

function readToken() {
  const fromUrl = new URLSearchParams(location.search).get("token");
  if (fromUrl) localStorage.setItem("ut-token", fromUrl);
  state.token = localStorage.getItem("ut-token");
  state.me = null;
  document.getElementById("token").value = state.token || "";
}

document.getElementById("token-form").addEventListener("submit", (e) => {
  e.preventDefault();
  localStorage.setItem("ut-token", document.getElementById("token").value.trim());
  document.getElementById("notice").hidden = true;
  readToken();
  route();
});

async function api(path) {
  const response = await fetch(path, { headers: { Authorization: "Bearer " + state.token } });
  if (!response.ok) {
    let detail = response.statusText;
    try { detail = (await response.json()).detail || detail; } catch (ignored) { /* not JSON */ }
    throw new Error(response.status + ": " + detail);
  }
  return response.json();
}

async function whoAmI() {
  state.me = await api("/api/me");
  const roles = state.me.roles.map((r) => r.toLowerCase()).join(", ");
  document.getElementById("whoami").textContent =
    `${state.me.user}${state.me.team ? " · " + state.me.team : ""} · ${roles}${state.me.commandUrl ? "" : " · read-only page"}`;
}

function live(path, handlers) {
  if (state.source) state.source.close();
  const indicator = document.getElementById("live");
  const source = new EventSource(path + "?access_token=" + encodeURIComponent(state.token));
  source.onopen = () => indicator.classList.add("on");
  source.onerror = () => indicator.classList.remove("on");
  for (const [name, handler] of Object.entries(handlers)) {
    source.addEventListener(name, (event) => handler(JSON.parse(event.data)));
  }
  state.source = source;
}

const esc = (value) => String(value ?? "").replace(/[&<>"']/g,
  (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
const badge = (text) => `<span class="badge ${esc(text)}">${esc(String(text ?? "").replaceAll("_", " "))}</span>`;
// a <progress> element, not a styled span: the Content-Security-Policy allows no inline styles
const bar = (done, total, cls = "") =>
  `<progress class="bar ${cls}" max="${total > 0 ? total : 1}" value="${total > 0 ? done : 0}" title="${done} of ${total}"></progress>`;
const when = (instant) => (instant ? new Date(instant).toLocaleString() : "—");
const link = (kind, id) => `<a href="#/${kind}/${encodeURIComponent(id)}">${esc(id)}</a>`;
// an ISO-8601 duration (PT1H2M3.5S) as people read it
const lasting = (iso) => {
  const [, h, m, sec] = /PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?/.exec(iso || "") || [];
  return [h && h + " h", m && m + " min", sec && Math.round(Number(sec)) + " s"].filter(Boolean).join(" ") || "0 s";
};
const waitOf = (w) =>
  !w ? "" : `${badge(w.kind)} ${w.command ? esc(w.command) + " " : ""}${w.host ? esc(w.host) + " " : ""}since ${when(w.since)}${w.until ? " · until " + when(w.until) : ""}${w.usual ? " · usually " + lasting(w.usual) + (w.kind === "STUCK" ? ": stuck?" : "") : ""}${w.by ? " · by " + esc(w.by) : ""}`;
const stepsOf = (counts) => `${counts.stepsCompleted}/${counts.stepsPlanned || "?"} steps`;
const leftByAbort = (counts) => (counts.aborted ? ` · ${counts.aborted} left by the abort` : "");

function teamCard(t) {
  const phases = Object.entries(t.clustersByPhase || {}).map(([p, n]) => `${badge(p)} ${n}`).join(" ");
  return `<div class="card" data-team="${esc(t.team)}">
    <h3>${esc(t.team)} <span class="muted">· ${t.clusters} cluster${t.clusters === 1 ? "" : "s"}</span></h3>
    <div class="row"><span>Hosts on 4.0</span><span class="hosts4">${t.hostsOnIvm4} / ${t.hosts}</span></div>
    ${bar(t.hostsOnIvm4, t.hosts, "ok")}
    <div class="row"><span>Guest kits 4.0</span><span>${t.guestKits4Installed} / ${t.guests}</span></div>
    ${bar(t.guestKits4Installed, t.guests, "ok")}
    <div class="row"><span>${phases}</span></div>
    <div class="row muted"><span>actions running ${t.actionsRunning}</span><span>failures ${t.failures}</span></div>
  </div>`;
}

function campaignRow(c) {
  const n = c.counts;
  return `<tr data-campaign="${esc(c.campaignId)}"><td>${link("campaigns", c.campaignId)}</td><td>${esc(c.team)}</td>
    <td>${badge(c.status)}</td><td class="wide">${bar(n.stepsCompleted, n.stepsPlanned, "ok")}
    <span class="muted">${n.percent}% · ${stepsOf(n)} · ${n.done}/${n.total} clusters done · ${n.running} running · ${n.failed} failed${leftByAbort(n)}</span></td>
    <td>${n.clustersPerHour ? n.clustersPerHour.toFixed(1) + "/h" : "—"}</td><td>${when(n.eta)}</td></tr>`;
}

function clusterRow(s) {
  const step = s.currentStep ? `${esc(s.currentStep.command)} ${esc(s.currentStep.subject)}` : "";
  return `<tr><td>${selectBox(s)}</td><td>${link("clusters", s.clusterId)}</td><td>${esc(s.team)}</td><td>${badge(s.phase)}</td>
    <td>${s.hostsOnIvm4}/${s.hosts}</td><td>${s.guestKits4Installed}/${s.guests}</td>
    <td class="medium">${bar(s.stepsDone, s.stepsTotal)}<span class="muted">${s.stepsDone}/${s.stepsTotal}</span></td>
    <td>${step}</td><td>${when(s.eta)}</td></tr>`;
}

async function overview() {
  page.innerHTML = `<h1>Fleet</h1><div id="teams" class="grid"></div>
    <h2>Campaigns</h2>${startPanel()}<div id="campaigns"></div>
    <h2>Clusters</h2>
    <div class="filters">
      <input id="f-team" placeholder="team"> <select id="f-phase"><option value="">any phase</option>
      ${["NOT_STARTED", "IN_PROGRESS", "AWAITING_APPROVAL", "FAILED", "UPGRADED"].map((p) => `<option>${p}</option>`).join("")}
      </select> <button id="f-prev">‹</button> <span id="f-page" class="muted"></span> <button id="f-next">›</button>
    </div><div id="clusters"></div>`;
  let pageNo = 0;
  const teams = new Map();
  const campaigns = new Map();
  const drawTeams = () => {
    document.getElementById("teams").innerHTML =
      [...teams.values()].sort((a, b) => a.team.localeCompare(b.team)).map(teamCard).join("") ||
      `<p class="muted">No clusters yet.</p>`;
  };
  const drawCampaigns = () => {
    const rows = [...campaigns.values()].sort((a, b) => (b.startedAt || "").localeCompare(a.startedAt || ""));
    document.getElementById("campaigns").innerHTML = rows.length
      ? `<table><tr><th>Campaign</th><th>Team</th><th>Status</th><th>Progress</th><th>Throughput</th><th>ETA</th></tr>${rows.map(campaignRow).join("")}</table>`
      : `<p class="muted">No campaigns yet.</p>`;
  };
  const loadClusters = async () => {
    const team = document.getElementById("f-team").value.trim();
    const phase = document.getElementById("f-phase").value;
    const query = new URLSearchParams({ page: pageNo, size: 25 });
    if (team) query.set("team", team);
    if (phase) query.set("phase", phase);
    const result = await api("/api/clusters?" + query);
    document.getElementById("f-page").textContent =
      `page ${pageNo + 1} of ${Math.max(1, Math.ceil(result.total / result.size))} · ${result.total} clusters`;
    document.getElementById("clusters").innerHTML = `<table><tr><th></th><th>Cluster</th><th>Team</th><th>Phase</th>
      <th>Hosts 4.0</th><th>Kits</th><th>Steps</th><th>Current step</th><th>ETA</th></tr>${result.items.map(clusterRow).join("")}</table>`;
  };
  let pending = null;
  const reloadClustersSoon = () => { clearTimeout(pending); pending = setTimeout(loadClusters, 500); };
  document.getElementById("f-team").onchange = () => { pageNo = 0; loadClusters(); };
  document.getElementById("f-phase").onchange = () => { pageNo = 0; loadClusters(); };
  document.getElementById("f-prev").onclick = () => { pageNo = Math.max(0, pageNo - 1); loadClusters(); };
  document.getElementById("f-next").onclick = () => { pageNo += 1; loadClusters(); };
  bindStartPanel();
  (await api("/api/teams")).forEach((t) => teams.set(t.team, t));
  (await api("/api/campaigns?size=100")).items.forEach((c) => campaigns.set(c.campaignId, c));
  drawTeams();
  drawCampaigns();
  await loadClusters();
  live("/api/live/fleet", {
    team: (t) => { teams.set(t.team, t); drawTeams(); reloadClustersSoon(); },
    campaign: (c) => { campaigns.set(c.campaignId, c); drawCampaigns(); },
  });
}

function drawCluster(v) {
  const p = v.progress;
  const step = p.currentStep
    ? `<div class="card step ${esc(p.currentStep.status)}" id="current-step"><b>${esc(p.currentStep.command)}</b>
        ${esc(p.currentStep.subject)} ${badge(p.currentStep.status)}
        <span class="muted">since ${when(p.currentStep.since)}</span></div>`
    : `<div class="card step" id="current-step"><span class="muted">No step in progress</span></div>`;
  const hosts = v.hosts.map((h) => `<tr data-host="${esc(h.name)}"><td>${esc(h.name)}</td>
      <td class="muted address">${esc(h.sshAddress || "")}</td><td>${esc(h.hpuxVersion)}</td>
      <td class="ivm">${esc(h.ivmVersion)}</td><td>${esc(h.serviceguardVersion)}</td>
      <td>${h.upgrading ? badge("IN_PROGRESS") : ""}</td><td>${h.member ? "yes" : "no"}</td></tr>`).join("");
  const shown = guestsShown(v);
  const guests = shown.rows.map((g) => `<tr data-guest="${esc(g.name)}"><td>${esc(g.name)}</td>
      <td class="host">${esc(g.host)}</td><td>${esc(g.kitVersion)}</td>
      <td class="muted">${g.failoverNodes ? esc(g.failoverNodes.join(" → ")) : "any"}</td></tr>`).join("");
  const warnings = (v.warnings || []).map((w) => `<div class="card warning" data-warning="${esc(w.kind)}">
      <b>${esc(w.kind)}${w.rule ? " (" + esc(w.rule) + ")" : ""}</b> ${esc(w.message)}</div>`).join("");
  const first = shown.page * GUEST_PAGE;
  const guestPager = shown.total > GUEST_PAGE
    ? `<div class="row" id="guest-pager"><span>${first + 1}–${first + shown.rows.length} of ${shown.total}</span>
        <span><button id="g-prev" ${shown.page === 0 ? "disabled" : ""}>‹</button>
        <button id="g-next" ${first + GUEST_PAGE >= shown.total ? "disabled" : ""}>›</button></span></div>`
    : "";
  const failures = p.failures.slice().reverse().map((f) => `<div class="card"><b>${esc(f.host)}</b> ${esc(f.action)}
      exit ${f.exitCode} <span class="muted">${when(f.at)}</span><pre>${esc(f.output)}</pre></div>`).join("");
  const activity = v.activity.slice().reverse().map((a) => `<tr><td class="muted">${when(a.at)}</td>
      <td>${esc([a.team, a.user].filter(Boolean).join("/"))}</td><td>${esc(a.summary)}</td></tr>`).join("");
  page.innerHTML = `<h1>Cluster ${esc(v.clusterId)} ${badge(p.phase)}</h1>
    <div class="row muted"><span>team ${esc(v.team)} · ${esc(v.topology)}${p.campaignId ? " · campaign " + link("campaigns", p.campaignId) : ""}</span>
      <span>ETA ${when(p.eta)} · last event ${when(v.lastEventAt)} · position <span id="position">${v.lastSequence}</span></span></div>
    <div class="row"><span>Steps ${p.stepsDone} of ${p.stepsTotal}</span></div>${bar(p.stepsDone, p.stepsTotal)}
    ${step}
    ${warnings ? `<h2 id="warnings">Inventory warnings</h2>${warnings}` : ""}
    <div class="cols"><div><h2>VM hosts</h2><table><tr><th>Host</th><th>SSH</th><th>HP-UX</th><th>Integrity VM</th>
      <th>Serviceguard</th><th>Upgrading</th><th>Member</th></tr>${hosts}</table></div>
      <div><h2>Guests</h2>${guestPager}<table><tr><th>Guest</th><th>Host</th><th>Kit</th><th>Fails over to</th></tr>${guests}</table></div></div>
    ${failures ? `<h2>Failures (${p.failuresTotal})</h2>${failures}` : ""}
    <h2>Activity</h2><table id="activity">${activity}</table>`;
  page.querySelector("#current-step").classList.add("flash");
  if (guestPager) {
    const turn = async (by) => {
      guestPageNo = Math.max(0, shown.page + by);
      drawCluster(await api(clusterPath(v.clusterId)));
    };
    document.getElementById("g-prev").onclick = () => turn(-1);
    document.getElementById("g-next").onclick = () => turn(1);
  }
}

// a cluster may run 10,000 guests: the page shows them 100 at a time
const GUEST_PAGE = 100;
let guestPageNo = 0;

function clusterPath(id) {
  return `/api/clusters/${encodeURIComponent(id)}?guestPage=${guestPageNo}&guestSize=${GUEST_PAGE}`;
}

// the endpoint answers one page of guests; a live change carries the whole view
function guestsShown(v) {
  if (v.guestsPage) {
    return { rows: v.guests, total: v.guestsPage.total, page: v.guestsPage.page };
  }
  const from = guestPageNo * GUEST_PAGE;
  return { rows: v.guests.slice(from, from + GUEST_PAGE), total: v.guests.length, page: guestPageNo };
}

async function cluster(id) {
  guestPageNo = 0;
  drawCluster(await api(clusterPath(id)));
  live("/api/live/clusters/" + encodeURIComponent(id), { cluster: drawCluster });
}

function drawCampaign(c) {
  const n = c.counts;
  const runs = c.clusters.map((r) => `<tr><td>${link("clusters", r.clusterId)}</td><td>${badge(r.phase)}</td>
      <td>${r.stepsCompleted}${r.stepsLeft == null ? "" : "/" + (r.stepsCompleted + r.stepsLeft)}</td><td>${esc(r.lastStep ?? "")}</td><td data-wait="${esc(r.waiting?.kind ?? "")}">${waitOf(r.waiting)}</td><td>${esc(r.detail ?? "")}</td>
      <td data-actions="${esc(r.clusterId)}">${clusterButtons(c, r)}</td></tr>`).join("");
  page.innerHTML = `<h1>Campaign ${esc(c.campaignId)} ${badge(c.status)}</h1>
    <div class="row muted"><span>team ${esc(c.team)} · started ${when(c.startedAt)}${c.endedAt ? " · ended " + when(c.endedAt) : ""}</span>
      <span>${n.clustersPerHour ? n.clustersPerHour.toFixed(1) + " clusters/h" : ""} · ETA ${when(n.eta)}</span></div>
    ${campaignButtons(c)}
    ${c.reason ? `<p class="error">${esc(c.reason)}</p>` : ""}
    <div class="row"><span>${n.percent}% · ${stepsOf(n)} · ${n.done} done · ${n.running} running · ${n.pending} pending · ${n.failed} failed${leftByAbort(n)}</span></div>
    ${bar(n.stepsCompleted, n.stepsPlanned, "ok")}
    <table><tr><th>Cluster</th><th>Phase</th><th>Steps</th><th>Last step</th><th>Waiting for</th><th>Detail</th><th></th></tr>${runs}</table>`;
}

async function campaign(id) {
  // a campaign just started is read once its view holds the start
  const after = state.position == null ? "" : "?position=" + state.position;
  state.position = null;
  drawCampaign(await api("/api/campaigns/" + encodeURIComponent(id) + after));
  live("/api/live/campaigns/" + encodeURIComponent(id), { campaign: drawCampaign });
}

async function route() {
  // the page left behind must not draw over the next one while that one loads
  if (state.source) {
    state.source.close();
    state.source = null;
  }
  const [, kind, id] = (location.hash.replace(/^#/, "") || "/").split("/");
  if (!state.token) {
    page.innerHTML = `<p>Enter your team's (or an auditor's) token above to see the fleet.</p>`;
    return;
  }
  try {
    if (!state.me) await whoAmI();
    if (kind === "clusters" && id) await cluster(decodeURIComponent(id));
    else if (kind === "campaigns" && id) await campaign(decodeURIComponent(id));
    else await overview();
  } catch (error) {
    page.innerHTML = `<p class="error">${esc(error.message)}</p>`;
  }
}

window.addEventListener("hashchange", route);
readToken();
route();
