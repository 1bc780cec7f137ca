// sitrep map page: Leaflet map, timeline and filters over /api.
// Report text is untrusted: everything from the API goes into the DOM through textContent or
// attributes set by the DOM API, never through innerHTML.
"use strict";

(function () {
  const body = document.body;
  const REFRESH_S = parseInt(body.dataset.refresh || "30", 10);
  const TILES = body.dataset.tiles || "";
  const TILES_ATTRIBUTION = body.dataset.tilesAttribution || "";
  const MAP_LIMIT = parseInt(body.dataset.mapLimit || "20000", 10);
  const DAY_MS = 86400000;

  // ACLED event types (and sitrep's Diplomacy) -> colour; anything else grey.
  const TYPE_COLOURS = {
    "Battles": "#c0392b",
    "Explosions/Remote violence": "#e67e22",
    "Violence against civilians": "#8e44ad",
    "Protests": "#2980b9",
    "Riots": "#16a085",
    "Strategic developments": "#7f8c8d",
    "Diplomacy": "#27ae60",
  };
  const OTHER_COLOUR = "#555555";
  // Radius (m) of the area drawn for an event known only to a region; countries use their borders.
  const REGION_RADIUS_M = 80000;
  const COUNTRY_FALLBACK_RADIUS_M = 300000;

  const el = (id) => document.getElementById(id);
  const mapEl = el("map");
  const state = { range: null, maxUpdated: null, countryRadius: {}, timeline: [] };

  function colour(type) {
    return TYPE_COLOURS[type] || OTHER_COLOUR;
  }

  function make(tag, attrs, text) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  // ------------------------------------------------------------------ map and basemap
  const map = L.map(mapEl, { preferCanvas: true, worldCopyJump: true, minZoom: 2, maxZoom: 18 }).setView([48.5, 31.5], 5);
  if (TILES) {
    L.tileLayer(TILES, { attribution: TILES_ATTRIBUTION, maxZoom: 18 }).addTo(map);
  }
  const borders = L.layerGroup().addTo(map);
  // Regions and countries drawn as circles on one canvas (no SVG element per circle).
  const areaRenderer = L.canvas({ padding: 0.3 });
  const areas = L.featureGroup().addTo(map);
  const clusters = L.markerClusterGroup({
    chunkedLoading: true,
    showCoverageOnHover: false,
    maxClusterRadius: 50,
    spiderfyOnMaxZoom: true,
  }).addTo(map);
  map.attributionControl.addAttribution("Borders: Natural Earth (public domain)");

  const bordersReady = fetch("/vendor/world-atlas/countries-50m.json")
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error("borders " + r.status))))
    .then((topo) => {
      const countries = topojson.feature(topo, topo.objects.countries);
      L.geoJSON(countries, {
        interactive: false,
        style: {
          color: "#8a8a8a",
          weight: 0.8,
          fillColor: TILES ? "#000000" : "#f3f1ea",
          fillOpacity: TILES ? 0 : 1,
        },
        onEachFeature: (feature, layer) => {
          // Radius of a country-precision event: a circle of the country's own size.
          const b = layer.getBounds();
          const diag = map.distance(b.getSouthWest(), b.getNorthEast());
          const name = (feature.properties && feature.properties.name) || "";
          state.countryRadius[name.toLowerCase()] = Math.min(Math.max(diag / 4, 50000), 1500000);
        },
      }).addTo(borders);
    })
    .catch((err) => showNotice("Country borders could not be loaded: " + err.message));

  // ------------------------------------------------------------------ filters
  const form = el("filters");

  function filterParams(withRange) {
    const p = new URLSearchParams();
    for (const [name, id] of [["from", "f-from"], ["to", "f-to"], ["type", "f-type"], ["country", "f-country"],
                              ["contested", "f-contested"], ["claimant", "f-claimant"], ["text", "f-text"]]) {
      const v = el(id).value.trim();
      if (v) p.set(name, v);
    }
    if (withRange && state.range) {
      const [a, b] = state.range;
      if (!p.get("from") || p.get("from") < a) p.set("from", a);
      if (!p.get("to") || p.get("to") > b) p.set("to", b);
    }
    if (el("f-inview").checked) {
      const b = map.getBounds();
      const west = Math.max(-180, b.getWest()), east = Math.min(180, b.getEast());
      const south = Math.max(-90, b.getSouth()), north = Math.min(90, b.getNorth());
      p.set("bbox", [west, south, east, north].map((x) => x.toFixed(4)).join(","));
    }
    return p;
  }

  async function getJSON(url) {
    const r = await fetch(url, { headers: { Accept: "application/json" } });
    if (!r.ok) {
      let detail = r.status + " " + r.statusText;
      try { detail = (await r.json()).detail || detail; } catch (e) { /* not JSON */ }
      throw new Error(typeof detail === "string" ? detail : JSON.stringify(detail));
    }
    return r.json();
  }

  async function loadFacets() {
    const f = await getJSON("/api/facets");
    for (const [id, values] of [["f-type", f.event_types], ["f-country", f.countries]]) {
      const select = el(id);
      for (const v of values) select.appendChild(make("option", { value: v }, v));
    }
    const legend = el("legend");
    legend.replaceChildren();
    for (const t of f.event_types) {
      const item = make("span", { class: "legend-item" });
      const dot = make("span", { class: "dot" });
      dot.style.background = colour(t);
      item.append(dot, document.createTextNode(t));
      legend.appendChild(item);
    }
    const area = make("span", { class: "legend-item" });
    const ring = make("span", { class: "ring" });
    area.append(ring, document.createTextNode("known only to a region or country"));
    legend.appendChild(area);
  }

  // ------------------------------------------------------------------ drawing events
  function markerSize(fatalities) {
    return Math.round(Math.min(40, 10 + 5 * Math.log2(1 + (fatalities || 0))));
  }

  function popup(p) {
    const box = make("div", { class: "popup" });
    const title = make("a", { href: "/events/" + encodeURIComponent(p.event_id), class: "popup-title" },
      (p.sub_event_type || p.event_type || "Event") + (p.place_name ? " — " + p.place_name : ""));
    box.appendChild(title);
    box.appendChild(make("div", {}, [p.event_date, p.country].filter(Boolean).join(" · ")));
    box.appendChild(make("div", {}, "Killed: " + p.fatalities + " (UCDP " + p.fatalities_low + "/" +
      p.fatalities_best + "/" + p.fatalities_high + "), injured: " + p.injured));
    box.appendChild(make("div", { class: "muted" }, "Location precision: " + p.geo_precision));
    if (p.contested) box.appendChild(make("div", { class: "contested" }, "Contested"));
    if (p.summary) box.appendChild(make("p", { class: "popup-summary" }, p.summary));
    return box;
  }

  // One icon per look (colour, size, contested, approximate), shared by every marker with that
  // look: no DOM is built for the thousands of markers hidden inside clusters, and each marker
  // that is shown gets a clone of its icon's dot (DOM API only, colour from a CSS class).
  const TYPE_INDEX = Object.fromEntries(Object.keys(TYPE_COLOURS).map((t, i) => [t, i]));
  const DotIcon = L.DivIcon.extend({
    createIcon(oldIcon) {
      const div = L.DivIcon.prototype.createIcon.call(this, oldIcon);
      div.replaceChildren(this.options.dot.cloneNode(false));
      return div;
    },
  });
  const icons = new Map();

  function icon(p) {
    const size = markerSize(p.fatalities);
    const c = p.event_type in TYPE_INDEX ? TYPE_INDEX[p.event_type] : "other";
    const approx = p.geo_precision === "near" || p.geo_precision === "district";
    const key = c + "|" + size + "|" + (p.contested ? 1 : 0) + "|" + (approx ? 1 : 0);
    let found = icons.get(key);
    if (!found) {
      const dot = make("div", { class: "ev-dot ev-c-" + c });
      if (p.contested) dot.classList.add("ev-contested");
      if (approx) dot.classList.add("ev-approx");
      found = new DotIcon({ html: false, dot: dot, className: "ev-marker", iconSize: [size, size] });
      icons.set(key, found);
    }
    return found;
  }

  function areaRadius(p) {
    if (p.geo_precision === "country") {
      return state.countryRadius[(p.country || "").toLowerCase()] || COUNTRY_FALLBACK_RADIUS_M;
    }
    return REGION_RADIUS_M;
  }

  function draw(features) {
    clusters.clearLayers();
    areas.clearLayers();
    const markers = [];
    const circles = [];
    for (const f of features) {
      const p = f.properties;
      const latlng = [f.geometry.coordinates[1], f.geometry.coordinates[0]];
      if (p.geo_precision === "region" || p.geo_precision === "country") {
        const c = colour(p.event_type);
        circles.push(L.circle(latlng, {
          renderer: areaRenderer,
          radius: areaRadius(p),
          color: c,
          weight: 1.5,
          dashArray: "6 4",
          fillColor: c,
          fillOpacity: 0.08,
          className: "ev-area",
        }).bindPopup(() => popup(p)));
      } else {
        const m = L.marker(latlng, { icon: icon(p), title: (p.sub_event_type || "") + " " + (p.place_name || "") });
        m.bindPopup(() => popup(p));
        markers.push(m);
      }
      if (p.updated && (!state.maxUpdated || p.updated > state.maxUpdated)) state.maxUpdated = p.updated;
    }
    // In bulk: the markers through markercluster's chunked addLayers, the circles as one canvas.
    clusters.addLayers(markers);
    for (const c of circles) areas.addLayer(c);
    mapEl.dataset.events = String(features.length);
    mapEl.dataset.markers = String(markers.length);
    mapEl.dataset.areas = String(circles.length);
  }

  function drawList(items) {
    const list = el("event-list");
    list.replaceChildren();
    for (const e of items) {
      const li = make("li");
      const place = e.location && e.location.place ? e.location.place.name : (e.location ? e.location.text : "");
      const a = make("a", { href: "/events/" + encodeURIComponent(e.id), class: "event-link" },
        (e.sub_event_type || e.event_type || "Event") + (place ? " — " + place : ""));
      const dot = make("span", { class: "dot" });
      dot.style.background = colour(e.event_type);
      li.append(dot, a, make("span", { class: "muted" }, " " + (e.date || "") + " · killed " + e.fatalities.acled));
      list.appendChild(li);
    }
  }

  function setDownloads(params) {
    const q = params.toString();
    el("dl-csv").setAttribute("href", "/api/events.csv" + (q ? "?" + q : ""));
    const g = new URLSearchParams(params);
    g.set("download", "true");
    el("dl-geojson").setAttribute("href", "/api/events.geojson?" + g.toString());
  }

  let loading = 0;
  async function load(fit) {
    const token = ++loading;
    const params = filterParams(true);
    el("status").textContent = "Loading…";
    mapEl.dataset.loaded = "false";
    try {
      const g = new URLSearchParams(params);
      g.set("limit", String(MAP_LIMIT));
      g.set("view", "map"); // only the properties drawn here (the download link gets them all)
      const l = new URLSearchParams(params);
      l.set("limit", "50");
      const [geo, page, days] = await Promise.all([
        getJSON("/api/events.geojson?" + g.toString()),
        getJSON("/api/events?" + l.toString()),
        getJSON("/api/timeline?" + filterParams(false).toString()),
        bordersReady,
      ]);
      if (token !== loading) return; // a newer load started meanwhile
      const shown = geo.features.length;
      if (fit && shown) {
        // Before drawing, without animation: the clusters are then built for the final view once.
        const b = L.latLngBounds(geo.features.map((f) => [f.geometry.coordinates[1], f.geometry.coordinates[0]]));
        map.fitBounds(b.pad(0.2), { maxZoom: 8, animate: false });
      }
      draw(geo.features);
      drawList(page.items);
      drawTimeline(days);
      setDownloads(params);
      el("status").textContent = page.total + " event" + (page.total === 1 ? "" : "s") + " match; " +
        shown + " on the map" + (page.total > shown ? " (the rest have no known place or pass the map limit)" : "") + ".";
    } catch (err) {
      el("status").textContent = "Could not load events: " + err.message;
    } finally {
      if (token === loading) mapEl.dataset.loaded = "true";
    }
  }

  // ------------------------------------------------------------------ timeline
  const svg = el("timeline");
  const SVG = "http://www.w3.org/2000/svg";

  function svgEl(tag, attrs) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    return node;
  }

  function isoDay(ms) {
    return new Date(ms).toISOString().slice(0, 10);
  }

  function drawTimeline(days) {
    state.timeline = days;
    svg.replaceChildren();
    const width = svg.clientWidth || 800;
    const height = svg.clientHeight || 90;
    if (!days.length) {
      const t = svgEl("text", { x: 8, y: 20, class: "tl-empty" });
      t.textContent = "No dated events";
      svg.appendChild(t);
      return;
    }
    const first = Date.parse(days[0].date), last = Date.parse(days[days.length - 1].date);
    const n = Math.round((last - first) / DAY_MS) + 1;
    const counts = new Map(days.map((d) => [d.date, d]));
    const max = Math.max(...days.map((d) => d.count));
    const slot = width / n;
    const axis = 16;
    for (let i = 0; i < n; i++) {
      const day = isoDay(first + i * DAY_MS);
      const d = counts.get(day);
      const selected = state.range && day >= state.range[0] && day <= state.range[1];
      const hit = svgEl("rect", { x: i * slot, y: 0, width: slot, height: height, class: "tl-slot" + (selected ? " tl-selected" : ""), "data-day": day });
      svg.appendChild(hit);
      if (d) {
        const h = Math.max(2, (height - axis - 4) * d.count / max);
        const bar = svgEl("rect", { x: i * slot + Math.min(1, slot * 0.1), y: height - axis - h, width: Math.max(1, slot - Math.min(2, slot * 0.2)), height: h, class: "tl-bar", "data-day": day });
        const title = svgEl("title");
        title.textContent = day + ": " + d.count + " event" + (d.count === 1 ? "" : "s");
        bar.appendChild(title);
        svg.appendChild(bar);
      }
    }
    const labels = [[0, isoDay(first)], [n - 1, isoDay(last)]];
    for (const [i, text] of labels) {
      const t = svgEl("text", { x: i === 0 ? 2 : width - 2, y: height - 3, class: "tl-label", "text-anchor": i === 0 ? "start" : "end" });
      t.textContent = text;
      svg.appendChild(t);
    }
  }

  let dragStart = null;
  function dayAt(evt) {
    const target = evt.target.closest ? evt.target.closest("[data-day]") : null;
    return target ? target.getAttribute("data-day") : null;
  }
  svg.addEventListener("mousedown", (evt) => {
    dragStart = dayAt(evt);
    evt.preventDefault();
  });
  svg.addEventListener("mousemove", (evt) => {
    if (!dragStart) return;
    const d = dayAt(evt);
    if (!d) return;
    const range = d < dragStart ? [d, dragStart] : [dragStart, d];
    for (const node of svg.querySelectorAll(".tl-slot")) {
      const day = node.getAttribute("data-day");
      node.classList.toggle("tl-selected", day >= range[0] && day <= range[1]);
    }
  });
  window.addEventListener("mouseup", (evt) => {
    if (!dragStart) return;
    const end = svg.contains(evt.target) ? dayAt(evt) || dragStart : dragStart;
    const range = end < dragStart ? [end, dragStart] : [dragStart, end];
    dragStart = null;
    setRange(range);
  });

  function setRange(range) {
    state.range = range;
    el("timeline-label").textContent = range ? (range[0] === range[1] ? range[0] : range[0] + " to " + range[1]) : "All days";
    el("timeline-clear").hidden = !range;
    load(false);
  }
  el("timeline-clear").addEventListener("click", () => setRange(null));

  // ------------------------------------------------------------------ live refresh
  function showNotice(text) {
    const n = el("notice");
    n.textContent = text;
    n.hidden = false;
  }

  async function poll() {
    if (!state.maxUpdated) return;
    try {
      const p = filterParams(true);
      p.set("since", state.maxUpdated);
      p.set("limit", "1");
      const page = await getJSON("/api/events?" + p.toString());
      if (page.total > 0) {
        showNotice(page.total + " new or updated event" + (page.total === 1 ? "" : "s") + " at " + new Date().toLocaleTimeString());
        await load(false);
      }
    } catch (err) {
      /* the server may be restarting; try again next time */
    }
  }
  if (REFRESH_S > 0) setInterval(poll, REFRESH_S * 1000);

  // ------------------------------------------------------------------ wiring
  form.addEventListener("submit", (evt) => {
    evt.preventDefault();
    load(false);
  });
  form.addEventListener("reset", () => {
    setTimeout(() => { state.range = null; setRange(null); }, 0);
  });
  map.on("moveend", () => { if (el("f-inview").checked) load(false); });

  loadFacets().catch((err) => showNotice("Could not load filter values: " + err.message));
  load(true);
})();
