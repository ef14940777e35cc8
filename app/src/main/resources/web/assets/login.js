// Shows why the login page was reached (failed login, logged out) without any inline script.
(function () {
  'use strict';
  var params = new URLSearchParams(window.location.search);
  var box = document.getElementById('login-message');
  var next = params.get('next');
  if (next && next.charAt(0) === '/' && next.charAt(1) !== '/') {
    document.getElementById('next').value = next;
  }
  if (params.has('error')) {
    box.textContent = 'Wrong username or password, or the account is locked after repeated failures.';
    box.hidden = false;
  } else if (params.has('logout')) {
    box.textContent = 'You have logged out.';
    box.className = 'notice info';
    box.hidden = false;
  }
})();
