// A step's file section (templates/files.html): uploads each chosen file at once to the case's document endpoint
// (multipart kind, pointLabel, file) with a progress bar, then reloads the section from the server, which lists every
// stored file with its size and SHA-256. The server checks type (by content), size and name; its message appears
// beside the file input or the point's name. The step's own check (photos of every point) is shown here too.
(function () {
  'use strict';

  function section() { return document.getElementById('file-section'); }

  function showProblem(element, message) {
    if (!element) return;
    element.textContent = message;
    element.hidden = false;
  }

  function clearProblems() {
    const s = section();
    if (!s) return;
    s.querySelectorAll('.field-error').forEach(function (e) { e.hidden = true; e.textContent = ''; });
  }

  function refresh() {
    const s = section();
    window.htmx.ajax('GET', s.dataset.refreshUrl, { target: '#file-section', swap: 'outerHTML' });
  }

  function upload(input) {
    const s = section();
    const file = input.files && input.files[0];
    if (!file) return;
    clearProblems();
    let point = input.dataset.point || null;
    if (input.dataset.newPoint) {
      const label = document.getElementById('new-point-label');
      point = label.value.trim();
      if (!point) {
        // the server refuses it as well; saying so here saves the upload
        showProblem(document.getElementById('new-point-label-error'), label.getAttribute('data-required') || label.placeholder);
        input.value = '';
        label.focus();
        return;
      }
    }
    const kind = input.dataset.kind || document.querySelector(input.dataset.kindFrom).value;
    const body = new FormData();
    body.append('kind', kind);
    if (point) body.append('pointLabel', point);
    body.append('file', file, file.name);

    const progress = document.getElementById('upload-progress');
    const status = document.getElementById('upload-status');
    progress.hidden = false;
    progress.value = 0;
    status.textContent = s.dataset.uploading + ' ' + file.name;

    window.hmcUpload(s.dataset.uploadUrl, body, function (percent) { progress.value = percent; }).then(function (answer) {
      progress.hidden = true;
      if (answer.problem === null) {
        status.textContent = s.dataset.uploaded + ' ' + file.name;
        refresh();
        return;
      }
      input.value = '';
      status.textContent = s.dataset.failed;
      const errors = answer.problem.errors || [];
      errors.forEach(function (e) {
        const target = e.field === 'pointLabel' ? document.getElementById('new-point-label-error')
          : document.getElementById('files-problem');
        showProblem(target, (e.field === 'pointLabel' ? '' : file.name + ': ') + e.message);
      });
      if (errors.length === 0) {
        showProblem(document.getElementById('files-problem'), answer.problem.detail || s.dataset.failed);
      }
    });
  }

  document.addEventListener('change', function (event) {
    if (event.target.classList && event.target.classList.contains('upload-input')) upload(event.target);
  });

  // The step's check names the missing files (e.g. field "evidence"): shown here, beside the files.
  document.addEventListener('hmc:problem', function (event) {
    const s = section();
    if (s && s.dataset.problemField && event.detail.field === s.dataset.problemField) {
      showProblem(document.getElementById('files-problem'), event.detail.message);
      event.preventDefault();
    }
  });
  document.addEventListener('hmc:problems-cleared', clearProblems);
})();
