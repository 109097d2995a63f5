/** The typesetting theme: page geometry, fonts, type sizes and house choices, read from a template's theme.yml. */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { Diagnostic, Outcome } from '../diagnostics/diagnostic.js';
import type { Span } from '../model/source.js';

/** Style names the layout uses; every one must be present in theme.yml, except those of LATER_STYLES. */
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
  'caption',
  'footnote',
  'attachmentLabel',
  'record',
  'colophon',
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

/** Styles a theme may lack, with the (earlier listed) style they then copy. */
const LATER_STYLES: Partial<Record<StyleName, StyleName>> = { colophon: 'record' };

/** A text style: a key into `Theme.fonts`, a size and a line pitch, both in points. */
export interface TextStyle {
  font: string;
  size: number;
  leading: number;
}

export type HeadItem = 'title' | 'date' | 'number' | 'recipients';
export type ClosingItem = 'attachments' | 'signature' | 'date' | 'note';
export type FolioStyle = 'outer' | 'center';
/** Where footnotes print: at the foot of the page that cites them, or after the document's text. */
export type FootnotePlacement = 'page' | 'end';

export interface Theme {
  /** Page size and margins in points. */
  page: { width: number; height: number; margins: { top: number; bottom: number; left: number; right: number } };
  /** Font key → asset ref (`npm:<package>/<file>` or a project-relative path). */
  fonts: Readonly<Record<string, string>>;
  /** Where each font key was declared, for font diagnostics. */
  fontSpans: ReadonlyMap<string, Span>;
  styles: Readonly<Record<StyleName, TextStyle>>;
  headOrder: readonly HeadItem[];
  /** What follows the text (GB/T 9704 §7.3.4–7.3.6): 附件说明, 署名, 成文日期, 附注, in this order. */
  closingOrder: readonly ClosingItem[];
  /** Font keys for marked text: **strong** and *emphasis* (楷体 by convention). */
  inline: { strong: string; emph: string };
  footnotes: FootnotePlacement;
  /** Whether the 版记 (抄送, 印发机关 and 印发日期) is printed after each document that has one. */
  record: boolean;
  /** Whether each attachment starts on a new page (GB/T 9704 §7.3.7). */
  attachmentNewPage: boolean;
  /** Whether blank pages make the page count even (for printing on folded sheets), the 版权页 last. */
  evenPages: boolean;
  runningHead: boolean;
  folio: FolioStyle;
  /** Whether the PDF carries its logical structure (tagged PDF, PDF/UA-1) for screen readers and reflow. */
  tagged: boolean;
  /** Justification spacing the line breaker aims to stay under, in em of the line's size. */
  maxLetterSpacing: number;
  /** Hard limit on justification spacing, in em: beyond it a line is left short. */
  letterSpacingLimit: number;
  mastheadColor: string;
  /** Font keys whose faces the HTML edition carries as subsets (CSS family `gazette-<key>`). */
  webFonts: readonly string[];
}

const MM = 72 / 25.4;
const HEAD_ITEMS: readonly HeadItem[] = ['title', 'date', 'number', 'recipients'];
const CLOSING_ITEMS: readonly ClosingItem[] = ['attachments', 'signature', 'date', 'note'];

/**
 * Settings reported at one place are one problem: a missing or misshapen section (`page: 5`, an empty theme.yml)
 * leaves every setting under it without a value, all reported at that section. Those become one diagnostic that
 * lists them, so the first real error is not buried under its follow-ons.
 */
function collapseMissing(diagnostics: Diagnostic[]): Diagnostic[] {
  const at = (d: Diagnostic): string => `${d.span?.file}:${d.span?.start.offset}`;
  const groups = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) if (d.code === 'theme-invalid') groups.set(at(d), [...(groups.get(at(d)) ?? []), d]);
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const group = d.code === 'theme-invalid' ? groups.get(at(d))! : [d];
    if (group.length === 1) out.push(d);
    else if (group[0] === d) {
      const keys = [...new Set(group.map((g) => String(g.args.key)))];
      out.push({ code: 'theme-incomplete', severity: 'error', ...(d.span ? { span: d.span } : {}), args: { count: keys.length, keys: keys.slice(0, 6).join(', ') + (keys.length > 6 ? ', …' : '') } });
    }
  }
  return out;
}

/** One theme.yml of a template chain; the first layer is the template asked for, later ones what it extends. */
export interface ThemeLayer {
  path: string;
  text: string;
}

interface ParsedLayer {
  path: string;
  doc: ReturnType<typeof parseDocument>;
  lines: LineCounter;
}

