/** The typesetting theme: page geometry, fonts, type sizes and house choices, read from a template's theme.yml. */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { Diagnostic, Outcome } from '../diagnostics/diagnostic.js';
import type { Span } from '../model/source.js';

/** Style names the layout uses; every one must be present in theme.yml. */
const STYLE_NAMES = [
  'body',
  'title',
  'subtitle',
  'section',
  'heading1',
  'heading2',
  'heading3',
  'head',
  'table',
  'tableHeader',
  'tocTitle',
  'tocSection',
  'tocEntry',
  'folio',
  'runningHead',
  'mastheadName',
  'mastheadIssue',
  'mastheadMeta',
  'draft',
] as const;

export type StyleName = (typeof STYLE_NAMES)[number];

/** A text style: a key into `Theme.fonts`, a size and a line pitch, both in points. */
export interface TextStyle {
  font: string;
  size: number;
  leading: number;
}

export type HeadItem = 'title' | 'date' | 'number' | 'recipients';
export type FolioStyle = 'outer' | 'center';

export interface Theme {
  /** Page size and margins in points. */
  page: { width: number; height: number; margins: { top: number; bottom: number; left: number; right: number } };
  /** Font key → asset ref (`npm:<package>/<file>` or a project-relative path). */
  fonts: Readonly<Record<string, string>>;
  /** Where each font key was declared, for font diagnostics. */
  fontSpans: ReadonlyMap<string, Span>;
  styles: Readonly<Record<StyleName, TextStyle>>;
  headOrder: readonly HeadItem[];
  runningHead: boolean;
  folio: FolioStyle;
  /** Justification spacing the line breaker aims to stay under, in em of the line's size. */
  maxLetterSpacing: number;
  /** Hard limit on justification spacing, in em: beyond it a line is left short. */
  letterSpacingLimit: number;
  mastheadColor: string;
}

const MM = 72 / 25.4;
const HEAD_ITEMS: readonly HeadItem[] = ['title', 'date', 'number', 'recipients'];

