/**
 * The preview's page view: the printed pages of the draft, drawn from the page edition (pages/*.svg, the PDF's
 * layout), replaced in place after a save when their digest changed, each line a way back to its Markdown line.
 * Preview machinery like the reload client: no template can break it.
 */
import type { PreviewMessages } from './messages.js';

export const PAGES_VIEW_PATH = '/__gazette/pages';
export const PAGES_SCRIPT_PATH = '/__gazette/pages.js';
export const PROBLEMS_PATH = '/__gazette/problems.json';

/** Editor address templates: `{path}` is the file's absolute path, `{line}` its line. */
export const EDITORS = {
  vscode: 'vscode://file/{path}:{line}',
  idea: 'idea://open?file={path}&line={line}',
  none: '',
} as const;
export type EditorName = keyof typeof EDITORS;

function attribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** The page view's document; `root` is the project's absolute path, for the editor's address. */
export function pagesView(t: PreviewMessages, root: string, editor: EditorName): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${t.pagesTitle}</title>`,
    // Relative addresses inside the pages (their images) are the page edition's; the faces load by absolute address.
    '<base href="/pages/">',
    `<meta name="gazette-root" content="${attribute(root)}"><meta name="gazette-editor" content="${attribute(EDITORS[editor])}">`,
    '<link rel="icon" href="data:,">',
    `<style>${PAGES_CSS}</style>`,
    '</head>',
    '<body>',
    '<header class="gz-bar">',
    `<a class="gz-button" id="gz-to-html" href="/">${t.readingView}</a>`,
    `<button type="button" class="gz-button" id="gz-zoom-out" aria-label="${t.zoomOut}">−</button>`,
    '<span id="gz-zoom">100%</span>',
    `<button type="button" class="gz-button" id="gz-zoom-in" aria-label="${t.zoomIn}">＋</button>`,
    `<button type="button" class="gz-button" id="gz-spread" aria-pressed="false">${t.twoPages}</button>`,
    `<select id="gz-jump" aria-label="${t.jump}"><option value="">${t.jump}</option></select>`,
    '<output id="gz-source" aria-live="polite"></output>',
    '</header>',
    '<nav class="gz-thumbs" id="gz-thumbs"></nav>',
    '<main class="gz-pages" id="gz-pages"></main>',
    `<script src="${PAGES_SCRIPT_PATH}"></script>`,
    '</body>',
    '</html>',
  ].join('\n');
}

const PAGES_CSS = `
body { margin: 0; background: #5a5a5a; font-family: "Noto Sans SC", "Noto Sans CJK SC", sans-serif; }
.gz-bar { position: sticky; top: 0; z-index: 3; display: flex; gap: .5rem; align-items: center; padding: .4rem .8rem; background: #2b2b2b; color: #eee; font-size: .875rem; }
.gz-button { white-space: nowrap; font: inherit; color: #eee; background: #444; border: 1px solid #666; border-radius: 3px; padding: .15rem .6rem; cursor: pointer; text-decoration: none; }
.gz-button[aria-pressed="true"] { background: #1f5fa8; }
#gz-source { margin-left: auto; font-family: ui-monospace, monospace; }
.gz-thumbs { position: fixed; top: 2.4rem; bottom: 0; left: 0; width: 96px; overflow-y: auto; background: #3a3a3a; padding: .4rem; box-sizing: border-box; }
.gz-thumbs a { display: block; margin: 0 0 .4rem; color: #ddd; font-size: .75rem; text-align: center; text-decoration: none; }
.gz-thumbs a span { display: block; background: #fff; aspect-ratio: var(--gz-ratio); margin-bottom: .15rem; overflow: hidden; }
.gz-thumbs a span img { display: block; width: 100%; height: 100%; }
.gz-thumbs a.gz-current span { outline: 2px solid #4ea1ff; }
.gz-pages { margin-left: 96px; padding: 1rem; display: grid; grid-template-columns: var(--gz-width); justify-content: center; gap: 1rem; }
.gz-pages.gz-spread { grid-template-columns: var(--gz-width) var(--gz-width); }
.gz-page { position: relative; width: var(--gz-width); aspect-ratio: var(--gz-ratio); background: #fff; box-shadow: 0 2px 8px rgba(0,0,0,.4); content-visibility: auto; }
.gz-page svg { display: block; width: 100%; height: 100%; }
.gz-page text[data-src] { cursor: pointer; }
.gz-page text[data-src]:hover { fill: #0b57d0; }
.gz-page.gz-changed { animation: gz-flash 1.5s ease-out; }
@keyframes gz-flash { from { box-shadow: 0 0 0 6px #ffcc00; } to { box-shadow: 0 2px 8px rgba(0,0,0,.4); } }
.gz-mark { fill: #d32f2f; }
.gz-page text.gz-new { animation: gz-text-flash 2s ease-out; }
@keyframes gz-text-flash { from { fill: #e67700; } to { fill: #000000; } }
.gz-page text[data-loose] { fill: #b35c00; text-decoration: underline wavy #e08a00; }
.gz-marked { fill: #b71c1c; }
`;

/** The page view's client: loads pages.json, draws the pages, replaces changed ones after every build. */
export const PAGES_SCRIPT = `(function () {
  'use strict';
  var root = document.querySelector('meta[name="gazette-root"]').content;
  var editor = document.querySelector('meta[name="gazette-editor"]').content;
  var pages = document.getElementById('gz-pages');
  var thumbs = document.getElementById('gz-thumbs');
  var jump = document.getElementById('gz-jump');
  var status = document.getElementById('gz-source');
  var digests = [];
  var anchors = {};
  var problems = [];
  var zoom = Number(localStorage.getItem('gazette-zoom') || '1');
  var spread = localStorage.getItem('gazette-spread') === '1';
  localStorage.setItem('gazette-view', 'pages');
  document.getElementById('gz-to-html').addEventListener('click', function () { localStorage.setItem('gazette-view', 'html'); });

  function layout(width, height) {
    document.documentElement.style.setProperty('--gz-width', Math.round(width * 96 / 72 * zoom) + 'px');
    document.documentElement.style.setProperty('--gz-ratio', width + ' / ' + height);
    document.getElementById('gz-zoom').textContent = Math.round(zoom * 100) + '%';
    pages.classList.toggle('gz-spread', spread);
    document.getElementById('gz-spread').setAttribute('aria-pressed', String(spread));
  }
  var size = [595.276, 841.89];
  function setZoom(value) { zoom = Math.min(3, Math.max(0.25, value)); localStorage.setItem('gazette-zoom', String(zoom)); layout(size[0], size[1]); }
  document.getElementById('gz-zoom-in').addEventListener('click', function () { setZoom(zoom + 0.25); });
  document.getElementById('gz-zoom-out').addEventListener('click', function () { setZoom(zoom - 0.25); });
  document.getElementById('gz-spread').addEventListener('click', function () { spread = !spread; localStorage.setItem('gazette-spread', spread ? '1' : '0'); layout(size[0], size[1]); });

  function pageAt(i) {
    var page = pages.children[i];
    if (!page) {
      page = document.createElement('section');
      page.className = 'gz-page';
      page.id = 'gz-page-' + (i + 1);
      pages.appendChild(page);
      var thumb = document.createElement('a');
      thumb.href = '#gz-page-' + (i + 1);
      var picture = document.createElement('span');
      // A thumbnail is the page's SVG as an image: drawn off the main thread, in fallback faces (too small to tell).
      picture.appendChild(document.createElement('img'));
      picture.firstChild.loading = 'lazy';
      picture.firstChild.alt = '';
      thumb.appendChild(picture);
      thumb.appendChild(document.createTextNode(''));
      thumb.addEventListener('click', function (event) { event.preventDefault(); page.scrollIntoView(); });
      thumbs.appendChild(thumb);
    }
    return page;
  }
  function show(i, top) {
    var page = pages.children[i];
    if (!page) return;
    var y = page.getBoundingClientRect().top + window.scrollY - 48 + (top || 0) * page.clientHeight / size[1];
    window.scrollTo(0, y);
  }

  function mark() {
    var old = pages.querySelectorAll('.gz-mark');
    for (var k = 0; k < old.length; k++) old[k].remove();
    var marked = pages.querySelectorAll('.gz-marked');
    for (var m = 0; m < marked.length; m++) marked[m].classList.remove('gz-marked');
    // Each line names where its block was written (a first line, and a last one when it spans several): a
    // problem is marked on the lines of the block that holds its line.
    var byFile = {};
    var all = pages.querySelectorAll('text[data-src]');
    for (var a = 0; a < all.length; a++) {
      var src = all[a].getAttribute('data-src');
      var colon = src.lastIndexOf(':');
      var file = src.slice(0, colon);
      var first = Number(src.slice(colon + 1));
      (byFile[file] = byFile[file] || []).push({ text: all[a], first: first, last: Number(all[a].getAttribute('data-src-end') || first) });
    }
    problems.forEach(function (problem) {
      if (!problem.file || !problem.line) return;
      var lines = (byFile[problem.file] || []).filter(function (l) { return l.first <= problem.line && problem.line <= l.last; });
      // The first line of the block is where the mark goes (one per page the block is on).
      var seen = [];
      for (var n = 0; n < lines.length; n++) {
        var text = lines[n].text;
        if (seen.indexOf(text.ownerSVGElement) >= 0) continue;
        seen.push(text.ownerSVGElement);
        text.classList.add('gz-marked');
        var dot = document.createElementNS('http://www.w3.org/2000/svg', 'circle');
        dot.setAttribute('class', 'gz-mark gz-mark-' + problem.severity);
        dot.setAttribute('cx', '30');
        dot.setAttribute('cy', String(Number(text.getAttribute('y')) - 4));
        dot.setAttribute('r', '5');
        dot.setAttribute('data-code', problem.code);
        var title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
        title.textContent = problem.message;
        dot.appendChild(title);
        text.ownerSVGElement.appendChild(dot);
      }
    });
  }

  // The page faces by family: the file in use and its FontFace.
  var faces = {};
  // The faces whose file changed, loaded beside those in use (each build's own subset of the PDF's faces).
  function loadFaces(list) {
    return Promise.all(list.map(function (entry) {
      var held = faces[entry.family];
      if (held && held.file === entry.file) return null;
      var face = new FontFace(entry.family, 'url("/pages/' + entry.file + '")');
      // A face that fails keeps the one in use (or the fallback), and says so; the pages still go in.
      return face.load().then(function () { return { family: entry.family, file: entry.file, face: face }; }, function (error) {
        status.textContent = entry.file + ': ' + (error && error.message ? error.message : String(error));
        return null;
      });
    }));
  }
  // Swapped in together with the pages: text never shows in a fallback face, and lays out once.
  function swapFaces(list, loaded) {
    loaded.forEach(function (item) {
      if (!item) return;
      if (faces[item.family]) document.fonts.delete(faces[item.family].face);
      document.fonts.add(item.face);
      faces[item.family] = item;
    });
    Object.keys(faces).forEach(function (family) {
      if (list.some(function (entry) { return entry.family === family; })) return;
      document.fonts.delete(faces[family].face);
      delete faces[family];
    });
  }
  function signature(text) {
    return text.getAttribute('x') + ',' + text.getAttribute('y') + ',' + text.textContent;
  }
  function fetched(r) {
    if (!r.ok) throw new Error(r.url + ': HTTP ' + r.status);
    return r;
  }
  // One refresh at a time; builds that finish meanwhile are folded into one more refresh, of the newest.
  var loading = false;
  var wanted = 0;
  function refresh(version) {
    wanted = Math.max(wanted, version);
    if (loading) return;
    loading = true;
    var target = wanted;
    load(target).catch(function (error) { status.textContent = String(error.message || error); }).then(function () {
      loading = false;
      if (wanted > target) refresh(wanted);
    });
  }
  function load(version) {
    return Promise.all([
      fetch('/pages/pages.json', { cache: 'no-store' }).then(fetched).then(function (r) { return r.json(); }),
      fetch('${PROBLEMS_PATH}', { cache: 'no-store' }).then(fetched).then(function (r) { return r.json(); }),
    ]).then(function (results) {
      var manifest = results[0];
      problems = results[1];
      var changed = manifest.pages.map(function (entry, i) {
        if (digests[i] === entry.digest) return null;
        return fetch('/pages/' + entry.file, { cache: 'no-store' }).then(fetched).then(function (r) { return r.text(); });
      });
      // Everything of the build goes in at once, when its changed pages and faces are here.
      return Promise.all([loadFaces(manifest.faces), Promise.all(changed)]).then(function (loaded) {
        size = [manifest.width, manifest.height];
        layout(size[0], size[1]);
        swapFaces(manifest.faces, loaded[0]);
        anchors = {};
        var flashed = [];
        manifest.pages.forEach(function (entry, i) {
          var page = pageAt(i);
          page.dataset.label = entry.label;
          thumbs.children[i].lastChild.textContent = entry.label;
          entry.anchors.forEach(function (a) { anchors[a.name] = { page: i, top: a.y }; });
          var svg = loaded[1][i];
          if (svg === null) return;
          var first = digests[i] === undefined;
          digests[i] = entry.digest;
          // The lines that are new or moved on the page, to light up where it changed.
          var before = {};
          var old = page.querySelectorAll('text');
          for (var o = 0; o < old.length; o++) before[signature(old[o])] = true;
          page.innerHTML = svg.replace(/<\\?xml[^>]*\\?>/g, '');
          if (!first) {
            var now = page.querySelectorAll('text');
            for (var n = 0; n < now.length; n++) if (!before[signature(now[n])]) now[n].classList.add('gz-new');
          }
          thumbs.children[i].firstChild.firstChild.src = '/pages/' + entry.file + '?d=' + entry.digest;
          if (!first) {
            page.classList.remove('gz-changed');
            page.dataset.changed = String(version);
            flashed.push(page);
          }
        });
        while (pages.children.length > manifest.pages.length) { pages.lastChild.remove(); thumbs.lastChild.remove(); digests.pop(); }
        // One layout between taking the flash off and putting it back restarts it on every changed page.
        if (flashed.length > 0) void pages.offsetWidth;
        flashed.forEach(function (page) { page.classList.add('gz-changed'); });
        // The documents' list, made again: an edit may move, add or rename documents.
        var chosen = jump.selectedIndex;
        while (jump.options.length > 1) jump.remove(1);
        while (jump.lastElementChild && jump.lastElementChild.tagName === 'OPTGROUP') jump.lastElementChild.remove();
        manifest.outline.forEach(function (section) {
          var group = document.createElement('optgroup');
          group.label = section.title;
          section.documents.forEach(function (doc) {
            var option = document.createElement('option');
            option.value = doc.page + ':' + doc.top;
            option.textContent = doc.title;
            group.appendChild(option);
          });
          jump.appendChild(group);
        });
        if (chosen < jump.options.length) jump.selectedIndex = chosen;
      });
    }).then(function () {
      mark();
      // When the pages of this build were in place (the benchmark's save-to-repaint figure reads it).
      document.body.dataset.paintedAt = String(Date.now());
      document.body.dataset.version = String(version);
    });
  }

  jump.addEventListener('change', function () {
    var parts = jump.value.split(':');
    if (parts.length === 2) show(Number(parts[0]), Number(parts[1]));
  });
  pages.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('a');
    if (link) {
      var destination = link.getAttribute('data-destination');
      event.preventDefault();
      if (destination && anchors[destination]) show(anchors[destination].page, anchors[destination].top);
      return;
    }
    var line = event.target.closest && event.target.closest('[data-src]');
    if (!line) return;
    var src = line.getAttribute('data-src');
    var at = src.lastIndexOf(':');
    status.textContent = src;
    if (editor) {
      var url = editor.replace('{path}', encodeURI(root + '/' + src.slice(0, at))).replace('{line}', src.slice(at + 1));
      status.dataset.editorUrl = url;
      location.href = url;
    }
  });
  var observer = new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      var i = Array.prototype.indexOf.call(pages.children, entry.target);
      if (thumbs.children[i]) thumbs.children[i].classList.toggle('gz-current', entry.isIntersecting);
    });
  }, { threshold: 0.5 });
  new MutationObserver(function () { for (var i = 0; i < pages.children.length; i++) observer.observe(pages.children[i]); }).observe(pages, { childList: true });

  var shown = '';
  var source = new EventSource('/__gazette/events');
  source.addEventListener('build', function (event) {
    var data = JSON.parse(event.data);
    if (String(data.version) === shown) return;
    shown = String(data.version);
    refresh(data.version);
  });
  window.addEventListener('pagehide', function () { source.close(); });
})();
`;
