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

  /* A link to an editor's note inside the folded notes list opens the list first. */
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    var box = el && el.closest("details");
    if (box && !box.open) { box.open = true; el.scrollIntoView(); }
  }
  window.addEventListener("hashchange", openTarget);

  /* A long plan's overview keeps every citation link plans/<id>/#<item> working: a task, target
     or figure shown on one of the plan's other pages is looked up in the page's map and opened
     there (see hooks/atlas/build/plan_pages.py). */
  function followMoved() {
    var map = document.getElementById("atlas-moved");
    var id = decodeURIComponent(location.hash.slice(1));
    if (!map || !id || document.getElementById(id)) return;
    var where;
    try { where = JSON.parse(map.textContent)[id]; } catch (e) { return; }
    if (typeof where === "string" && /^[a-z0-9][a-z0-9._\/-]*\/$/i.test(where)) {
      location.replace(where + location.search + location.hash);
    }
  }
  followMoved();
  window.addEventListener("hashchange", followMoved);

  /* The indicators index: a filter box hides the rows (and then groups) that do not match. */
  function setupFilter() {
    var input = document.getElementById("atlas-filter-input");
    if (!input) return;
    var status = document.querySelector(".atlas-filter__count");
    var rows = Array.prototype.slice.call(document.querySelectorAll(".md-content article tbody tr"));
    input.addEventListener("input", function () {
      var q = input.value.trim().toLowerCase(), shown = 0;
      rows.forEach(function (tr) {
        var hit = !q || tr.textContent.toLowerCase().indexOf(q) >= 0;
        tr.hidden = !hit;
        if (hit) shown++;
      });
      document.querySelectorAll(".md-content article table").forEach(function (t) {
        var any = t.querySelector("tbody tr:not([hidden])") !== null;
        var wrap = t.closest(".md-typeset__scrollwrap") || t;
        wrap.hidden = !any;
        var h = wrap.previousElementSibling;
        if (h && h.tagName === "H3") h.hidden = !any;
      });
      document.querySelectorAll(".md-content article h2").forEach(function (h2) {
        var el = h2.nextElementSibling, any = false;
        for (; el && el.tagName !== "H2"; el = el.nextElementSibling) {
          if (el.tagName === "H3" && !el.hidden) any = true;
        }
        h2.hidden = !any;
      });
      status.textContent = q ? (zh ? "显示 " + shown + " 项" : shown + " shown") : "";
    });
  }

  /* The language switch keeps the search query and the #anchor: the twin page has the same ids. */
  function setupSwitch() {
    document.querySelectorAll("a.md-select__link[hreflang]").forEach(function (a) {
      a.addEventListener("click", function () {
        a.href = a.href.split(/[?#]/)[0] + location.search + location.hash;
      });
    });
  }

  /* On phones the navigation drawer's links are out of the Tab order while it is closed. */
  function setupDrawer() {
    var toggle = document.getElementById("__drawer");
    var drawer = document.querySelector(".md-sidebar--primary");
    if (!toggle || !drawer) return;
    var narrow = window.matchMedia("(max-width: 76.234375em)");
    function update() {
      if (narrow.matches && !toggle.checked) drawer.setAttribute("inert", "");
      else drawer.removeAttribute("inert");
    }
    toggle.addEventListener("change", update);
    narrow.addEventListener("change", update);
    update();
  }

  function setup() {
    openTarget();
    setupFilter();
    setupSwitch();
    setupDrawer();
    document.querySelectorAll(".md-content a.headerlink, .md-content a.atlas-anchor").forEach(function (a) {
      a.setAttribute("title", COPY);
      a.setAttribute("aria-label", COPY);
      a.addEventListener("click", function () { copy(a.href); });
    });
  }

  /* Printing: each link gets a number, and the addresses are listed once, numbered, after the
     article (not inside table cells, where they made a printed sector page twice as long). On
     paper a link of the site is numbered by its page: the linked text names the item on it. */
  window.addEventListener("beforeprint", function () {
    var article = document.querySelector(".md-content article");
    if (!article || article.querySelector(".atlas-print-refs")) return;
    var numbers = {}, list = document.createElement("ol");
    list.className = "atlas-print-refs";
    article.querySelectorAll("a[href]").forEach(function (a) {
      var href = a.getAttribute("href");
      if (a.classList.contains("headerlink") || a.classList.contains("atlas-anchor") || href.charAt(0) === "#") return;
      var own = a.origin === location.origin, key = own ? a.pathname : a.href;
      if (!numbers[key]) {
        numbers[key] = list.children.length + 1;
        var item = document.createElement("li");  /* the site's own pages by their path */
        item.textContent = key;
        list.appendChild(item);
      }
      a.setAttribute("data-print-ref", numbers[key]);
    });
    var heading = document.createElement("h2");
    heading.className = "atlas-print-refs";
    heading.textContent = (zh ? "链接地址（本站：" : "Link addresses (this site: ") + location.origin + (zh ? "）" : ")");
    article.appendChild(heading);
    article.appendChild(list);
  });
  window.addEventListener("afterprint", function () {
    document.querySelectorAll(".atlas-print-refs").forEach(function (el) { el.remove(); });
  });

  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(setup); /* Material's instant loading, if ever enabled */
  } else {
    document.addEventListener("DOMContentLoaded", setup);
  }
})();

