// End-to-end tests of `warta serve` in a real browser: Debian's chromium,
// driven headless by playwright-core (web/node_modules). The database is
// ingested from the repository's own test articles; expected figures come
// from `warta query` (the CLI), so the page is checked against a second path
// through the library, whatever the coding rules produce.
//
// Run by ctest (tests/CMakeLists.txt) as: node --test tests/e2e/
// Environment: WARTA_BINARY (the built warta), WARTA_SOURCE_DIR, and
// WARTA_SCREENSHOTS (folder for the screenshots; default: a temporary one).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { corpus, serve, launchBrowser } from "./support.mjs";

const source = process.env.WARTA_SOURCE_DIR || path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
const warta = process.env.WARTA_BINARY || path.join(source, "build/warta");
const require = createRequire(path.join(source, "web/package.json"));
const { chromium } = require("playwright-core");

const work = mkdtempSync(path.join(tmpdir(), "warta-e2e-"));
const shots = process.env.WARTA_SCREENSHOTS || path.join(work, "screenshots");
mkdirSync(shots, { recursive: true });
const db = path.join(work, "events.db");
let server, base, browser;

function cli(...args) {
  return execFileSync(warta, args, { encoding: "utf8", maxBuffer: 64 << 20 });
}

// Every stored event as the CLI sees it.
function query(...filters) {
  return cli("query", "--db", db, "--format", "jsonl", ...filters)
    .split("\n").filter(Boolean).map((line) => JSON.parse(line));
}

before(async () => {
  cli("ingest", "--db", db, ...corpus(source));
  ({ server, base } = await serve(warta, db));
  browser = await launchBrowser(chromium);
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.kill("SIGTERM");
});

async function open(query = "", viewport = { width: 1366, height: 900 }) {
  const page = await browser.newPage({ viewport });
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(base + query);
  await page.waitForSelector("body[data-ready=true]");
  page.errors = errors;
  return page;
}

async function submit(page) {
  await page.evaluate(() => { document.body.dataset.ready = "false"; });
  await page.click("#filters button[type=submit]");
  await page.waitForSelector("body[data-ready=true]");
}

// A screenshot is kept in `shots` and must show a page, not a blank: many
// distinct colours, counted by drawing it back into a canvas.
async function screenshot(page, name) {
  const file = path.join(shots, name + ".png");
  const png = await page.screenshot({ path: file, fullPage: true });
  assert.ok(statSync(file).size > 10000, name + ": screenshot too small to hold a page");
  const colours = await page.evaluate(async (data) => {
    const image = new Image();
    image.src = "data:image/png;base64," + data;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext("2d");
    context.drawImage(image, 0, 0);
    const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
    const seen = new Set();
    for (let i = 0; i < pixels.length; i += 4 * 7) seen.add((pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2]);
    return seen.size;
  }, png.toString("base64"));
  assert.ok(colours > 50, name + ": only " + colours + " colours; the screenshot looks blank");
}

function counts(events, key) {
  const map = new Map();
  for (const e of events) map.set(key(e), (map.get(key(e)) || 0) + 1);
  return map;
}

