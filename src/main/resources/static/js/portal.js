// HMC-Flow portal: what every page needs from script. No inline scripts anywhere (the Content-Security-Policy allows
// only the app's own files): pages mark elements with data-* attributes and the page's own module picks them up.
(function () {
  'use strict';

  function csrf() {
    const token = document.querySelector('meta[name="_csrf"]');
    const header = document.querySelector('meta[name="_csrf_header"]');
    return token && header ? { header: header.content, token: token.content } : null;
  }

  /** fetch() with the session's CSRF token and the page's language, for the page modules. */
  window.hmcFetch = function (url, options) {
    const opts = Object.assign({ credentials: 'same-origin' }, options || {});
    const headers = new Headers(opts.headers || {});
    const c = csrf();
    if (c && opts.method && opts.method !== 'GET') headers.set(c.header, c.token);
    headers.set('Accept-Language', document.documentElement.lang || 'zh-CN');
    if (!headers.has('Accept')) headers.set('Accept', 'application/json');
    opts.headers = headers;
    return fetch(url, opts).then(function (response) {
      // The session ended meanwhile: sign in again and come back to this page.
      if (response.status === 401) {
        window.location.assign('/login?continue=' + encodeURIComponent(location.pathname + location.search));
      }
      return response;
    });
  };

  /**
   * A multipart upload with progress (fetch has none): resolves to { status, problem, body } once answered, with the
   * RFC 7807 problem parsed for a refusal. A lost session goes to sign in and back to this page.
   */
  window.hmcUpload = function (url, body, onProgress) {
    return new Promise(function (resolve) {
      const request = new XMLHttpRequest();
      request.open('POST', url);
      const c = csrf();
      if (c) request.setRequestHeader(c.header, c.token);
      request.setRequestHeader('Accept', 'application/json');
      request.setRequestHeader('Accept-Language', document.documentElement.lang || 'zh-CN');
      request.upload.addEventListener('progress', function (e) {
        if (e.lengthComputable && onProgress) onProgress(Math.round(100 * e.loaded / e.total));
      });
      request.addEventListener('loadend', function () {
        if (request.status === 401) {
          window.location.assign('/login?continue=' + encodeURIComponent(location.pathname + location.search));
          return;
        }
        let parsed = {};
        try { parsed = JSON.parse(request.responseText); } catch (ignored) { /* not JSON */ }
        const ok = request.status >= 200 && request.status < 300;
        resolve({ status: request.status, body: ok ? parsed : null, problem: ok ? null : parsed });
      });
      request.send(body);
    });
  };

  document.addEventListener('htmx:configRequest', function (event) {
    const c = csrf();
    if (c) event.detail.headers[c.header] = c.token;
  });
})();
