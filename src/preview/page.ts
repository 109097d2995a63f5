/** The page the preview serves: the last good HTML plus reload client, 草稿 banner and problem overlay. */
import type { PreviewProblem } from './index.js';
import type { PreviewMessages } from './messages.js';
import { PAGES_VIEW_PATH } from './pages-view.js';

export const CLIENT_PATH = '/__gazette/client.js';
export const PREVIEW_CSS_PATH = '/__gazette/preview.css';

function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** `file:line:column`, as far as it is known. */
function problemLocation(problem: PreviewProblem): string | undefined {
  if (!problem.file) return undefined;
  let location = problem.file;
  if (problem.line !== undefined) {
    location += `:${problem.line}`;
    if (problem.column !== undefined) location += `:${problem.column}`;
  }
  return location;
}

function problemItem(problem: PreviewProblem, t: PreviewMessages): string {
  const error = problem.severity === 'error';
  const location = problemLocation(problem);
  return [
    `<li class="gazette-problem ${error ? 'gazette-error' : 'gazette-warning'}">`,
    '<p class="gazette-problem-head">',
    `<span class="gazette-severity">${error ? t.error : t.warning}</span>`,
    location ? `<code class="gazette-location">${escapeHtml(location)}</code>` : '',
    `<span class="gazette-code">${escapeHtml(problem.code)}</span>`,
    '</p>',
    `<p class="gazette-message">${escapeHtml(problem.message)}</p>`,
    problem.hint ? `<p class="gazette-hint">${t.hint}${escapeHtml(problem.hint)}</p>` : '',
    '</li>',
  ].join('');
}

function overlay(problems: readonly PreviewProblem[], hasGoodBuild: boolean, t: PreviewMessages): string {
  const item = (problem: PreviewProblem): string => problemItem(problem, t);
  const errors = problems.filter((p) => p.severity === 'error').length;
  if (errors === 0) {
    if (problems.length === 0) return '';
    return [
      '<details class="gazette-warnings" id="gazette-warnings">',
      `<summary>${t.warningsSummary(problems.length)}</summary>`,
      `<ol class="gazette-problems">${problems.map(item).join('')}</ol>`,
      '</details>',
    ].join('');
  }
  const warnings = problems.length - errors;
  const title = t.overlayTitle(errors, warnings);
  const note = hasGoodBuild ? t.overlayNoteWithPage : t.overlayNoteWithoutPage;
  // Errors first: they are what stops the build.
  const ordered = [...problems].sort((a, b) => Number(b.severity === 'error') - Number(a.severity === 'error'));
  return [
    '<div class="gazette-overlay" id="gazette-overlay" role="alertdialog" aria-labelledby="gazette-overlay-title">',
    '<div class="gazette-overlay-panel">',
    '<div class="gazette-overlay-head">',
    `<h2 id="gazette-overlay-title">${title}</h2>`,
    `<button type="button" class="gazette-overlay-close" id="gazette-overlay-close">${t.close}</button>`,
    '</div>',
    `<p class="gazette-overlay-note">${note}</p>`,
    `<ol class="gazette-problems">${ordered.map(item).join('')}</ol>`,
    '</div>',
    '</div>',
  ].join('');
}

function previewBanner(t: PreviewMessages): string {
  return `<div class="gazette-preview-banner" role="note"><strong>草稿</strong>　${t.banner}</div>`;
}

/** The switch to the page view (the client remembers which view the editor chose). */
function viewSwitch(t: PreviewMessages): string {
  return `<a class="gazette-view-switch" id="gazette-to-pages" href="${PAGES_VIEW_PATH}">${t.pageView}</a>`;
}

function emptyPage(t: PreviewMessages): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${t.pageTitle}</title></head>`,
    '<body>',
    `<main class="gazette-empty"><p>${t.nothingYet}</p></main>`,
    '</body>',
    '</html>',
  ].join('\n');
}

/** Inserts `snippet` before the last `tag` (case-insensitive), or at `fallback` when the tag is missing. */
function insertBefore(html: string, tag: string, snippet: string, fallback: 'start' | 'end'): string {
  const index = html.toLowerCase().lastIndexOf(tag);
  if (index < 0) return fallback === 'start' ? snippet + html : html + snippet;
  return html.slice(0, index) + snippet + html.slice(index);
}

function insertAfterBodyOpen(html: string, snippet: string): string {
  const match = /<body[^>]*>/i.exec(html);
  if (!match) return snippet + html;
  const end = match.index + match[0].length;
  return html.slice(0, end) + snippet + html.slice(end);
}

/**
 * The preview page for one build state. `html` is the last good build's page (undefined when no
 * build has succeeded yet); `version` identifies the state so the client can tell it is stale.
 */
export function previewPage(
  html: string | undefined,
  version: number,
  problems: readonly PreviewProblem[],
  t: PreviewMessages,
): string {
  let page = html ?? emptyPage(t);
  page = insertBefore(
    page,
    '</head>',
    `<meta name="gazette-build" content="${version}"><link rel="icon" href="data:,"><link rel="stylesheet" href="${PREVIEW_CSS_PATH}">`,
    'start',
  );
  // The pipeline's draft render already carries the theme's banner; add one only when it does not.
  if (!page.includes('class="draft-banner"')) page = insertAfterBodyOpen(page, previewBanner(t));
  page = insertBefore(
    page,
    '</body>',
    `${html !== undefined ? viewSwitch(t) : ''}${overlay(problems, html !== undefined, t)}<script src="${CLIENT_PATH}"></script>`,
    'end',
  );
  return page;
}
