"""The small JavaScript runtime every geoconflict map carries.

It reads the map's data (one JSON payload, deflate-compressed when large),
draws incidents as canvas or SVG shapes, links retaliations, draws claims,
areas, stances and the offline basemap, and builds every popup and tooltip
with ``textContent`` -- report text is never parsed as HTML.

The code is a constant written here, not generated from report data; report
data only reaches it as JSON through :func:`geoconflict._map_security.script_json`.
"""

from __future__ import annotations

__all__ = ["RUNTIME_JS", "RUNTIME_CSS"]

RUNTIME_CSS = """
.gc-popup { font: 13px/1.35 system-ui, sans-serif; max-width: 340px; }
.gc-popup h4 { margin: 0 0 4px; font-size: 14px; }
.gc-popup blockquote { margin: 4px 0 6px; padding: 2px 0 2px 8px; border-left: 3px solid #999;
  color: #222; white-space: pre-wrap; overflow-wrap: anywhere; }
.gc-popup table { border-collapse: collapse; }
.gc-popup th { text-align: left; vertical-align: top; padding: 1px 8px 1px 0; color: #555; font-weight: 600; }
.gc-popup td { padding: 1px 0; overflow-wrap: anywhere; }
.gc-popup .gc-sep { border-top: 1px solid #ddd; margin: 6px 0; }
.gc-claim-label { background: rgba(255,255,255,.9); border: 1px solid #888; font: 12px system-ui, sans-serif;
  padding: 1px 4px; box-shadow: none; }
.gc-claim-label:before { display: none; }
.gc-legend { background: rgba(255,255,255,.94); padding: 6px 8px; border-radius: 4px;
  box-shadow: 0 1px 5px rgba(0,0,0,.4); font: 12px/1.3 system-ui, sans-serif; max-height: 55vh;
  overflow: auto; max-width: 280px; }
.gc-legend summary { font-weight: 700; cursor: pointer; }
.gc-legend h5 { margin: 6px 0 2px; font-size: 12px; }
.gc-legend ul { list-style: none; margin: 0; padding: 0; }
.gc-legend li { margin: 1px 0; display: flex; align-items: center; gap: 5px; }
.gc-legend .gc-swatch { width: 12px; height: 12px; display: inline-block; border: 1px solid #555; flex: none; }
.gc-legend svg { flex: none; }
.gc-legend .gc-note { color: #555; font-style: italic; }
.gc-time { background: rgba(255,255,255,.94); padding: 4px 8px; border-radius: 4px;
  box-shadow: 0 1px 5px rgba(0,0,0,.4); font: 12px system-ui, sans-serif; }
.gc-time input { width: 220px; vertical-align: middle; }
.gc-offline.leaflet-container { background: #cfe3ef; }
"""

