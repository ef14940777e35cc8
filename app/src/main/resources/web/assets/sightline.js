// Shared page behaviour: who is logged in, and which navigation entries their roles open.
(function () {
  'use strict';
  var Sightline = window.Sightline = window.Sightline || {};

  /** Fetches JSON from the API; rejects with the problem detail on an error status. */
  Sightline.getJson = function (url) {
    return fetch(url, {
      headers: { 'Accept': 'application/json, application/geo+json, application/problem+json' },
      credentials: 'same-origin'
    })
      .then(function (r) {
        if (r.status === 401) { window.location.href = '/login'; throw new Error('Login required'); }
        if (!r.ok) {
          return r.json().catch(function () { return {}; }).then(function (p) {
            throw new Error(p.detail || p.title || ('HTTP ' + r.status));
          });
        }
        return r.json();
      });
  };

  /** Posts JSON; resolves with {status, body} whatever the status (body {} when not JSON). */
  Sightline.postJson = function (url, body) {
    return fetch(url, {
      method: 'POST',
      headers: { 'Accept': 'application/json, application/problem+json', 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(body)
    }).then(function (r) {
      if (r.status === 401) { window.location.href = '/login'; }
      return r.json().catch(function () { return {}; }).then(function (b) { return { status: r.status, body: b }; });
    });
  };

  function allowed(el, roles) {
    var need = (el.getAttribute('data-roles') || '').split(/\s+/).filter(Boolean);
    return need.length === 0 || need.some(function (r) { return roles.indexOf(r) >= 0; });
  }

  Sightline.me = Sightline.getJson('/api/me').then(function (me) {
    var who = document.getElementById('whoami');
    if (who) { who.textContent = me.username + ' · ' + me.roles.join(', ').toLowerCase(); }
    var page = document.body.getAttribute('data-page');
    document.querySelectorAll('[data-roles]').forEach(function (el) {
      if (!allowed(el, me.roles)) {
        el.classList.add('not-allowed');
        el.setAttribute('aria-disabled', 'true');
        el.setAttribute('tabindex', '-1');
      }
      if (el.getAttribute('data-nav') === page) { el.classList.add('active'); }
    });
    return me;
  });
})();
