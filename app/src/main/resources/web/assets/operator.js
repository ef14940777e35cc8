// The operator page's own behaviour arrives with its feature; the shell shows the map and the user.
(function () {
  'use strict';
  window.Sightline.mapReady.catch(function (e) { console.error('map', e); });
})();
