/* Plan Atlas: copy a heading's or target's permanent link with one click; show link addresses
   when a page is printed. No network requests, no dependencies. */
(function () {
  var zh = (document.documentElement.lang || "").indexOf("zh") === 0;
  var COPY = zh ? "复制链接" : "Copy link";
  var COPIED = zh ? "已复制链接" : "Link copied";

  function toast(text) {
    var el = document.createElement("div");
    el.className = "atlas-toast";
    el.setAttribute("role", "status");
    el.textContent = text;
    document.body.appendChild(el);
    setTimeout(function () { el.remove(); }, 1600);
  }

  function copy(url) {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(url).then(function () { toast(COPIED); }, function () {});
    } else {
      var area = document.createElement("textarea");
      area.value = url;
      document.body.appendChild(area);
      area.select();
      try { document.execCommand("copy"); toast(COPIED); } catch (e) { /* nothing to do */ }
      area.remove();
    }
  }

  function setup() {
    var dialog = document.querySelector(".md-search[role=dialog]");
    if (dialog && !dialog.getAttribute("aria-label")) dialog.setAttribute("aria-label", zh ? "搜索" : "Search");
    document.querySelectorAll(".md-content a.headerlink, .md-content a.atlas-anchor").forEach(function (a) {
      a.setAttribute("title", COPY);
      a.setAttribute("aria-label", COPY);
      a.addEventListener("click", function () { copy(a.href); });
    });
  }

  /* Printing: write each content link's full address after it. */
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll(".md-content a[href]").forEach(function (a) {
      if (a.classList.contains("headerlink") || a.getAttribute("href").charAt(0) === "#") return;
      a.setAttribute("data-print-url", a.href);
    });
  });

  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(setup); /* Material's instant loading, if ever enabled */
  } else {
    document.addEventListener("DOMContentLoaded", setup);
  }
})();

/* Names first: an agency's short form, a sector or a plan title typed into search leads straight
   to its page, shown above Material's full-text results. The list is assets/atlas-names.json. */
(function () {
  var zh = (document.documentElement.lang || "").indexOf("zh") === 0;
  var names = null;
  var KIND = zh ? { agency: "部门", sector: "行业", indicator: "指标", plan: "文件", region: "地区" }
                : { agency: "Agency", sector: "Sector", indicator: "Indicator", plan: "Plan", region: "Region" };

  function root() {
    return typeof __md_scope !== "undefined" ? __md_scope : new URL(".", location.href);
  }

  function load() {
    if (names) return Promise.resolve(names);
    return fetch(new URL("assets/atlas-names.json", root())).then(function (r) { return r.json(); })
      .then(function (data) { names = data; return data; });
  }

  function matches(query) {
    var q = query.trim().toLowerCase();
    if (q.length < 2) return [];
    var exact = [], partial = [], seen = {};
    names.forEach(function (e) {
      var n = e.n.toLowerCase(), url = zh ? e.zh : e.en;
      if (seen[url]) return;
      if (n === q) { exact.push(e); seen[url] = 1; }
    });
    names.forEach(function (e) {
      var n = e.n.toLowerCase(), url = zh ? e.zh : e.en;
      if (seen[url] || n.indexOf(q) < 0) return;
      partial.push(e); seen[url] = 1;
    });
    return exact.concat(partial).slice(0, 5);
  }

  function render(input) {
    var panel = document.querySelector(".md-search-result");
    if (!panel) return;
    var box = panel.querySelector(".atlas-bestbets");
    if (!box) {
      box = document.createElement("div");
      box.className = "atlas-bestbets";
      panel.insertBefore(box, panel.firstChild);
    }
    box.textContent = "";
    matches(input.value).forEach(function (e) {
      var a = document.createElement("a");
      a.href = new URL(zh ? e.zh : e.en, root()).href;
      a.className = "atlas-bestbet";
      var kind = document.createElement("span");
      kind.className = "atlas-bestbet__kind";
      kind.textContent = KIND[e.k] || e.k;
      a.appendChild(kind);
      a.appendChild(document.createTextNode((zh ? e.tzh : e.ten) + (e.n !== (zh ? e.tzh : e.ten) ? " (" + e.n + ")" : "")));
      box.appendChild(a);
    });
  }

  document.addEventListener("input", function (event) {
    var input = event.target;
    if (!input.classList || !input.classList.contains("md-search__input")) return;
    load().then(function () { render(input); });
  });
})();
