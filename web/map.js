// The map of `warta serve`: the world's countries (TopoJSON from the
// world-atlas package, decoded by topojson-client, both served by warta: no
// tile server, nothing fetched from elsewhere), projected here in an
// equirectangular projection, with a circle per place sized by its events
// and coloured by their mean Goldstein value. Drawn as SVG, so every circle
// is an element that can be pointed at, clicked and tested.
"use strict";

const WartaMap = (() => {
  const SVG = "http://www.w3.org/2000/svg";
  const MIN_SPAN_DEGREES = 12;  // one place alone is shown with its region around it
  const MARGIN = 0.15;          // of the places' extent, on every side
  const MIN_RADIUS = 4;
  const MAX_RADIUS = 22;
  let countries = null;         // GeoJSON features, decoded once

  async function loadCountries() {
    if (countries) return countries;
    const response = await fetch("/vendor/countries-50m.json");
    if (!response.ok) throw new Error("the map's country shapes are missing (" + response.status + ")");
    const world = await response.json();
    countries = topojson.feature(world, world.objects.countries).features;
    return countries;
  }

  // The part of the world to show: around the places, never narrower than
  // MIN_SPAN_DEGREES; the whole world when there are none.
  function extentOf(points) {
    if (!points.length) return { west: -180, east: 180, south: -58, north: 78 };
    let west = Math.min(...points.map((p) => p.lon)), east = Math.max(...points.map((p) => p.lon));
    let south = Math.min(...points.map((p) => p.lat)), north = Math.max(...points.map((p) => p.lat));
    const padLon = Math.max((east - west) * MARGIN, (MIN_SPAN_DEGREES - (east - west)) / 2, 0);
    const padLat = Math.max((north - south) * MARGIN, (MIN_SPAN_DEGREES - (north - south)) / 2, 0);
    return { west: Math.max(-180, west - padLon), east: Math.min(180, east + padLon),
      south: Math.max(-85, south - padLat), north: Math.min(85, north + padLat) };
  }

  // Equirectangular, its standard parallel the middle of the view (so that a
  // view far from the equator is not stretched sideways), fitted and centred.
  function projection(extent, width, height) {
    const middle = (extent.south + extent.north) / 2;
    const squeeze = Math.cos(Math.max(-60, Math.min(60, middle)) * Math.PI / 180);
    const spanX = (extent.east - extent.west) * squeeze;
    const spanY = extent.north - extent.south;
    const scale = Math.min(width / spanX, height / spanY);
    const offsetX = (width - spanX * scale) / 2, offsetY = (height - spanY * scale) / 2;
    return (lon, lat) => [offsetX + (lon - extent.west) * squeeze * scale, offsetY + (extent.north - lat) * scale];
  }

  // An SVG path for a polygon's rings. A ring that crosses the 180th
  // meridian (eastern Russia, Fiji) is unwrapped into one continuous ring
  // running past it, not drawn as a band across the whole map.
  function ringsPath(rings, project) {
    let d = "";
    for (const ring of rings) {
      let previous = null, shift = 0;
      ring.forEach(([lon, lat], i) => {
        if (previous !== null && lon + shift - previous > 180) shift -= 360;
        if (previous !== null && lon + shift - previous < -180) shift += 360;
        previous = lon + shift;
        const [x, y] = project(previous, lat);
        d += (i ? "L" : "M") + x.toFixed(1) + "," + y.toFixed(1);
      });
      d += "Z";
    }
    return d;
  }

  function countryPath(feature, project) {
    const g = feature.geometry;
    if (!g) return "";
    const polygons = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
    return polygons.map((rings) => ringsPath(rings, project)).join("");
  }

  function node(tag, attributes) {
    const element = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes || {})) element.setAttribute(name, value);
    return element;
  }

  // The circle `km` around a point, as a ring of points (for near=).
  function circleRing(lat, lon, km) {
    const ring = [];
    const angle = km / 6371.0088, phi = lat * Math.PI / 180, lambda = lon * Math.PI / 180;
    for (let i = 0; i <= 72; ++i) {
      const bearing = i * 5 * Math.PI / 180;
      const phi2 = Math.asin(Math.sin(phi) * Math.cos(angle) + Math.cos(phi) * Math.sin(angle) * Math.cos(bearing));
      const lambda2 = lambda + Math.atan2(Math.sin(bearing) * Math.sin(angle) * Math.cos(phi),
        Math.cos(angle) - Math.sin(phi) * Math.sin(phi2));
      ring.push([((lambda2 * 180 / Math.PI + 540) % 360) - 180, phi2 * 180 / Math.PI]);
    }
    return ring;
  }

  // Draws `places` (from /api/places) into the <svg> `svg`. `near` is
  // {lat, lon, km} or null; `colour(goldstein)` gives a circle's colour;
  // `pick(place)` is called when a place is clicked.
  async function draw(svg, places, { near, colour, pick }) {
    const shapes = await loadCountries();
    const width = svg.clientWidth || 800, height = svg.clientHeight || 400;
    svg.setAttribute("viewBox", "0 0 " + width + " " + height);
    const points = places.map((p) => ({ lat: p.lat, lon: p.lon }));
    if (near) points.push(...circleRing(near.lat, near.lon, near.km).map(([lon, lat]) => ({ lat, lon })));
    const project = projection(extentOf(points), width, height);
    svg.replaceChildren(node("rect", { width, height, class: "sea" }));
    const land = node("g", { class: "countries" });
    for (const feature of shapes) {
      const path = node("path", { d: countryPath(feature, project) });
      const name = feature.properties && feature.properties.name;
      if (name) path.append(Object.assign(node("title"), { textContent: name }));
      land.append(path);
    }
    svg.append(land);
    if (near) {
      svg.append(node("path", { class: "near", d: ringsPath([circleRing(near.lat, near.lon, near.km)], project) }));
    }
    const most = Math.max(1, ...places.map((p) => p.events));
    const marks = node("g", { class: "places" });
    // The biggest first, so that small places stay on top and clickable.
    for (const place of [...places].sort((a, b) => b.events - a.events)) {
      const [x, y] = project(place.lon, place.lat);
      const r = MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * Math.sqrt(place.events / most);
      const circle = node("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: r.toFixed(1),
        fill: colour(place.goldstein), "data-place": place.id, "data-events": place.events,
        tabindex: 0, role: "button" });
      circle.setAttribute("aria-label", place.name + ": " + place.events + " events");
      circle.append(Object.assign(node("title"), { textContent:
        place.name + (place.adm1 && place.adm1 !== place.name ? ", " + place.adm1 : "") + " (" + place.id + ")\n" +
        place.events + (place.events === 1 ? " event" : " events") + ", mean Goldstein " + place.goldstein }));
      circle.addEventListener("click", () => pick(place));
      circle.addEventListener("keydown", (e) => { if (e.key === "Enter") pick(place); });
      marks.append(circle);
    }
    svg.append(marks);
  }

  return { draw };
})();
