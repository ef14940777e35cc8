// Engineer page: every roadside unit with its status (map colour and table), last heartbeat,
// hourly read counts, firmware, free disk and camera faults; "needs a visit" filter; a unit's
// status timeline; live updates from the status event stream. Unit data is written as text only.
(function () {
  'use strict';
  var S = window.Sightline;
  var COLOURS = { ONLINE: '#1e7b34', STALE: '#a86400', OFFLINE: '#b3261e', UNKNOWN: '#7b8a96' };
  var units = [];
  var selected = null;
  var markers = null;
  var fitted = false;
  var $ = function (id) { return document.getElementById(id); };

  var css = document.createElement('link');
  css.rel = 'stylesheet';
  css.href = '/assets/engineer.css';
  document.head.appendChild(css);

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  function ago(iso) {
    if (!iso) { return 'never'; }
    var s = Math.max(0, Math.round((Date.now() - new Date(iso).getTime()) / 1000));
    if (s < 90) { return s + ' s ago'; }
    if (s < 5400) { return Math.round(s / 60) + ' min ago'; }
    if (s < 172800) { return Math.round(s / 3600) + ' h ago'; }
    return Math.round(s / 86400) + ' days ago';
  }

  function bytes(n) {
    if (n === null || n === undefined) { return '–'; }
    var gib = n / (1024 * 1024 * 1024);
    return gib >= 1 ? gib.toFixed(1) + ' GiB' : Math.round(n / (1024 * 1024)) + ' MiB';
  }

  function sparkline(counts) {
    var ns = 'http://www.w3.org/2000/svg';
    var w = 60, h = 16, max = Math.max.apply(null, counts.concat([1]));
    var svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('class', 'spark');
    svg.setAttribute('width', w);
    svg.setAttribute('height', h);
    svg.setAttribute('viewBox', '0 0 ' + w + ' ' + h);
    svg.setAttribute('aria-hidden', 'true');
    var bw = w / counts.length;
    counts.forEach(function (c, i) {
      var r = document.createElementNS(ns, 'rect');
      var bh = Math.max(c > 0 ? 1 : 0, Math.round((c / max) * h));
      r.setAttribute('x', (i * bw + 0.5).toFixed(1));
      r.setAttribute('y', h - bh);
      r.setAttribute('width', Math.max(1, bw - 1).toFixed(1));
      r.setAttribute('height', bh);
      svg.appendChild(r);
    });
    return svg;
  }

  function visible() {
    var only = $('needs-visit').checked;
    return units.filter(function (u) { return !only || u.needsVisit; });
  }

  function renderSummary() {
    var box = $('unit-summary');
    box.textContent = '';
    ['ONLINE', 'STALE', 'OFFLINE', 'UNKNOWN'].forEach(function (s) {
      var n = units.filter(function (u) { return u.state === s; }).length;
      if (n > 0 || s === 'ONLINE') { box.appendChild(el('span', 'badge s-' + s, n + ' ' + s.toLowerCase())); }
    });
    var visit = units.filter(function (u) { return u.needsVisit; }).length;
    box.appendChild(el('span', 'badge visit', visit + ' need a visit'));
  }

  function renderTable() {
    var table = $('units-table');
    var body = table.querySelector('tbody');
    body.textContent = '';
    var list = visible();
    list.forEach(function (u) {
      var tr = el('tr');
      tr.dataset.unit = u.unitId;
      if (u.unitId === selected) { tr.classList.add('selected'); }
      var name = el('td');
      name.appendChild(el('span', 'unit-name', u.name || u.unitId));
      name.appendChild(el('span', 'unit-id', u.unitId));
      tr.appendChild(name);
      var st = el('td');
      st.appendChild(el('span', 'badge s-' + u.state, u.state.toLowerCase()));
      if (u.needsVisit) {
        var v = el('span', 'badge visit', 'visit');
        v.title = u.visitReasons.join(', ');
        st.appendChild(v);
      }
      tr.appendChild(st);
      tr.appendChild(el('td', null, ago(u.lastHeartbeatAt)));
      var rate = el('td');
      rate.appendChild(sparkline(u.readsPerHour || []));
      rate.appendChild(document.createTextNode(String(u.readsLastHour)));
      tr.appendChild(rate);
      tr.appendChild(el('td', null, u.firmware || '–'));
      tr.appendChild(el('td', null, bytes(u.diskFreeBytes)));
      var faults = el('td', 'faults');
      if (u.faults.length === 0) {
        faults.appendChild(el('span', 'ok-text', 'none'));
      } else {
        u.faults.forEach(function (f) { faults.appendChild(el('div', 'fault', f.cameraId + ': ' + f.reason)); });
      }
      tr.appendChild(faults);
      tr.addEventListener('click', function () { select(u.unitId, true); });
      body.appendChild(tr);
    });
    table.hidden = units.length === 0;
    $('units-status').textContent = units.length === 0
      ? 'No roadside units are registered yet.'
      : 'Showing ' + list.length + ' of ' + units.length + ' units · updated ' + new Date().toLocaleTimeString('en-GB');
  }

  function renderMap(map) {
    if (markers) { map.removeLayer(markers); }
    markers = L.layerGroup();
    visible().forEach(function (u) {
      var m = L.circleMarker([u.lat, u.lon], {
        radius: u.unitId === selected ? 10 : 7, weight: 2, color: '#ffffff',
        fillColor: COLOURS[u.state] || COLOURS.UNKNOWN, fillOpacity: 0.95
      });
      var tip = el('div', 'unit-marker-label');
      tip.appendChild(el('strong', null, u.name || u.unitId));
      tip.appendChild(el('div', null, u.state.toLowerCase() + ' · last seen ' + ago(u.lastHeartbeatAt)));
      if (u.needsVisit) { tip.appendChild(el('div', 'fault', 'needs a visit: ' + u.visitReasons.join(', '))); }
      m.bindTooltip(tip);
      m.on('click', function () { select(u.unitId, false); });
      m.addTo(markers);
    });
    markers.addTo(map);
    if (!fitted && units.length > 0) {
      // first view: the whole estate
      fitted = true;
      var bounds = L.latLngBounds(units.map(function (u) { return [u.lat, u.lon]; }));
      map.fitBounds(bounds.pad(0.2), { maxZoom: 15 });
    }
  }

  function render() {
    renderSummary();
    renderTable();
    S.mapReady.then(renderMap).catch(function () { /* the map says why it is missing */ });
  }

  function select(unitId, pan) {
    selected = unitId;
    var u = units.find(function (x) { return x.unitId === unitId; });
    render();
    if (!u) { return; }
    if (pan) { S.mapReady.then(function (map) { map.panTo([u.lat, u.lon]); }); }
    $('unit-detail').hidden = false;
    $('unit-detail-title').textContent = (u.name || u.unitId) + ' · status timeline';
    var facts = [u.unitId, 'estate status ' + u.registryStatus.toLowerCase()];
    if (u.temperatureCelsius !== null && u.temperatureCelsius !== undefined) { facts.push(u.temperatureCelsius.toFixed(1) + ' °C'); }
    if (u.visitReasons.length) { facts.push('needs a visit: ' + u.visitReasons.join(', ')); }
    $('unit-detail-facts').textContent = facts.join(' · ');
    if (S.cameraRecords) { S.cameraRecords.show(unitId); }
    var list = $('unit-timeline');
    list.textContent = '';
    S.getJson('/api/ingest/units/' + encodeURIComponent(unitId) + '/history').then(function (entries) {
      entries = entries || [];
      list.textContent = '';
      if (entries.length === 0) { list.appendChild(el('li', 'muted', 'No status changes recorded yet.')); }
      entries.forEach(function (h) {
        var li = el('li', 'to-' + h.to);
        var t = el('time', null, new Date(h.at).toLocaleString('en-GB'));
        t.setAttribute('datetime', h.at);
        li.appendChild(t);
        li.appendChild(document.createTextNode((h.cameraId ? 'camera ' + h.cameraId + ' ' : '') + h.from.toLowerCase()
          + ' → ' + h.to.toLowerCase() + ': ' + h.reason));
        list.appendChild(li);
      });
    }).catch(function (e) { list.appendChild(el('li', 'fault', 'Timeline unavailable: ' + e.message)); });
  }

  function load() {
    return S.getJson('/api/ingest/units').then(function (data) {
      // the server leaves out empty lists and missing values
      units = data.map(function (u) {
        u.faults = u.faults || [];
        u.visitReasons = u.visitReasons || [];
        u.readsPerHour = u.readsPerHour || [];
        u.readsLastHour = u.readsLastHour || 0;
        u.needsVisit = !!u.needsVisit;
        return u;
      });
      render();
    }).catch(function (e) { $('units-status').textContent = 'Units unavailable: ' + e.message; });
  }

  $('needs-visit').addEventListener('change', render);
  load();
  setInterval(load, 30000);

  // live: reload (at most once a second) whenever a unit or camera changes state
  var pending = null;
  if (window.EventSource) {
    var events = new EventSource('/api/ingest/units/events');
    events.addEventListener('unit', function () {
      if (pending) { return; }
      pending = setTimeout(function () { pending = null; load().then(function () { if (selected) { select(selected, false); } }); }, 1000);
    });
  }
  S.mapReady.catch(function (e) { console.error('map', e); });
})();
