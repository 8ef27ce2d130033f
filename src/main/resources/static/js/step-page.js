// A step's page (templates/step.html): the step's form, completed through POST /api/tasks/{id}/complete — the same
// engine completion and step listener as Tasklist's — and the claim / unclaim buttons.
(function () {
  'use strict';

  const container = document.getElementById('step-form');
  const button = document.getElementById('complete');
  const box = document.getElementById('form-problems');
  let rendered = null;

  function failed(problem) {
    window.HmcForms.showProblems(rendered, problem, box, button.dataset.failed);
  }

  function complete() {
    const label = button.textContent;
    button.disabled = true;
    button.textContent = button.dataset.sending;
    window.HmcForms.clearProblems(rendered, box);
    window.hmcFetch(button.dataset.completeUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(window.HmcForms.values(rendered)),
    }).then(function (response) {
      if (response.status === 204) {
        window.location.assign(button.dataset.doneUrl);
        return;
      }
      return response.json().catch(function () { return {}; }).then(failed);
    }).catch(function () {
      failed({});
    }).finally(function () {
      button.disabled = false;
      button.textContent = label;
    });
  }

  function claim(event) {
    const target = event.currentTarget;
    target.disabled = true;
    window.hmcFetch(target.dataset.claimUrl, { method: 'POST' }).then(function (response) {
      if (response.status === 204) {
        window.location.reload();
        return;
      }
      return response.json().catch(function () { return {}; }).then(function (problem) {
        target.disabled = false;
        failed(problem);
      });
    });
  }

  document.querySelectorAll('[data-claim-url]').forEach(function (b) { b.addEventListener('click', claim); });
  if (container) {
    window.HmcForms.render(container).then(function (r) {
      rendered = r;
      // Enter in a field submits form-js's own <form>: complete the step as the button does.
      r.form.on('submit', function () { complete(); });
    });
  }
  if (button) button.addEventListener('click', complete);
})();
