// The page of `warta serve`: filters in the URL, a dyad timeline (Chart.js),
// an actor network (Cytoscape.js), a map of the events' places (map.js) and
// the event list with highlighted evidence, all from the JSON API (README.md, "The web page and its API").
// Every value from the database reaches the page through textContent, never
// as HTML.
"use strict";

const PAGE_SIZE = 50;
const MAX_EDGES = 120;
const QUADS = ["verbal cooperation", "material cooperation", "verbal conflict", "material conflict"];
const QUAD_COLOURS = ["#6baed6", "#2171b5", "#fd8d3c", "#cb181d"];
const FILTER_NAMES = ["actor", "dyad", "directed", "root", "code", "quad", "from", "to", "lang", "source", "story",
  "modality", "negated", "statements", "place", "near"];
const TEXT_FILTERS = ["root", "code", "quad", "from", "to", "lang", "source", "negated", "place", "near"];
const MAP_PLACES = 300;
const MODALITIES = ["asserted", "alleged", "intended"];
// The busiest actors carry their labels (fewer on a phone); the others show
// theirs when pointed at.
const LABELLED_NODES = 12;
const LABELLED_NODES_NARROW = 6;
const LABEL_PX = 14;
const MIN_NETWORK_ZOOM = 0.85;

const form = document.getElementById("filters");
let timelineChart = null;
let network = null;
let mapPlaces = [];

// The view is the URL's query string: filters, offset, period and the open event.
function viewFromUrl() {
  return new URLSearchParams(window.location.search);
}

function apiFilters(view) {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    const value = view.get(name);
    if (value) params.set(name, value);
  }
  return params;
}

function fillForm(view) {
  form.actor.value = view.get("actor") || "";
  const [a, b] = (view.get("dyad") || "").split(":");
  form.dyad_a.value = a || "";
  form.dyad_b.value = b || "";
  form.directed.checked = view.get("directed") === "true";
  for (const name of TEXT_FILTERS) {
    form[name].value = view.get(name) || "";
  }
  // No modality in the URL: asserted only, as the API counts by default.
  const modality = view.get("modality") || "asserted";
  for (const box of modalityBoxes()) {
    box.checked = modality === "any" || modality.split(",").includes(box.value);
  }
  // Statements (root 01) count unless the URL says statements=no.
  form.statements.checked = view.get("statements") !== "no";
  document.getElementById("period").value = view.get("period") === "week" ? "week" : "month";
}

function viewFromForm() {
  const view = new URLSearchParams();
  const set = (name, value) => { if (value) view.set(name, value.trim()); };
  set("actor", form.actor.value);
  if (form.dyad_a.value.trim() && form.dyad_b.value.trim()) {
    view.set("dyad", form.dyad_a.value.trim() + ":" + form.dyad_b.value.trim());
    if (form.directed.checked) view.set("directed", "true");
  }
  for (const name of TEXT_FILTERS) set(name, form[name].value);
  const checked = modalityBoxes().filter((box) => box.checked).map((box) => box.value);
  if (checked.length === MODALITIES.length) view.set("modality", "any");
  else if (checked.length && checked.join(",") !== "asserted") view.set("modality", checked.join(","));
  if (!form.statements.checked) view.set("statements", "no");
  const range = viewFromUrl().get("range");
  if (range === "all") view.set("range", range);
  const period = document.getElementById("period").value;
  if (period !== "month") view.set("period", period);
  return view;
}

function modalityBoxes() {
  return [...form.querySelectorAll("input[name=modality]")];
}

function go(view) {
  const query = view.toString();
  history.pushState(null, "", query ? "?" + query : window.location.pathname);
  render();
}

async function api(path, params) {
  const query = params && params.toString();
  const response = await fetch(path + (query ? "?" + query : ""));
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || "HTTP " + response.status);
  return body;
}

