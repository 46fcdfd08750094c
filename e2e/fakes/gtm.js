/*
 * Fake gtm.js for the end-to-end tests, served for https://www.googletagmanager.com/gtm.js?id=GTM-…
 * Like a GTM container, it takes over the data layer's push and reads everything pushed before
 * and after it loaded, in order. It records each entry in window.__fake.gtm (objects copied,
 * Arguments objects — gtag() commands — as arrays) so tests can check what GTM saw.
 * It does not push GTM's own later lifecycle events (gtm.dom, gtm.load), to keep the record
 * to what the page and Consentry pushed. Plain browser JavaScript (ES2019).
 */
(function () {
  'use strict';

  var w = window;
  var fake = (w.__fake = w.__fake || {});
  fake.gtmLoads = (fake.gtmLoads || 0) + 1;
  fake.gtm = fake.gtm || [];
  fake.gtmContainers = fake.gtmContainers || [];

  var script = document.currentScript;
  var src = (script && script.src) || '';
  var match = /[?&]id=([^&#]*)/.exec(src);
  if (match) fake.gtmContainers.push(decodeURIComponent(match[1]));
  var layerMatch = /[?&]l=([^&#]*)/.exec(src);
  var layerName = layerMatch ? decodeURIComponent(layerMatch[1]) : 'dataLayer';
  var layer = (w[layerName] = w[layerName] || []);

  // A second container on the same data layer shares the first one's processor.
  if (layer.push && layer.push.__fakeGtm) return;

  function record(entry) {
    if (Array.isArray(entry) || Object.prototype.toString.call(entry) === '[object Arguments]') {
      fake.gtm.push(Array.prototype.slice.call(entry));
    } else if (entry && typeof entry === 'object') {
      var copy = {};
      for (var key in entry) copy[key] = entry[key];
      fake.gtm.push(copy);
    } else {
      fake.gtm.push(entry);
    }
  }

  var arrayPush = Array.prototype.push;
  var previousPush = layer.push;
  var existing = layer.slice();
  function push() {
    // Keep a processor installed before us (e.g. gtag.js on the same data layer) working.
    var result =
      previousPush && previousPush !== arrayPush
        ? previousPush.apply(layer, arguments)
        : arrayPush.apply(layer, arguments);
    for (var i = 0; i < arguments.length; i++) record(arguments[i]);
    return result;
  }
  push.__fakeGtm = true;
  layer.push = push;
  for (var i = 0; i < existing.length; i++) record(existing[i]);
})();
