// 登记投诉: refreshes the classification panel while the clerk answers the questions. The server's
// classifier decides (GET ?handler=Classify answers the panel's HTML); without this script the
// 预览分类 button does the same through a form post. 保存 is the form's default button: Enter saves.
(function () {
  'use strict';
  var form = document.getElementById('complaint-form');
  var panel = document.getElementById('classification-panel');
  if (!form || !panel || !window.fetch) {
    return;
  }

  var facts = ['Cause', 'CompanyAtFault', 'Accident', 'Injury', 'EconomicLoss', 'LossIsMajor', 'MediaExposure',
    'PromisedServiceNotDelivered', 'TimesRaisedUnresolved', 'GovernmentReferralWithSocialImpact', 'ComplainantCount'];
  var prefix = 'Input.';
  var timer = null;
  var latest = 0;

  function isFact(name) {
    return name && name.indexOf(prefix) === 0 && facts.indexOf(name.substring(prefix.length)) >= 0;
  }

  function refresh() {
    var query = new URLSearchParams();
    query.append('handler', 'Classify');
    new FormData(form).forEach(function (value, name) {
      if (isFact(name)) {
        query.append(name, value);
      }
    });
    var request = ++latest;
    fetch(window.location.pathname + '?' + query.toString(), {
      credentials: 'same-origin',
      headers: { 'X-Requested-With': 'fetch' }
    }).then(function (response) {
      return response.ok ? response.text() : null;
    }).then(function (html) {
      // Only the answer to the newest question counts; the HTML is the server's, already encoded.
      if (html !== null && request === latest) {
        panel.innerHTML = html;
      }
    }).catch(function () { /* the preview button still works */ });
  }

  function changed(event) {
    if (!isFact(event.target.name)) {
      return;
    }
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, 200);
  }

  var preview = document.getElementById('preview-button');
  if (preview) {
    preview.classList.remove('d-none');
    preview.addEventListener('click', refresh);
  }

  form.addEventListener('change', changed);
  form.addEventListener('input', changed);
}());
