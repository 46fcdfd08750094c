/*
 * Fake Yandex Metrica tag.js for the end-to-end tests, served for https://mc.yandex.ru/metrika/tag.js
 * (and the other mc.yandex.* hosts). Like the real tag it replays the snippet's ym.a queue,
 * then replaces window.ym; each `init` honours window['disableYaCounter<ID>'] (read at init,
 * as Yandex documents), writes _ym_uid/_ym_d/_ym_isad on the highest domain that accepts them
 * and _ym_uid/_ym_d in localStorage, and sends a hit (plus a Webvisor request when
 * `webvisor: true`). Plain browser JavaScript (ES2019).
 */
(function () {
  'use strict';

  var w = window;
  var fake = (w.__fake = w.__fake || {});
  fake.tagJsLoads = (fake.tagJsLoads || 0) + 1;
  fake.ym = fake.ym || [];
  fake.ymInits = fake.ymInits || [];
  fake.ymDisabled = fake.ymDisabled || [];

  var YEAR = 365 * 24 * 3600;
  var TWO_DAYS = 2 * 24 * 3600;

  // Loaded twice, the real tag keeps the first instance: count the run, change nothing.
  if (typeof w.ym === 'function' && w.ym.__fakeTagJs) return;

  var script = document.currentScript;
  var hostMatch = /^https:\/\/(mc\.yandex\.[a-z.]+)\//.exec((script && script.src) || '');
  var origin = 'https://' + (hostMatch ? hostMatch[1] : 'mc.yandex.ru');
  var counters = {}; // id -> true once initialised and enabled

  // Shared with gtag.js: e2e/fakes/cookies.js, which the tests serve in front of each fake tag.
  var readCookie = window.__fakeCookies.read;
  var writeCookie = window.__fakeCookies.write;

  function store(key, value) {
    try {
      localStorage.setItem(key, JSON.stringify(value));
    } catch {
      // Storage may be unavailable (private mode, blocked); the real tag carries on too.
    }
  }

  function beacon(url) {
    if (!(navigator.sendBeacon && navigator.sendBeacon(url))) {
      fetch(url, { method: 'POST', mode: 'no-cors', keepalive: true }).catch(function () {});
    }
  }

  function hit(id, extra) {
    beacon(
      origin +
        '/watch/' +
        id +
        '?page-url=' +
        encodeURIComponent(location.href) +
        '&charset=utf-8&rn=' +
        Math.floor(Math.random() * 1e6) +
        (extra || ''),
    );
  }

  function init(id, options) {
    options = options && typeof options === 'object' ? options : {};
    if (w['disableYaCounter' + id] === true) {
      fake.ymDisabled.push({ id: id, options: options });
      return;
    }
    fake.ymInits.push({ id: id, options: options });
    if (counters[id]) return; // a second init of the same counter is ignored
    counters[id] = true;
    var now = Math.floor(Date.now() / 1000);
    var uid = readCookie('_ym_uid') || String(now) + String(Math.floor(Math.random() * 1e9));
    var firstVisit = readCookie('_ym_d') || String(now);
    writeCookie('_ym_uid', uid, YEAR);
    writeCookie('_ym_d', firstVisit, YEAR);
    writeCookie('_ym_isad', '2', TWO_DAYS);
    store('_ym_uid', uid);
    store('_ym_d', firstVisit);
    if (options.defer !== true) hit(id);
    if (options.webvisor === true)
      beacon(origin + '/webvisor/' + id + '?wv-type=0&page-url=' + encodeURIComponent(location.href));
  }

  function ym() {
    var args = Array.prototype.slice.call(arguments);
    fake.ym.push(args);
    var id = Number(args[0]);
    var method = args[1];
    if (method === 'init') init(id, args[2]);
    else if ((method === 'hit' || method === 'reachGoal' || method === 'params') && counters[id]) {
      hit(id, '&method=' + encodeURIComponent(method));
    }
  }
  ym.__fakeTagJs = true;

  var stub = w.ym;
  var queue = stub && stub.a ? Array.prototype.slice.call(stub.a) : [];
  ym.l = stub && stub.l;
  w.ym = ym;
  for (var i = 0; i < queue.length; i++) ym.apply(null, Array.prototype.slice.call(queue[i]));
})();
