// 填报自查 (templates/selfinspection/new.html): the checklist form, pre-filled by the server with one row per item,
// goes as JSON to POST /api/self-inspections — the same API and checks as any other client. A refused field is shown
// beside it (a row's note by "items[i].finding"); once filed, the filing's page lists the hazard cases it opened.
(function () {
  'use strict';

  const container = document.getElementById('si-form');
  const button = document.getElementById('submit-self-inspection');
  const box = document.getElementById('form-problems');
  let rendered = null;

  function submit() {
    const body = window.HmcForms.values(rendered);
    const label = button.textContent;
    button.disabled = true;
    button.textContent = button.dataset.sending;
    window.HmcForms.clearProblems(rendered, box);
    window.hmcFetch(button.dataset.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    }).then(function (response) {
      return response.text().then(function (text) {
        let json = {};
        try { json = JSON.parse(text); } catch (ignored) { /* not JSON */ }
        return { status: response.status, json: json };
      });
    }).then(function (answer) {
      button.disabled = false;
      button.textContent = label;
      if (answer.status === 201) {
        window.location.assign('/self-inspections/' + answer.json.id + '?filed=true');
      } else if (answer.status !== 401) {
        window.HmcForms.showProblems(rendered, answer.json, box, button.dataset.failed);
      }
    }, function () {
      button.disabled = false;
      button.textContent = label;
      window.HmcForms.showProblems(rendered, {}, box, button.dataset.failed);
    });
  }

  window.HmcForms.render(container).then(function (r) {
    rendered = r;
    r.form.on('submit', submit);
  });
  button.addEventListener('click', submit);
})();
