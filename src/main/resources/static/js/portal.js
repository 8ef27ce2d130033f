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

  document.addEventListener('htmx:configRequest', function (event) {
    const c = csrf();
    if (c) event.detail.headers[c.header] = c.token;
  });
})();