function showError(error) {
  const box = document.getElementById("error");
  box.hidden = !error;
  box.textContent = error ? String(error.message || error) : "";
}

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function actorLabel(actor) {
  if (!actor) return "—";
  return actor.name && actor.name !== actor.code ? actor.name + " (" + actor.code + ")" : actor.code;
}

async function render() {
  const view = viewFromUrl();
  fillForm(view);
  showError(null);
  showEmpty(false);  // the charts draw into visible boxes, then step aside if nothing matched
  try {
    const [, total] = await Promise.all([renderSummary(), renderEvents(view), renderTimeline(view), renderNetwork(view),
      renderMap(view)]);
    showEmpty(total === 0);
    if (view.get("event")) await renderDetail(view.get("event"));
    else document.getElementById("event-detail").hidden = true;
  } catch (error) {
    showError(error);
  }
  document.body.dataset.ready = "true";  // for tests and screenshots: everything drawn
}

// An empty result says so, and the charts, which would be blank, step aside.
function showEmpty(empty) {
  document.getElementById("empty").hidden = !empty;
  document.body.classList.toggle("no-events", empty);
  document.getElementById("timeline-section").hidden = empty;
  document.getElementById("network-section").hidden = empty;
  document.getElementById("map-section").hidden = empty;
}

// The database's size, read once: counting by month and source costs a scan.
let summaryShown = false;
async function renderSummary() {
  if (summaryShown) return;
  summaryShown = true;
  const stats = await api("/api/stats");
  const others = stats.stored_events - stats.events;
  document.getElementById("summary").textContent =
    stats.events + " events from " + stats.articles + " articles in " + stats.stories + " stories" +
    (others > 0 ? "; " + others + " more are alleged, intended or negated (see “Reported as”)" : "");
}

async function renderEvents(view) {
  const offset = Math.max(0, parseInt(view.get("offset") || "0", 10) || 0);
  const params = apiFilters(view);
  params.set("limit", PAGE_SIZE);
  params.set("offset", offset);
  const page = await api("/api/events", params);
  const body = document.querySelector("#events tbody");
  body.replaceChildren();
  for (const event of page.events) body.append(eventRow(event, view));
  const last = Math.min(offset + page.events.length, page.total);
  document.getElementById("page-info").textContent =
    page.total === 0 ? "no events match" : (offset + 1) + "–" + last + " of " + page.total;
  const previous = document.getElementById("previous");
  const next = document.getElementById("next");
  previous.disabled = offset === 0;
  next.disabled = last >= page.total;
  previous.onclick = () => { const v = viewFromUrl(); v.set("offset", Math.max(0, offset - PAGE_SIZE)); v.delete("event"); go(v); };
  next.onclick = () => { const v = viewFromUrl(); v.set("offset", offset + PAGE_SIZE); v.delete("event"); go(v); };
  return page.total;
}

// "alleged", "intended", "negated": an event that is not simply reported as
// having happened says so.
function kindBadges(event) {
  const badges = [];
  if (event.modality && event.modality !== "asserted") badges.push(event.modality);
  if (event.negated) badges.push("negated");
  return badges.map((kind) => element("span", kind, "badge " + kind));
}

function eventRow(event, view) {
  const row = document.createElement("tr");
  row.dataset.row = event.row;
  if (String(event.row) === view.get("event")) row.className = "selected";
  const cells = [
    [event.date || "undated", "Date"],
    [actorLabel(event.source), "Source"],
    [event.cameo + " " + event.cameo_label, "Event"],
    [actorLabel(event.target), "Target"],
    [event.location ? event.location.name : "—", "Place"],
    [event.num_mentions + " / " + event.num_sources, "Reports"],
  ];
  for (const [text, label] of cells) {
    const cell = element("td", text);
    cell.dataset.label = label;
    if (label === "Event") cell.append(...kindBadges(event));
    row.append(cell);
  }
  row.classList.add("quad" + event.quad_class);
  row.tabIndex = 0;
  const open = () => { const v = viewFromUrl(); v.set("event", event.row); go(v); };
  row.onclick = open;
  row.onkeydown = (e) => { if (e.key === "Enter") open(); };
  return row;
}

