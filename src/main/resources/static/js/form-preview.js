// 表单预览 (templates/form-preview.html): draws one forms/ file as a step page would, read-only.
(function () {
  'use strict';
  const container = document.getElementById('preview-form');
  if (container) window.HmcForms.render(container);
})();
