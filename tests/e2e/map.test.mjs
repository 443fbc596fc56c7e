// The page's map (issue 14) in a real browser: Debian's chromium driven by
// playwright-core. The database is the repository's test articles, ingested,
// with the places of its events then set by this test (sqlite3) from a
// fixed table, so that what the map must show is known whatever the
// placement stage does. Expected figures come from `warta query --place`.
//
// Environment: WARTA_BINARY, WARTA_SOURCE_DIR, WARTA_SCREENSHOTS, CHROMIUM,
// SQLITE3 (the sqlite3 command).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { corpus, serve, launchBrowser } from "./support.mjs";

const source = process.env.WARTA_SOURCE_DIR || path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
const warta = process.env.WARTA_BINARY || path.join(source, "build/warta");
const require = createRequire(path.join(source, "web/package.json"));
const { chromium } = require("playwright-core");

const work = mkdtempSync(path.join(tmpdir(), "warta-map-e2e-"));
const shots = process.env.WARTA_SCREENSHOTS || path.join(work, "screenshots");
mkdirSync(shots, { recursive: true });
const db = path.join(work, "events.db");
let server, base, browser;

// Each event's place by a key k: for even rows row % 13; for odd rows by
// quad class (cooperation in Java, Papua and Aceh, verbal conflict in
// Moscow, Rafah and Marawi, material conflict nowhere), so that the colours
// differ. A k no line lists (12 and up) is no place.
const PLACES = [
  // k values, id, name, feature, country, adm1, adm1_id, lat, lon
  [[0, 1, 2, 3, 4], "IDN.JK", "Jakarta", "adm1", "IDN", "DKI Jakarta", "IDN.JK", -6.2088, 106.8456],
  [[5, 6], "IDN.JI.surabaya", "Surabaya", "city", "IDN", "Jawa Timur", "IDN.JI", -7.2575, 112.7521],
  [[7], "IDN.PA.jayapura", "Jayapura", "city", "IDN", "Papua", "IDN.PA", -2.5337, 140.7181],
  [[8], "IDN.AC.banda-aceh", "Banda Aceh", "city", "IDN", "Aceh", "IDN.AC", 5.5483, 95.3238],
  [[9], "RUS.MOW.moscow", "Moscow", "city", "RUS", "Moskva", "RUS.MOW", 55.7558, 37.6173],
  [[10], "PSE.GZ.rafah", "Rafah", "city", "PSE", "Gaza", "PSE.GZ", 31.2969, 34.2455],
  [[11], "PHL.LAS.marawi", "Marawi", "city", "PHL", "Lanao del Sur", "PHL.LAS", 7.9986, 124.2928],
];

function cli(...args) {
  return execFileSync(warta, args, { encoding: "utf8", maxBuffer: 64 << 20 });
}

function query(...filters) {
  return cli("query", "--db", db, "--format", "jsonl", ...filters).split("\n").filter(Boolean).map((l) => JSON.parse(l));
}

