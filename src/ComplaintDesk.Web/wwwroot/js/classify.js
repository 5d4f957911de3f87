// The classification's live result beside a facts form: 登记投诉 and every 重新分类 form (details page, escalation
// review). A form opts in with data-classify-panel (the id of the element to fill), data-classify-prefix (its fields'
// name prefix, e.g. "Input." or "Reclassify.") and data-classify-url (the page handler answering the panel's HTML:
// the server's classifier decides). Without this script the registration's 预览分类 button does the same through a form
// post, and a reclassify form simply saves. 保存 is the form's default button: Enter saves.
(function () {
  'use strict';
  if (!window.fetch || !window.URLSearchParams) {
    return;
  }

  var facts = ['Cause', 'CompanyAtFault', 'Accident', 'Injury', 'EconomicLoss', 'LossIsMajor', 'MediaExposure',
    'PromisedServiceNotDelivered', 'TimesRaisedUnresolved', 'GovernmentReferralWithSocialImpact', 'ComplainantCount'];

  function watch(form) {
    var panel = document.getElementById(form.getAttribute('data-classify-panel'));
    var prefix = form.getAttribute('data-classify-prefix') || 'Input.';
    var url = form.getAttribute('data-classify-url') || (window.location.pathname + '?handler=Classify');
    if (!panel) {
      return;
    }

    var timer = null;
    var latest = 0;

    function isFact(name) {
      return name && name.indexOf(prefix) === 0 && facts.indexOf(name.substring(prefix.length)) >= 0;
    }

    function refresh() {
      var query = new URLSearchParams();
      new FormData(form).forEach(function (value, name) {
        if (isFact(name)) {
          query.append(name, value);
        }
      });
      var request = ++latest;
      fetch(url + (url.indexOf('?') >= 0 ? '&' : '?') + query.toString(), {
        credentials: 'same-origin',
        headers: { 'X-Requested-With': 'fetch' }
      }).then(function (response) {
        return response.ok ? response.text() : null;
      }).then(function (html) {
        // Only the answer to the newest question counts; the HTML is the server's, already encoded.
        if (html !== null && request === latest) {
          panel.innerHTML = html;
        }
      }).catch(function () { /* the form still saves */ });
    }

    function changed(event) {
      if (!isFact(event.target.name)) {
        return;
      }
      window.clearTimeout(timer);
      timer = window.setTimeout(refresh, 200);
    }

    var preview = form.querySelector('[data-classify-preview]');
    if (preview) {
      preview.classList.remove('d-none');
      preview.addEventListener('click', refresh);
    }

    form.addEventListener('change', changed);
    form.addEventListener('input', changed);
  }

  Array.prototype.forEach.call(document.querySelectorAll('form[data-classify-panel]'), watch);
}());