test("the page lists every event and says how many", async () => {
  const all = query();
  assert.ok(all.length > 100, "the test database should hold many events");
  const page = await open();
  assert.match(await page.textContent("#summary"), new RegExp("^" + all.length + " events"));
  assert.match(await page.textContent("#page-info"), new RegExp("of " + all.length + "$"));
  assert.equal(await page.locator("#events tbody tr").count(), 50);
  await screenshot(page, "overview-laptop");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("filters change the list and go into the URL", async () => {
  const fights = query("--root", "19");
  const page = await open();
  await page.selectOption("select[name=root]", "19");
  await page.selectOption("select[name=lang]", "");
  await submit(page);
  assert.match(page.url(), /root=19/);
  assert.match(await page.textContent("#page-info"), new RegExp("of " + fights.length + "$"));
  const codes = await page.locator("#events tbody td[data-label=Event]").allTextContents();
  assert.ok(codes.length > 0);
  for (const code of codes) assert.match(code, /^19/);

  const indonesian = query("--lang", "id", "--quad", "4");
  await page.selectOption("select[name=root]", "");
  await page.selectOption("select[name=quad]", "4");
  await page.selectOption("select[name=lang]", "id");
  await submit(page);
  assert.match(page.url(), /quad=4/);
  assert.match(page.url(), /lang=id/);
  assert.match(await page.textContent("#page-info"), new RegExp("of " + indonesian.length + "$"));
  await page.close();
});

test("the timeline shows the right counts for a known dyad", async () => {
  // The pair of states with the most events between them, as the CLI counts.
  const pairs = counts(query().filter((e) => e.target && e.source.country !== e.target.country),
    (e) => [e.source.country, e.target.country].sort().join(":"));
  const [dyad] = [...pairs.entries()].sort((x, y) => y[1] - x[1])[0];
  const [a, b] = dyad.split(":");
  const events = query("--dyad", dyad).filter((e) => e.date);
  const expected = counts(events, (e) => {
    const month = e.date.length === 4 ? e.date + "-01" : e.date.slice(0, 7);
    const side = e.source.code === a || e.source.country === a ? "forward" : "reverse";
    return month + " " + side;
  });

  // The chart shows the bulk of the dates (README.md); the rest is counted as outside.
  const timeline = await (await fetch(base + "api/timeline?dyad=" + dyad)).json();
  const shownMonth = (key) => key.slice(0, 7) >= timeline.range.first && key.slice(0, 7) <= timeline.range.last;
  const outside = [...expected.entries()].filter(([key]) => !shownMonth(key)).reduce((n, [, v]) => n + v, 0);
  for (const key of [...expected.keys()]) if (!shownMonth(key)) expected.delete(key);
  assert.equal(timeline.outside.before + timeline.outside.after, outside);

  const page = await open("?dyad=" + dyad);
  assert.equal(await page.textContent("#timeline-title"), "Timeline " + a + " ↔ " + b);
  const shown = new Map();
  for (const row of await page.locator("#timeline-table tbody tr").all()) {
    const period = await row.getAttribute("data-period");
    for (const side of ["forward", "reverse"]) {
      const n = Number(await row.locator("td[data-side=" + side + "]").textContent());
      if (n) shown.set(period + " " + side, n);
    }
  }
  assert.deepEqual(Object.fromEntries([...shown].sort()), Object.fromEntries([...expected].sort()));
  // The chart draws the same numbers: its bars add up to the dated events.
  const drawn = await page.evaluate(() => window.warta.timeline.data.datasets
    .filter((d) => d.type === "bar").flatMap((d) => d.data).reduce((x, y) => x + y, 0));
  assert.equal(drawn, events.length - outside);
  await screenshot(page, "dyad-timeline");

  await page.selectOption("#period", "week");
  await page.waitForSelector("body[data-ready=true]");
  await page.waitForFunction(() => document.querySelector("#timeline-table th").textContent === "week");
  assert.match(page.url(), /period=week/);
  await page.close();
});

test("clicking an event shows its highlighted evidence and its reports", async () => {
  const page = await open("?root=04");
  const first = page.locator("#events tbody tr").first();
  const row = await first.getAttribute("data-row");
  await first.click();
  await page.waitForSelector("#event-detail:not([hidden]) blockquote.evidence");
  assert.match(page.url(), new RegExp("event=" + row));
  const verb = await page.locator("#event-detail blockquote.evidence mark.verb").first().textContent();
  assert.ok(verb.trim().length > 0, "the verb is highlighted");
  const evidence = await page.textContent("#event-detail blockquote.evidence");
  const stored = query("--root", "04").find((e) => String(e.row) === row);
  assert.equal(evidence, stored.evidence.text);
  assert.ok(await page.locator("#event-detail ul.reports li").count() >= 1);
  assert.ok(await page.locator("#event-detail ul.story li a").count() >= 1);
  await screenshot(page, "event-evidence");
  await page.close();
});

test("a shared URL restores the view", async () => {
  const page = await open();
  await page.fill("input[name=dyad_a]", "RUS");
  await page.fill("input[name=dyad_b]", "UKR");
  await page.fill("input[name=from]", "2020-01-01");
  await submit(page);
  await page.locator("#events tbody tr").first().click();
  await page.waitForSelector("#event-detail:not([hidden])");
  const shared = page.url();
  const list = await page.locator("#events tbody tr").allTextContents();
  const heading = await page.textContent("#event-detail h2");
  await page.close();

  const other = await open(shared.slice(base.length));
  assert.equal(await other.inputValue("input[name=dyad_a]"), "RUS");
  assert.equal(await other.inputValue("input[name=dyad_b]"), "UKR");
  assert.equal(await other.inputValue("input[name=from]"), "2020-01-01");
  assert.deepEqual(await other.locator("#events tbody tr").allTextContents(), list);
  assert.equal(await other.textContent("#event-detail h2"), heading);
  await other.close();
});

test("clicking an actor in the network filters by it", async () => {
  const page = await open();
  const node = await page.evaluate(() => {
    const top = window.warta.network.nodes()[0];
    const box = document.getElementById("network").getBoundingClientRect();
    const at = top.renderedPosition();
    return { code: top.id(), x: box.left + at.x, y: box.top + at.y };
  });
  await page.evaluate(() => { document.body.dataset.ready = "false"; });
  await page.mouse.click(node.x, node.y);
  await page.waitForSelector("body[data-ready=true]");
  assert.match(page.url(), new RegExp("actor=" + node.code));
  assert.equal(await page.inputValue("input[name=actor]"), node.code);
  assert.match(await page.textContent("#page-info"), new RegExp("of " + query("--actor", node.code).length + "$"));
  await page.close();
});

test("a bad filter shows the API's message, and the phone layout works", async () => {
  const page = await open("?quad=9");
  assert.match(await page.textContent("#error"), /quad must be 1, 2, 3 or 4/);
  await page.close();
  const phone = await open("?dyad=RUS:UKR", { width: 390, height: 844 });
  const width = await phone.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390 + 1, "no sideways scrolling on a phone (" + width + " px)");
  await screenshot(phone, "phone");
  await phone.close();
});

test("the timeline leaves out dates far from the rest and says so", async () => {
  const timeline = await (await fetch(base + "api/timeline")).json();
  assert.ok(timeline.outside.before > 0, "the test corpus holds events years before the rest");
  const page = await open();
  const note = await page.textContent("#timeline-outside span");
  assert.equal(note, timeline.outside.before + " events before " + timeline.range.first + " not shown.");
  const labels = await page.evaluate(() => window.warta.timeline.data.labels);
  assert.equal(labels[0], timeline.range.first);

  await page.evaluate(() => { document.body.dataset.ready = "false"; });
  await page.click("#timeline-range");
  await page.waitForSelector("body[data-ready=true]");
  assert.match(page.url(), /range=all/);
  const dated = query().filter((e) => e.date).map((e) => e.date.length === 4 ? e.date + "-01" : e.date.slice(0, 7)).sort();
  const all = await page.evaluate(() => window.warta.timeline.data.labels);
  assert.equal(all[0], dated[0]);
  assert.equal(await page.textContent("#timeline-range"), "show the bulk of the dates");
  // A date filter is the range itself.
  const from = await open("?from=2020-01-01&to=2020-12-31");
  const year = await from.evaluate(() => window.warta.timeline.data.labels);
  assert.equal(year[0], "2020-01");
  assert.equal(year[year.length - 1], "2020-12");
  await page.close();
  await from.close();
});

test("an empty result says so and the charts step aside", async () => {
  const page = await open("?actor=no-such-actor-anywhere");
  assert.equal((await page.textContent("#empty")).trim(), "No events match these filters.");
  assert.ok(await page.isVisible("#empty"));
  assert.ok(await page.isHidden("#timeline-section"));
  assert.ok(await page.isHidden("#network-section"));
  assert.ok(await page.isHidden("#map-section"));
  assert.equal(await page.textContent("#page-info"), "no events match");
  // Filters that match again bring the charts back, drawn.
  await page.fill("input[name=actor]", "");
  await submit(page);
  assert.ok(await page.isHidden("#empty"));
  assert.ok(await page.isVisible("#timeline-section"));
  const nodes = await page.evaluate(() => window.warta.network.nodes().length);
  assert.ok(nodes > 2);
  const box = await page.locator("#network canvas").first().boundingBox();
  assert.ok(box && box.width > 100 && box.height > 100, "the network is drawn at its size");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("alleged, intended and negated events are behind their filters and wear badges", async () => {
  const asserted = query();
  const alleged = query("--modality", "alleged");
  const negated = query("--negated", "yes", "--modality", "any");
  const everything = query("--modality", "any", "--negated", "any");
  assert.ok(alleged.length > 0 && negated.length > 0, "the test corpus holds such events");
  assert.ok(asserted.every((e) => e.modality === "asserted" && !e.negated));

  const page = await open();
  assert.match(await page.textContent("#summary"),
    new RegExp("; " + (everything.length - asserted.length) + " more are alleged, intended or negated"));
  assert.equal(await page.locator("#events .badge").count(), 0);
  await page.check("input[name=modality][value=alleged]");
  await submit(page);
  assert.match(page.url(), /modality=asserted%2Calleged/);
  const both = query("--modality", "asserted,alleged");
  assert.match(await page.textContent("#page-info"), new RegExp("of " + both.length + "$"));

  await page.uncheck("input[name=modality][value=asserted]");
  await submit(page);
  assert.match(await page.textContent("#page-info"), new RegExp("of " + alleged.length + "$"));
  const rows = await page.locator("#events tbody tr").count();
  assert.equal(await page.locator("#events tbody tr .badge.alleged").count(), rows);
  await screenshot(page, "alleged-events");

  await page.check("input[name=modality][value=asserted]");
  await page.check("input[name=modality][value=intended]");
  await page.selectOption("select[name=negated]", "yes");
  await submit(page);
  assert.match(page.url(), /modality=any/);
  assert.match(page.url(), /negated=yes/);
  assert.match(await page.textContent("#page-info"), new RegExp("of " + negated.length + "$"));
  assert.equal(await page.locator("#events tbody tr .badge.negated").count(),
    await page.locator("#events tbody tr").count());

  await page.selectOption("select[name=negated]", "any");
  await submit(page);
  assert.match(await page.textContent("#page-info"), new RegExp("of " + everything.length + "$"));
  // The shared URL restores the boxes.
  const other = await open(page.url().slice(base.length));
  assert.equal(await other.isChecked("input[name=modality][value=alleged]"), true);
  assert.equal(await other.inputValue("select[name=negated]"), "any");
  await other.close();
  await page.close();
});

test("unchecking statements (01) leaves root 01 out of every filtered request", async () => {
  const all = query();
  const acts = query("--statements", "no");
  const statements = all.filter((e) => e.cameo_root === "01").length;
  assert.ok(statements > 0, "the test corpus holds statements");
  assert.equal(acts.length, all.length - statements);
  assert.ok(acts.every((e) => e.cameo_root !== "01"));

  const page = await open();
  assert.equal(await page.isChecked("input[name=statements]"), true, "checked by default");
  assert.match(await page.textContent("#page-info"), new RegExp("of " + all.length + "$"));
  const requests = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (/^\/api\/(events|timeline|network)$/.test(url.pathname)) requests.push(url);
  });
  await page.uncheck("input[name=statements]");
  await submit(page);
  assert.match(page.url(), /statements=no/);
  assert.match(await page.textContent("#page-info"), new RegExp("of " + acts.length + "$"));
  const asked = new Set(requests.map((url) => url.pathname));
  assert.deepEqual([...asked].sort(), ["/api/events", "/api/network", "/api/timeline"]);
  for (const url of requests) assert.equal(url.searchParams.get("statements"), "no", url.href);
  // The timeline counts what the list counts (every dated event, all in range).
  const timeline = await (await fetch(base + "api/timeline?statements=no&range=all")).json();
  const counted = timeline.buckets.reduce((n, b) => n + b.forward.events, 0);
  assert.equal(counted, acts.filter((e) => e.date).length);

  // The shared URL restores the box; checking it again asks without the filter.
  const other = await open(page.url().slice(base.length));
  assert.equal(await other.isChecked("input[name=statements]"), false);
  await other.close();
  requests.length = 0;
  await page.check("input[name=statements]");
  await submit(page);
  assert.doesNotMatch(page.url(), /statements=/);
  assert.ok(requests.length >= 3 && requests.every((url) => !url.searchParams.has("statements")));
  assert.match(await page.textContent("#page-info"), new RegExp("of " + all.length + "$"));
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("the network labels its busiest actors readably, the others when pointed at", async () => {
  const page = await open();
  const labels = await page.evaluate(() => {
    const cy = window.warta.network;
    const shown = cy.nodes().filter((n) => n.style("label") !== "");
    const boxes = shown.map((n) => n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true }));
    let overlaps = 0;
    for (let i = 0; i < boxes.length; ++i) {
      for (let j = i + 1; j < boxes.length; ++j) {
        const a = boxes[i], b = boxes[j];
        if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) overlaps++;
      }
    }
    const minor = cy.nodes().filter((n) => n.style("label") === "").first();
    let pointed = null;
    if (minor.length) {
      minor.emit("mouseover");
      pointed = minor.style("label");
      minor.emit("mouseout");
    }
    return { shown: shown.length, total: cy.nodes().length, overlaps,
      fontSize: parseFloat(cy.nodes()[0].style("font-size")), zoom: cy.zoom(), pointed };
  });
  assert.ok(labels.shown >= 5 && labels.shown <= 12, labels.shown + " labels");
  assert.equal(labels.overlaps, 0, "labels overlap");
  assert.ok(labels.fontSize * labels.zoom >= 10, "labels are drawn at " + labels.fontSize * labels.zoom + " px");
  if (labels.total > labels.shown) assert.ok(labels.pointed, "a minor actor shows its label when pointed at");
  await screenshot(page, "network");
  await page.close();
});