/* Search: the header's box leads to search/ (or en/search/), where Pagefind's interface runs on
   the index built after the site (pagefind/). The query is kept in the address (?q=), so a
   results page can be linked and reloaded. "/" anywhere focuses the header's box. */
(function () {
  var zh = (document.documentElement.lang || "").indexOf("zh") === 0;
  function start() {
    var box = document.querySelector("[data-atlas-search]");
    var header = document.querySelector(".atlas-header-search__input");
    var query = new URLSearchParams(location.search).get("q") || "";
    if (header && query) header.value = query;
    if (!box) return;
    if (typeof PagefindUI === "undefined") {  /* a one-language preview builds no index */
      box.textContent = zh
        ? "搜索索引尚未生成（单语言预览不生成索引；完整构建后即可搜索）。"
        : "The search index has not been built (a one-language preview skips it; a full build makes it).";
      return;
    }
    var ui = new PagefindUI({
      element: box, showSubResults: true, showImages: false, resetStyles: false,
      autofocus: !query, pageSize: 10,
      /* long pages (a plan, an agency that leads many tasks) should not sink below short ones
         that mention a word once: Pagefind's default pageLength 0.75 put the logistics sector
         fourth for 物流 and the commission off the first page for 市发展改革委 */
      ranking: { pageLength: 0.2 },
      openFilters: window.matchMedia("(min-width: 60em)").matches ? ["类型", "Type"] : [],
      processTerm: function (term) {
        var url = new URL(location.href);
        if (term) url.searchParams.set("q", term); else url.searchParams.delete("q");
        history.replaceState(null, "", url);
        if (header) header.value = term;
        return term;
      }
    });
    markLanguageOfParts(box);
    /* Pagefind's box is labelled only by its title; name it for screen readers */
    var input = box.querySelector(".pagefind-ui__search-input");
    if (input) input.setAttribute("aria-label", zh ? "搜索全站" : "Search the site");
    if (query) ui.triggerSearch(query);
  }
  /* Result excerpts are flattened page text: an English quote on a Chinese page loses its
     lang there. Mark runs in the other language's script again, as the build does
     (hooks/atlas/site/safe_text.py, other_script_runs). Excerpts only: Pagefind sets them as HTML. */
  var OTHER = zh
    ? /(?<![A-Za-z0-9'\u2019-])[A-Za-z][A-Za-z0-9'\u2019-]*(?:[ \t]*[,.;:!?]?[ \t]+(?:[A-Za-z][A-Za-z0-9'\u2019-]*|[0-9][0-9,.%]*(?![A-Za-z])))+/g
    : /[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]+(?:[0-9 ]*[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]+)*/g;
  function markRuns(node) {
    var text = node.nodeValue, match, last = 0, frag = null;
    OTHER.lastIndex = 0;
    while ((match = OTHER.exec(text))) {
      if (zh && (match[0].match(/[A-Za-z][A-Za-z0-9'\u2019-]+/g) || []).length < 2) continue;
      frag = frag || document.createDocumentFragment();
      frag.appendChild(document.createTextNode(text.slice(last, match.index)));
      var span = document.createElement("span");
      span.lang = zh ? "en" : "zh";
      span.textContent = match[0];
      frag.appendChild(span);
      last = match.index + match[0].length;
    }
    if (!frag) return;
    frag.appendChild(document.createTextNode(text.slice(last)));
    node.parentNode.replaceChild(frag, node);
  }
  function markLanguageOfParts(box) {
    function run() {
      box.querySelectorAll(".pagefind-ui__result-excerpt").forEach(function (el) {
        var walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT), nodes = [], n;
        while ((n = walker.nextNode())) if (!n.parentElement.closest("[lang]:not(html)")) nodes.push(n);
        nodes.forEach(markRuns);
      });
    }
    new MutationObserver(run).observe(box, { childList: true, subtree: true });
  }
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    var input = document.querySelector(".pagefind-ui__search-input") || document.querySelector(".atlas-header-search__input");
    if (!input) return;
    event.preventDefault();
    input.focus();
  });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
