// Camera records on the engineer page (administrators): each camera's purpose, signage and DPIA,
// read from and saved to /api/cameras/{id}/compliance. Every value is written as text.
(function () {
  'use strict';
  var S = window.Sightline;
  var $ = function (id) { return document.getElementById(id); };
  var unit = null;
  var editing = null;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }

  function isAdmin() {
    return S.me.then(function (me) { return me.roles.indexOf('ADMIN') >= 0; }).catch(function () { return false; });
  }

  function render(records) {
    var body = $('records-table').querySelector('tbody');
    body.textContent = '';
    if (records.length === 0) {
      var tr = el('tr');
      var td = el('td', 'muted', 'This unit carries no camera you may see.');
      td.colSpan = 6;
      tr.appendChild(td);
      body.appendChild(tr);
    }
    records.forEach(function (r) {
      var tr = el('tr');
      tr.setAttribute('data-camera', r.cameraId);
      tr.appendChild(el('td', null, r.cameraId + ' · ' + r.kind.toLowerCase() + (r.deployment === 'COVERT' ? ' · covert' : '')));
      tr.appendChild(r.recorded ? el('td', null, r.purpose) : el('td', 'gap', 'not recorded'));
      tr.appendChild(el('td', r.recorded && !r.signage && r.deployment === 'OVERT' ? 'gap' : null,
        r.signage || (r.recorded && r.deployment === 'OVERT' ? 'none recorded' : '')));
      tr.appendChild(el('td', null, r.dpiaReference));
      tr.appendChild(el('td', null, r.reviewedOn || ''));
      var cell = el('td');
      var edit = el('button', null, r.recorded ? 'Edit' : 'Record');
      edit.type = 'button';
      edit.addEventListener('click', function () { open(r); });
      cell.appendChild(edit);
      tr.appendChild(cell);
      body.appendChild(tr);
    });
  }

  function load() {
    var forUnit = unit;
    return S.getJson('/api/cameras/compliance').then(function (all) {
      if (forUnit !== unit) { return; }
      render((all || []).filter(function (r) { return r.unitId === forUnit; }));
    }).catch(function (e) {
      var body = $('records-table').querySelector('tbody');
      body.textContent = '';
      var tr = el('tr');
      var td = el('td', 'fault', 'Camera records unavailable: ' + e.message);
      td.colSpan = 6;
      tr.appendChild(td);
      body.appendChild(tr);
    });
  }

  function open(r) {
    editing = r.cameraId;
    $('record-form-title').textContent = 'Camera ' + r.cameraId;
    $('rec-purpose').value = r.purpose || '';
    $('rec-signage').value = r.signage || '';
    $('rec-dpia').value = r.dpiaReference || '';
    $('rec-reviewed').value = r.reviewedOn || '';
    $('record-error').textContent = '';
    $('record-form').hidden = false;
    $('rec-purpose').focus();
  }

  function close() {
    editing = null;
    $('record-form').hidden = true;
  }

  $('record-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    if (!editing) { return; }
    var camera = editing;
    fetch('/api/cameras/' + encodeURIComponent(camera) + '/compliance', {
      method: 'PUT',
      headers: { 'Accept': 'application/json, application/problem+json', 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({
        purpose: $('rec-purpose').value, signage: $('rec-signage').value,
        dpiaReference: $('rec-dpia').value, reviewedOn: $('rec-reviewed').value
      })
    }).then(function (r) {
      if (r.status === 401) { window.location.href = '/login'; return null; }
      return r.json().catch(function () { return {}; }).then(function (b) { return { status: r.status, body: b }; });
    }).then(function (res) {
      if (!res) { return; }
      if (res.status === 200) { close(); load(); return; }
      $('record-error').textContent = res.body.detail || res.body.title || ('Not saved (HTTP ' + res.status + ')');
    }).catch(function (e) { $('record-error').textContent = 'Not saved: ' + e.message; });
  });
  $('record-cancel').addEventListener('click', close);

  S.cameraRecords = {
    /** Shows the records of this unit's cameras (administrators only). */
    show: function (unitId) {
      isAdmin().then(function (admin) {
        if (!admin) { return; }
        if (unit !== unitId) { close(); }
        unit = unitId;
        $('camera-records').hidden = false;
        load();
      });
    }
  };
})();
