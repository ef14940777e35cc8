(function () {
  'use strict';
  window.Sightline.me.then(function (me) {
    document.getElementById('welcome-name').textContent = me.username;
  });
})();