function evidenceNode(parts) {
  const quote = element("blockquote", null, "evidence");
  for (const part of parts) {
    quote.append(part.role ? element("mark", part.text, part.role) : document.createTextNode(part.text));
  }
  return quote;
}

function link(url, text) {
  if (!/^https?:\/\//.test(url || "")) return element("span", text);
  const a = element("a", text);
  a.href = url;
  a.rel = "noopener noreferrer";
  a.target = "_blank";
  return a;
}

// One article in a list: its title linked to it, then outlet, date and language.
function articleItem(article) {
  const item = element("li");
  item.append(link(article.url, article.title || article.article_id),
    " — " + [article.source, article.published, article.language].filter(Boolean).join(", "));
  return item;
}

async function renderDetail(row) {
  const detail = await api("/api/event/" + encodeURIComponent(row));
  const event = detail.event;
  const box = document.getElementById("event-detail");
  box.replaceChildren();
  const close = element("button", "×", "close");
  close.type = "button";
  close.setAttribute("aria-label", "close");
  close.onclick = () => { const v = viewFromUrl(); v.delete("event"); go(v); };
  box.append(close);
  box.append(element("h2", actorLabel(event.source) + " — " + event.cameo + " " + event.cameo_label +
    " — " + actorLabel(event.target)));
  box.append(element("p", [event.date || "undated", "quad class " + event.quad_class,
    "Goldstein " + event.goldstein, event.modality + (event.negated ? ", negated" : ""), event.language,
    "confidence " + event.confidence].join(" · "), "meta"));
  box.append(evidenceNode(event.evidence_parts));
  const legend = element("p", null, "legend");
  legend.append(element("mark", "source", "source"), " ", element("mark", "verb", "verb"), " ",
    element("mark", "target", "target"));
  box.append(legend);
  const first = detail.mentions[0];
  const article = element("p");
  article.append("Article: ", link(event.url, (first && first.title) || event.article_id));
  box.append(article);
  box.append(element("h3", "Every report of this event (" + detail.mentions.length + ")"));
  const reports = element("ul", null, "reports");
  for (const m of detail.mentions) {
    const item = articleItem(m);
    if (m.evidence_parts) item.append(evidenceNode(m.evidence_parts));
    reports.append(item);
  }
  box.append(reports);
  box.append(element("h3", "Articles of the same story (" + detail.story.length + ")"));
  const story = element("ul", null, "story");
  for (const a of detail.story) story.append(articleItem(a));
  box.append(story);
  const storyLink = element("a", "all events of this story");
  storyLink.href = "?story=" + encodeURIComponent(event.story_id);
  box.append(storyLink);
  box.hidden = false;
  box.scrollIntoView({ block: "nearest" });
}

async function renderTimeline(view) {
  const params = apiFilters(view);
  params.set("period", view.get("period") === "week" ? "week" : "month");
  if (view.get("range") === "all") params.set("range", "all");
  const timeline = await api("/api/timeline", params);
  renderOutside(timeline, view);
  const dyad = timeline.dyad;
  const directed = view.get("directed") === "true";
  const title = dyad ? "Timeline " + dyad[0] + " ↔ " + dyad[1] : "Timeline, all matching events";
  document.getElementById("timeline-title").textContent = title;
  const labels = timeline.buckets.map((b) => b.period);
  const sides = dyad && !directed
    ? [["forward", dyad[0] + "→" + dyad[1]], ["reverse", dyad[1] + "→" + dyad[0]]]
    : [["forward", dyad ? dyad[0] + "→" + dyad[1] : "events"]];
  const datasets = [];
  sides.forEach(([side, name], s) => {
    QUADS.forEach((quad, q) => {
      datasets.push({
        type: "bar", label: name + ": " + quad, stack: side,
        data: timeline.buckets.map((b) => b[side].quad[q]),
        backgroundColor: QUAD_COLOURS[q], borderColor: s ? "#000" : QUAD_COLOURS[q],
        borderWidth: s ? 1 : 0, yAxisID: "events",
      });
    });
    datasets.push({
      type: "line", label: name + ": mean Goldstein", yAxisID: "goldstein",
      data: timeline.buckets.map((b) => b[side].goldstein),
      borderColor: s ? "#555" : "#111", borderDash: s ? [6, 4] : [], spanGaps: false, pointRadius: 2,
    });
  });
  if (timelineChart) timelineChart.destroy();
  timelineChart = new Chart(document.getElementById("timeline-chart"), {
    data: { labels, datasets },
    options: {
      animation: false, maintainAspectRatio: false, interaction: { mode: "index", intersect: false },
      scales: {
        x: { stacked: true },
        events: { stacked: true, position: "left", title: { display: true, text: "events" }, beginAtZero: true },
        goldstein: { position: "right", min: -10, max: 10, grid: { drawOnChartArea: false },
          title: { display: true, text: "mean Goldstein" } },
      },
      plugins: { legend: { labels: { boxWidth: 12, font: { size: 11 } } } },
    },
  });
  renderTimelineTable(timeline, sides);
}

// "3 events before 2019-01 not shown": what the chosen range leaves out, and
// a way to see everything (or the bulk again).
function renderOutside(timeline, view) {
  const note = document.getElementById("timeline-outside");
  const { before, after } = timeline.outside;
  const parts = [];
  if (before) parts.push(before + (before === 1 ? " event" : " events") + " before " + timeline.range.first);
  if (after) parts.push(after + (after === 1 ? " event" : " events") + " after " + timeline.range.last);
  const all = view.get("range") === "all";
  note.hidden = !parts.length && !all;
  note.querySelector("span").textContent = parts.length ? parts.join(" and ") + " not shown." : "";
  const button = document.getElementById("timeline-range");
  button.textContent = all ? "show the bulk of the dates" : "show all dates";
  button.onclick = () => {
    const v = viewFromUrl();
    if (all) v.delete("range"); else v.set("range", "all");
    go(v);
  };
}

function renderTimelineTable(timeline, sides) {
  const head = document.querySelector("#timeline-table thead");
  const body = document.querySelector("#timeline-table tbody");
  const header = element("tr");
  header.append(element("th", timeline.period));
  for (const [, name] of sides) {
    header.append(element("th", name + " events"), element("th", name + " by quad 1/2/3/4"), element("th", name + " mean Goldstein"));
  }
  head.replaceChildren(header);
  body.replaceChildren();
  for (const bucket of timeline.buckets) {
    const row = element("tr");
    row.dataset.period = bucket.period;
    row.append(element("td", bucket.period));
    for (const [side] of sides) {
      const cell = element("td", String(bucket[side].events));
      cell.dataset.side = side;
      row.append(cell, element("td", bucket[side].quad.join(" / ")),
        element("td", bucket[side].goldstein === null ? "—" : String(bucket[side].goldstein)));
    }
    body.append(row);
  }
}

// A place's mean Goldstein value: red for conflict, through grey, to blue for
// cooperation; full colour from ±5, since means over many events seldom
// reach further (the legend says so).
const PLACE_COLOUR_LIMIT = 5;
function placeColour(value) {
  const t = Math.max(-1, Math.min(1, (value || 0) / PLACE_COLOUR_LIMIT));
  const grey = [170, 170, 170];
  const end = t < 0 ? [203, 24, 29] : [33, 102, 172];
  return "rgb(" + grey.map((g, i) => Math.round(g + (end[i] - g) * Math.abs(t))).join(",") + ")";
}

// Filters the page by a place (a click on the map or its table).
function pickPlace(place) {
  const v = viewFromUrl();
  v.set("place", place.id);
  v.delete("offset");
  v.delete("event");
  go(v);
}

// "-7.25,112.75,50" as {lat, lon, km}; null when not that (the API says why).
function parseNear(text) {
  const parts = (text || "").split(",").map(Number);
  if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n)) || parts[2] <= 0) return null;
  return { lat: parts[0], lon: parts[1], km: parts[2] };
}

