// 上报隐患 (templates/hazard/report.html): the report form and its photos go in one multipart request to
// POST /api/hazards/with-evidence — the report as JSON, each file as "files" — so the case and its photos are stored
// together or not at all. A refused field or file is shown beside it; then the case page opens.
(function () {
  'use strict';

  const container = document.getElementById('report-form');
  const button = document.getElementById('submit-report');
  const box = document.getElementById('form-problems');
  const photos = document.getElementById('report-photos');
  const photoError = document.getElementById('report-photos-error');
  let rendered = null;

  function listPhotos() {
    const list = document.getElementById('report-photo-list');
    list.replaceChildren();
    Array.from(photos.files).forEach(function (file) {
      const item = document.createElement('li');
      item.textContent = file.name + ' (' + Math.max(1, Math.round(file.size / 1024)) + ' KB)';
      list.appendChild(item);
    });
  }

  // A refused file ("files[1]") is named beside the file input.
  document.addEventListener('hmc:problem', function (event) {
    const m = /^files(?:\[(\d+)])?$/.exec(event.detail.field || '');
    if (!m) return;
    const file = m[1] !== undefined ? photos.files[Number(m[1])] : null;
    photoError.textContent = (file ? file.name + '：' : '') + event.detail.message;
    photoError.hidden = false;
    event.preventDefault();
  });
  document.addEventListener('hmc:problems-cleared', function () { photoError.hidden = true; });

  function submit() {
    const body = new FormData();
    body.append('report', new Blob([JSON.stringify(window.HmcForms.values(rendered))], { type: 'application/json' }));
    Array.from(photos.files).forEach(function (file) { body.append('files', file, file.name); });
    const label = button.textContent;
    button.disabled = true;
    button.textContent = button.dataset.sending;
    window.HmcForms.clearProblems(rendered, box);

    const progress = document.getElementById('upload-progress');
    progress.hidden = false;
    window.hmcUpload(button.dataset.url, body, function (percent) { progress.value = percent; }).then(function (answer) {
      progress.hidden = true;
      button.disabled = false;
      button.textContent = label;
      if (answer.status === 201) {
        window.location.assign('/hazards/' + answer.body.id + '?reported=true');
        return;
      }
      window.HmcForms.showProblems(rendered, answer.problem || {}, box, button.dataset.failed);
    });
  }

  photos.addEventListener('change', listPhotos);
  window.HmcForms.render(container).then(function (r) {
    rendered = r;
    r.form.on('submit', submit);
  });
  button.addEventListener('click', submit);
})();
