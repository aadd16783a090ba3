/* global window, fetch, URLSearchParams */
// Starts the reads of a shared compound link's first walking answer (manifest.json, then the
// shipped report.json and the small files it is checked against) while the app's JavaScript is
// still downloading. A plain script, loaded before the app (index.html): on a slow phone link
// the app would otherwise ask for them only once all of its code has arrived and run.
//
// Only for the link the app would answer early itself (src/store/datasetSlice.ts, loadFromUrl):
// the resident view of the built-in dataset, a compound, all its gates, the standard pace. The
// app takes each response from window.__earlyReads (src/data/earlyReads.ts) or reads the file
// itself; a read started here is never repeated. Nothing is shown from here.
(function () {
  'use strict';
  try {
    var params = new URLSearchParams(window.location.search);
    var compound = (params.get('compound') || '').trim();
    var mode = params.get('mode');
    var profile = params.get('profile');
    if (params.has('data') || (mode !== null && mode !== 'resident') || compound === '' || (params.get('gate') || '').trim() !== '') return;
    if (profile !== null && profile !== 'standard') return;
    // The built-in dataset (DEFAULT_DATA in src/store/url.ts; a unit test keeps the two equal).
    var base = 'data/yuefeng-sample/';
    var init = { headers: { Accept: 'application/json, application/geo+json' } };
    // Never rejects: a read that failed here is simply made again by the app.
    var read = function (name) {
      return fetch(base + name, init).catch(function () {
        return null;
      });
    };
    var stem = function (name) {
      return String(name).trim().toLowerCase().replace(/\.(geo)?json$/, '');
    };
    var manifest = read('manifest.json');
    // The manifest's file list (src/data/manifest.ts, listedFiles), or null: then nothing more is read here.
    var listed = manifest
      .then(function (response) {
        return response && response.ok ? response.clone().json() : null;
      })
      .then(function (m) {
        var files = m && m.files;
        return Array.isArray(files) && files.every(function (f) { return typeof f === 'string' && f.trim() !== ''; }) ? files.map(stem) : null;
      })
      .catch(function () {
        return null;
      });
    var files = { 'manifest.json': manifest };
    var early = ['report.json', 'compounds.geojson', 'facilities.geojson', 'gates.geojson'];
    early.forEach(function (name) {
      files[name] = listed.then(function (list) {
        return list && list.indexOf('report') >= 0 && list.indexOf(stem(name)) >= 0 ? read(name) : null;
      });
    });
    window.__earlyReads = { base: base, files: files };
  } catch {
    // An old browser: the app reads everything itself.
  }
})();
