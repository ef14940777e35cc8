// The base map of every page: tiles when the configured tile server answers, otherwise (offline
// control rooms, closed networks) a plain background with Sightline's own vector layers only.
(function () {
  'use strict';
  var Sightline = window.Sightline;

  Sightline.mapReady = Sightline.getJson('/api/map/config').then(function (cfg) {
    var b = cfg.initialBounds;
    var map = L.map('map', { zoomControl: true, preferCanvas: false });
    map.fitBounds([[b[1], b[0]], [b[3], b[2]]]);
    L.control.scale({ imperial: false }).addTo(map);
    var banner = L.DomUtil.create('div', 'map-banner', document.getElementById('map'));
    banner.hidden = true;

    function offline(reason) {
      banner.textContent = 'Offline map: ' + reason + ' (vector layers only)';
      banner.hidden = false;
      document.body.classList.add('map-offline');
    }

    if (cfg.tileUrl) {
      var errors = 0, loaded = 0;
      var tiles = L.tileLayer(cfg.tileUrl, { attribution: cfg.tileAttribution, maxZoom: 19, crossOrigin: true });
      tiles.on('tileload', function () { loaded++; });
      tiles.on('tileerror', function () {
        errors++;
        if (errors >= 4 && loaded === 0 && map.hasLayer(tiles)) {
          map.removeLayer(tiles);
          offline('the tile server cannot be reached');
        }
      });
      tiles.addTo(map);
    } else {
      offline('no tile server configured');
    }
    Sightline.map = map;
    return map;
  });
})();