RUNTIME_JS = r"""
(function () {
"use strict";
var GC = window.GC = {};

function el(tag, cls, text) {
  var e = document.createElement(tag);
  if (cls) { e.className = cls; }
  if (text !== undefined && text !== null) { e.textContent = String(text); }
  return e;
}
GC.el = el;

function table(rows) {
  var t = el("table");
  rows.forEach(function (r) {
    if (r[1] === null || r[1] === undefined || r[1] === "") { return; }
    var tr = el("tr");
    tr.appendChild(el("th", null, r[0]));
    tr.appendChild(el("td", null, r[1]));
    t.appendChild(tr);
  });
  return t;
}

function inflate(b64) {
  var bin = atob(b64), bytes = new Uint8Array(bin.length);
  for (var i = 0; i < bin.length; i++) { bytes[i] = bin.charCodeAt(i); }
  var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate"));
  return new Response(stream).text().then(JSON.parse);
}

// Shapes drawn by either renderer: sides 0 = circle, else a regular polygon.
function shapePoints(p, r, sides, rot) {
  var pts = [];
  for (var k = 0; k < sides; k++) {
    var a = rot + k * 2 * Math.PI / sides;
    pts.push([p.x + r * Math.cos(a), p.y + r * Math.sin(a)]);
  }
  return pts;
}

function setup() {
  if (GC.Shape) { return; }
  GC.Shape = L.CircleMarker.extend({
    options: { sides: 0, rotation: 0 },
    _updatePath: function () { this._renderer._updateGcShape(this); }
  });
  L.Canvas.include({
    _updateGcShape: function (layer) {
      if (!this._drawing || layer._empty()) { return; }
      var p = layer._point, ctx = this._ctx, r = Math.max(Math.round(layer._radius), 1);
      var sides = layer.options.sides;
      ctx.beginPath();
      if (!sides) {
        ctx.arc(p.x, p.y, r, 0, Math.PI * 2, false);
      } else {
        shapePoints(p, r * 1.25, sides, layer.options.rotation).forEach(function (q, k) {
          if (k) { ctx.lineTo(q[0], q[1]); } else { ctx.moveTo(q[0], q[1]); }
        });
        ctx.closePath();
      }
      this._fillStroke(ctx, layer);
    }
  });
  L.SVG.include({
    _updateGcShape: function (layer) {
      var p = layer._point, r = Math.max(Math.round(layer._radius), 1), sides = layer.options.sides, d;
      if (layer._empty()) { d = "M0 0"; }
      else if (!sides) {
        d = "M" + (p.x - r) + "," + p.y + "a" + r + "," + r + " 0 1,0 " + (2 * r) + ",0 " +
            "a" + r + "," + r + " 0 1,0 " + (-2 * r) + ",0 ";
      } else {
        d = shapePoints(p, r * 1.25, sides, layer.options.rotation).map(function (q, k) {
          return (k ? "L" : "M") + q[0].toFixed(2) + "," + q[1].toFixed(2);
        }).join("") + "z";
      }
      this._setPath(layer, d);
    }
  });
}

function str(i) { return (i === null || i === undefined || i < 0) ? null : GC.data.s[i]; }

function precisionText(gp) {
  if (!gp) { return null; }
  var label = GC.data.precision[String(gp)];
  return label ? gp + " \u2013 " + label : String(gp);
}

function fmtCoord(lat, lon) { return lat.toFixed(5) + ", " + lon.toFixed(5); }

GC.incidentPopup = function (i) {
  var c = GC.data.inc, root = el("div", "gc-popup");
  var et = str(c.et[i]), st = str(c.st[i]);
  root.appendChild(el("h4", null, [str(c.loc[i]) || "Incident", st || et].filter(Boolean).join(" \u2014 ")));
  var notes = str(c.n[i]);
  if (notes) { root.appendChild(el("blockquote", null, notes)); }
  var actors = [str(c.a1[i]), str(c.a2[i])].filter(Boolean).join(" \u2192 ");
  var place = [str(c.loc[i]), str(c.adm[i]), str(c.cty[i])].filter(Boolean).join(", ");
  var date = c.d[i] >= 0 ? GC.data.dates[c.d[i]] : null;
  root.appendChild(table([
    ["Date", date], ["Event", [et, st].filter(Boolean).join(" / ")], ["Actors", actors],
    ["Location", place], ["Precision", precisionText(c.gp[i])],
    ["Coordinates", fmtCoord(c.lat[i], c.lon[i])], ["Fatalities", c.fat[i] >= 0 ? c.fat[i] : null],
    ["Responds to", str(c.rt[i])], ["Source", str(c.src[i])], ["Id", str(c.id[i])]
  ]));
  return root;
};

GC.incidentTip = function (i) {
  var c = GC.data.inc, date = c.d[i] >= 0 ? GC.data.dates[c.d[i]] : "";
  return el("span", null, [str(c.loc[i]), str(c.a1[i]), date].filter(Boolean).join(" \u00b7 "));
};

function propsPopup(title, quote, rows) {
  var root = el("div", "gc-popup");
  root.appendChild(el("h4", null, title));
  if (quote) { root.appendChild(el("blockquote", null, quote)); }
  root.appendChild(table(rows));
  return root;
}

// One popup and one tooltip object per map, opened on demand: binding one per
// marker costs memory and start-up time with 100,000 incidents.
function interact(group, popupFor, tipFor) {
  group.on("click", function (e) {
    var layer = e.layer;
    L.popup({ maxWidth: 360, autoPanPadding: [20, 20] })
      .setLatLng(layer.getLatLng ? layer.getLatLng() : e.latlng)
      .setContent(popupFor(layer))
      .openOn(GC.map);
  });
  if (!tipFor) { return; }
  group.on("mouseover", function (e) {
    GC.tip.setLatLng(e.layer.getLatLng ? e.layer.getLatLng() : e.latlng).setContent(tipFor(e.layer));
    GC.map.openTooltip(GC.tip);
  });
  group.on("mouseout", function () { GC.map.closeTooltip(GC.tip); });
}

GC.init = function (map, payload, opts) {
  setup();
  GC.map = map;
  GC.opts = opts;
  GC.items = [];
  GC.pointLayers = [];
  GC.maxDate = null;
  GC.tip = L.tooltip({ direction: "top", offset: [0, -8] });
  GC.marks = [["init", performance.now()]];
  GC.ready = (payload.z ? inflate(payload.z) : Promise.resolve(payload)).then(function (d) {
    GC.marks.push(["data", performance.now()]);
    GC.data = d;
    GC.asShapes = d.inc.lon.length > opts.maxMarkers;
    // Incidents above links, claims and areas (overlayPane is 400).
    map.createPane("gcPoints").style.zIndex = 450;
    GC.renderer = L.svg({ padding: 0.3, pane: "gcPoints" });
    return d;
  });
  GC.ready.catch(function (err) { console.error("geoconflict: cannot read the map data", err); });
};

// Large maps: all incidents of one layer painted by one canvas layer, batched by
// style, with hit-testing done here (one Leaflet object per incident is too slow
// for 100,000).  Points are projected once to Web Mercator pixels at zoom 0.
function mercator(lat, lon) {
  var s = Math.sin(Math.max(Math.min(lat, 85.05), -85.05) * Math.PI / 180);
  return [(lon + 180) / 360 * 256, (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * 256];
}

GC.PointLayer = L.Layer.extend({
  initialize: function (rows) {
    var d = GC.data, c = d.inc;
    this._rows = rows;
    this._px = new Float64Array(rows.length);
    this._py = new Float64Array(rows.length);
    for (var k = 0; k < rows.length; k++) {
      var m = mercator(c.lat[rows[k]], c.lon[rows[k]]);
      this._px[k] = m[0]; this._py[k] = m[1];
    }
    // Group row positions by style (colour, symbol, precision): one sprite each.
    var groups = new Map();
    for (k = 0; k < rows.length; k++) {
      var i = rows[k], key = (c.col[i] * 256 + c.sh[i]) * 8 + Math.min(c.gp[i] || 1, 7);
      var g = groups.get(key);
      if (!g) { g = { col: c.col[i], sh: c.sh[i], gp: String(c.gp[i] || 1), members: [] }; groups.set(key, g); }
      g.members.push(k);
    }
    this._groups = Array.from(groups.keys()).sort(function (a, b) { return a - b; })
      .map(function (key) { return groups.get(key); });
    this._style = new Uint16Array(rows.length);
    var self = this;
    this._groups.forEach(function (g, gi) { g.members.forEach(function (m) { self._style[m] = gi; }); });
  },
  onAdd: function (map) {
    this._canvas = L.DomUtil.create("canvas", "gc-points");
    this._canvas.style.pointerEvents = "none";
    this._canvas.style.position = "absolute";
    map.getPane("gcPoints").appendChild(this._canvas);
    map.on("moveend resize viewreset zoomend", this._redraw, this);
    map.on("zoomstart", this._hide, this);
    GC.pointLayers.push(this);
    this._redraw();
  },
  onRemove: function (map) {
    L.DomUtil.remove(this._canvas);
    map.off("moveend resize viewreset zoomend", this._redraw, this);
    map.off("zoomstart", this._hide, this);
    GC.pointLayers.splice(GC.pointLayers.indexOf(this), 1);
  },
  _hide: function () { this._canvas.style.visibility = "hidden"; },
  _origin: function () {
    var map = this._map, scale = 256 * Math.pow(2, map.getZoom()) / 256;
    var o = map.getPixelBounds().min;
    return { scale: scale, x: o.x, y: o.y };
  },
  _visible: function (k) {
    var d = GC.data.inc.d[this._rows[k]];
    return GC.maxDate === null || d === null || d < 0 || d <= GC.maxDate;
  },
  _redraw: function () {
    var map = this._map;
    if (!map) { return; }
    var size = map.getSize(), dpr = window.devicePixelRatio || 1, cv = this._canvas;
    cv.width = size.x * dpr; cv.height = size.y * dpr;
    cv.style.width = size.x + "px"; cv.style.height = size.y + "px";
    L.DomUtil.setPosition(cv, map.containerPointToLayerPoint([0, 0]));
    cv.style.visibility = "visible";
    var ctx = cv.getContext("2d"), o = this._origin(), d = GC.data, sty = d.style, self = this;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, size.x, size.y);
    // Each style is drawn once into a small sprite, then stamped at every point
    // (rasterising one path with tens of thousands of sub-paths is far slower).
    // Points are stamped in data order so no actor's colour buries the others,
    // and symbols shrink when many are in view.
    var n = this._rows.length, inView = new Uint8Array(n), count = 0, k, x, y;
    for (k = 0; k < n; k++) {
      x = this._px[k] * o.scale - o.x; y = this._py[k] * o.scale - o.y;
      if (x > -12 && y > -12 && x < size.x + 12 && y < size.y + 12 && this._visible(k)) { inView[k] = 1; count++; }
    }
    var scale = count > 20000 ? 0.5 : count > 4000 ? 0.7 : 1, sprites = this._groups.map(function (g) {
      return self._sprite(g, dpr, scale);
    });
    this._scale = scale;
    for (k = 0; k < n; k++) {
      if (!inView[k]) { continue; }
      var sp = sprites[this._style[k]], half = sp.half;
      x = this._px[k] * o.scale - o.x; y = this._py[k] * o.scale - o.y;
      ctx.drawImage(sp.canvas, Math.round(x - half), Math.round(y - half), 2 * half, 2 * half);
    }
  },
  _sprite: function (g, dpr, scale) {
    var key = dpr + "|" + scale + "|" + g.col + "|" + g.sh + "|" + g.gp;
    GC.sprites = GC.sprites || {};
    if (GC.sprites[key]) { return GC.sprites[key]; }
    var d = GC.data, ps = d.style.precision[g.gp] || d.style.precision["1"];
    var color = d.colors[g.col], shape = d.shapes[g.sh], r = ps.radius * scale;
    var half = Math.ceil(r * 1.25 + ps.weight + 1), cv = document.createElement("canvas");
    cv.width = cv.height = 2 * half * dpr;
    var ctx = cv.getContext("2d");
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.beginPath();
    if (!shape[0]) { ctx.arc(half, half, r, 0, Math.PI * 2); }
    else {
      shapePoints({ x: half, y: half }, r * 1.25, shape[0], shape[1]).forEach(function (q, j) {
        if (j) { ctx.lineTo(q[0], q[1]); } else { ctx.moveTo(q[0], q[1]); }
      });
      ctx.closePath();
    }
    ctx.globalAlpha = ps.fill; ctx.fillStyle = color; ctx.fill();
    ctx.globalAlpha = 1; ctx.lineWidth = ps.weight; ctx.strokeStyle = ps.stroke || color;
    ctx.setLineDash(ps.dash ? ps.dash.split(" ").map(Number) : []);
    ctx.stroke();
    return (GC.sprites[key] = { canvas: cv, half: half });
  },
  // Nearest visible point within reach of a container point: [distance, row] or null.
  _hit: function (cp) {
    var o = this._origin(), best = null, reach = 12 * (this._scale || 1);
    for (var k = 0; k < this._rows.length; k++) {
      var dx = this._px[k] * o.scale - o.x - cp.x, dy = this._py[k] * o.scale - o.y - cp.y;
      if (dx > reach || dx < -reach || dy > reach || dy < -reach) { continue; }
      var dist = Math.sqrt(dx * dx + dy * dy);
      if (dist <= reach && (!best || dist < best[0]) && this._visible(k)) { best = [dist, this._rows[k]]; }
    }
    return best;
  }
});

function pointAt(e) {
  var best = null;
  GC.pointLayers.forEach(function (layer) {
    var hit = layer._hit(e.containerPoint);
    if (hit && (!best || hit[0] < best[0])) { best = hit; }
  });
  return best ? best[1] : null;
}

function setupPointEvents(map) {
  if (GC.pointEvents) { return; }
  GC.pointEvents = true;
  map.getPane("gcPoints").style.pointerEvents = "none";
  map.on("click", function (e) {
    var i = pointAt(e);
    if (i === null) { return; }
    var c = GC.data.inc;
    L.popup({ maxWidth: 360, autoPanPadding: [20, 20] }).setLatLng([c.lat[i], c.lon[i]])
      .setContent(GC.incidentPopup(i)).openOn(map);
  });
  var pending = null;
  map.on("mousemove", function (e) {
    pending = e;
    if (GC.moveQueued) { return; }
    GC.moveQueued = true;
    L.Util.requestAnimFrame(function () {
      GC.moveQueued = false;
      var i = pointAt(pending), c = GC.data.inc;
      map.getContainer().style.cursor = i === null ? "" : "pointer";
      if (i === null) { map.closeTooltip(GC.tip); return; }
      GC.tip.setLatLng([c.lat[i], c.lon[i]]).setContent(GC.incidentTip(i));
      map.openTooltip(GC.tip);
    });
  });
}

GC.fillIncidents = function (group, layerCode) {
  var d = GC.data, c = d.inc, n = c.lon.length, sty = d.style;
  if (GC.asShapes) {
    var rows = [];
    for (var j = 0; j < n; j++) { if (c.ly[j] === layerCode) { rows.push(j); } }
    setupPointEvents(GC.map);
    group.addLayer(new GC.PointLayer(rows));
    return;
  }
  for (var i = 0; i < n; i++) {
    if (c.ly[i] !== layerCode) { continue; }
    var color = d.colors[c.col[i]], shape = d.shapes[c.sh[i]], gp = c.gp[i] || 1;
    var ps = sty.precision[String(gp)] || sty.precision["1"];
    var m = new GC.Shape([c.lat[i], c.lon[i]], {
      renderer: GC.renderer, radius: ps.radius, sides: shape[0], rotation: shape[1],
      color: ps.stroke || color, weight: ps.weight, dashArray: ps.dash, opacity: 1,
      fillColor: color, fillOpacity: ps.fill, className: "gc-incident", bubblingMouseEvents: true
    });
    m._gcIndex = i;
    m.on("add", function () { this._path.setAttribute("data-gc-id", str(c.id[this._gcIndex]) || ""); });
    group.addLayer(m);
    GC.items.push({ m: m, g: group, d: c.d[i], shown: true });
  }
  interact(group, function (layer) { return GC.incidentPopup(layer._gcIndex); },
           function (layer) { return GC.incidentTip(layer._gcIndex); });
};

GC.fillLinks = function (group) {
  var d = GC.data, c = d.inc, map = GC.map;
  d.links.forEach(function (pair) {
    var a = L.latLng(c.lat[pair[0]], c.lon[pair[0]]), b = L.latLng(c.lat[pair[1]], c.lon[pair[1]]);
    var opts = { color: d.style.link, weight: 3, opacity: 0.85, delay: 1200, dashArray: [8, 14],
                 pulseColor: "#ffffff", interactive: true, renderer: L.svg() };
    var line = (L.polyline.antPath ? L.polyline.antPath([a, b], opts) : L.polyline([a, b], opts));
    // Arrowhead two thirds along the line, pointing from the answered incident to the response.
    var pa = map.project(a, 0), pb = map.project(b, 0);
    var head = new GC.Shape(map.unproject(pa.add(pb.subtract(pa).multiplyBy(0.66)), 0), {
      renderer: L.svg(), radius: 7, sides: 3, rotation: Math.atan2(pb.y - pa.y, pb.x - pa.x),
      color: d.style.link, fillColor: d.style.link, fillOpacity: 1, weight: 1
    });
    [line, head].forEach(function (layer) {
      layer._gcPair = pair;
      group.addLayer(layer);
      GC.items.push({ m: layer, g: group, d: Math.max(c.d[pair[0]], c.d[pair[1]]), shown: true });
    });
  });
  interact(group, function (layer) {
    var p = layer._gcPair, root = propsPopup(
      (str(c.id[p[1]]) || "Response") + " responds to " + (str(c.id[p[0]]) || "an earlier incident"),
      str(c.n[p[1]]), [["From", fmtCoord(c.lat[p[0]], c.lon[p[0]]) + " (" + (str(c.loc[p[0]]) || "?") + ")"],
                       ["To", fmtCoord(c.lat[p[1]], c.lon[p[1]]) + " (" + (str(c.loc[p[1]]) || "?") + ")"]]);
    return root;
  }, function (layer) {
    var p = layer._gcPair;
    return el("span", null, (str(c.loc[p[0]]) || "?") + " \u2192 " + (str(c.loc[p[1]]) || "?"));
  });
};

GC.fillClaims = function (group) {
  var d = GC.data;
  d.claims.forEach(function (k, idx) {
    var color = d.style.verdict[k.verdict] || d.style.verdict.unverifiable;
    var line = L.polyline([k.ref, k.tgt], { color: color, weight: 3, dashArray: "6 4" });
    line._gcClaim = idx;
    group.addLayer(line);
    if (k.ring_m) {
      var ring = L.circle(k.ref, { radius: k.ring_m, color: color, weight: 2, fill: false, dashArray: "2 6" });
      ring._gcClaim = idx;
      group.addLayer(ring);
    }
    if (k.computed_km !== null) {
      var label = el("span", null, k.computed_km.toFixed(1) + " km" +
                     (k.stated_km !== null ? " (stated " + k.stated_km + " km)" : ""));
      // Beside the line's midpoint, not on it: short claims would hide their own endpoints.
      line.bindTooltip(label, { permanent: true, direction: "right", offset: [14, 0],
                                className: "gc-claim-label" });
    }
  });
  interact(group, function (layer) {
    var k = d.claims[layer._gcClaim];
    return propsPopup("Claim: " + (k.reference || "?") + " \u2192 " + (k.target || "?"), k.notes, [
      ["Verdict", k.verdict], ["Stated", k.stated_text], ["Stated km", k.stated_km], ["Hedge", k.hedge],
      ["Computed km", k.computed_km === null ? null : k.computed_km.toFixed(2)],
      ["Tolerance km", k.tolerance_km], ["Direction stated", k.direction],
      ["Bearing", k.bearing === null ? null : k.bearing.toFixed(0) + "\u00b0"],
      ["Direction ok", k.direction_ok === null ? null : (k.direction_ok ? "yes" : "no")],
      ["Reference", fmtCoord(k.ref[0], k.ref[1])], ["Target", fmtCoord(k.tgt[0], k.tgt[1])]
    ]);
  }, null);
};

GC.fillAreas = function (group) {
  var d = GC.data;
  L.geoJSON(d.areas, {
    style: function () { return d.style.area; }
  }).eachLayer(function (layer) {
    group.addLayer(layer);
    // The representative point the area's incidents and distances use.
    var p = layer.feature.properties.point;
    if (p) {
      var dot = L.circleMarker(p, { radius: 4, color: d.style.area.color, weight: 2, fillColor: "#ffffff",
                                    fillOpacity: 1, className: "gc-area-point" });
      dot.feature = layer.feature;
      group.addLayer(dot);
    }
  });
  interact(group, function (layer) {
    var p = layer.feature.properties;
    return propsPopup(p.name || "Area", null, [
      ["Kind", p.feature_type], ["Country", p.country], ["Province", p.admin1],
      ["Precision", p.precision], ["Representative point", p.point ? fmtCoord(p.point[0], p.point[1]) : null],
      ["Mentioned as", p.text], ["Gazetteer id", p.gazetteer_id]
    ]);
  }, function (layer) { return el("span", null, layer.feature.properties.name || "Area"); });
};

GC.fillPlaces = function (group) {
  var d = GC.data;
  d.places.forEach(function (p, idx) {
    var m = L.circleMarker([p.lat, p.lon], d.style.place);
    m._gcPlace = idx;
    group.addLayer(m);
  });
  interact(group, function (layer) {
    var p = d.places[layer._gcPlace];
    return propsPopup(p.name || p.text || "Place", null, [
      ["Mentioned as", p.text], ["Kind", p.feature_type], ["Province", p.admin1], ["Country", p.country],
      ["Coordinates", fmtCoord(p.lat, p.lon)], ["Precision", p.precision_m === null ? null :
        Math.round(p.precision_m) + " m"], ["Mentions", p.mentions], ["Gazetteer id", p.gazetteer_id],
      ["Ambiguous", p.ambiguous ? "yes" : null]
    ]);
  }, function (layer) { var p = d.places[layer._gcPlace]; return el("span", null, p.name || p.text); });
};

GC.fillStances = function (group) {
  var d = GC.data;
  L.geoJSON(d.stances, {
    style: function (f) {
      return { color: "#555", weight: 1, fillOpacity: d.style.stanceOpacity,
               fillColor: d.style.stance[f.properties.stance] || "#999" };
    }
  }).eachLayer(function (layer) { group.addLayer(layer); });
  interact(group, function (layer) {
    var p = layer.feature.properties, root = el("div", "gc-popup");
    root.appendChild(el("h4", null, p.name));
    p.entries.forEach(function (s, k) {
      if (k) { root.appendChild(el("div", "gc-sep")); }
      root.appendChild(table([["Actor", s.actor], ["Stance", s.stance.replace(/_/g, " ")],
                              ["Toward", s.toward]]));
      if (s.quote) { root.appendChild(el("blockquote", null, s.quote)); }
    });
    return root;
  }, function (layer) {
    var p = layer.feature.properties;
    return el("span", null, p.name + ": " + p.stance.replace(/_/g, " "));
  });
};

GC.fillBasemap = function (group) {
  var d = GC.data, pane = GC.map.getPane("gcBasemap") || GC.map.createPane("gcBasemap");
  pane.style.zIndex = 150;
  var r = L.svg({ pane: "gcBasemap", padding: 0.5 });
  // Coarse world outlines beneath the detailed ones, which stop at the data extent.
  if (d.world) {
    group.addLayer(L.geoJSON(d.world, { style: d.style.countries, interactive: false, renderer: r }));
  }
  [["countries", d.style.countries], ["admin1", d.style.admin1]].forEach(function (kv) {
    if (!d.basemap[kv[0]]) { return; }
    group.addLayer(L.geoJSON(d.basemap[kv[0]], { style: kv[1], interactive: false, renderer: r }));
  });
};

GC.miniMap = function () {
  var d = GC.data;
  if (!L.Control.MiniMap || !d.world) { return; }
  var layer = L.geoJSON(d.world, { style: d.style.countries, interactive: false });
  new L.Control.MiniMap(layer, { toggleDisplay: true, position: "bottomleft", zoomLevelOffset: -4 })
    .addTo(GC.map);
};

GC.setMaxDate = function (k) {
  GC.maxDate = k;
  GC.pointLayers.forEach(function (layer) { layer._redraw(); });
  GC.items.forEach(function (it) {
    var show = it.d === null || it.d < 0 || it.d <= k;
    if (show === it.shown) { return; }
    if (show) { it.g.addLayer(it.m); } else { it.g.removeLayer(it.m); }
    it.shown = show;
  });
};

GC.timeSlider = function () {
  var dates = GC.data.dates, ctl = L.control({ position: "bottomleft" });
  ctl.onAdd = function () {
    var box = el("div", "gc-time leaflet-control");
    var label = el("label", null, "Incidents up to ");
    var out = el("output", null, dates[dates.length - 1]);
    var input = el("input");
    input.type = "range"; input.min = "0"; input.max = String(dates.length - 1);
    input.step = "1"; input.value = String(dates.length - 1);
    input.setAttribute("aria-label", "Show incidents up to this date");
    input.addEventListener("input", function () {
      out.textContent = dates[+input.value];
      GC.setMaxDate(+input.value);
    });
    label.appendChild(out);
    box.appendChild(label);
    box.appendChild(el("br"));
    box.appendChild(input);
    L.DomEvent.disableClickPropagation(box);
    L.DomEvent.disableScrollPropagation(box);
    return box;
  };
  ctl.addTo(GC.map);
};

GC.legend = function (node) {
  var ctl = L.control({ position: "bottomright" });
  ctl.onAdd = function () {
    node.hidden = false;
    L.DomEvent.disableClickPropagation(node);
    L.DomEvent.disableScrollPropagation(node);
    return node;
  };
  ctl.addTo(GC.map);
};

GC.done = function () {
  GC.ready.then(function () {
    GC.marks.push(["done", performance.now()]);
    window.__gcReady = true;
    document.documentElement.setAttribute("data-gc-ready", "1");
  });
};
})();
"""
