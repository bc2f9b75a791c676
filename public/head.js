// The page head's one script (a file, not inline, for the CSP); it runs before the page is painted.
(function () {
  // 1. The saved theme, applied before paint, and the toggle.
  var saved = localStorage.getItem('theme');
  if (saved) document.documentElement.dataset.theme = saved;
  document.addEventListener('click', function (e) {
    var btn = e.target.closest && e.target.closest('[data-theme-toggle]');
    if (!btn) return;
    var dark = document.documentElement.dataset.theme
      ? document.documentElement.dataset.theme === 'dark'
      : matchMedia('(prefers-color-scheme: dark)').matches;
    var next = dark ? 'light' : 'dark';
    document.documentElement.dataset.theme = next;
    localStorage.setItem('theme', next);
  });

  // 2. A shared link with a figure's state (?<figure-id>.<param>=…) draws its view with the query
  // engine at once: its two files (named by the meta tag above, src/lib/db/engine-files.ts) start
  // downloading now, while the page parses, instead of after the page's scripts (issue #13). A reader
  // without such a link downloads nothing here.
  var meta = document.querySelector('meta[name=engine-files]');
  if (!meta || !/(^|[?&])[a-z0-9-]+\.[a-z0-9_]+=/.test(location.search)) return;
  meta.content.split(' ').forEach(function (href) {
    var link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    link.crossOrigin = 'anonymous';
    link.href = href;
    document.head.appendChild(link);
  });
})();
