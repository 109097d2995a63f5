/**
 * What the preview adds to the page: a reload client and the overlay styles. They belong to the
 * preview machinery, not to the theme, so an office restyling templates/ cannot break live reload.
 */

/** Reloads the page when the server reports a build newer than the one the page shows. */
export const CLIENT_SCRIPT = `(function () {
  'use strict';
  var toPages = document.getElementById('gazette-to-pages');
  if (toPages) {
    if (localStorage.getItem('gazette-view') === 'pages') { location.replace(toPages.href); return; }
    toPages.addEventListener('click', function () { localStorage.setItem('gazette-view', 'pages'); });
  }
  var meta = document.querySelector('meta[name="gazette-build"]');
  var shown = meta ? meta.getAttribute('content') : '';
  var overlay = document.getElementById('gazette-overlay');
  var close = document.getElementById('gazette-overlay-close');
  if (overlay && close) {
    close.addEventListener('click', function () { overlay.hidden = true; });
    document.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') overlay.hidden = true;
    });
  }
  var source = new EventSource('/__gazette/events');
  source.addEventListener('build', function (event) {
    var data = JSON.parse(event.data);
    if (String(data.version) !== shown) {
      shown = String(data.version);
      source.close();
      location.reload();
    }
  });
  window.addEventListener('pagehide', function () { source.close(); });
})();
`;

export const PREVIEW_CSS = `.gazette-overlay {
  position: fixed;
  inset: 0;
  z-index: 2147483000;
  background: rgba(20, 20, 20, 0.45);
  overflow: auto;
  padding: 3rem 1rem;
  font-family: "Noto Sans SC", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif;
  line-height: 1.6;
  text-align: left;
  text-indent: 0;
}
.gazette-overlay[hidden] { display: none; }
.gazette-overlay-panel {
  max-width: 48rem;
  margin: 0 auto;
  background: #fff;
  color: #1a1a1a;
  border-top: 5px solid #c62828;
  border-radius: 4px;
  box-shadow: 0 10px 40px rgba(0, 0, 0, 0.35);
  padding: 1.25rem 1.5rem 1.5rem;
}
.gazette-overlay-head { display: flex; align-items: center; justify-content: space-between; gap: 1rem; }
.gazette-overlay-head h2 { margin: 0; font-size: 1.2rem; color: #b71c1c; }
.gazette-overlay-close {
  font: inherit; font-size: 0.9rem; cursor: pointer;
  border: 1px solid #bbb; border-radius: 3px; background: #f6f6f6; padding: 0.2em 0.8em;
}
.gazette-overlay-note { color: #555; font-size: 0.9rem; margin: 0.5rem 0 1rem; }
.gazette-problems { list-style: none; margin: 0; padding: 0; }
.gazette-problem { border-left: 4px solid #c62828; background: #fdf3f3; padding: 0.6rem 0.8rem; margin: 0 0 0.6rem; }
.gazette-problem.gazette-warning { border-left-color: #c77700; background: #fff8ec; }
.gazette-problem p { margin: 0.15rem 0; text-indent: 0; text-align: left; }
.gazette-problem-head { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: baseline; font-size: 0.875rem; }
.gazette-severity { font-weight: 700; color: #b71c1c; }
.gazette-warning .gazette-severity { color: #8a5200; }
.gazette-location { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; overflow-wrap: anywhere; }
.gazette-code { color: #666; }
.gazette-hint { color: #1b5e20; }
.gazette-warnings {
  position: fixed; right: 1rem; bottom: 1rem; z-index: 2147482000;
  max-width: min(36rem, calc(100vw - 2rem)); max-height: 60vh; overflow: auto;
  background: #fff; border: 1px solid #e0b060; border-radius: 4px; box-shadow: 0 4px 16px rgba(0, 0, 0, 0.2);
  font-family: "Noto Sans SC", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif;
  font-size: 0.875rem; line-height: 1.5; padding: 0.4rem 0.8rem;
}
.gazette-warnings summary { cursor: pointer; color: #8a5200; font-weight: 700; }
.gazette-warnings .gazette-problems { margin-top: 0.5rem; }
.gazette-view-switch {
  position: fixed; top: .35rem; right: 1rem; z-index: 6; padding: .2em .8em; border-radius: 3px;
  background: #2b2b2b; color: #fff; text-decoration: none; font-size: .875rem;
  font-family: "Noto Sans SC", "Noto Sans CJK SC", sans-serif;
}
.gazette-empty { max-width: 42em; margin: 3rem auto; padding: 0 1.25rem; color: #555; }
.gazette-preview-banner {
  position: sticky; top: 0; z-index: 5; text-align: center; padding: 0.4em 1em;
  background: #fff3cd; border-bottom: 1px solid #e0c36c; color: #5c4400;
  font-family: "Noto Sans SC", "Noto Sans CJK SC", sans-serif; font-size: 0.9375rem;
}
`;