async function renderMap(view) {
  const params = apiFilters(view);
  params.set("limit", MAP_PLACES);
  const answer = await api("/api/places", params);
  mapPlaces = answer.places;
  await WartaMap.draw(document.getElementById("map"), answer.places,
    { near: parseNear(view.get("near")), colour: placeColour, pick: pickPlace });
  const shown = answer.places.reduce((n, p) => n + p.events, 0);
  const notes = [];
  if (answer.unplaced) notes.push(answer.unplaced + (answer.unplaced === 1 ? " event has" : " events have") + " no place and are not on the map.");
  if (shown < answer.placed) notes.push("The " + answer.places.length + " busiest places are shown, with " + shown + " of the " + answer.placed + " placed events.");
  document.getElementById("map-note").textContent = notes.join(" ");
  renderPlacesTable(answer.places);
}

function renderPlacesTable(places) {
  const body = document.querySelector("#places-table tbody");
  body.replaceChildren();
  for (const place of places) {
    const row = element("tr");
    row.dataset.place = place.id;
    row.tabIndex = 0;
    const swatch = element("span", null, "swatch");
    swatch.style.background = placeColour(place.goldstein);
    const name = element("td", place.name);
    name.prepend(swatch);
    row.append(name, element("td", place.id), element("td", place.adm1 || "—"), element("td", place.country),
      element("td", String(place.events)), element("td", String(place.goldstein)));
    row.onclick = () => pickPlace(place);
    row.onkeydown = (e) => { if (e.key === "Enter") pickPlace(place); };
    body.append(row);
  }
}

