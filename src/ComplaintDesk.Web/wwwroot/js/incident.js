// 群体事件: 全选 ticks every candidate for 关联所选 (the button shows only with JavaScript).
(function () {
  'use strict';
  var button = document.getElementById('select-all-candidates');
  if (!button) {
    return;
  }
  button.hidden = false;
  button.addEventListener('click', function () {
    document.querySelectorAll('#link-selected input[name="ComplaintIds"]').forEach(function (box) {
      box.checked = true;
    });
  });
}());
