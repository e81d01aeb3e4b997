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

/* Chinese in the search index is cut into overlapping character pairs (房地产 → 房地 地产), each
   written as one word of Latin letters and digits (房地 → 0x623f5730) that no word cutter splits
   again, so that whatever a reader types is found on every page that contains it. The build's
   half is hooks/atlas/site/search_pairs.py; a browser test checks that the two agree.
   atlasQueryWords cuts a query the same way; atlasJoinPairs turns excerpts and titles back into
   the page's text (0x623f5730 <mark>0x57304ea7</mark> → 房<mark>地产</mark>) for display. */
(function () {
  var RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
  var CODED = /^0x([0-9a-f]{4})([0-9a-f]{4})?$/;
  function word(chars) {
    var out = "0x";
    for (var i = 0; i < chars.length; i++) out += ("000" + chars.charCodeAt(i).toString(16)).slice(-4);
    return out;
  }
  function pairs(run) {
    if (run.length < 2) return [word(run)];
    var out = [];
    for (var i = 0; i + 1 < run.length; i++) out.push(word(run.slice(i, i + 2)));
    return out;
  }
  /* enough pairs to cover every character: every other pair, and the last (市发 展改 革委);
     fewer words, fewer index chunks to download (search_pairs.covering_pairs) */
  function covering(run) {
    if (run.length < 3) return pairs(run);
    var out = [], i;
    for (i = 0; i + 1 < run.length; i += 2) out.push(word(run.slice(i, i + 2)));
    if (i - 2 !== run.length - 2) out.push(word(run.slice(run.length - 2)));
    return out;
  }
  /* Chinese punctuation in a query as the index has it (search_pairs.query_words): Pagefind
     drops it from inside an indexed word (〔2011〕66 → 201166) but splits the query there
     (2011, 66), so a document number typed whole found nothing. Between letters or digits it
     is dropped, elsewhere it parts words. */
  var PUNCT = "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65";
  var PUNCT_INSIDE = new RegExp("(?<=[A-Za-z0-9])[" + PUNCT + "]+(?=[A-Za-z0-9])", "g");
  var PUNCT_ANY = new RegExp("[" + PUNCT + "]", "g");
  window.atlasQueryWords = function (term) {
    return term.replace(PUNCT_INSIDE, "").replace(PUNCT_ANY, " ")
      .replace(RUN, function (run) { return " " + covering(run).join(" ") + " "; })
      .replace(/\s+/g, " ").trim();
  };
  function decoded(token) {
    var m = CODED.exec(token);
    if (!m) return null;
    return String.fromCharCode(parseInt(m[1], 16)) + (m[2] ? String.fromCharCode(parseInt(m[2], 16)) : "");
  }
  /* Indexing sets a space on each side of a Chinese run, where the page may have had none; the
     index keeps no trace of which (Pagefind folds every run of spaces into one). Between two runs
     the space is the page's. Next to other text: on a Chinese page there was none (2020年,
     （二）); on an English page there was one, except inside brackets and quotes and before
     punctuation (Form: 市建委 / Construction; (百项百亿)). */
  var ZH_PAGE = (document.documentElement.lang || "").indexOf("zh") === 0;
  var OPENS = /[(\[{\u201c\u2018\u300a\u3008\u300c\u300e\u3010\uff08]$/;
  var CLOSES = /^[)\]}\u201d\u2019\u300b\u3009\u300d\u300f\u3011\uff09,.;:!?\u3001\u3002\uff0c\uff1b\uff1a\uff01\uff1f]/;
  var FULL_WIDTH = /[\u3000-\u303f\uff00-\uffef]/;
  function keepsSpace(before, beforeHan, after, afterHan) {
    if (beforeHan === afterHan) return true;  /* two runs, or two words of other text */
    if (ZH_PAGE || FULL_WIDTH.test(beforeHan ? after.charAt(0) : before)) return false;
    return beforeHan ? !CLOSES.test(after) : !OPENS.test(before);
  }
  window.atlasJoinPairs = function (html, plain) {
    /* words with their <mark>, one character at a time; ``plain``: text, not HTML (a title) */
    var chars = [], m, prev = null, gap = "";
    var pieces = plain ? /()([\s\S]+)()/g : /<mark>([\s\S]*?)<\/mark>|([^<]+)|(<[^>]*>)/g;
    function emit(text, marked) {
      for (var c of text) chars.push({ c: c, marked: marked });
    }
    while ((m = pieces.exec(html))) {
      if (plain) m = [m[0], undefined, m[2], undefined];
      if (m[3] !== undefined) { emit(gap, false); gap = ""; chars.push({ raw: m[3] }); prev = null; continue; }
      var marked = m[1] !== undefined;
      (marked ? m[1] : m[2]).split(/(\s+)/).forEach(function (token) {
        if (!token) return;
        if (/^\s+$/.test(token)) { gap += token; return; }
        var han = decoded(token), last = chars.length ? chars[chars.length - 1] : null;
        var follows = prev !== null && last && last.c === prev.charAt(prev.length - 1);
        if (han && follows && han.length === 2 && prev.length === 2 && prev.charAt(1) === han.charAt(0)) {
          last.marked = last.marked || marked;  /* the next pair of the same run */
          emit(han.charAt(1), marked);
        } else if (han && follows && han.length === 1 && prev.length === 2 && prev.charAt(1) === han) {
          last.marked = last.marked || marked;  /* the run's last character, indexed once more */
        } else {
          var text = han || token;
          if (last && last.c !== undefined && gap && keepsSpace(last.c, prev !== null, text, han !== null)) emit(" ", false);
          emit(text, marked);
        }
        gap = "";
        prev = han;
      });
    }
    var out = "", open = false;
    chars.forEach(function (ch) {
      if (ch.raw !== undefined) { if (open) { out += "</mark>"; open = false; } out += ch.raw; return; }
      if (ch.marked !== open) { out += ch.marked ? "<mark>" : "</mark>"; open = ch.marked; }
      out += ch.c;
    });
    return open ? out + "</mark>" : out;
  };
})();

/* Search: the header's box leads to search/ (or en/search/), whose interface is atlas-search.js;
   "/" anywhere focuses the search box (the results page's, or the header's). */
(function () {
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    var input = document.querySelector(".atlas-search__input") || document.querySelector(".atlas-header-search__input");
    if (!input) return;
    event.preventDefault();
    input.focus();
  });
})();
