// The planner page: a form that asks POST /api/plans for recommended CCTV sites, the ranked result
// with explanations and a coverage curve, and the map with a hotspot layer, the existing cameras'
// sectors, the candidate sites and the recommended sites. User-provided and server text is always
// written with textContent.
(function () {
  'use strict';
  var S = window.Sightline;
  var $ = function (id) { return document.getElementById(id); };
  var PPM = { detect: 25, observe: 62.5, recognise: 125, identify: 250 };
  var layers = { hotspot: null, hotspotAreas: null, existing: null, candidates: null, plan: null, estate: null, compare: null, buildings: null };
  var footprintRequest = 0;
  var hotspotAreaRequest = 0;
  // named hotspots whose names stay on the map at borough scale; the rest show theirs from street zoom
  var LABELLED_HOTSPOTS = 8;
  var PLAN_COLOURS = ['#b3261e', '#1f5fbf', '#2e7d32', '#6a1b9a', '#e65100', '#00838f'];
  var PLAN_DASHES = [null, '8 5', '2 5', '12 4 2 4', '4 4', '1 3'];
  var options = null;
  var currentPlan = null;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function status(text, isError) {
    var s = $('plan-status');
    s.textContent = text;
    s.classList.toggle('error', !!isError);
  }

  function pct(x) { return (100 * x).toFixed(1) + '\u00a0%'; }

  // axis label of a share: one decimal while the axis tops out below 20 %
  function axisPct(v, top) { return (100 * v).toFixed(top < 0.2 ? 1 : 0) + '%'; }

  function months() { return $('f-from').value + '..' + $('f-to').value; }

  // --- form -----------------------------------------------------------------------------------

  function fillTypes(all, priorities) {
    var box = $('f-types');
    box.textContent = '';
    all.forEach(function (t, i) {
      var id = 'f-type-' + i;
      var label = el('label', 'inline');
      var cb = el('input');
      cb.type = 'checkbox';
      cb.id = id;
      cb.checked = priorities.indexOf(t) >= 0;
      cb.setAttribute('data-type', t);
      label.appendChild(cb);
      label.appendChild(document.createTextNode(' ' + t));
      var w = el('input');
      w.type = 'number';
      w.min = '0.1';
      w.max = '100';
      w.step = '0.1';
      w.value = '1';
      w.setAttribute('aria-label', 'Weight of ' + t);
      w.setAttribute('data-weight-for', t);
      box.appendChild(label);
      box.appendChild(w);
    });
  }

  // One row per survey fact: any (no filter), required or excluded.
  function fillConstraints(list) {
    var box = $('f-constraints');
    box.textContent = '';
    (list || []).forEach(function (c) {
      var id = 'f-constraint-' + c.name.toLowerCase();
      var label = el('label', null, c.label);
      label.htmlFor = id;
      var sel = el('select');
      sel.id = id;
      sel.setAttribute('data-constraint', c.name);
      [['', 'any'], ['required', 'required'], ['excluded', 'excluded']].forEach(function (o) {
        var opt = el('option', null, o[1]);
        opt.value = o[0];
        sel.appendChild(opt);
      });
      box.appendChild(label);
      box.appendChild(sel);
    });
  }

  function constraints(kind) {
    return Array.prototype.filter.call(document.querySelectorAll('#f-constraints select'), function (s) {
      return s.value === kind;
    }).map(function (s) { return s.getAttribute('data-constraint'); });
  }

  function showRange() {
    var fov = parseFloat($('f-fov').value), px = parseFloat($('f-px').value);
    var ppm = PPM[$('f-dori').value];
    if (fov > 0 && fov < 360 && px > 0) {
      var d = px / (2 * ppm * Math.tan(fov * Math.PI / 360));
      $('f-range').textContent = 'This camera reaches ' + $('f-dori').value + ' level to about ' + Math.round(d)
        + ' m (EN 62676-4: d = W / (2 · ppm · tan(FOV/2))).';
    } else {
      $('f-range').textContent = 'The lens angle must be more than 0° and less than 360°.';
    }
  }

  function requestBody() {
    var types = {};
    document.querySelectorAll('#f-types input[type=checkbox]').forEach(function (cb) {
      if (cb.checked) {
        var t = cb.getAttribute('data-type');
        var w = document.querySelector('#f-types input[data-weight-for="' + t + '"]');
        types[t] = parseFloat(w.value);
      }
    });
    var body = {
      boundary: $('f-boundary').value,
      title: $('f-title').value.trim(),
      months: months(),
      crimeTypes: types,
      recencyHalfLifeMonths: parseFloat($('f-halflife').value),
      camera: { fovDegrees: parseFloat($('f-fov').value), widthPx: parseInt($('f-px').value, 10),
                mountHeightMetres: parseFloat($('f-height').value), ptz: $('f-ptz').checked, dori: $('f-dori').value },
      minSpacingMetres: parseFloat($('f-spacing').value),
      solver: $('f-solver').value,
      timeLimitSeconds: 30,
      generateCandidates: $('f-generated').checked,
      requiredConstraints: constraints('required'),
      excludedConstraints: constraints('excluded')
    };
    if ($('f-buildings').value) { body.buildingLayer = $('f-buildings').value; }
    if ($('f-by-budget').checked) { body.budgetGbp = parseFloat($('f-budget').value); }
    else { body.cameras = parseInt($('f-cameras').value, 10); }
    return body;
  }

  function run(ev) {
    ev.preventDefault();
    var body = requestBody();
    if (Object.keys(body.crimeTypes).length === 0) { status('Choose at least one crime type.', true); return; }
    $('run').disabled = true;
    status('Starting…');
    fetch('/api/planning/jobs', {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json, application/problem+json' },
      body: JSON.stringify(body)
    }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (j) {
        if (!r.ok) { throw new Error(j.detail || j.title || ('HTTP ' + r.status)); }
        return j;
      });
    }).then(function (job) {
      follow(job.events);
    }).catch(function (e) {
      status('The plan could not be made: ' + e.message, true);
      $('run').disabled = false;
    });
  }

  // Follows a plan job's server-sent events until it is done, then shows the plan.
  function follow(url) {
    var source = new EventSource(url);
    function end() { source.close(); $('run').disabled = false; }
    source.addEventListener('progress', function (ev) {
      var p = JSON.parse(ev.data);
      status(p.phase + (p.total > 0 ? ' ' + p.done + '/' + p.total : '') + ' · ' + p.elapsedSeconds.toFixed(1) + ' s');
    });
    source.addEventListener('done', function (ev) {
      var p = JSON.parse(ev.data);
      end();
      if (!p.planId) { status('The plan could not be made: ' + (p.error || 'unknown reason'), true); return; }
      S.getJson('/api/plans/' + encodeURIComponent(p.planId)).then(function (plan) {
        status('Plan ready (' + plan.solver + ', ' + (plan.solverSeconds || 0).toFixed(2) + ' s).');
        showPlan(plan);
        loadSaved();
      }).catch(function (e) { status('The plan could not be read: ' + e.message, true); });
    });
    source.onerror = function () {
      if (source.readyState === EventSource.CLOSED) { return; }
      end();
      status('Lost contact with the server while the plan was being made.', true);
    };
  }

  // --- results --------------------------------------------------------------------------------

  function showPlan(plan) {
    // the server leaves empty lists out of its JSON
    plan.sites = plan.sites || [];
    plan.curve = plan.curve || [];
    plan.notes = plan.notes || [];
    plan.hotspots = plan.hotspots || [];
    currentPlan = plan;
    closeCompare();
    $('results').hidden = false;
    var summary = plan.sites.length + ' new camera' + (plan.sites.length === 1 ? '' : 's') + ' cover '
      + pct(plan.coveredShare) + ' of the demand (existing cameras: ' + pct(plan.existingCoveredShare) + ')';
    if (plan.upperBoundShare !== null && plan.upperBoundShare !== undefined) {
      summary += '; proven best possible ≤ ' + pct(plan.upperBoundShare);
    }
    summary += '. ' + plan.records + ' records at ' + plan.demandPoints + ' map points, '
      + plan.candidates + ' candidate sites' + (plan.candidateSites ? ' (' + plan.candidateSites + ')' : '')
      + '. Demand: ' + plan.demand + '. Camera: ' + plan.camera + '.';
    $('r-summary').textContent = summary;
    var list = $('r-sites');
    list.textContent = '';
    plan.sites.forEach(function (s) {
      var li = el('li');
      li.appendChild(el('strong', null, s.siteId));
      if (s.source) { li.appendChild(el('span', 'where', ' · ' + s.source)); }
      li.appendChild(document.createTextNode(' — facing ' + Math.round(s.azimuthDegrees) + '°'
        + (s.costGbp > 0 ? ', £' + Math.round(s.costGbp).toLocaleString('en-GB') : '') + ' — '));
      li.appendChild(el('span', 'gain', '+' + pct(s.marginalShare)));
      li.appendChild(document.createTextNode(' (total ' + pct(s.cumulativeShare) + ')'));
      li.appendChild(el('br'));
      li.appendChild(el('span', 'muted', s.explanation));
      li.addEventListener('click', function () { S.map.setView([s.lat, s.lon], 17); });
      list.appendChild(li);
    });
    var hot = $('r-hotspots');
    hot.textContent = '';
    plan.hotspots.slice(0, 5).forEach(function (h) {
      var li = el('li', null, h.name + ': ' + h.records + ' records, ' + pct(h.demandShare) + ' of the demand; covered '
        + pct(h.existingShare) + ' → ' + pct(h.coveredShare));
      li.title = 'Show on the map';
      li.addEventListener('click', function () { S.map.setView([h.lat, h.lon], 16); });
      hot.appendChild(li);
    });
    if (plan.hotspots.length === 0) { hot.appendChild(el('li', 'muted', 'No significant hotspot recorded for this plan.')); }
    $('r-notes').textContent = plan.notes.concat(plan.occlusion ? ['Buildings: ' + plan.occlusion + '.'] : []).join(' ');
    var base = '/api/plans/' + encodeURIComponent(plan.id) + '/export';
    $('x-geojson').href = base + '?format=geojson';
    $('x-csv').href = base + '?format=csv';
    $('x-gpkg').href = base + '?format=gpkg';
    $('x-sectors').href = base + '?format=geojson&layer=sectors';
    $('x-report').href = '/api/plans/' + encodeURIComponent(plan.id) + '/report';
    drawCurve(plan.curve);
    drawPlan(plan);
  }

  function svg(tag, attrs) {
    var e = document.createElementNS('http://www.w3.org/2000/svg', tag);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }

  // Axes of a coverage curve (share of demand against new cameras); returns the x and y scales.
  function curveAxes(box, f) {
    function x(c) { return f.L + (f.W - f.L - f.R) * c / f.n; }
    function y(v) { return f.H - f.B - (f.H - f.T - f.B) * v / f.top; }
    box.appendChild(svg('line', { x1: f.L, y1: f.H - f.B, x2: f.W - f.R, y2: f.H - f.B, 'class': 'axis', stroke: '#5b6b78' }));
    box.appendChild(svg('line', { x1: f.L, y1: f.T, x2: f.L, y2: f.H - f.B, stroke: '#5b6b78' }));
    for (var i = 0; i <= 4; i++) {
      var v = f.top * i / 4;
      box.appendChild(svg('line', { x1: f.L, y1: y(v), x2: f.W - f.R, y2: y(v), stroke: '#e3e8ec' }));
      var t = svg('text', { x: f.L - 4, y: y(v) + 4, 'text-anchor': 'end', 'font-size': 10, fill: '#5b6b78' });
      t.textContent = axisPct(v, f.top);
      box.appendChild(t);
    }
    var xl = svg('text', { x: (f.L + f.W - f.R) / 2, y: f.H - f.B + 18, 'text-anchor': 'middle', 'font-size': 10, fill: '#5b6b78' });
    xl.textContent = 'new cameras (0 … ' + f.n + ')';
    box.appendChild(xl);
    return { x: x, y: y };
  }

  function drawCurve(curve) {
    var box = $('r-curve');
    box.textContent = '';
    var W = 340, H = 170, L = 40, R = 10, T = 10, B = 28;
    curve = curve.map(function (p) { return { cameras: p.cameras || 0, coveredShare: p.coveredShare || 0 }; });
    var n = Math.max(1, curve.length ? curve[curve.length - 1].cameras : 1);
    var top = Math.max(0.05, Math.ceil((curve.length ? curve[curve.length - 1].coveredShare : 0) * 10 + 0.001) / 10);
    var axes = curveAxes(box, { W: W, H: H, L: L, R: R, T: T, B: B, n: n, top: top });
    var x = axes.x, y = axes.y;
    var pts = curve.map(function (p) { return x(p.cameras) + ',' + y(p.coveredShare); }).join(' ');
    box.appendChild(svg('polyline', { points: pts, fill: 'none', stroke: '#0b3d5c', 'stroke-width': 2 }));
    curve.forEach(function (p) {
      box.appendChild(svg('circle', { cx: x(p.cameras), cy: y(p.coveredShare), r: 2.5, fill: '#f2b632', stroke: '#0b3d5c' }));
    });
  }

  // --- map ------------------------------------------------------------------------------------

  function drawPlan(plan) {
    var map = S.map;
    if (layers.plan) { map.removeLayer(layers.plan); }
    var group = L.featureGroup();
    plan.sites.forEach(function (s) {
      var ring = s.sector.map(function (c) { return [c[1], c[0]]; });
      L.polygon(ring, { color: '#b3261e', weight: 2, fillColor: '#f2b632', fillOpacity: 0.45 }).addTo(group);
      var icon = L.divIcon({ className: 'site-label', html: '', iconSize: [22, 22] });
      var m = L.marker([s.lat, s.lon], { icon: icon, title: '#' + s.rank + ' ' + s.siteId }).addTo(group);
      m.on('add', function () { var e = m.getElement(); if (e) { e.textContent = String(s.rank); } });
      var tip = el('div');
      tip.appendChild(el('strong', null, '#' + s.rank + ' ' + s.siteId));
      tip.appendChild(el('div', null, s.explanation));
      m.bindPopup(tip);
    });
    group.addTo(map);
    layers.plan = group;
    if (plan.sites.length > 0) { map.fitBounds(group.getBounds(), { padding: [30, 30], maxZoom: 15 }); }
  }

  function loadHotspots() {
    var map = S.map;
    if (layers.hotspot) { map.removeLayer(layers.hotspot); layers.hotspot = null; }
    $('hotspot-method').textContent = '';
    var layer = $('hotspot-layer').value;
    var boundary = $('f-boundary').value;
    if (!layer || !boundary) { return; }
    var types = Object.keys(requestBody().crimeTypes).join(',');
    return S.getJson('/api/hotspots/' + layer + '?boundary=' + encodeURIComponent(boundary) + '&months=' + encodeURIComponent(months())
      + '&types=' + encodeURIComponent(types)).then(function (fc) {
      var max = 0;
      fc.features.forEach(function (f) { max = Math.max(max, Math.abs(f.properties.value)); });
      layers.hotspot = L.geoJSON(fc, {
        interactive: false,
        style: function (f) {
          var p = f.properties;
          if (p.flag !== undefined) {
            return { stroke: false, fillColor: p.flag > 0 ? '#d7301f' : '#2b8cbe', fillOpacity: 0.55 };
          }
          var a = max > 0 ? p.value / max : 0;
          return { stroke: false, fillColor: a > 0.6 ? '#bd0026' : a > 0.3 ? '#f03b20' : a > 0.15 ? '#fd8d3c' : '#fecc5c',
                   fillOpacity: 0.25 + 0.5 * a };
        }
      }).addTo(map);
      layers.hotspot.bringToBack();
      $('hotspot-method').textContent = fc.method || '';
    }).catch(function (e) {
      $('hotspot-method').textContent = 'No hotspot layer: ' + e.message;
    });
  }

  // The named Gi* hotspots as outlines, labelled with their street; the same hotspots a plan's
  // explanations and hotspot list name (for the form's months and crime types).
  function loadHotspotAreas() {
    var map = S.map;
    var seq = ++hotspotAreaRequest;
    if (layers.hotspotAreas) { map.removeLayer(layers.hotspotAreas); layers.hotspotAreas = null; }
    $('hotspot-areas-hint').textContent = '';
    var boundary = $('f-boundary').value;
    var types = Object.keys(requestBody().crimeTypes);
    if (!$('show-hotspot-areas').checked || !boundary || types.length === 0) { return; }
    return S.getJson('/api/hotspots/named?boundary=' + encodeURIComponent(boundary) + '&months=' + encodeURIComponent(months())
      + '&types=' + encodeURIComponent(types.join(','))).then(function (fc) {
      if (seq !== hotspotAreaRequest) { return; }
      var group = L.featureGroup();
      L.geoJSON(fc, {
        style: { color: '#5b2a86', weight: 1.5, fill: true, fillOpacity: 0, className: 'hotspot-area' },
        onEachFeature: function (f, l) {
          var p = f.properties;
          var pop = el('div');
          pop.appendChild(el('strong', null, '#' + p.rank + ' ' + p.name));
          pop.appendChild(el('div', null, p.records + ' records, ' + p.area_km2.toFixed(2) + ' km², '
            + pct(p.demand_share) + ' of the demand'));
          l.bindPopup(pop);
          // the name sits at the hotspot's weighted centre: a polygon's own centre is that of its first
          // part only, which for a hotspot of several parts can be a stray cell
          var major = p.rank <= LABELLED_HOTSPOTS;
          L.tooltip({ permanent: true, direction: 'center', interactive: false, pane: labelPane(),
                      className: 'hotspot-name' + (major ? '' : ' minor') })
            .setLatLng([p.centre_lat, p.centre_lon])
            .setContent(el('span', null, (major ? p.rank + '. ' : '') + p.name))
            .addTo(group);
        }
      }).addTo(group);
      layers.hotspotAreas = group.addTo(map);
      $('hotspot-areas-hint').textContent = fc.features.length + ' named hotspots (Gi*, FDR 5 %) outlined; names of the '
        + Math.min(LABELLED_HOTSPOTS, fc.features.length) + ' largest shown, the others from street zoom.';
    }).catch(function (e) { $('hotspot-areas-hint').textContent = 'No named hotspots: ' + e.message; });
  }

  // Hotspot names go under the markers (recommended sites, candidates) so that they never hide a site.
  function labelPane() {
    if (!S.map.getPane('hotspotLabels')) {
      S.map.createPane('hotspotLabels').style.zIndex = 450;
    }
    return 'hotspotLabels';
  }

  // Hotspot names beyond the first few show once the map is at street scale, so that they do not pile up.
  function labelZoom() {
    S.map.getContainer().classList.toggle('street-zoom', S.map.getZoom() >= 15);
  }

  function loadExisting() {
    var map = S.map;
    if (layers.existing) { map.removeLayer(layers.existing); layers.existing = null; }
    if (!$('show-existing').checked) { return; }
    return S.getJson('/api/planning/existing-coverage?dori=' + encodeURIComponent($('f-dori').value)
      + ($('f-buildings').value ? '&buildingLayer=' + encodeURIComponent($('f-buildings').value) : '')).then(function (fc) {
      layers.existing = L.geoJSON(fc, {
        style: { color: '#1f5fbf', weight: 1, fillColor: '#1f5fbf', fillOpacity: 0.25 },
        onEachFeature: function (f, l) {
          l.bindTooltip(el('span', null, 'Existing camera ' + f.properties.id + ' (' + f.properties.range_metres + ' m)'));
        }
      }).addTo(map);
    }).catch(function (e) { console.warn('existing cameras: ' + e.message); });
  }

  function loadCandidates() {
    var map = S.map;
    if (layers.candidates) { map.removeLayer(layers.candidates); layers.candidates = null; }
    if (!$('show-candidates').checked) { return; }
    return S.getJson('/api/geo/candidates').then(function (fc) {
      layers.candidates = L.geoJSON(fc, {
        pointToLayer: function (f, latlng) {
          return L.circleMarker(latlng, { radius: 2.5, color: '#444', weight: 1, fillColor: '#fff', fillOpacity: 1 });
        },
        onEachFeature: function (f, l) {
          l.bindTooltip(el('span', null, 'Candidate ' + f.properties.id + ' · £' + Math.round(f.properties.cost_gbp).toLocaleString('en-GB')));
        }
      }).addTo(map);
    }).catch(function (e) { console.warn('candidate sites: ' + e.message); });
  }

  // --- building footprints ---------------------------------------------------------------------

  function loadBuildings(select) {
    return S.getJson('/api/planning/building-layers').then(function (list) {
      var sel = $('f-buildings');
      var keep = select || sel.value;
      while (sel.options.length > 1) { sel.remove(1); }
      list.forEach(function (l) {
        var o = el('option', null, l.name + ' (' + l.footprints.toLocaleString('en-GB') + ' footprints)');
        o.value = l.id;
        sel.appendChild(o);
      });
      sel.value = keep && list.some(function (l) { return l.id === keep; }) ? keep : '';
    }).catch(function (e) { $('f-buildings-status').textContent = 'Building layers unavailable: ' + e.message; });
  }

  // Draws the chosen layer's footprints in view once the map shows streets (zoom 15 or closer).
  function loadFootprints() {
    var map = S.map;
    var seq = ++footprintRequest;
    var id = $('f-buildings').value;
    $('buildings-hint').textContent = '';
    if (!id || !$('show-buildings').checked) {
      if (layers.buildings) { map.removeLayer(layers.buildings); layers.buildings = null; }
      return;
    }
    if (map.getZoom() < 15) {
      if (layers.buildings) { map.removeLayer(layers.buildings); layers.buildings = null; }
      $('buildings-hint').textContent = 'Zoom in to see the buildings.';
      return;
    }
    var b = map.getBounds();
    var bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(function (v) { return v.toFixed(5); }).join(',');
    S.getJson('/api/planning/building-layers/' + encodeURIComponent(id) + '/footprints?bbox=' + bbox).then(function (fc) {
      if (seq !== footprintRequest) { return; }
      if (layers.buildings) { map.removeLayer(layers.buildings); }
      layers.buildings = L.geoJSON(fc, { interactive: false, className: 'building-footprint',
        style: { color: '#3d4650', weight: 1, fillColor: '#7d8791', fillOpacity: 0.65 } }).addTo(map);
      $('buildings-hint').textContent = fc.features.length + (fc.features.length === 1 ? ' building' : ' buildings')
        + ' in view.';
    }).catch(function (e) { $('buildings-hint').textContent = 'No buildings: ' + e.message; });
  }

  function uploadBuildings() {
    var input = $('f-buildings-file');
    if (!input.files || input.files.length === 0) { return; }
    var form = new FormData();
    form.append('file', input.files[0], input.files[0].name);
    $('f-buildings-status').textContent = 'Reading ' + input.files[0].name + '…';
    fetch('/api/planning/building-layers', {
      method: 'POST', credentials: 'same-origin', body: form,
      headers: { 'Accept': 'application/json, application/problem+json' }
    }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (j) {
        if (r.status === 413 || j.maxRequestBytes) {
          throw new Error('the file is larger than the service takes in one request; store it with '
            + '"./sightline plan buildings FILE" and choose it here');
        }
        if (!r.ok) { throw new Error(j.detail || j.title || ('HTTP ' + r.status)); }
        return j;
      });
    }).then(function (layer) {
      $('f-buildings-status').textContent = layer.message || ('Stored ' + layer.name);
      input.value = '';
      return loadBuildings(layer.id).then(function () { loadFootprints(); loadExisting(); });
    }).catch(function (e) {
      $('f-buildings-status').textContent = 'These buildings cannot be used: ' + e.message;
      input.value = '';
    });
  }

  // --- saved plans and scenario comparison ----------------------------------------------------

  function checkedPlans() {
    return Array.prototype.map.call(document.querySelectorAll('#saved-list input[type=checkbox]:checked'),
      function (cb) { return cb.value; });
  }

  function loadSaved() {
    return S.getJson('/api/plans').then(function (plans) {
      var ticked = checkedPlans();
      var list = $('saved-list');
      list.textContent = '';
      plans.forEach(function (p) {
        var li = el('li');
        var cb = el('input');
        cb.type = 'checkbox';
        cb.value = p.id;
        cb.checked = ticked.indexOf(p.id) >= 0;
        cb.setAttribute('aria-label', 'Compare plan ' + (p.title || p.id));
        cb.addEventListener('change', updateCompareButton);
        var text = el('span', null, (p.title || p.boundary) + ' · ' + p.months + ' · ' + p.sites + ' cameras, '
          + pct(p.coveredShare) + (p.costGbp > 0 ? ', £' + Math.round(p.costGbp).toLocaleString('en-GB') : ''));
        text.title = 'made ' + p.createdAt + (p.createdBy ? ' by ' + p.createdBy : '');
        var open = el('button', null, 'Open');
        open.type = 'button';
        open.addEventListener('click', function () {
          S.getJson('/api/plans/' + encodeURIComponent(p.id)).then(showPlan)
            .catch(function (e) { status('The plan could not be read: ' + e.message, true); });
        });
        li.appendChild(cb);
        li.appendChild(text);
        li.appendChild(open);
        list.appendChild(li);
      });
      if (plans.length === 0) { list.appendChild(el('li', 'muted', 'No plans saved yet.')); }
      updateCompareButton();
    }).catch(function (e) { console.warn('saved plans: ' + e.message); });
  }

  function updateCompareButton() {
    var n = checkedPlans().length;
    $('compare-run').disabled = n < 2 || n > 6;
    $('compare-run').textContent = n > 6 ? 'Compare (at most 6)' : 'Compare selected' + (n >= 2 ? ' (' + n + ')' : '');
  }

  function compare() {
    var ids = checkedPlans();
    S.getJson('/api/plans/compare?ids=' + encodeURIComponent(ids.join(','))).then(showCompare)
      .catch(function (e) { status('The plans could not be compared: ' + e.message, true); });
  }

  function closeCompare() {
    $('compare').hidden = true;
    if (layers.compare) { S.map.removeLayer(layers.compare); layers.compare = null; }
    if (layers.plan && !S.map.hasLayer(layers.plan)) { layers.plan.addTo(S.map); }
  }

  function money(x) { return '£' + Math.round(x || 0).toLocaleString('en-GB'); }

  function compareRow(table, label, cells, best) {
    var tr = el('tr');
    tr.appendChild(el('td', null, label));
    cells.forEach(function (c, i) {
      var td = el('td', best !== undefined && best === i ? 'best' : null, c);
      tr.appendChild(td);
    });
    table.appendChild(tr);
  }

  function argBest(values, higherIsBetter) {
    var best = -1;
    values.forEach(function (v, i) {
      if (v === null || v === undefined) { return; }
      if (best < 0 || (higherIsBetter ? v > values[best] : v < values[best])) { best = i; }
    });
    var tied = values.filter(function (v) { return best >= 0 && v === values[best]; }).length > 1;
    return tied ? undefined : best;
  }

  function showCompare(c) {
    var plans = c.plans;
    $('compare').hidden = false;
    var table = $('compare-table');
    table.textContent = '';
    var head = el('tr');
    head.appendChild(el('th', null, 'Plan'));
    plans.forEach(function (p, k) {
      var th = el('th');
      th.appendChild(el('span', 'swatch plan-k' + k, p.key));
      th.appendChild(document.createTextNode(p.title || p.boundary));
      head.appendChild(th);
    });
    table.appendChild(head);
    compareRow(table, 'New cameras', plans.map(function (p) { return String(p.cameras); }));
    compareRow(table, 'Cost', plans.map(function (p) { return money(p.costGbp); }),
      argBest(plans.map(function (p) { return p.cameras > 0 ? p.costGbp : null; }), false));
    compareRow(table, 'Demand covered', plans.map(function (p) { return pct(p.coveredShare); }),
      argBest(plans.map(function (p) { return p.coveredShare; }), true));
    compareRow(table, 'of which new cameras', plans.map(function (p) { return pct(p.addedShare); }),
      argBest(plans.map(function (p) { return p.addedShare; }), true));
    compareRow(table, 'Existing cameras', plans.map(function (p) { return pct(p.existingCoveredShare); }));
    compareRow(table, 'Candidate sites', plans.map(function (p) {
      return (p.candidates || 0).toLocaleString('en-GB') + (p.candidateSites ? ': ' + p.candidateSites : '');
    }));
    compareRow(table, 'Optimiser', plans.map(function (p) {
      return p.solver + (p.gap !== null && p.gap !== undefined ? ', gap ' + (100 * p.gap).toFixed(2) + ' %' : '');
    }));
    var section = el('tr', 'section');
    var cell = el('td', null, 'Records the new cameras add, of all in the area');
    cell.colSpan = plans.length + 1;
    section.appendChild(cell);
    table.appendChild(section);
    c.crimeTypes.forEach(function (row) {
      compareRow(table, row.type, row.plans.map(function (x) {
        return x.added === null || x.added === undefined ? '—' : x.added + ' of ' + x.total + ' (' + pct(x.share) + ')';
      }), argBest(row.plans.map(function (x) { return x.added; }), true));
    });
    var notes = $('compare-notes');
    notes.textContent = '';
    plans.forEach(function (p) {
      notes.appendChild(el('div', 'muted', p.key + ': ' + p.demand + '. ' + p.camera + '.'
        + (p.occlusion ? ' Buildings: ' + p.occlusion + '.' : '')));
    });
    (c.notes || []).forEach(function (n) { notes.appendChild(el('div', null, 'Note: ' + n + '.')); });
    drawCompareCurves(plans);
    drawCompareMap(plans);
    $('compare').scrollIntoView({ block: 'start' });
  }

  function drawCompareCurves(plans) {
    var box = $('compare-curve');
    box.textContent = '';
    var rows = Math.ceil(plans.length / 2);
    var W = 340, H = 160 + 13 * rows, L = 40, R = 10, T = 10, B = 34 + 13 * rows;
    box.setAttribute('viewBox', '0 0 ' + W + ' ' + H);
    var n = 1, top = 0.05;
    plans.forEach(function (p) {
      (p.curve || []).forEach(function (q) { n = Math.max(n, q.cameras || 0); top = Math.max(top, q.coveredShare || 0); });
    });
    top = Math.ceil(top * 10 + 0.001) / 10;
    var axes = curveAxes(box, { W: W, H: H, L: L, R: R, T: T, B: B, n: n, top: top });
    var x = axes.x, y = axes.y;
    plans.forEach(function (p, k) {
      var attrs = { points: (p.curve || []).map(function (q) { return x(q.cameras || 0) + ',' + y(q.coveredShare || 0); }).join(' '),
        fill: 'none', stroke: PLAN_COLOURS[k], 'stroke-width': 2, 'class': 'cmp-curve' };
      if (PLAN_DASHES[k]) { attrs['stroke-dasharray'] = PLAN_DASHES[k]; }
      box.appendChild(svg('polyline', attrs));
      var lx = L + (k % 2) * 150, ly = H - B + 34 + Math.floor(k / 2) * 13;
      var legend = { x1: lx, y1: ly - 3, x2: lx + 16, y2: ly - 3, stroke: PLAN_COLOURS[k], 'stroke-width': 2 };
      if (PLAN_DASHES[k]) { legend['stroke-dasharray'] = PLAN_DASHES[k]; }
      box.appendChild(svg('line', legend));
      var lt = svg('text', { x: lx + 20, y: ly, 'font-size': 10, fill: '#1b2630' });
      var name = p.title || p.boundary;
      lt.textContent = p.key + ' ' + (name.length > 20 ? name.slice(0, 19) + '…' : name);
      box.appendChild(lt);
    });
  }

  function drawCompareMap(plans) {
    var map = S.map;
    if (layers.compare) { map.removeLayer(layers.compare); }
    if (layers.plan) { map.removeLayer(layers.plan); }
    var group = L.featureGroup();
    plans.forEach(function (p, k) {
      (p.sites || []).forEach(function (s) {
        var ring = (s.sector || []).map(function (c) { return [c[1], c[0]]; });
        var style = { color: PLAN_COLOURS[k], weight: 2, fillColor: PLAN_COLOURS[k], fillOpacity: 0.12 };
        if (PLAN_DASHES[k]) { style.dashArray = PLAN_DASHES[k]; }
        if (ring.length > 2) { L.polygon(ring, style).addTo(group); }
        var icon = L.divIcon({ className: 'cmp-site plan-k' + k + ' shape-' + k, html: '', iconSize: [24, 24] });
        var m = L.marker([s.lat, s.lon], { icon: icon, title: p.key + s.rank + ' ' + s.siteId }).addTo(group);
        m.on('add', function () { var e = m.getElement(); if (e) { e.textContent = p.key + s.rank; } });
        var tip = el('div');
        tip.appendChild(el('strong', null, 'Plan ' + p.key + ' #' + s.rank + ' ' + s.siteId));
        tip.appendChild(el('div', null, s.explanation));
        m.bindPopup(tip);
      });
    });
    group.addTo(map);
    layers.compare = group;
    if (group.getLayers().length > 0) { map.fitBounds(group.getBounds(), { padding: [30, 30], maxZoom: 15 }); }
  }

  // --- existing estate: review and ANPR cordon -------------------------------------------------

  function estateList(title, items) {
    var out = $('estate-out');
    out.appendChild(el('p', null, title));
    var ul = el('ul');
    items.forEach(function (i) { ul.appendChild(i); });
    out.appendChild(ul);
  }

  function clearEstate() {
    $('estate-out').textContent = '';
    if (layers.estate) { S.map.removeLayer(layers.estate); layers.estate = null; }
    layers.estate = L.featureGroup().addTo(S.map);
  }

  function review() {
    clearEstate();
    $('estate-out').appendChild(el('p', 'muted', 'Reviewing the cameras on ' + months() + '…'));
    S.getJson('/api/planning/review?boundary=' + encodeURIComponent($('f-boundary').value) + '&months='
      + encodeURIComponent(months()) + '&dori=' + encodeURIComponent($('f-dori').value)).then(function (r) {
      clearEstate();
      var quiet = r.cameras.filter(function (c) { return c.quiet; });
      quiet.forEach(function (c) {
        L.circleMarker([c.lat, c.lon], { radius: 6, color: '#5b6b78', weight: 2, fillColor: '#d6dde3', fillOpacity: 1 })
          .bindTooltip(el('span', null, c.id + ': quiet (' + c.records + ' records in view)')).addTo(layers.estate);
      });
      estateList(r.cameras.length + ' CCTV cameras reviewed; ' + quiet.length + ' watch an area that has gone quiet. Best moves:',
        (r.moves || []).slice(0, 5).map(function (m) {
          var cam = r.cameras.filter(function (c) { return c.id === m.camera; })[0];
          if (cam) {
            L.polyline([[cam.lat, cam.lon], [m.lat, m.lon]], { color: '#5b2a86', weight: 2, dashArray: '4 4' }).addTo(layers.estate);
          }
          return el('li', null, m.explanation);
        }));
    }).catch(function (e) { clearEstate(); $('estate-out').appendChild(el('p', 'open', 'No review: ' + e.message)); });
  }

  function cordon() {
    clearEstate();
    S.getJson('/api/planning/cordon?boundary=' + encodeURIComponent($('f-boundary').value)).then(function (r) {
      var sites = r.sites || [], open = r.uncovered || [], existing = r.coveredByExisting || [];
      sites.forEach(function (s) {
        var icon = L.divIcon({ className: 'anpr-site', html: '', iconSize: [14, 14] });
        L.marker([s.lat, s.lon], { icon: icon, title: 'New ANPR site at ' + s.crossing })
          .bindTooltip(el('span', null, 'New ANPR site: ' + s.road + ' (' + s.crossing + ')')).addTo(layers.estate);
      });
      estateList(r.crossings + ' arterial crossings, ' + r.directions + ' ways through; existing ANPR reads '
        + existing.length + '. Fewest new sites (' + r.solver + (r.proven ? ', proven' : '') + '): ' + sites.length + '.',
        sites.map(function (s) {
          return el('li', null, 'New ANPR site on the ' + s.road + ' at ' + s.crossing + ': reads '
            + (s.closes || []).map(function (g) { return g.way + ' ' + g.road; }).join(', '));
        }).concat(open.map(function (g) { return el('li', 'open', 'Open: ' + g.way + ' on the ' + g.road + ' — ' + g.note); })));
    }).catch(function (e) { $('estate-out').appendChild(el('p', 'open', 'No cordon: ' + e.message)); });
  }

  // --- start ----------------------------------------------------------------------------------

  function start() {
    var opts = S.getJson('/api/planning/options');
    var bounds = S.getJson('/api/geo/boundaries');
    Promise.all([opts, bounds, S.mapReady]).then(function (r) {
      options = r[0];
      var sel = $('f-boundary');
      r[1].features.forEach(function (f) {
        var o = el('option', null, f.properties.name + ' (' + f.properties.code + ')');
        o.value = f.properties.code;
        sel.appendChild(o);
      });
      var range = (options.defaultMonths || '').split('..');
      if (range.length === 2) { $('f-from').value = range[0]; $('f-to').value = range[1]; }
      fillTypes(options.crimeTypes, options.priorities);
      fillConstraints(options.siteConstraints);
      showRange();
      if (!options.lastMonth) { status('No crime records are loaded yet: import police.uk files first.', true); }
      if (sel.options.length === 0) { status('No area is loaded yet: import a boundary first.', true); }
      // each load catches its own failure; the form says when all have settled, so that tests (and
      // a planner's first click) do not race the page's heaviest requests
      Promise.all([loadHotspots(), loadHotspotAreas(), loadExisting(), loadCandidates(), loadBuildings(), loadSaved()])
        .then(function () { $('plan-form').setAttribute('data-ready', 'true'); });
      S.map.on('moveend', loadFootprints);
      S.map.on('zoomend', labelZoom);
      labelZoom();
    }).catch(function (e) { status('The planner could not start: ' + e.message, true); });

    $('plan-form').addEventListener('submit', run);
    $('run-review').addEventListener('click', review);
    $('run-cordon').addEventListener('click', cordon);
    $('compare-run').addEventListener('click', compare);
    $('compare-close').addEventListener('click', closeCompare);
    $('f-buildings-file').addEventListener('change', uploadBuildings);
    $('f-buildings').addEventListener('change', function () { loadFootprints(); loadExisting(); });
    $('show-buildings').addEventListener('change', loadFootprints);
    ['f-fov', 'f-px', 'f-dori'].forEach(function (id) { $(id).addEventListener('input', showRange); });
    $('f-dori').addEventListener('change', loadExisting);
    $('f-by-count').addEventListener('change', function () { $('f-cameras').disabled = false; $('f-budget').disabled = true; });
    $('f-by-budget').addEventListener('change', function () { $('f-cameras').disabled = true; $('f-budget').disabled = false; });
    $('hotspot-layer').addEventListener('change', loadHotspots);
    $('f-from').addEventListener('change', loadHotspots);
    $('f-to').addEventListener('change', loadHotspots);
    ['f-from', 'f-to'].forEach(function (id) { $(id).addEventListener('change', loadHotspotAreas); });
    $('f-types').addEventListener('change', loadHotspotAreas);
    $('show-hotspot-areas').addEventListener('change', loadHotspotAreas);
    $('show-existing').addEventListener('change', loadExisting);
    $('show-candidates').addEventListener('change', loadCandidates);
  }

  S.mapReady.catch(function (e) { console.error('map', e); });
  start();
})();