function placeEvents() {
  const text = (value) => "'" + String(value).replace(/'/g, "''") + "'";
  const rows = PLACES.flatMap(([ks, ...fields]) => ks.map((k) =>
    "(" + k + ", " + fields.map((f) => typeof f === "number" ? f : text(f)).join(", ") + ")"));
  const sql = [
    "CREATE TEMP TABLE fixture(k, id, name, feature, country, adm1, adm1_id, lat, lon);",
    "INSERT INTO fixture VALUES " + rows.join(", ") + ";",
    "UPDATE events SET place_id = NULL, place_name = NULL, place_feature = NULL, place_country = NULL, " +
      "place_adm1 = NULL, place_adm1_id = NULL, place_fips = NULL, place_adm1_code = NULL, place_lat = NULL, " +
      "place_lon = NULL, place_start = NULL, place_end = NULL, place_basis = NULL;",
    "UPDATE events SET place_id = f.id, place_name = f.name, place_feature = f.feature, place_country = f.country, " +
      "place_adm1 = f.adm1, place_adm1_id = f.adm1_id, place_lat = f.lat, place_lon = f.lon, place_start = 0, " +
      "place_end = 0, place_basis = 'written' FROM fixture f " +
      "WHERE f.k = CASE WHEN events.row % 2 = 0 THEN events.row % 13 ELSE events.quad_class * 3 + events.row % 3 END;",
    // The UPDATE above bypasses the counts the store keeps as it writes
    // (schema version 3): the file is made a version 2 one, without them (nor
    // what version 4 added), so warta answers from the rows, as it does for
    // any older file opened to read.
    "DROP TABLE summary_events; DROP TABLE summary_places; DROP TABLE summary_articles; " +
      "DROP TABLE summary_totals; DROP TABLE actor_places; " +
      "ALTER TABLE events DROP COLUMN place_country_name;",
    "UPDATE meta SET value = '2' WHERE key = 'schema_version';",
  ].join("\n");
  execFileSync(process.env.SQLITE3 || "sqlite3", [db], { input: sql });
}

before(async () => {
  cli("ingest", "--db", db, ...corpus(source));
  placeEvents();
  ({ server, base } = await serve(warta, db));
  browser = await launchBrowser(chromium);
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.kill("SIGTERM");
});

// A page whose every request goes to warta itself: the map needs nothing from elsewhere.
async function open(query = "", viewport = { width: 1366, height: 900 }) {
  const page = await browser.newPage({ viewport });
  page.errors = [];
  page.elsewhere = [];
  page.on("pageerror", (error) => page.errors.push(error.message));
  page.on("request", (request) => {
    if (!request.url().startsWith(base) && !request.url().startsWith("data:")) page.elsewhere.push(request.url());
  });
  await page.goto(base + query);
  await page.waitForSelector("body[data-ready=true]");
  return page;
}

async function screenshot(page, name) {
  const file = path.join(shots, name + ".png");
  await page.locator("#map-section").screenshot({ path: file });
  assert.ok(statSync(file).size > 10000, name + ": screenshot too small to hold a map");
}

// Events per place id, as the CLI counts them (asserted, not negated).
function expectedCounts() {
  const counts = new Map();
  for (const event of query()) {
    if (event.location === undefined) {
      // The JSON lines show no location yet (the placement stage writes that field): count by --place.
      return new Map(PLACES.map(([, id]) => [id, query("--place", id).length]).filter(([, n]) => n > 0));
    }
    if (event.location) counts.set(event.location.id, (counts.get(event.location.id) || 0) + 1);
  }
  return counts;
}

test("the map draws the countries and a circle per place, with the same numbers as its table", async () => {
  const expected = expectedCounts();
  assert.equal(expected.size, PLACES.length, "every fixture place holds events");
  const page = await open();
  const countries = await page.locator("#map .countries path").count();
  assert.ok(countries > 200, countries + " countries drawn");
  const circles = await page.locator("#map circle").evaluateAll((nodes) => nodes.map((c) => ({
    id: c.dataset.place, events: Number(c.dataset.events), r: Number(c.getAttribute("r")),
    x: Number(c.getAttribute("cx")), y: Number(c.getAttribute("cy")), fill: c.getAttribute("fill") })));
  assert.deepEqual(new Map(circles.map((c) => [c.id, c.events])), expected);
  // Sized by events: the busiest place has the biggest circle.
  const busiest = [...circles].sort((a, b) => b.events - a.events)[0];
  assert.equal(busiest.id, "IDN.JK");
  assert.ok(circles.every((c) => c.r <= busiest.r));
  // Placed where they are: Moscow north-west of Jakarta, Jayapura east of it.
  const at = Object.fromEntries(circles.map((c) => [c.id, c]));
  assert.ok(at["RUS.MOW.moscow"].y < at["IDN.JK"].y && at["RUS.MOW.moscow"].x < at["IDN.JK"].x);
  assert.ok(at["IDN.PA.jayapura"].x > at["IDN.JK"].x);
  // Coloured by mean Goldstein: not all alike.
  assert.ok(new Set(circles.map((c) => c.fill)).size > 1);
  // The table under the map: the same places, most events first.
  const rows = await page.locator("#places-table tbody tr").evaluateAll((trs) =>
    trs.map((tr) => [tr.dataset.place, Number(tr.children[4].textContent)]));
  assert.deepEqual(new Map(rows), expected);
  assert.deepEqual(rows.map(([, n]) => n), [...rows.map(([, n]) => n)].sort((a, b) => b - a));
  const unplaced = query().length - [...expected.values()].reduce((a, b) => a + b, 0);
  assert.match(await page.textContent("#map-note"), new RegExp("^" + unplaced + " events have no place"));
  await screenshot(page, "map");
  assert.deepEqual(page.elsewhere, [], "requests outside warta");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("clicking a place filters the page by it", async () => {
  const page = await open();
  await page.evaluate(() => { document.body.dataset.ready = "false"; });
  await page.locator("#map circle[data-place='PSE.GZ.rafah']").click();
  await page.waitForSelector("body[data-ready=true]");
  assert.match(page.url(), /place=PSE\.GZ\.rafah/);
  assert.equal(await page.inputValue("input[name=place]"), "PSE.GZ.rafah");
  const rafah = query("--place", "PSE.GZ.rafah").length;
  assert.match(await page.textContent("#page-info"), new RegExp("of " + rafah + "$"));
  assert.deepEqual(await page.locator("#map circle").evaluateAll((c) => c.map((n) => n.dataset.place)), ["PSE.GZ.rafah"]);

  // A province takes every place inside it; the table's rows filter as well.
  const province = await open("?place=IDN");
  const inIndonesia = await province.locator("#places-table tbody tr").evaluateAll((trs) => trs.map((tr) => tr.dataset.place));
  assert.deepEqual(new Set(inIndonesia), new Set(["IDN.JK", "IDN.JI.surabaya", "IDN.PA.jayapura", "IDN.AC.banda-aceh"]));
  await province.evaluate(() => { document.body.dataset.ready = "false"; });
  await province.locator("#places-table tbody tr[data-place='IDN.JI.surabaya']").click();
  await province.waitForSelector("body[data-ready=true]");
  assert.match(province.url(), /place=IDN\.JI\.surabaya/);
  assert.match(await province.textContent("#page-info"), new RegExp("of " + query("--place", "IDN.JI.surabaya").length + "$"));
  await province.close();
  await page.close();
});

test("near draws its circle and keeps the places within it; a bad value shows the API's message", async () => {
  const page = await open("?near=-6.5,107,200");
  const places = await page.locator("#map circle").evaluateAll((c) => c.map((n) => n.dataset.place));
  assert.deepEqual(places, ["IDN.JK"]);
  assert.equal(await page.locator("#map path.near").count(), 1);
  assert.match(await page.textContent("#page-info"), new RegExp("of " + query("--near", "-6.5,107,200").length + "$"));
  await screenshot(page, "map-near");
  await page.close();
  const bad = await open("?near=1,2");
  assert.match(await bad.textContent("#error"), /near must be LAT,LON,KM/);
  await bad.close();
  const phone = await open("?place=IDN", { width: 390, height: 844 });
  const width = await phone.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 391, "no sideways scrolling on a phone (" + width + " px)");
  assert.ok(await phone.locator("#map circle").count() >= 4);
  await phone.close();
});
