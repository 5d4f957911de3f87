// ComplaintDesk: progressive enhancements only; every page works without JavaScript.
(function () {
  'use strict';

  // A failed save: the summary at the top names every error; the eye and the caret go to the first bad field.
  // By id, else by name (a radio group's answers have ids of their own).
  function fieldOf(link) {
    var id = link.getAttribute('data-field');
    var name = link.getAttribute('data-name');
    var target = (id && document.getElementById(id)) ||
      (name && document.querySelector('[name="' + name.replace(/["\\]/g, '') + '"]'));
    if (target && target.matches('fieldset')) {
      target = target.querySelector('input, select, textarea') || target;
    }
    return target;
  }

  function focusField(target) {
    var closed = target.closest('details:not([open])');
    if (closed) {
      closed.open = true;
    }
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: 'center' });
  }

  // The server lists errors in the order it found them; the clerk reads them in the form's order.
  function sortByForm(list) {
    var items = Array.prototype.slice.call(list.children).map(function (item) {
      var link = item.querySelector('a[data-field]');
      return { item: item, field: link && fieldOf(link) };
    });
    items.sort(function (a, b) {
      if (!a.field || !b.field) {
        return a.field ? 1 : (b.field ? -1 : 0);
      }
      return a.field.compareDocumentPosition(b.field) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    });
    items.forEach(function (entry) { list.appendChild(entry.item); });
  }

  var summary = document.getElementById('error-summary');
  if (summary) {
    var list = summary.querySelector('ul');
    if (list) {
      sortByForm(list);
    }
    summary.addEventListener('click', function (event) {
      var link = event.target.closest('a[data-field]');
      var target = link && fieldOf(link);
      if (target) {
        event.preventDefault();
        focusField(target);
      }
    });
    var form = summary.closest('form') || document;
    var first = form.querySelector('[aria-invalid="true"]');
    if (!first) {
      var link = summary.querySelector('a[data-field]');
      first = link && fieldOf(link);
    }
    if (first) {
      focusField(first);
    } else {
      summary.focus();
    }
  }

  // 投诉列表 on a phone: the complaints first, the filters behind 筛选.
  var filters = document.getElementById('filters');
  if (filters && window.matchMedia('(max-width: 767.98px)').matches) {
    filters.open = false;
  }
}());
