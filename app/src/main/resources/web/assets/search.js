// Read search: a purpose and reference with every search, supervisor approval for older reads.
(function () {
  'use strict';
  var S = window.Sightline;
  var form = document.getElementById('search-form');
  var message = document.getElementById('search-message');
  var requestButton = document.getElementById('s-request');
  var table = document.getElementById('results-table');
  var status = document.getElementById('results-status');
  var prev = document.getElementById('r-prev');
  var next = document.getElementById('r-next');
  var page = 0;
  var PAGE_SIZE = 50;

  function localInput(date) {
    var pad = function (n) { return (n < 10 ? '0' : '') + n; };
    return date.getFullYear() + '-' + pad(date.getMonth() + 1) + '-' + pad(date.getDate()) + 'T' +
      pad(date.getHours()) + ':' + pad(date.getMinutes());
  }
  var now = new Date();
  document.getElementById('s-to').value = localInput(now);
  document.getElementById('s-from').value = localInput(new Date(now.getTime() - 7 * 86400000));

  function show(text, kind) {
    message.textContent = text;
    message.className = 'notice' + (kind ? ' ' + kind : '');
    message.hidden = !text;
  }

  function criteria() {
    var v = function (id) { return document.getElementById(id).value.trim(); };
    var body = {
      plate: v('s-plate') || null,
      fuzzy: document.getElementById('s-fuzzy').checked,
      cameraId: v('s-camera') || null,
      from: v('s-from') ? new Date(v('s-from')).toISOString() : null,
      to: v('s-to') ? new Date(v('s-to')).toISOString() : null,
      purpose: v('s-purpose'),
      reference: v('s-reference')
    };
    if (v('s-approval')) { body.approvalId = Number(v('s-approval')); }
    return body;
  }

  function cell(row, text) {
    var td = document.createElement('td');
    td.textContent = text;
    row.appendChild(td);
  }

  function render(result) {
    var tbody = table.querySelector('tbody');
    tbody.textContent = '';
    result.reads.forEach(function (r) {
      var tr = document.createElement('tr');
      cell(tr, r.capturedAt.replace('T', ' ').replace(/\.\d+Z$/, 'Z'));
      cell(tr, r.plate);
      cell(tr, r.plateAsRead);
      cell(tr, r.cameraId);
      cell(tr, r.unitId);
      cell(tr, Math.round(r.confidence * 100) + ' %');
      cell(tr, r.late ? 'late' : '');
      tbody.appendChild(tr);
    });
    table.hidden = result.reads.length === 0;
    status.textContent = result.reads.length === 0 ? 'No reads match.' :
      'Reads ' + (result.page * result.size + 1) + '–' + (result.page * result.size + result.reads.length) + (result.more ? ' (more on the next page)' : '');
    prev.hidden = result.page === 0;
    next.hidden = !result.more;
  }

  function run(p) {
    page = p;
    var body = criteria();
    body.page = page;
    body.size = PAGE_SIZE;
    show('');
    requestButton.hidden = true;
    S.postJson('/api/reads/search', body).then(function (r) {
      if (r.status === 200) { render(r.body); return; }
      show(r.body.detail || r.body.title || ('HTTP ' + r.status));
      if (r.status === 403 && /approve/.test(r.body.detail || '')) { requestButton.hidden = false; }
    });
  }

  form.addEventListener('submit', function (e) { e.preventDefault(); run(0); });
  prev.addEventListener('click', function () { run(Math.max(0, page - 1)); });
  next.addEventListener('click', function () { run(page + 1); });
  requestButton.addEventListener('click', function () {
    S.postJson('/api/reads/approvals', criteria()).then(function (r) {
      if (r.status === 201) {
        show('Request ' + r.body.id + ' sent to the supervisors. Once approved, pick it under "My approval requests" and search again.', 'info');
        requestButton.hidden = true;
        loadMine();
      } else {
        show(r.body.detail || ('HTTP ' + r.status));
      }
    });
  });

  function describe(a) {
    return '#' + a.id + ' ' + (a.plate || a.cameraId || 'area') + ', ' + a.from.substring(0, 10) + ' to ' +
      a.to.substring(0, 10) + ' — ' + a.reference + ': ' + a.purpose;
  }

  function loadMine() {
    S.getJson('/api/reads/approvals/mine').then(function (list) {
      var ul = document.getElementById('my-approvals');
      ul.textContent = '';
      if (list.length === 0) { var li0 = document.createElement('li'); li0.className = 'muted'; li0.textContent = 'None.'; ul.appendChild(li0); }
      list.forEach(function (a) {
        var li = document.createElement('li');
        var text = document.createElement('span');
        text.textContent = describe(a) + ' [' + a.status.toLowerCase() + (a.decisionNote ? ': ' + a.decisionNote : '') + ']';
        li.appendChild(text);
        if (a.status === 'APPROVED') {
          var use = document.createElement('button');
          use.type = 'button';
          use.textContent = 'Use';
          use.addEventListener('click', function () {
            document.getElementById('s-approval').value = a.id;
            document.getElementById('s-plate').value = a.plate;
            document.getElementById('s-camera').value = a.cameraId;
            document.getElementById('s-from').value = localInput(new Date(a.from));
            document.getElementById('s-to').value = localInput(new Date(a.to));
            document.getElementById('s-purpose').value = a.purpose;
            document.getElementById('s-reference').value = a.reference;
            show('Approval #' + a.id + ' will be used for this search.', 'info');
          });
          li.appendChild(use);
        }
        ul.appendChild(li);
      });
    });
  }

  function loadPending() {
    S.getJson('/api/reads/approvals').then(function (list) {
      var ul = document.getElementById('pending-approvals');
      ul.textContent = '';
      document.getElementById('pending-section').hidden = false;
      if (list.length === 0) { var li0 = document.createElement('li'); li0.className = 'muted'; li0.textContent = 'Nothing waiting.'; ul.appendChild(li0); }
      list.forEach(function (a) {
        var li = document.createElement('li');
        var text = document.createElement('span');
        text.textContent = describe(a) + ' (asked by ' + a.requestedBy + ')';
        li.appendChild(text);
        ['approve', 'deny'].forEach(function (verb) {
          var b = document.createElement('button');
          b.type = 'button';
          b.textContent = verb === 'approve' ? 'Approve' : 'Deny';
          b.addEventListener('click', function () {
            var note = window.prompt((verb === 'approve' ? 'Why is this search necessary and proportionate?' : 'Why is it denied?'), '');
            if (note === null) { return; }
            S.postJson('/api/reads/approvals/' + a.id + '/' + verb, { note: note }).then(function (r) {
              show(r.status === 200 ? 'Request #' + a.id + ' ' + (verb === 'approve' ? 'approved' : 'denied') + '.' : (r.body.detail || ('HTTP ' + r.status)), r.status === 200 ? 'info' : '');
              loadPending();
            });
          });
          li.appendChild(b);
        });
        ul.appendChild(li);
      });
    });
  }

  S.me.then(function (me) {
    loadMine();
    if (me.roles.indexOf('SUPERVISOR') >= 0) { loadPending(); }
  });
})();