test("the HTTP API answers bad requests with 400 and JSON", async () => {
  for (const [url, status, message] of [
    ["/api/events?quad=9", 400, /quad/],
    ["/api/events?limit=1&limit=2", 400, /once/],
    ["/api/events?actor=%27%3B%20DROP%20TABLE%20events%3B--", 200, null],
    ["/api/timeline?dyad=RUS", 400, /dyad must be A:B/],
    ["/api/events?dyad=A:B:C", 400, /dyad must be A:B/],
    ["/api/events?root=99", 400, /root takes CAMEO roots/],
    ["/api/events?lang=fr", 400, /lang must be id or en/],
    ["/api/events?actor=%00", 400, /actor must not hold control characters/],
    ["/api/events?modality=maybe", 400, /modality must be/],
    ["/api/network?negated=perhaps", 400, /negated must be no, yes or any/],
    ["/api/events?statements=maybe", 400, /statements must be yes or no/],
    ["/api/timeline?statements=0", 400, /statements must be yes or no/],
    ["/api/events?code=04x", 400, /code takes CAMEO codes/],
    ["/api/places?near=1,2", 400, /near must be LAT,LON,KM/],
    ["/api/places?limit=0", 400, /limit must be a number from 1 to 2000/],
    ["/api/events?quad=5", 400, /quad must be 1, 2, 3 or 4/],
    ["/api/events?from=2023-1-5", 400, /from must be a date/],
    ["/api/events?limit=-1", 400, /limit must be a number/],
    ["/api/event/0", 400, /positive/],
    ["/api/nowhere", 404, /no such endpoint/],
    ["/nowhere", 404, /no such page/],
  ]) {
    const response = await fetch(base.replace(/\/$/, "") + url);
    assert.equal(response.status, status, url);
    const body = await response.json();
    if (message) assert.match(body.error, message, url);
  }
  const stats = await (await fetch(base + "api/stats")).json();
  assert.equal(stats.events, query().length, "nothing was dropped");
  assert.equal(stats.stored_events, query("--modality", "any", "--negated", "any").length);
});
