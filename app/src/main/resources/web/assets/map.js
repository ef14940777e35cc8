// The base map of every page: tiles when the configured tile server answers, otherwise (offline
// control rooms, closed networks) a plain background with Sightline's own vector layers only.
(function () {
  'use strict';
  var Sightline = window.Sightline;

  Sightline.mapReady = Sightline.getJson('/api/map/config').then(function (cfg) {
    var b = cfg.initialBounds;
    var map = L.map('map', { zoomControl: true, preferCanvas: false });
    map.attributionControl.setPrefix('Leaflet');
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
    Sightline.baseLayers = addBaseLayers(map);
    return map;
  });

  // The area's own vector layers, drawn on every page whether or not tiles load: the boundary
  // (the first view fits it) and the arterial routes, labelled with their road number.
  function addBaseLayers(map) {
    var boundary = Sightline.getJson('/api/geo/boundaries').then(function (fc) {
      if (!fc.features || fc.features.length === 0) { return null; }
      var layer = L.geoJSON(fc, {
        interactive: false,
        style: { color: '#0b3d5c', weight: 2.5, dashArray: '6 4', fill: true, fillOpacity: 0.03 }
      }).addTo(map);
      map.fitBounds(layer.getBounds(), { padding: [16, 16] });
      return layer;
    });
    var arterials = Sightline.getJson('/api/geo/arterials').then(function (fc) {
      return L.geoJSON(fc, {
        style: function (f) {
          var motorway = (f.properties.road_class || '').toLowerCase() === 'motorway';
          return { color: motorway ? '#1f5fbf' : '#2e8b57', weight: motorway ? 4 : 3, opacity: 0.85,
                   dashArray: f.properties.approximate ? '8 5' : null };
        },
        onEachFeature: function (f, layer) {
          var p = f.properties;
          var label = (p.road_number || '') + (p.name ? ' ' + p.name : '') + (p.approximate ? ' (approximate)' : '');
          // bindTooltip sets text, not HTML, when given a DOM node
          var span = document.createElement('span');
          span.textContent = label.trim() || 'arterial route';
          layer.bindTooltip(span, { sticky: true });
        }
      }).addTo(map);
    });
    return Promise.all([boundary, arterials]).catch(function (e) {
      console.warn('base layers not available: ' + e.message);
    });
  }
})();
