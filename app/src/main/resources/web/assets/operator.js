// Operator console: the live alert feed (SSE, resumes from the last event), the selected alert's
// facts, instruction and sightings on the map, and the acknowledge / accept / reject actions.
// Every text that comes from users or units is written with textContent.
(function () {
  'use strict';
  var S = window.Sightline;
  var HIGH = 70, MEDIUM = 40;
  var alerts = new Map();
  var selectedId = null;
  var lastEventId = null;
  var audio = null;
  var soundOn = false;
  var layer = null;

  var $ = function (id) { return document.getElementById(id); };
  var feed = $('alert-feed');

  function band(p) { return p >= HIGH ? 'p-high' : (p >= MEDIUM ? 'p-medium' : 'p-low'); }
  function open(a) { return a.state === 'NEW' || a.state === 'ACKNOWLEDGED'; }

  function when(iso) {
    if (!iso) { return ''; }
    var d = new Date(iso);
    var today = new Date().toDateString() === d.toDateString();
    return (today ? '' : d.toLocaleDateString('en-GB') + ' ') + d.toLocaleTimeString('en-GB');
  }

  // Leaflet sets a string tooltip as HTML: give it an element holding the text instead
  function tip(text) { return el('span', null, text); }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  function sorted() {
    var showClosed = $('show-closed').checked;
    return Array.from(alerts.values())
      .filter(function (a) { return showClosed || open(a); })
      .sort(function (a, b) {
        if (open(a) !== open(b)) { return open(a) ? -1 : 1; }
        if (!!a.escalated !== !!b.escalated) { return a.escalated ? -1 : 1; }
        if (a.priority !== b.priority) { return b.priority - a.priority; }
        return new Date(b.lastSeen) - new Date(a.lastSeen);
      });
  }

  function render() {
    var list = sorted();
    var fresh = new Set(Array.from(feed.querySelectorAll('.fresh')).map(function (li) { return li.dataset.id; }));
    feed.textContent = '';
    list.forEach(function (a) {
      var li = el('li', 'alert-item ' + band(a.priority) + ' state-' + a.state);
      li.dataset.id = String(a.id);
      li.tabIndex = 0;
      if (a.escalated && open(a)) { li.classList.add('escalated'); }
      if (fresh.has(String(a.id))) { li.classList.add('fresh'); }
      if (String(a.id) === String(selectedId)) { li.classList.add('selected'); }
      var row = el('div', 'alert-row');
      row.appendChild(el('span', 'plate', a.plate));
      row.appendChild(el('span', 'priority-badge', 'P' + a.priority));
      if (a.historic) { row.appendChild(el('span', 'historic-tag', 'historic hit')); }
      row.appendChild(el('span', 'state-badge', (a.escalated && open(a) ? 'escalated · ' : '') + a.state.toLowerCase()));
      li.appendChild(row);
      li.appendChild(el('div', 'alert-meta', (a.listName || a.list) + ' · ' + (a.place || '') + ' · ' + when(a.lastSeen)
        + (a.sightings > 1 ? ' · ' + a.sightings + ' sightings' : '')));
      li.appendChild(el('div', 'alert-why', a.explanation));
      li.addEventListener('click', function () { select(a.id); });
      li.addEventListener('keydown', function (e) { if (e.key === 'Enter') { select(a.id); } });
      feed.appendChild(li);
    });
    $('feed-status').hidden = list.length > 0;
  }

  function cue(a, kind) {
    if (a.priority < HIGH || (kind !== 'created' && kind !== 'escalated')) { return; }
    render();
    var li = feed.querySelector('[data-id="' + a.id + '"]');
    if (li) { li.classList.add('fresh'); }
    if (soundOn && audio) { beep(kind === 'escalated' ? 3 : 2); }
  }

  function beep(times) {
    var t = audio.currentTime;
    for (var i = 0; i < times; i++) {
      var osc = audio.createOscillator();
      var gain = audio.createGain();
      osc.frequency.value = i % 2 ? 660 : 880;
      gain.gain.setValueAtTime(0.25, t + i * 0.28);
      gain.gain.exponentialRampToValueAtTime(0.001, t + i * 0.28 + 0.25);
      osc.connect(gain).connect(audio.destination);
      osc.start(t + i * 0.28);
      osc.stop(t + i * 0.28 + 0.26);
    }
  }

  function upsert(a, kind) {
    alerts.set(a.id, a);
    render();
    cue(a, kind);
    if (String(a.id) === String(selectedId)) { select(a.id, true); }
  }

  function streamState(text, cls) {
    var s = $('stream-state');
    s.textContent = text;
    s.className = 'stream-state small ' + (cls || '');
  }

  function connect() {
    var es = new EventSource('/api/alerts/stream' + (lastEventId !== null ? '?after=' + lastEventId : ''));
    ['created', 'historic', 'sighting', 'acknowledged', 'accepted', 'rejected', 'escalated', 'ready']
      .forEach(function (k) { es.addEventListener(k, onEvent); });
    es.onopen = function () { streamState('Live', 'live'); };
    // the browser reconnects by itself and sends Last-Event-ID: nothing is lost while it is away
    es.onerror = function () { streamState('Connection lost: reconnecting…', 'lost'); };
  }

  function onEvent(e) {
    var d = JSON.parse(e.data);
    lastEventId = d.eventId;
    streamState('Live', 'live');
    if (d.alert) { upsert(d.alert, e.type); }
  }

  function select(id, quiet) {
    selectedId = id;
    if (!quiet) { render(); }
    S.getJson('/api/alerts/' + id).then(showDetail).catch(function (err) { showError(err.message); });
  }

  function showError(text) {
    var p = $('detail-error');
    p.textContent = text;
    p.hidden = !text;
  }

  function showDetail(d) {
    var a = d.alert;
    alerts.set(a.id, a);
    $('alert-detail').hidden = false;
    $('detail-plate').textContent = a.plate;
    $('detail-priority').textContent = 'Priority ' + a.priority;
    $('detail-priority').className = 'priority-badge ' + band(a.priority);
    $('detail-state').textContent = (a.escalated && open(a) ? 'escalated · ' : '') + a.state.toLowerCase();
    $('detail-list').textContent = (a.listName || a.list) + (a.historic ? ' · historic hit (stored read)' : '')
      + (a.covert ? ' · covert' : '');
    $('detail-instruction').textContent = a.instruction || '';
    $('detail-explanation').textContent = a.explanation;
    $('detail-place').textContent = a.place || '';
    $('detail-seen').textContent = when(a.firstSeen) + (a.sightings > 1 ? ' to ' + when(a.lastSeen) + ' (' + a.sightings + ' sightings)' : '');
    $('detail-reason').textContent = a.reason || '';
    var decision = a.decidedBy ? a.state.toLowerCase() + ' by ' + a.decidedBy
      + (a.rejectReason ? ': ' + a.rejectReason.toLowerCase().replace(/_/g, ' ') : '') + (a.note ? ' (' + a.note + ')' : '')
      : (a.acknowledgedBy ? 'acknowledged by ' + a.acknowledgedBy : 'none yet');
    $('detail-decision').textContent = decision;
    $('act-acknowledge').disabled = a.state !== 'NEW';
    $('act-accept').disabled = a.state !== 'ACKNOWLEDGED';
    $('act-reject').disabled = a.state !== 'ACKNOWLEDGED';
    showError('');
    var list = $('detail-sightings');
    list.textContent = '';
    var path = (d.lastDay && d.lastDay.length ? d.lastDay : (d.sightings || []).slice().reverse());
    path.forEach(function (s) {
      list.appendChild(el('li', null, when(s.capturedAt) + ' · ' + s.cameraId + ' · read ' + s.plateAsRead
        + (s.place ? ' · ' + s.place : '')));
    });
    if (path.length === 0) { list.appendChild(el('li', 'muted', 'no stored reads')); }
    draw(a, d.sightings || [], path);
    render();
  }

  function draw(a, sightings, path) {
    S.mapReady.then(function (map) {
      if (layer) { map.removeLayer(layer); }
      layer = L.layerGroup().addTo(map);
      var pts = [];
      var line = path.filter(function (s) { return s.lat != null && s.lon != null; })
        .map(function (s) { return [s.lat, s.lon]; });
      if (line.length > 1) {
        L.polyline(line, { color: '#0b3d5c', weight: 3, opacity: 0.7, dashArray: '6 6' }).addTo(layer);
      }
      path.forEach(function (s) {
        if (s.lat == null) { return; }
        L.circleMarker([s.lat, s.lon], { radius: 5, color: '#0b3d5c', fillOpacity: 0.8 })
          .bindTooltip(tip(when(s.capturedAt) + ' ' + s.cameraId)).addTo(layer);
        pts.push([s.lat, s.lon]);
      });
      sightings.forEach(function (s) {
        if (s.lat == null) { return; }
        L.circleMarker([s.lat, s.lon], { radius: 9, color: '#b3261e', weight: 3, fillOpacity: 0.35 })
          .bindTooltip(tip('alert sighting ' + when(s.capturedAt) + ' ' + s.cameraId)).addTo(layer);
        pts.push([s.lat, s.lon]);
      });
      if (a.lat != null) { pts.push([a.lat, a.lon]); }
      // keep the points clear of the detail panel on the right; no animation (a control room
      // screen should settle at once)
      if (pts.length > 0) {
        map.fitBounds(L.latLngBounds(pts).pad(0.2), { paddingTopLeft: [40, 40], paddingBottomRight: [420, 40],
          maxZoom: 15, animate: false });
      }
    });
  }

  function act(action, body) {
    if (selectedId === null) { return; }
    fetch('/api/alerts/' + selectedId + '/' + action, {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json, application/problem+json' },
      body: body ? JSON.stringify(body) : ''
    }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (j) {
        if (!r.ok) { throw new Error(j.detail || j.title || ('HTTP ' + r.status)); }
        $('reject-form').reset();
        upsert(j, action);
        select(j.id, true);
      });
    }).catch(function (err) { showError(err.message); });
  }

  $('act-acknowledge').addEventListener('click', function () { act('acknowledge'); });
  $('act-accept').addEventListener('click', function () { act('accept', {}); });
  $('reject-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var reason = $('reject-reason').value;
    if (!reason) { showError('Choose why you reject the alert.'); return; }
    act('reject', { reason: reason, note: $('reject-note').value });
  });
  $('detail-close').addEventListener('click', function () {
    $('alert-detail').hidden = true;
    selectedId = null;
    render();
  });
  $('show-closed').addEventListener('change', render);
  $('sound-toggle').addEventListener('click', function () {
    soundOn = !soundOn;
    if (soundOn && !audio) { audio = new (window.AudioContext || window.webkitAudioContext)(); }
    if (audio && audio.state === 'suspended') { audio.resume(); }
    this.setAttribute('aria-pressed', String(soundOn));
    this.textContent = soundOn ? 'Sound on' : 'Sound off';
    if (soundOn) { beep(1); }
  });

  S.mapReady.catch(function (e) { console.error('map', e); });
  S.getJson('/api/alerts?open=false&limit=300').then(function (f) {
    lastEventId = f.lastEventId || 0;
    (f.alerts || []).forEach(function (a) { alerts.set(a.id, a); });
    render();
    connect();
  }).catch(function (err) { streamState('Alerts unavailable: ' + err.message, 'lost'); });
})();
