// Forms from forms/ on the portal's pages: rendered with the form-js viewer Camunda Tasklist uses (form-js 1.8), the
// schema already in the page's language (the server picks each label's half). The server checks every value; its
// problems (RFC 7807, errors[] of {field, message}) are shown beside their fields in the page's language.
// form-js's own client-side checks are off: their messages exist only in English, and the server has the last word.
(function () {
  'use strict';

  /** Client validation off: form-js would show English messages; the server's checks answer instead. */
  const noClientValidation = {
    validator: ['value', {
      validateField: function () { return []; },
      validateFieldInstance: function () { return []; },
    }],
  };

  /** The component ids by key (top-level) and by list path and key (cells of a dynamic list). */
  function index(components, list, out) {
    (components || []).forEach(function (c) {
      if (c.type === 'dynamiclist' && c.path) {
        out.lists[c.path] = {};
        index(c.components, c.path, out);
        return;
      }
      if (c.key) {
        if (list) out.lists[list][c.key] = c.id; else out.fields[c.key] = c.id;
      }
      index(c.components, list, out);
    });
    return out;
  }

  /**
   * form-js 1.8 writes a few words of its own in English (the select's "Select", a list's "Add new" …). The page gives
   * their translations (data-viewer-texts: {"Select": "请选择", "Expand all ({0})": "全部展开（{0}）", …}); a
   * MutationObserver puts them in place of the English text nodes and ARIA labels as form-js renders.
   */
  function translateViewer(container) {
    const texts = JSON.parse(container.dataset.viewerTexts || '{}');
    const patterns = Object.keys(texts).map(function (english) {
      const source = english.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace('\\{0\\}', '(\\d+)').replace('{0}', '(\\d+)');
      return { re: new RegExp('^\\s*' + source + '\\s*$'), to: texts[english] };
    });
    if (patterns.length === 0) return;
    function translated(value) {
      for (const p of patterns) {
        const m = p.re.exec(value);
        if (m) return p.to.replace('{0}', m[1] || '');
      }
      return null;
    }
    function walk(root) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let node;
      while ((node = walker.nextNode())) {
        const to = translated(node.nodeValue);
        if (to !== null && to !== node.nodeValue.trim()) node.nodeValue = ' ' + to;
      }
      root.querySelectorAll('[aria-label],[placeholder]').forEach(function (el) {
        ['aria-label', 'placeholder'].forEach(function (attr) {
          const value = el.getAttribute(attr);
          const to = value && translated(value);
          if (to && to !== value) el.setAttribute(attr, to);
        });
      });
    }
    new MutationObserver(function () { walk(container); })
      .observe(container, { childList: true, subtree: true, characterData: true });
    walk(container);
  }

  /**
   * Renders the form of container's data-schema with data-values; resolves to { form, schema } once shown, and
   * marks the container data-ready.
   */
  function render(container) {
    const schema = JSON.parse(container.dataset.schema);
    translateViewer(container);
    const form = new window.FormViewer.Form({ container: container, additionalModules: [noClientValidation] });
    return form.importSchema(schema, JSON.parse(container.dataset.values || '{}')).then(function () {
      container.dataset.ready = 'true';
      return { form: form, schema: schema };
    });
  }

  /**
   * Shows a problem response: each error beside its field (a list cell by "path[i].key"); an error no field of the
   * form has goes to whoever cancels the "hmc:problem" event (a file section), else into box's list.
   */
  function showProblems(rendered, problem, box, fallbackTitle) {
    const ids = index(rendered ? rendered.schema.components : [], null, { fields: {}, lists: {} });
    const errors = {};
    const unplaced = [];
    (problem.errors || []).forEach(function (e) {
      const field = e.field || '';
      const row = /^([\w-]+)\[(\d+)]\.([\w-]+)$/.exec(field);
      const listed = /^([\w-]+)\[(\d+)]$/.exec(field);
      if (row && ids.lists[row[1]] && ids.lists[row[1]][row[3]]) {
        const id = ids.lists[row[1]][row[3]];
        errors[id] = errors[id] || [];
        errors[id][Number(row[2])] = [e.message];
      } else if (ids.fields[field]) {
        errors[ids.fields[field]] = [e.message];
      } else if (listed && ids.fields[listed[1]]) {
        // one value of a multi-value field (a checklist's pollutants[2]): beside the field
        errors[ids.fields[listed[1]]] = [e.message];
      } else if (!document.dispatchEvent(new CustomEvent('hmc:problem', { detail: e, cancelable: true }))) {
        // shown by a file section beside its files
      } else {
        unplaced.push(e);
      }
    });
    if (rendered) rendered.form._setState({ errors: errors });
    const list = box.querySelector('ul');
    list.replaceChildren();
    unplaced.forEach(function (e) {
      const item = document.createElement('li');
      item.textContent = e.field ? e.field + ' ' + e.message : e.message;
      list.appendChild(item);
    });
    box.querySelector('.problems-title').textContent = problem.detail || fallbackTitle;
    box.hidden = false;
    const first = document.querySelector('.fjs-form-field-error, .field-error:not([hidden])');
    (first || box).scrollIntoView({ block: 'center' });
  }

  function clearProblems(rendered, box) {
    if (rendered) rendered.form._setState({ errors: {} });
    box.hidden = true;
    document.dispatchEvent(new CustomEvent('hmc:problems-cleared'));
  }

  /** What the form would submit (its enabled fields), without form-js's own checks. */
  function values(rendered) {
    return rendered ? rendered.form._getSubmitData() : {};
  }

  window.HmcForms = { render: render, showProblems: showProblems, clearProblems: clearProblems, values: values };
})();
