/* Plan Atlas: the search page's interface, on Pagefind's own search API (pagefind.js).

   Loaded by search/ and en/search/ only. The box [data-atlas-search="../pagefind/"] names the
   language's Pagefind bundle. Why not Pagefind's ready-made interface (pagefind-ui.js):
   - it is 29 KB gzipped of a 185-250 KB first search; this file is a tenth of that;
   - it writes filter values and titles into the page as HTML, and they are data: text from a
     contributor's YAML ran as script there. Here every title, filter and value is text, and an
     excerpt keeps only Pagefind's <mark> (Pagefind escapes < and > in page text, not &);
   - it fetches every filter file when it starts (185 KB at 30 times the real data); here they
     are fetched when a reader asks ("Filter by…") or a linked address chose filters.

   The query and the chosen filters are kept in the address (?q=…&f=name:value), so a search can
   be linked and reloaded. Filters without a query list every page that has them (all the targets
   met in one city, say). Chinese is cut into pairs as the index has it (atlasQueryWords in
   atlas.js) and excerpts and titles are joined back (atlasJoinPairs). */
(function () {
  "use strict";
  var box = document.querySelector("[data-atlas-search]");
  if (!box) return;
  var zh = (document.documentElement.lang || "").indexOf("zh") === 0;
  var T = zh ? {
    label: "站内搜索", input: "搜索全站", placeholder: "搜索", clear: "清除",
    searching: "正在搜索 {q}……", none: "未找到 {q} 的相关结果", found: "找到 {n} 个 {q} 的相关结果",
    filtering: "正在筛选……", browse: "共 {n} 个页面符合所选筛选",
    more: "加载更多结果", filters: "筛选", chosen: "（已选 {n} 项）", ask: "按类型、地区、行业、年份、目标进展等筛选",
    asking: "正在载入筛选……", failed: "筛选未能载入，点此重试", broken: "搜索未能载入，请刷新页面重试。",
    missing: "搜索索引尚未生成（单语言预览不生成索引；完整构建后即可搜索）。"
  } : {
    label: "Site search", input: "Search the site", placeholder: "Search", clear: "Clear",
    searching: "Searching for {q}…", none: "No results for {q}", found: "{n} results for {q}", foundOne: "1 result for {q}",
    filtering: "Filtering…", browse: "{n} pages match the chosen filters", browseOne: "1 page matches the chosen filters",
    more: "Load more results", filters: "Filters", chosen: " ({n} chosen)", ask: "Filter by type, region, sector, year, target status…",
    asking: "Loading the filters…", failed: "The filters did not load: try again", broken: "Search did not load: reload the page to try again.",
    missing: "The search index has not been built (a one-language preview skips it; a full build makes it)."
  };
  var PAGE_SIZE = 5;  /* each result shown fetches its page's indexed text (10-27 KB for a long one) */
  var FIRST_GROUPS = ["类型", "Type"];  /* the page type first, open on a desk */
  var header = document.querySelector(".atlas-header-search__input");
  var params = new URLSearchParams(location.search);
  var query = params.get("q") || "";
  var selected = {};  /* {filter: [values]}, as Pagefind takes them */
  params.getAll("f").forEach(function (pair) {
    var cut = pair.indexOf(":");
    if (cut > 0) (selected[pair.slice(0, cut)] = selected[pair.slice(0, cut)] || []).push(pair.slice(cut + 1));
  });

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function say(template, term, count) {
    return template.replace("{q}", term).replace("{n}", count === undefined ? "" : count.toLocaleString(zh ? "zh-CN" : "en"));
  }
  function counted(key, term, count) {  /* T[key], or T[key + "One"] for one where the language has it */
    return say(count === 1 && T[key + "One"] ? T[key + "One"] : T[key], term, count);
  }

  /* the box, the filters' place and the results' */
  var form = el("form", "atlas-search__form");
  form.setAttribute("role", "search");
  form.setAttribute("aria-label", T.label);
  var input = el("input", "atlas-search__input");
  input.type = "search";
  input.placeholder = T.placeholder;
  input.setAttribute("aria-label", T.input);
  input.setAttribute("autocapitalize", "none");
  input.setAttribute("autocomplete", "off");
  input.setAttribute("enterkeyhint", "search");
  var clear = el("button", "atlas-search__clear", T.clear);
  clear.type = "button";
  form.append(input, clear);
  var drawer = el("div", "atlas-search__drawer");
  var area = el("div", "atlas-search__results-area");
  var message = el("p", "atlas-search__message");
  message.setAttribute("role", "status");
  var list = el("ol", "atlas-search__results");
  var more = el("button", "atlas-search__more md-button", T.more);
  more.type = "button";
  more.hidden = true;
  var ask = el("button", "atlas-search__ask md-button", T.ask);
  ask.type = "button";
  ask.hidden = true;
  area.append(ask, message, list, more);
  drawer.append(area);
  box.append(form, drawer);

  var bundle = new URL(box.getAttribute("data-atlas-search") || "../pagefind/", location.href).href;
  var starting = null;
  function start() {
    starting = starting || import(bundle + "pagefind.js").then(function (module) {
      return module.options({
        /* in words, and a Chinese pair is a word: about 60 characters */
        excerptLength: zh ? 60 : 36,
        /* long pages (a plan, an agency that leads many tasks) should not sink below short ones
           that mention a word once: the default pageLength 0.75 put the logistics sector fourth
           for 物流 and the commission off the first page for 市发展改革委 */
        ranking: { pageLength: 0.2 }
      }).then(function () { return module; });
    });
    return starting;
  }

  /* ---- the filters: fetched when asked for; their panel made once, its counts kept current */
  var groups = null, panel = null, heading = null, counts = {};
  function chosenFirst(names) {
    var first = FIRST_GROUPS.concat(Object.keys(selected));
    return names.slice().sort(function (a, b) {
      var i = first.indexOf(a), j = first.indexOf(b);
      if (i < 0) i = first.length;
      if (j < 0) j = first.length;
      return i - j || (a < b ? -1 : a > b ? 1 : 0);
    });
  }
  function loadFilters() {
    return start().then(function (module) { return module.filters(); }).then(function (all) {
      groups = all || {};
      ask.remove();
      makePanel();
    });
  }
  function makePanel() {
    var wide = window.matchMedia("(min-width: 60em)").matches;
    panel = el("fieldset", "atlas-search__filters");
    panel.append(el("legend", "atlas-search__hidden", T.filters));
    chosenFirst(Object.keys(groups)).forEach(function (name, g) {
      var block = el("details", "atlas-search__filter");
      block.open = name in selected || (wide && FIRST_GROUPS.indexOf(name) >= 0);
      block.append(el("summary", "atlas-search__filter-name", name));
      var set = el("fieldset", "atlas-search__filter-group");
      set.append(el("legend", "atlas-search__hidden", name));
      Object.keys(groups[name]).forEach(function (value, v) {
        var row = el("div", "atlas-search__filter-value");
        var tick = el("input", "atlas-search__filter-checkbox");
        tick.type = "checkbox";
        tick.id = "atlas-filter-" + g + "-" + v;
        tick.name = name;
        tick.value = value;
        tick.checked = (selected[name] || []).indexOf(value) >= 0;
        var label = el("label", "atlas-search__filter-label");
        label.htmlFor = tick.id;
        row.append(tick, label);
        set.append(row);
      });
      block.append(set);
      panel.append(block);
    });
    panel.addEventListener("change", choose);
    /* the whole panel folds away (a phone shows it above the results) */
    var folding = el("details", "atlas-search__filters-box");
    folding.open = true;
    heading = el("summary", "atlas-search__filters-title");
    folding.append(heading, panel);
    drawer.insertBefore(folding, area);
    showCounts();
    showChosen();
  }
  function showCounts() {
    if (!panel) return;
    panel.querySelectorAll(".atlas-search__filter-checkbox").forEach(function (tick) {
      var shown = (counts[tick.name] || groups[tick.name] || {})[tick.value] || 0;
      tick.nextSibling.textContent = tick.value + " (" + shown + ")";
    });
  }
  function showChosen() {
    var n = panel.querySelectorAll(".atlas-search__filter-checkbox:checked").length;
    heading.textContent = T.filters + (n ? say(T.chosen, "", n) : "");
  }
  function choose() {
    selected = {};
    var url = new URL(location.href);
    url.searchParams.delete("f");
    panel.querySelectorAll(".atlas-search__filter-checkbox:checked").forEach(function (tick) {
      (selected[tick.name] = selected[tick.name] || []).push(tick.value);
      url.searchParams.append("f", tick.name + ":" + tick.value);
    });
    history.replaceState(null, "", url);
    showChosen();
    run(input.value);
  }
  ask.addEventListener("click", function () {
    ask.disabled = true;
    ask.textContent = T.asking;
    loadFilters().then(function () {
      run(input.value);
      var first = panel.querySelector("summary");  /* the first group: where the filters begin */
      if (first) first.focus();
    }, function () {
      ask.disabled = false;
      ask.textContent = T.failed;
    });
  });

  /* ---- the results */
  /* an excerpt as text with its <mark>s: Pagefind writes the page's < and > as &lt; &gt; */
  function excerpt(html) {
    var p = el("p", "atlas-search__excerpt");
    atlasJoinPairs(html).split(/(<\/?mark>)/).reduce(function (marked, piece) {
      if (piece === "<mark>") return true;
      if (piece === "</mark>") return false;
      if (piece) {
        var text = piece.replace(/&lt;/g, "<").replace(/&gt;/g, ">");
        p.append(marked ? el("mark", "", text) : document.createTextNode(text));
      }
      return marked;
    }, false);
    markOtherLanguage(p);
    return p;
  }
  function title(text, href) {
    var p = el("p", "atlas-search__title");
    var a = el("a", "atlas-search__link", atlasJoinPairs(text || "", true));
    a.href = href;
    p.append(a);
    return p;
  }
  /* a page's parts (its headings) that hold the words: the page's own heading stands for the
     page, and of the others the three with most of the words, in page order (as Pagefind's
     interface chooses them) */
  function parts(data) {
    var subs = data.sub_results || [], own = null;
    if (subs.length && (subs[0].url === data.url || (subs[0].anchor && subs[0].anchor.element === "h1"))) {
      own = subs[0];
      subs = subs.slice(1);
    }
    if (subs.length > 3) {
      var top = subs.slice().sort(function (a, b) { return b.locations.length - a.locations.length; }).slice(0, 3);
      subs = subs.filter(function (s) { return top.indexOf(s) >= 0; });
    }
    return { own: own, subs: subs };
  }
  function fill(item, data) {
    item.textContent = "";
    var url = (data.meta && data.meta.url) || data.url;
    var heading = title(data.meta && data.meta.title, url);
    /* the kind of page (a sector, an indicator, a plan…): several can bear the same name */
    var kind = FIRST_GROUPS.map(function (name) { return (data.filters || {})[name]; }).filter(Boolean)[0];
    if (kind && kind[0]) heading.append(" ", el("span", "atlas-search__kind", kind[0]));
    item.append(heading);
    var found = parts(data);
    if (found.own || !found.subs.length) item.append(excerpt((found.own || data).excerpt || ""));
    found.subs.forEach(function (sub) {
      var nested = el("div", "atlas-search__nested");
      nested.append(title(sub.title, sub.url), excerpt(sub.excerpt || ""));
      item.append(nested);
    });
  }
  var results = [], shown = 0, searchId = 0, timer = null;
  /* The list is marked busy (and faded) while a search or the next results load; results are
     added once their texts are all there, so nothing on the page moves as they arrive. */
  function busy(on) {
    list.classList.toggle("atlas-search__loading", on);
    list.setAttribute("aria-busy", on ? "true" : "false");
  }
  function showMore(id, done) {
    var batch = results.slice(shown, shown + PAGE_SIZE);
    busy(true);
    Promise.all(batch.map(function (result) {
      return result.data().catch(function () { return null; });
    })).then(function (texts) {
      if (id !== searchId) return;
      if (done) done();
      texts.forEach(function (data) {
        if (!data) return;
        var item = el("li", "atlas-search__result");
        fill(item, data);
        list.append(item);
      });
      shown += batch.length;
      more.hidden = shown >= results.length;
      busy(false);
    });
  }
  more.addEventListener("click", function () { showMore(searchId); });

  function keep(term) {
    var url = new URL(location.href);
    if (term) url.searchParams.set("q", term); else url.searchParams.delete("q");
    history.replaceState(null, "", url);
    if (header) header.value = term;
  }
  function run(term) {
    term = term.trim();
    clearTimeout(timer);
    keep(term);
    var id = ++searchId;
    var browsing = !term && Object.keys(selected).length > 0;  /* every page with the filters */
    if (!term && !browsing) {
      message.textContent = "";
      list.textContent = "";
      more.hidden = true;
      busy(false);
      return;
    }
    message.textContent = browsing ? T.filtering : say(T.searching, term);
    busy(true);
    start().then(function (module) {
      return module.search(browsing ? null : atlasQueryWords(term), { filters: selected });
    }).then(function (found) {
      if (id !== searchId) return;
      results = found.results;
      counts = found.filters || {};
      showCounts();
      shown = 0;
      showMore(id, function () {  /* the count and the first results together */
        message.textContent = browsing ? counted("browse", "", results.length)
          : results.length ? counted("found", term, results.length) : say(T.none, term);
        list.textContent = "";
      });
    }, function () {
      if (id === searchId) {
        message.textContent = T.broken;
        busy(false);
      }
    });
  }

  input.addEventListener("input", function () {
    var term = input.value;
    clearTimeout(timer);
    timer = setTimeout(function () { run(term); }, 300);
    if (term.trim()) start().then(function (module) { module.preload(atlasQueryWords(term), { filters: selected }); });
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { input.value = ""; run(""); }
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    run(input.value);
  });
  clear.addEventListener("click", function () {
    input.value = "";
    run("");
    input.focus();
  });

  /* Excerpts are flattened page text: an English quote on a Chinese page loses its lang there.
     Runs in the other language's script are marked again, as the build does
     (hooks/atlas/site/safe_text.py, other_script_runs). */
  var OTHER = zh
    ? /(?<![A-Za-z0-9'\u2019-])[A-Za-z][A-Za-z0-9'\u2019-]*(?:[ \t]*[,.;:!?]?[ \t]+(?:[A-Za-z][A-Za-z0-9'\u2019-]*|[0-9][0-9,.%]*(?![A-Za-z])))+/g
    : /[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]+(?:[0-9 ]*[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]+)*/g;
  function markRuns(node) {
    var text = node.nodeValue, match, last = 0, frag = null;
    OTHER.lastIndex = 0;
    while ((match = OTHER.exec(text))) {
      if (zh && (match[0].match(/[A-Za-z][A-Za-z0-9'\u2019-]+/g) || []).length < 2) continue;
      frag = frag || document.createDocumentFragment();
      frag.append(text.slice(last, match.index));
      var span = el("span", "", match[0]);
      span.lang = zh ? "en" : "zh";
      frag.append(span);
      last = match.index + match[0].length;
    }
    if (!frag) return;
    frag.append(text.slice(last));
    node.parentNode.replaceChild(frag, node);
  }
  function markOtherLanguage(p) {
    var walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT), nodes = [], n;
    while ((n = walker.nextNode())) nodes.push(n);
    nodes.forEach(markRuns);
  }

  input.value = query;
  if (!query) input.focus();
  /* a linked address with filters: fetch them first, so that its groups show with their counts */
  var ready = Object.keys(selected).length ? loadFilters() : start();
  ready.then(function () {
    /* offered with or without a query (filters alone list pages), before any results come, so
       that they do not move down when it appears; gone once the filters are fetched */
    ask.hidden = false;
    if (query || Object.keys(selected).length) run(query);
  }, function () {
    message.textContent = T.missing;
  });
})();
