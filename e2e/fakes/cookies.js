/*
 * Cookie helpers the fake tags share (served in front of gtag.js and tag.js by e2e/fixtures.ts, so
 * each fake stays one response, as the real tag is). Plain browser JavaScript (ES2019).
 */
(function () {
  'use strict';

  function readCookie(name) {
    var parts = document.cookie ? document.cookie.split('; ') : [];
    for (var i = 0; i < parts.length; i++) {
      var eq = parts[i].indexOf('=');
      if (parts[i].slice(0, eq) === name) return parts[i].slice(eq + 1);
    }
    return undefined;
  }

  /**
   * cookie_domain 'auto': try the highest domain first (`example.com` for `blog.example.com`),
   * keep the first that reads back; a public suffix (`co.uk`) is refused by the browser.
   * localhost and IP addresses get a host-only cookie.
   */
  function writeCookie(name, value, maxAge) {
    var host = location.hostname;
    var tail = '; path=/; max-age=' + maxAge + '; SameSite=Lax';
    if (host.indexOf('.') !== -1 && !/^[\d.]+$/.test(host) && host.charAt(0) !== '[') {
      var labels = host.split('.');
      for (var i = labels.length - 2; i >= 0; i--) {
        var domain = labels.slice(i).join('.');
        document.cookie = name + '=' + value + '; domain=' + domain + tail;
        if (readCookie(name) === value) return domain;
      }
    }
    document.cookie = name + '=' + value + tail;
    return readCookie(name) === value ? host : undefined;
  }

  window.__fakeCookies = { read: readCookie, write: writeCookie };
})();