// Red for conflict (-10) through grey (0) to green for cooperation (+10).
function goldsteinColour(value) {
  const t = Math.max(-1, Math.min(1, (value || 0) / 10));
  const grey = [150, 150, 150];
  const end = t < 0 ? [200, 40, 40] : [40, 160, 60];
  const mix = grey.map((g, i) => Math.round(g + (end[i] - g) * Math.abs(t)));
  return "rgb(" + mix.join(",") + ")";
}

// Rings, the same every time: the busiest actor in the middle, the other
// labelled ones around it, the rest outside; spaced by the nodes with their
// labels, so that labels do not overlap.
function networkLayout(labelled) {
  const ring = (node) => {
    const rank = node.data("rank");
    return rank === 0 ? 3 : rank < labelled ? 2 : 1;
  };
  return { name: "concentric", concentric: ring, levelWidth: () => 1, minNodeSpacing: 14,
    avoidOverlap: true, nodeDimensionsIncludeLabels: true, fit: false, animate: false };
}

async function renderNetwork(view) {
  const graph = await api("/api/network", apiFilters(view));
  const max = Math.max(1, ...graph.nodes.map((n) => n.events));
  const maxEdge = Math.max(1, ...graph.edges.map((e) => e.events));  // before the cut: weights stay comparable
  const elements = [];
  const box = document.getElementById("network");
  const labelled = box.clientWidth < 420 ? LABELLED_NODES_NARROW : LABELLED_NODES;
  graph.nodes.forEach((node, rank) => {  // busiest first
    elements.push({ data: { id: node.code, label: node.code, title: node.name, events: node.events,
      rank, major: rank < labelled, size: 18 + 42 * Math.sqrt(node.events / max) } });
  });
  // The strongest ties only: hundreds of thin edges hide the structure and slow the drawing.
  const edges = [...graph.edges].sort((x, y) => y.events - x.events).slice(0, MAX_EDGES);
  for (const edge of edges) {
    elements.push({ data: { id: edge.source + ">" + edge.target, source: edge.source, target: edge.target,
      width: 1 + 7 * edge.events / maxEdge, colour: goldsteinColour(edge.goldstein), events: edge.events } });
  }
  if (network) network.destroy();
  network = cytoscape({
    container: box,
    elements,
    style: [
      { selector: "node", style: { label: "", width: "data(size)", height: "data(size)",
        "background-color": "#4a5568", color: "#1a202c", "font-size": LABEL_PX, "font-weight": 600,
        "min-zoomed-font-size": 6,
        "text-valign": "bottom", "text-margin-y": 4, "text-background-color": "#ffffff",
        "text-background-opacity": 0.85, "text-background-padding": 2, "text-background-shape": "roundrectangle" } },
      { selector: "node[?major]", style: { label: "data(label)" } },
      // Pointed at: the actor's name as well, above everything else.
      { selector: "node.pointed", style: { label: (n) => n.data("label") + (n.data("title") && n.data("title") !== n.data("label") ? " · " + n.data("title") : ""),
        "z-index": 10, "text-background-opacity": 1, "border-width": 2, "border-color": "#2b6cb0" } },
      { selector: "edge", style: { width: "data(width)", "line-color": "data(colour)", "target-arrow-color": "data(colour)",
        "target-arrow-shape": "triangle", "curve-style": "bezier", opacity: 0.8 } },
    ],
    userZoomingEnabled: true, boxSelectionEnabled: false, maxZoom: 2,
  });
  // Laid out at the screen's own scale, then fitted into the box, but never
  // shrunk below MIN_NETWORK_ZOOM: labels stay legible and, the layout having
  // made room for them, apart; the outer ring of minor actors may then need
  // a drag to see.
  network.layout(networkLayout(labelled)).run();
  network.fit(undefined, 8);
  if (network.zoom() < MIN_NETWORK_ZOOM) {
    network.zoom(MIN_NETWORK_ZOOM);
    network.center();
  }
  network.on("mouseover", "node", (e) => e.target.addClass("pointed"));
  network.on("mouseout", "node", (e) => e.target.removeClass("pointed"));
  network.on("tap", "node", (e) => {
    const v = viewFromUrl();
    v.set("actor", e.target.id());
    v.delete("offset");
    v.delete("event");
    go(v);
  });
}

