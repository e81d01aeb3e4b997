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
