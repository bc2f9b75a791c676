// Applies the saved theme before paint and wires the toggle (a file, not inline, for the CSP).
(function () {
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
})();