async function completeActors(input) {
  const text = input.value.trim();
  if (text.length < 2) return;
  try {
    const result = await api("/api/actors", new URLSearchParams({ q: text, limit: "10" }));
    const list = document.getElementById("actor-options");
    list.replaceChildren();
    const seen = new Set();
    for (const actor of result.actors) {
      if (seen.has(actor.code)) continue;
      seen.add(actor.code);
      const option = element("option", actor.name);
      option.value = actor.code;
      option.label = actor.name + " — " + actor.code;
      list.append(option);
    }
  } catch (error) {
    showError(error);
  }
}

form.addEventListener("submit", (e) => { e.preventDefault(); go(viewFromForm()); });
document.getElementById("reset").onclick = () => go(new URLSearchParams());
document.getElementById("period").onchange = () => {
  const v = viewFromUrl();
  const period = document.getElementById("period").value;
  if (period === "week") v.set("period", "week"); else v.delete("period");
  go(v);
};
for (const name of ["actor", "dyad_a", "dyad_b"]) {
  let timer = null;
  form[name].addEventListener("input", (e) => {
    clearTimeout(timer);
    timer = setTimeout(() => completeActors(e.target), 150);
  });
}
window.addEventListener("popstate", render);
render();

// For end-to-end tests and the browser console: the live chart and graph.
window.warta = {
  get timeline() { return timelineChart; },
  get network() { return network; },
  get places() { return mapPlaces; },
};