/**
 * Parses a template's theme.yml over the ones it extends: each value comes from the first layer that sets it
 * (font maps merge key by key). Every bad or missing value becomes a `theme-invalid` diagnostic at its YAML node;
 * a YAML syntax error stops there, so one slip is one message rather than a cascade of missing values.
 */
export function parseTheme(layers: readonly ThemeLayer[]): Outcome<Theme | undefined> {
  const diagnostics: Diagnostic[] = [];
  const parsed: ParsedLayer[] = layers.map(({ path, text }) => {
    const lines = new LineCounter();
    return { path, doc: parseDocument(text, { lineCounter: lines, prettyErrors: false }), lines };
  });
  const top = parsed[0]!;

  const spanAt = (layer: ParsedLayer, offset: number | undefined, end?: number): Span => {
    const at = layer.lines.linePos(offset ?? 0);
    const span: Span = { file: layer.path, start: { line: at.line, column: at.col, offset: offset ?? 0 } };
    if (end !== undefined) {
      const e = layer.lines.linePos(end);
      span.end = { line: e.line, column: e.col, offset: end };
    }
    return span;
  };
  /** Which layer each node came from, for its span. */
  const owner = new WeakMap<object, ParsedLayer>();
  const nodeSpan = (node: YamlNode | null | undefined): Span => {
    const layer = (node && owner.get(node)) ?? top;
    return spanAt(layer, node?.range?.[0], node?.range?.[1]);
  };
  const invalid = (key: string, expected: string, node: YamlNode | null | undefined): void => {
    diagnostics.push({ code: 'theme-invalid', severity: 'error', span: nodeSpan(node), args: { key, expected } });
  };

  // The parser's later errors follow from its first one (an unclosed bracket swallows the rest of the file).
  for (const layer of parsed) {
    const error = layer.doc.errors[0];
    if (error) diagnostics.push({ code: 'theme-yaml', severity: 'error', span: spanAt(layer, error.pos[0], error.pos[1]), args: { reason: error.message.split('\n')[0] ?? '' } });
  }
  if (diagnostics.length > 0) return { value: undefined, diagnostics };
  const root = top.doc.contents as YamlNode | null;
  const lookup = (layer: ParsedLayer, path: readonly string[]): YamlNode | undefined => {
    let node: unknown = layer.doc.contents;
    for (const key of path) {
      if (!isMap(node)) return undefined;
      node = node.get(key, true);
    }
    if (node && typeof node === 'object') owner.set(node, layer);
    return (node ?? undefined) as YamlNode | undefined;
  };
  const get = (path: readonly string[]): YamlNode | undefined => {
    for (const layer of parsed) {
      const node = lookup(layer, path);
      if (node !== undefined) return node;
    }
    return undefined;
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
  // Font maps merge: a template may add or replace one face of the one it extends.
  for (const layer of [...parsed].reverse()) {
    const fontsNode = lookup(layer, ['fonts']);
    if (fontsNode === undefined) continue;
    if (!isMap(fontsNode)) {
      invalid('fonts', 'map of font refs', fontsNode);
      continue;
    }
    for (const pair of fontsNode.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const value = pair.value as YamlNode | null;
      if (value) owner.set(value, layer);
      if (key && isScalar(value) && typeof value.value === 'string' && value.value.length > 0) {
        fonts[key] = value.value;
        fontSpans.set(key, nodeSpan(value));
      } else {
        invalid(`fonts.${key}`, 'font ref', value ?? (pair.key as YamlNode));
      }
    }
  }
  if (Object.keys(fonts).length === 0) invalid('fonts', 'map of font refs', get(['fonts']) ?? root);

  const styles = {} as Record<StyleName, TextStyle>;
  for (const name of STYLE_NAMES) {
    // Styles added after the first templates take an older one's values when a theme has none of them.
    const older = LATER_STYLES[name];
    if (older && get(['styles', name]) === undefined) {
      styles[name] = styles[older];
      continue;
    }
    const font = str(['styles', name, 'font'], Object.keys(fonts)[0] ?? 'serif');
    if (fonts[font] === undefined && Object.keys(fonts).length > 0) {
      invalid(`styles.${name}.font`, Object.keys(fonts).join(' | '), get(['styles', name, 'font']));
    }
    const size = num(['styles', name, 'size'], 12);
    const leading = num(['styles', name, 'leading'], size * 1.5);
    styles[name] = { font, size, leading };
  }

  /** A list of distinct items from `allowed`, e.g. head.order; each bad entry is reported where it stands. */
  const itemList = <T extends string>(path: readonly string[], allowed: readonly T[]): { items: T[]; node: YamlNode | undefined } => {
    const key = path.join('.');
    const node = get(path);
    const items: T[] = [];
    if (!isSeq(node)) {
      invalid(key, `[${allowed.join(', ')}]`, node ?? root);
      return { items, node: undefined };
    }
    for (const item of node.items) {
      const value = isScalar(item) ? item.value : undefined;
      if (typeof value === 'string' && (allowed as readonly string[]).includes(value) && !items.includes(value as T)) items.push(value as T);
      else invalid(key, allowed.join(' | '), item as YamlNode);
    }
    return { items, node };
  };
  const { items: headOrder, node: orderNode } = itemList(['head', 'order'], HEAD_ITEMS);
  // Without titles there are no anchors for the TOC, the outline or the HTML links.
  if (orderNode && !headOrder.includes('title')) invalid('head.order', `[title, …]`, orderNode);
  const { items: closingOrder, node: closingNode } = itemList(['closing', 'order'], CLOSING_ITEMS);
  // Every element of a document prints somewhere, once: a theme cannot make content vanish from one edition.
  const dateIn = Number(headOrder.includes('date')) + Number(closingOrder.includes('date'));
  if (orderNode && closingNode && dateIn !== 1) invalid('head.order', 'date-once', closingNode);
  for (const item of ['number', 'recipients'] as const) if (orderNode && !headOrder.includes(item)) invalid('head.order', `${item}-required`, orderNode);
  for (const item of ['attachments', 'signature', 'note'] as const) if (closingNode && !closingOrder.includes(item)) invalid('closing.order', `${item}-required`, closingNode);

  const fontKey = (path: readonly string[]): string => {
    const key = str(path, Object.keys(fonts)[0] ?? 'serif');
    if (fonts[key] === undefined && Object.keys(fonts).length > 0) invalid(path.join('.'), Object.keys(fonts).join(' | '), get(path));
    return key;
  };
  const inline = { strong: fontKey(['inline', 'strong']), emph: fontKey(['inline', 'emph']) };
  const footnotesText = str(['footnotes'], 'page');
  if (footnotesText !== 'page' && footnotesText !== 'end') invalid('footnotes', 'page | end', get(['footnotes']));
  const flag = (key: string, fallback: boolean): boolean => {
    const node = get([key]);
    if (isScalar(node) && typeof node.value === 'boolean') return node.value;
    invalid(key, 'true | false', node ?? root);
    return fallback;
  };
  const record = flag('record', false);
  const attachmentNewPage = flag('attachmentNewPage', false);
  // Added after the first templates: a theme written before it prints as it did.
  const evenPages = get(['evenPages']) === undefined ? false : flag('evenPages', false);

  const runningHead = flag('runningHead', true);
  // Added after the first templates: a theme written before it gets the accessible PDF too.
  const tagged = get(['tagged']) === undefined ? true : flag('tagged', true);

  const folioText = str(['folio'], 'outer');
  let folio: FolioStyle = 'outer';
  if (folioText === 'outer' || folioText === 'center') folio = folioText;
  else invalid('folio', 'outer | center', get(['folio']));

  const maxLetterSpacing = num(['maxLetterSpacing'], 0.15);
  const letterSpacingLimit = num(['letterSpacingLimit'], 0.35);
  const webFontsNode = get(['webFonts']);
  const webFonts: string[] = [];
  if (webFontsNode !== undefined) {
    if (!isSeq(webFontsNode)) invalid('webFonts', `[${Object.keys(fonts).join(', ')}]`, webFontsNode);
    else {
      for (const item of webFontsNode.items) {
        const value = isScalar(item) ? item.value : undefined;
        if (typeof value === 'string' && fonts[value] !== undefined) webFonts.push(value);
        else invalid('webFonts', Object.keys(fonts).join(' | '), item as YamlNode);
      }
    }
  }
  const mastheadColor = str(['mastheadColor'], '#c8161d');
  if (!/^#[0-9a-fA-F]{6}$/.test(mastheadColor)) invalid('mastheadColor', '#rrggbb', get(['mastheadColor']));

  if (diagnostics.length > 0) return { value: undefined, diagnostics: collapseMissing(diagnostics) };
  return {
    value: {
      page,
      fonts,
      fontSpans,
      styles,
      headOrder: headOrder.length > 0 ? headOrder : HEAD_ITEMS,
      closingOrder,
      inline,
      footnotes: footnotesText === 'end' ? 'end' : 'page',
      record,
      attachmentNewPage,
      evenPages,
      runningHead,
      folio,
      tagged,
      maxLetterSpacing,
      letterSpacingLimit: Math.max(letterSpacingLimit, maxLetterSpacing),
      mastheadColor,
      webFonts,
    },
    diagnostics,
  };
}

export { resolveTemplate, type ResolvedTemplate } from './template.js';
