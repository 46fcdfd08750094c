/*
 * Fake gtag.js for the end-to-end tests, served for https://www.googletagmanager.com/gtag/js?id=G-…
 * It behaves like the parts of Google's tag that Consentry must control (see README.md):
 * only Arguments objects are commands, consent default/update gate cookies and hits,
 * cookies go to the highest domain that accepts them, denied consent sends a cookieless ping.
 * Plain browser JavaScript (ES2019), no modules, no build step.
 */
(function () {
  'use strict';

  var w = window;
  var fake = (w.__fake = w.__fake || {});
  fake.gtagLoads = (fake.gtagLoads || 0) + 1;
  fake.gtag = fake.gtag || [];

  var TWO_YEARS = 63072000; // cookie_expires default, in seconds
  var COLLECT = 'https://www.google-analytics.com/g/collect';

  var script = document.currentScript;
  var src = (script && script.src) || '';
  var layerName = param(src, 'l') || 'dataLayer';
  var layer = (w[layerName] = w[layerName] || []);

  // Loaded twice, the real tag keeps one processor per data layer: count the run, change nothing.
  if (layer.push && layer.push.__fakeGtag) return;

  var consent = {}; // signal -> 'granted' | 'denied'
  var updated = {}; // signals set by an update: a later default does not override them
  var waitForUpdate = 0;
  var sawUpdate = false;
  var configs = []; // measurement ids configured
  var pending = []; // config hits waiting for wait_for_update
  var hitAnalytics = {}; // id -> true once a hit with analytics_storage granted was sent

  function param(url, name) {
    var match = new RegExp('[?&]' + name + '=([^&#]*)').exec(url);
    return match ? decodeURIComponent(match[1]) : '';
  }

  function isArguments(value) {
    return Object.prototype.toString.call(value) === '[object Arguments]';
  }

  function granted(signal) {
    return consent[signal] === 'granted';
  }

  /** `G1<ad_storage><analytics_storage>`, as GA4 hits carry it. */
  function gcs() {
    return 'G1' + (granted('ad_storage') ? '1' : '0') + (granted('analytics_storage') ? '1' : '0');
  }

  // Shared with tag.js: e2e/fakes/cookies.js, which the tests serve in front of each fake tag.
  var readCookie = window.__fakeCookies.read;
  var writeCookie = window.__fakeCookies.write;

  function clientId() {
    var existing = /^GA1\.\d+\.(\d+\.\d+)$/.exec(readCookie('_ga') || '');
    if (existing) return existing[1];
    return Math.floor(Math.random() * 2147483647) + '.' + Math.floor(Date.now() / 1000);
  }

  function hitUrl(id, cid, extra) {
    return (
      COLLECT +
      '?v=2&tid=' +
      encodeURIComponent(id) +
      '&gcs=' +
      gcs() +
      (cid ? '&cid=' + cid : '') +
      '&en=page_view&dl=' +
      encodeURIComponent(location.href) +
      '&_p=' +
      Math.floor(Math.random() * 1e9) +
      (extra || '')
    );
  }

  function send(id) {
    if (granted('analytics_storage')) {
      var now = Math.floor(Date.now() / 1000);
      var cid = clientId();
      writeCookie('_ga', 'GA1.1.' + cid, TWO_YEARS);
      writeCookie('_ga_' + id.replace(/^G-/, ''), 'GS1.1.' + now + '.1.0.' + now + '.0.0.0', TWO_YEARS);
      hitAnalytics[id] = true;
      var url = hitUrl(id, cid);
      if (!(navigator.sendBeacon && navigator.sendBeacon(url))) {
        fetch(url, { method: 'POST', mode: 'no-cors', keepalive: true }).catch(function () {});
      }
    } else {
      // Advanced mode: no cookie is read or written; a cookieless ping still goes out (with IP and user agent).
      fetch(hitUrl(id, ''), { mode: 'no-cors', keepalive: true }).catch(function () {});
    }
  }

  function flushPending() {
    var ids = pending;
    pending = [];
    for (var i = 0; i < ids.length; i++) send(ids[i]);
  }

  function applyConsent(kind, params) {
    if (!params || typeof params !== 'object') return;
    // Region-scoped defaults apply only to visitors from that region; the fake has no region.
    if (kind === 'default' && params.region) return;
    if (kind === 'default' && typeof params.wait_for_update === 'number')
      waitForUpdate = params.wait_for_update;
    var wasAnalytics = granted('analytics_storage');
    for (var key in params) {
      if (key === 'region' || key === 'wait_for_update') continue;
      if (kind === 'update') {
        consent[key] = params[key];
        updated[key] = true;
      } else if (!updated[key]) {
        consent[key] = params[key];
      }
    }
    if (kind === 'update') {
      sawUpdate = true;
      if (pending.length) flushPending();
      else if (!wasAnalytics && granted('analytics_storage')) {
        // Granted after load: GA writes its cookies and sends with storage from now on.
        for (var i = 0; i < configs.length; i++) if (!hitAnalytics[configs[i]]) send(configs[i]);
      }
    }
  }

  function config(id) {
    if (typeof id !== 'string') return;
    if (configs.indexOf(id) === -1) configs.push(id);
    if (!sawUpdate && waitForUpdate > 0) {
      // wait_for_update: hold the hit until an update arrives or the time is up.
      pending.push(id);
      if (pending.length === 1) setTimeout(flushPending, waitForUpdate);
      return;
    }
    send(id);
  }

  function process(entry) {
    // gtag.js treats only Arguments objects as commands; arrays and objects are data layer messages.
    if (!isArguments(entry)) return;
    var command = Array.prototype.slice.call(entry);
    fake.gtag.push(command);
    if (command[0] === 'consent') applyConsent(command[1], command[2]);
    else if (command[0] === 'config') config(command[1]);
  }

  var arrayPush = Array.prototype.push;
  var existing = layer.slice();
  function push() {
    var result = arrayPush.apply(layer, arguments);
    for (var i = 0; i < arguments.length; i++) process(arguments[i]);
    return result;
  }
  push.__fakeGtag = true;
  layer.push = push;
  for (var i = 0; i < existing.length; i++) process(existing[i]);
})();
