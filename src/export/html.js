"use strict";
(function () {
  var html = document.documentElement;
  var form = document.getElementById("filters");
  var shown = form.querySelector(".shown");
  var findings = Array.prototype.slice.call(document.querySelectorAll("[data-code]"));
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr[data-row]"));
  var general = document.querySelector("section.general");
  var names = ["code", "lang", "severity"];

  function filtersOf(hash) {
    var wanted = {};
    hash.replace(/^#/, "").split("&").forEach(function (pair) {
      var kv = pair.split("=");
      if (kv.length === 2 && names.indexOf(kv[0]) >= 0) {
        wanted[kv[0]] = decodeURIComponent(kv[1]);
      }
    });
    return wanted;
  }

  function matches(f, wanted) {
    return (!wanted.code || f.getAttribute("data-code") === wanted.code) &&
      (!wanted.severity || f.getAttribute("data-severity") === wanted.severity) &&
      (!wanted.lang || (" " + f.getAttribute("data-langs") + " ").indexOf(" " + wanted.lang + " ") >= 0);
  }

  function apply(wanted) {
    var start = performance.now();
    var active = names.some(function (n) { return wanted[n]; });
    var keep = {};
    var count = 0;
    findings.forEach(function (f) {
      var ok = matches(f, wanted);
      if (f.hidden === ok) { f.hidden = !ok; }
      if (ok) {
        count += 1;
        var r = f.getAttribute("data-in-row");
        if (r) { keep[r] = true; }
      }
    });
    var visible = 0;
    rows.forEach(function (row) {
      var hide = active && !keep[row.getAttribute("data-row")];
      if (row.hidden !== hide) { row.hidden = hide; }
      if (!hide) { visible += 1; }
    });
    if (general) {
      var left = general.querySelectorAll("[data-code]:not([hidden])").length;
      if (general.hidden === (left > 0)) { general.hidden = left === 0; }
    }
    names.forEach(function (n) { form.elements[n].value = wanted[n] || ""; });
    shown.textContent = active ? count + (count === 1 ? " finding" : " findings") + " in " +
      visible + (visible === 1 ? " row" : " rows") : "";
    html.setAttribute("data-filter-ms", (performance.now() - start).toFixed(1));
  }

  function fromHash() {
    var hash = location.hash;
    if (hash.indexOf("=") >= 0 || hash === "") {
      apply(filtersOf(hash));
      return;
    }
    var target = document.getElementById(hash.slice(1));
    if (target && target.hidden) { apply({}); target.scrollIntoView(); }
  }

  function fromForm() {
    var parts = [];
    names.forEach(function (n) {
      var v = form.elements[n].value;
      if (v) { parts.push(n + "=" + encodeURIComponent(v)); }
    });
    var hash = parts.length ? "#" + parts.join("&") : "";
    if (history.replaceState) { history.replaceState(null, "", hash || location.pathname + location.search); }
    apply(filtersOf(hash));
  }

  form.addEventListener("change", fromForm);
  form.addEventListener("reset", function () { setTimeout(fromForm, 0); });
  window.addEventListener("hashchange", fromHash);
  fromHash();
  html.setAttribute("data-ready-ms", performance.now().toFixed(1));
})();
