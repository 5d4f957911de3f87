// 登记投诉: while the clerk types the caller's phone, the caller's earlier complaints (number, status, when) appear
// beside the form. The server reads the phone however it is written and answers the panel's HTML
// (GET ?handler=Earlier); without this script the list page's search finds the same.
(function () {
  'use strict';
  var phone = document.getElementById('Input_Phone');
  var panel = document.getElementById('earlier-complaints');
  if (!phone || !panel || !window.fetch) {
    return;
  }

  var timer = null;
  var latest = 0;
  var shownFor = null;

  function digits(text) {
    return (text.normalize ? text.normalize('NFKC') : text).replace(/[^0-9]/g, '').length;
  }

  function refresh() {
    var value = phone.value.trim();
    if (value === shownFor) {
      return;
    }
    if (digits(value) < 7) {
      shownFor = value;
      panel.innerHTML = '';
      return;
    }
    var request = ++latest;
    fetch(window.location.pathname + '?handler=Earlier&phone=' + encodeURIComponent(value), {
      credentials: 'same-origin',
      headers: { 'X-Requested-With': 'fetch' }
    }).then(function (response) {
      return response.ok ? response.text() : null;
    }).then(function (html) {
      // Only the answer for the newest value counts; the HTML is the server's, already encoded.
      if (html !== null && request === latest) {
        shownFor = value;
        panel.innerHTML = html;
      }
    }).catch(function () { /* the list page's search still finds them */ });
  }

  function changed() {
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, 250);
  }

  phone.addEventListener('input', changed);
  phone.addEventListener('change', refresh);
  if (phone.value) {
    refresh();
  }
}());
