/* litsite: style switcher, reference search / filter / sort, copy buttons. No dependencies, no external requests.
   Without JavaScript the page shows the default style and the full list; these only add to it. */
(function () {
  "use strict";
  var STORE = "litsite-style";

  function store(key, value) {
    try {
      if (value === undefined) return window.localStorage.getItem(key);
      window.localStorage.setItem(key, value);
    } catch (e) { /* storage may be disabled: the choice then lasts for this page only */ }
    return null;
  }

  /* ---------- DOIs in entries become links (the reference pages link them without JavaScript too) ---------- */
  var DOI_RE = /https?:\/\/(?:dx\.)?doi\.org\/[^\s<>"]+[^\s<>".,;)]/g;

  function linkDois(scope) {
    var nodes = [];
    scope.querySelectorAll("[data-ref-id]").forEach(function (el) {
      if (el.textContent.indexOf("doi.org/") < 0) return;
      var walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (var t = walker.nextNode(); t; t = walker.nextNode()) {
        if (t.nodeValue.indexOf("doi.org/") >= 0 && !t.parentNode.closest("a")) nodes.push(t);
      }
    });
    nodes.forEach(function (t) {
      var text = t.nodeValue, frag = document.createDocumentFragment(), last = 0, m;
      DOI_RE.lastIndex = 0;
      while ((m = DOI_RE.exec(text))) {
        frag.appendChild(document.createTextNode(text.slice(last, m.index)));
        var a = document.createElement("a");
        a.href = m[0];
        a.className = "doi";
        a.textContent = m[0];
        frag.appendChild(a);
        last = m.index + m[0].length;
      }
      frag.appendChild(document.createTextNode(text.slice(last)));
      t.parentNode.replaceChild(frag, t);
    });
  }

  /* ---------- style switcher ---------- */
  var styleCache = {};

  function loadStyle(option) {
    var src = option.getAttribute("data-src");
    if (!styleCache[src]) {
      styleCache[src] = fetch(src).then(function (r) {
        if (!r.ok) throw new Error("HTTP " + r.status + " for " + src);
        return r.json();
      });
    }
    return styleCache[src];
  }

  function setEntry(el, html) {
    var slot = el.querySelector(":scope > .entry");
    if (slot) { slot.innerHTML = html; return; }
    var more = el.querySelector(":scope > .more");
    if (!more) { el.innerHTML = html; return; }
    while (el.firstChild && el.firstChild !== more) el.removeChild(el.firstChild);
    more.insertAdjacentHTML("beforebegin", html + " ");
  }

  function reorder(list, order) {
    var pos = new Map();
    order.forEach(function (id, i) { pos.set(id, i); });
    var items = Array.prototype.slice.call(list.children);
    items.sort(function (a, b) {
      return (pos.get(a.getAttribute("data-ref-id")) || 0) - (pos.get(b.getAttribute("data-ref-id")) || 0);
    });
    var frag = document.createDocumentFragment();
    items.forEach(function (li) { frag.appendChild(li); });
    list.appendChild(frag);
  }

  function applyStyle(data) {
    document.querySelectorAll("[data-ref-id]").forEach(function (el) {
      var html = data.entries[el.getAttribute("data-ref-id")];
      if (html != null) setEntry(el, html);
    });
    document.querySelectorAll(".citation[data-cluster]").forEach(function (el) {
      var text = data.citations[+el.getAttribute("data-cluster")];
      var target = el.querySelector("a") || el;
      if (text != null) target.innerHTML = text;
    });
    document.querySelectorAll(".style-title").forEach(function (el) { el.textContent = data.title; });
    document.querySelectorAll("ol.bibliography").forEach(function (list) {
      list.classList.toggle("numbered", !!data.numbered);
      if (list.id === "ref-results") return; /* redrawn by the search, in its own order */
      var sortBy = document.getElementById("sort");
      if (list.id !== "ref-list" || !sortBy || sortBy.value === "style") reorder(list, data.order);
    });
    linkDois(document);
    document.body.setAttribute("data-style", data.name);
    /* the width of the numbers' column (lm-N, see style.css) */
    Array.prototype.slice.call(document.body.classList).forEach(function (c) {
      if (/^lm-\d+$/.test(c)) document.body.classList.remove(c);
    });
    if (data.margin) document.body.classList.add("lm-" + data.margin);
    document.dispatchEvent(new CustomEvent("litsite:style", { detail: data }));
  }

  function initSwitcher() {
    var select = document.getElementById("style-select");
    if (!select) return;
    select.closest(".style-switcher").hidden = false;
    function choose(name, remember) {
      var option = Array.prototype.find.call(select.options, function (o) { return o.value === name; });
      if (!option) return Promise.resolve();
      select.value = name;
      if (remember) store(STORE, name);
      if (document.body.getAttribute("data-style") === name) return Promise.resolve();
      return loadStyle(option).then(applyStyle, function (err) {
        select.value = document.body.getAttribute("data-style");
        console.warn("litsite: could not load the style", err);
      });
    }
    select.addEventListener("change", function () { choose(select.value, true); });
    var saved = store(STORE);
    if (saved) choose(saved, false);
    window.litsiteStyle = { choose: choose };
  }

  /* ---------- search, filter and sort over a prebuilt inverted index ---------- */
  function fold(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function words(text) { return fold(text).match(/[\p{L}\p{N}]+/gu) || []; }

  function decode(s) {
    var parts = s.split("."), out = new Int32Array(parts.length), n = 0;
    for (var i = 0; i < parts.length; i++) { n += parseInt(parts[i], 36); out[i] = n; }
    return out;
  }

  function lowerBound(arr, key) {
    var lo = 0, hi = arr.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (arr[mid] < key) lo = mid + 1; else hi = mid; }
    return lo;
  }

  function Matcher(terms, post, n) {
    var cache = new Map(), stamp = new Int32Array(n).fill(-1), count = new Uint16Array(n);
    function postings(t) {
      var p = cache.get(t);
      if (!p) { p = decode(post[t]); cache.set(t, p); }
      return p;
    }
    /* Docs matching every word (as a prefix of some term), as a Uint8Array mask, or null for "no words". */
    this.match = function (ws) {
      if (!ws.length) return null;
      count.fill(0);
      for (var w = 0; w < ws.length; w++) {
        var word = ws[w], t = lowerBound(terms, word);
        for (; t < terms.length && terms[t].lastIndexOf(word, 0) === 0; t++) {
          var p = postings(t);
          for (var i = 0; i < p.length; i++) {
            var d = p[i];
            if (stamp[d] !== w) { stamp[d] = w; count[d]++; }
          }
        }
      }
      stamp.fill(-1);
      var mask = new Uint8Array(n);
      for (var d2 = 0; d2 < n; d2++) if (count[d2] === ws.length) mask[d2] = 1;
      return mask;
    };
  }

  function initSearch(form) {
    var list = document.getElementById("ref-list");
    if (!list) return;
    var status = document.getElementById("ref-status");
    fetch(form.getAttribute("data-index")).then(function (r) {
      if (!r.ok) throw new Error("HTTP " + r.status);
      return r.json();
    }).then(function (idx) {
      var docs = idx.docs, n = docs.length;
      var byId = new Map();
      Array.prototype.forEach.call(list.children, function (li) { byId.set(li.getAttribute("data-ref-id"), li); });
      var els = docs.map(function (d) { return byId.get(d[0]); });
      var all = new Matcher(idx.terms, idx.post, n), names = new Matcher(idx.aterms, idx.apost, n);
      var styleOrder = Array.prototype.map.call(list.children, function (li) { return li.getAttribute("data-ref-id"); });
      var docNo = new Map(docs.map(function (d, i) { return [d[0], i]; }));
      /* The full list stays as built (and as readers without JavaScript see it). Any search, filter or sort shows
         a separate list of copies of the matching entries, a page at a time: the work per keystroke is the
         index lookup plus at most PAGE entries, whatever the size of the bibliography. */
      var PAGE = 200, limit = PAGE, order = null;
      var results = document.createElement("ol");
      results.className = list.className + " results";
      results.id = "ref-results";
      results.hidden = true;
      var more = document.createElement("button");
      more.type = "button";
      more.className = "show-more";
      more.hidden = true;
      list.after(results, more);
      more.addEventListener("click", function () { limit += PAGE; update(true); });

      /* content-visibility: hidden keeps the long list's layout for when it comes back, so hiding and showing
         it is cheap; display: none (the fallback) throws that away and rebuilds it for every entry. */
      var cheapHide = window.CSS && CSS.supports("content-visibility", "hidden");
      function showList(on) {
        if (!cheapHide) { list.hidden = !on; return; }
        list.style.contentVisibility = on ? "" : "hidden";
        list.style.containIntrinsicSize = on ? "" : "0";
        list.style.margin = on ? "" : "0";
      }

      function update(keepLimit) {
        if (keepLimit !== true) limit = PAGE;
        var q = all.match(words(form.q.value));
        var a = names.match(words(form.author.value));
        var type = form.type.value ? idx.types.indexOf(form.type.value) : -1;
        var from = parseInt(form.from.value, 10), to = parseInt(form.to.value, 10);
        /* the reviewer's notes: "" all works, "*" works with a note, else a theme's slug (docs[i][5]: its themes) */
        var theme = form.theme ? form.theme.value : "";
        var themeNo = theme && theme !== "*" ? (idx.themes || []).indexOf(theme) : -1;
        var filtered = q || a || type >= 0 || !isNaN(from) || !isNaN(to) || theme;
        if (!filtered && !order) {
          showList(true);
          results.hidden = more.hidden = true;
          results.textContent = "";
          status.textContent = "Showing all " + n + " references.";
          return n;
        }
        var seq = order || styleOrder.map(function (id) { return docNo.get(id); });
        var frag = document.createDocumentFragment(), visible = 0;
        for (var k = 0; k < seq.length; k++) {
          var i = seq[k], d = docs[i];
          if ((!q || q[i]) && (!a || a[i]) && (type < 0 || d[2] === type) &&
              (isNaN(from) || (d[1] && d[1] >= from)) && (isNaN(to) || (d[1] && d[1] <= to)) &&
              (!theme || (d[5] && (theme === "*" || d[5].indexOf(themeNo) >= 0)))) {
            if (visible < limit && els[i]) frag.appendChild(els[i].cloneNode(true));
            visible++;
          }
        }
        results.replaceChildren(frag);
        showList(false);
        results.hidden = false;
        var rest = visible - Math.min(visible, limit);
        more.hidden = rest <= 0;
        more.textContent = "Show " + Math.min(rest, PAGE) + " more (" + rest + " not shown)";
        status.textContent = (visible === n ? "Showing all " + n + " references" :
          visible + " of " + n + " references match") + (rest > 0 ? "; the first " + limit + " are shown." : ".");
        return visible;
      }

      function cmp(key) {
        var byAuthor = function (x, y) {
          var A = docs[x], B = docs[y];
          return A[3] < B[3] ? -1 : A[3] > B[3] ? 1 : (A[1] - B[1]) || (A[4] < B[4] ? -1 : A[4] > B[4] ? 1 : 0);
        };
        if (key === "author") return byAuthor;
        if (key === "year-asc") return function (x, y) { return (docs[x][1] - docs[y][1]) || byAuthor(x, y); };
        if (key === "year-desc") return function (x, y) { return (docs[y][1] - docs[x][1]) || byAuthor(x, y); };
        if (key === "type") {
          return function (x, y) {
            var A = idx.types[docs[x][2]], B = idx.types[docs[y][2]];
            return A < B ? -1 : A > B ? 1 : byAuthor(x, y);
          };
        }
        return null;
      }

      function sort() {
        var c = cmp(form.sort.value);
        order = c ? docs.map(function (_, i) { return i; }).sort(c) : null;
        update();
      }

      var onEdit = function (e) { if (e.target !== form.sort) update(); };
      form.addEventListener("input", onEdit);
      form.addEventListener("change", onEdit);
      form.sort.addEventListener("change", sort);
      form.addEventListener("submit", function (e) { e.preventDefault(); });
      document.addEventListener("litsite:style", function (e) {
        styleOrder = e.detail.order.slice();
        if (!results.hidden) update(true);
      });
      var params = new URLSearchParams(window.location.search);
      if (params.get("q")) form.q.value = params.get("q");
      if (params.get("author")) form.author.value = params.get("author");
      if (form.theme && params.get("theme")) form.theme.value = params.get("theme");
      form.hidden = false;
      update();
      window.litsiteSearch = {
        update: update, sort: sort, size: n,
        setPageSize: function (size) { PAGE = limit = size; return update(); }
      };
      document.dispatchEvent(new CustomEvent("litsite:search-ready"));
    }).catch(function (err) {
      console.warn("litsite: search is unavailable", err);
    });
  }

  /* ---------- copy buttons ---------- */
  function initCopy() {
    document.querySelectorAll("button.copy[data-copy]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        var source = document.getElementById(button.getAttribute("data-copy"));
        var status = document.querySelector(".copy-status");
        var text = source.textContent;
        var done = function () { if (status) status.textContent = button.textContent.replace("Copy ", "") + " copied."; };
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(text).then(done, function () { fallback(source); done(); });
        } else { fallback(source); done(); }
      });
    });
  }
  function fallback(source) {
    var details = source.closest("details");
    if (details) details.open = true;
    var range = document.createRange();
    range.selectNodeContents(source);
    var sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
    try { document.execCommand("copy"); } catch (e) { /* the text stays selected for the reader to copy */ }
  }

  function init() {
    linkDois(document);
    initSwitcher();
    var form = document.getElementById("ref-controls");
    if (form) initSearch(form);
    initCopy();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