/** Parses theme.yml. Every bad or missing value becomes a `theme-invalid` diagnostic at its YAML node. */
export function parseTheme(text: string, path: string): Outcome<Theme> {
  const diagnostics: Diagnostic[] = [];
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });

  const spanAt = (offset: number | undefined, end?: number): Span => {
    const at = lines.linePos(offset ?? 0);
    const span: Span = { file: path, start: { line: at.line, column: at.col, offset: offset ?? 0 } };
    if (end !== undefined) {
      const e = lines.linePos(end);
      span.end = { line: e.line, column: e.col, offset: end };
    }
    return span;
  };
  const nodeSpan = (node: YamlNode | null | undefined): Span =>
    spanAt(node?.range?.[0], node?.range?.[1]);
  const invalid = (key: string, expected: string, node: YamlNode | null | undefined): void => {
    diagnostics.push({ code: 'theme-invalid', severity: 'error', span: nodeSpan(node), args: { key, expected } });
  };

  for (const error of doc.errors) {
    diagnostics.push({
      code: 'theme-yaml',
      severity: 'error',
      span: spanAt(error.pos[0], error.pos[1]),
      args: { reason: error.message.split('\n')[0] ?? '' },
    });
  }

  const root = doc.contents;
  const get = (path: readonly string[]): YamlNode | undefined => {
    let node: unknown = root;
    for (const key of path) {
      if (!isMap(node)) return undefined;
      node = node.get(key, true);
    }
    return (node ?? undefined) as YamlNode | undefined;
  };
  const num = (path: readonly string[], fallback: number, min = 0): number => {
    const node = get(path);
    if (isScalar(node) && typeof node.value === 'number' && Number.isFinite(node.value) && node.value > min) {
      return node.value;
    }
    invalid(path.join('.'), `> ${min}`, node ?? root);
    return fallback;
  };
  const str = (path: readonly string[], fallback: string): string => {
    const node = get(path);
    if (isScalar(node) && typeof node.value === 'string' && node.value.length > 0) return node.value;
    invalid(path.join('.'), 'string', node ?? root);
    return fallback;
  };

  const page = {
    width: num(['page', 'width'], 210) * MM,
    height: num(['page', 'height'], 297) * MM,
    margins: {
      top: num(['page', 'margins', 'top'], 37) * MM,
      bottom: num(['page', 'margins', 'bottom'], 35) * MM,
      left: num(['page', 'margins', 'left'], 28) * MM,
      right: num(['page', 'margins', 'right'], 26) * MM,
    },
  };
  if (page.margins.left + page.margins.right >= page.width || page.margins.top + page.margins.bottom >= page.height) {
    invalid('page.margins', 'margins smaller than the page', get(['page', 'margins']) ?? root);
  }

  const fonts: Record<string, string> = {};
  const fontSpans = new Map<string, Span>();
  const fontsNode = get(['fonts']);
  if (isMap(fontsNode) && fontsNode.items.length > 0) {
    for (const pair of fontsNode.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const value = pair.value;
      if (key && isScalar(value) && typeof value.value === 'string' && value.value.length > 0) {
        fonts[key] = value.value;
        fontSpans.set(key, nodeSpan(value as YamlNode));
      } else {
        invalid(`fonts.${key}`, 'font ref', (value as YamlNode | null) ?? (pair.key as YamlNode));
      }
    }
  } else {
    invalid('fonts', 'map of font refs', fontsNode ?? root);
  }

  const styles = {} as Record<StyleName, TextStyle>;
  for (const name of STYLE_NAMES) {
    const font = str(['styles', name, 'font'], Object.keys(fonts)[0] ?? 'serif');
    if (fonts[font] === undefined && Object.keys(fonts).length > 0) {
      invalid(`styles.${name}.font`, Object.keys(fonts).join(' | '), get(['styles', name, 'font']));
    }
    const size = num(['styles', name, 'size'], 12);
    const leading = num(['styles', name, 'leading'], size * 1.5);
    styles[name] = { font, size, leading };
  }

  const headOrder: HeadItem[] = [];
  const orderNode = get(['head', 'order']);
  if (isSeq(orderNode)) {
    for (const item of orderNode.items) {
      const value = isScalar(item) ? item.value : undefined;
      if (typeof value === 'string' && (HEAD_ITEMS as readonly string[]).includes(value) && !headOrder.includes(value as HeadItem)) {
        headOrder.push(value as HeadItem);
      } else {
        invalid('head.order', HEAD_ITEMS.join(' | '), item as YamlNode);
      }
    }
  } else {
    invalid('head.order', `[${HEAD_ITEMS.join(', ')}]`, orderNode ?? root);
  }
  // Without titles there are no anchors for the TOC, the outline or the HTML links.
  if (isSeq(orderNode) && !headOrder.includes('title')) invalid('head.order', `[title, …]`, orderNode);

  const runningNode = get(['runningHead']);
  let runningHead = true;
  if (isScalar(runningNode) && typeof runningNode.value === 'boolean') runningHead = runningNode.value;
  else invalid('runningHead', 'true | false', runningNode ?? root);

  const folioText = str(['folio'], 'outer');
  let folio: FolioStyle = 'outer';
  if (folioText === 'outer' || folioText === 'center') folio = folioText;
  else invalid('folio', 'outer | center', get(['folio']));

  const maxLetterSpacing = num(['maxLetterSpacing'], 0.15);
  const letterSpacingLimit = num(['letterSpacingLimit'], 0.35);
  const mastheadColor = str(['mastheadColor'], '#c8161d');
  if (!/^#[0-9a-fA-F]{6}$/.test(mastheadColor)) invalid('mastheadColor', '#rrggbb', get(['mastheadColor']));

  return {
    value: {
      page,
      fonts,
      fontSpans,
      styles,
      headOrder: headOrder.length > 0 ? headOrder : HEAD_ITEMS,
      runningHead,
      folio,
      maxLetterSpacing,
      letterSpacingLimit: Math.max(letterSpacingLimit, maxLetterSpacing),
      mastheadColor,
    },
    diagnostics,
  };
}
