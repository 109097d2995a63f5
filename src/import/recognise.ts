/**
 * Recognises the structure of a 公文 (GB/T 9704) in lines of text: the head (title on up to three lines, 发文字号 or
 * 令号, the date in parentheses under the title as gazettes print it, metadata lines, 主送机关), the closing read from
 * the end (附件说明, 署名, 成文日期, 附注, then 抄送 and 印发), attachments, and headings by their numbering. Every field
 * says where it came from and whether that is sure; nothing is invented.
 */
import type { Block, Footnote, HeadingLevel, Inline } from '../model/document.js';
import type { Publication, SectionSpec } from '../model/gazette.js';
import { attachmentLabel, joinSoftBreaks, mergeRuns, type LabelledBlock } from '../read/index.js';
import { safeNormalizeNumber, splitNumber } from '../validate/index.js';
import { anyDateToIso } from '../shared/dates.js';
import { doctypes } from '../shared/doctypes.js';
import { codeOwner, findIssuer, splitJointIssuers } from '../shared/issuers.js';
import { looksLikeOrder, numberKey, toAsciiDigits } from '../shared/number.js';
import { metadataLine, type MetadataField } from './metadata.js';
import { normaliseInlines, normaliseText } from './normalise.js';
import type { FrontMatter } from './markdown-writer.js';
import { line, plain, type Change, type DoubtReason, type SourceDocument, type SourceItem, type SourceLine } from './source.js';

export interface ImportContext {
  publication: Publication;
  /** The sections the project's documents with each 机关代字 are in (a 代字 always filed in one section decides it). */
  sectionsByCode: ReadonlyMap<string, ReadonlySet<string>>;
  /** The section the user named (--category). */
  category?: string;
}

export type FieldName = keyof FrontMatter | 'body';

/** Where a field's value came from. */
export type Evidence =
  | 'metadata'
  | 'head'
  | 'page-title'
  | 'closing'
  | 'record'
  | 'title'
  | 'signature'
  | 'number'
  | 'code'
  | 'documents'
  | 'section-header'
  | 'section-name'
  | 'only-section'
  | 'option';

export interface Finding {
  field: FieldName;
  from?: Evidence;
  sure: boolean;
  doubt?: DoubtReason;
  /** Candidates, the values that disagree, or what could not be taken over. */
  detail?: string;
}

export interface Recognised {
  frontMatter: FrontMatter;
  blocks: LabelledBlock[];
  notes: Footnote[];
  findings: Finding[];
  changes: Change[];
}

const SENTENCE_END = /[。！？；]/u;

/** The closing of a document's own text, found at items [start, end). */
interface Closing {
  start: number;
  end: number;
  signature: string[];
  note?: string;
  date?: string;
  attachments?: string[];
}
const NUMBERED: ReadonlyArray<readonly [RegExp, HeadingLevel]> = [
  [/^[一二三四五六七八九十]{1,3}、/u, 2],
  [/^[（(][一二三四五六七八九十]{1,3}[）)]/u, 3],
  [/^[0-9]{1,2}[.．、](?![0-9])/u, 4],
  [/^第[一二三四五六七八九十百〇零]+章/u, 2],
  [/^第[一二三四五六七八九十百〇零]+节/u, 3],
];
/** Verbs of a notice that issues a text (印发, 转发 …): the centred title after it is that text's. */
const ISSUING = /印发|转发|公布|发布|颁布/u;
const NOTE = /^[（(]\s*((?:此件|本件|联系人)[^（）()]*?)\s*[）)]$/u;
const SPACE = /[\s\u3000]+/gu;
/** Characters shown either side of a rejoined page break. */
const CUT_CONTEXT = 6;

const numberedLevel = (text: string): HeadingLevel | undefined => NUMBERED.find(([pattern]) => pattern.test(text))?.[1];
/** Short, and not a sentence: a heading's text. */
const headingLike = (text: string): boolean => text.length <= 40 && !text.includes('。') && !/[；，、：:;,]$/u.test(text);

/** A date standing alone (2021年11月5日, 二〇二一年十一月五日, also spaced out). */
const dateOnly = (text: string): string | undefined => anyDateToIso(text.replace(SPACE, ''));
/** The date in parentheses under a title: （2021年11月5日）. */
const headDate = (text: string): string | undefined => {
  const inner = /^[（(](.+)[）)]$/u.exec(text.replace(SPACE, ''))?.[1];
  return inner === undefined ? undefined : dateOnly(inner);
};

/** A line that is a 发文字号 (any bracket, spaces, 签发人 beside it) or a 令号. */
function numberLine(text: string): { number: string; kind: 'document' | 'order' } | undefined {
  // As written (its spaces are the normalisation's to remove and report), without a 签发人 beside it.
  const written = text.replace(/\s*签发人[：:].*$/u, '').trim();
  const compact = written.replace(SPACE, '');
  if (compact.length === 0 || compact.length > 30) return undefined;
  const parts = splitNumber(compact);
  if (parts && /^\p{Script=Han}{1,12}$/u.test(parts.code) && /^[0-9０-９]{2,4}$/u.test(parts.year) && /^(?:第|字第|字)?$/u.test(parts.infix) && /^[号號]?$/u.test(parts.suffix)) {
    return { number: written, kind: 'document' };
  }
  return looksLikeOrder(compact) && /^\p{Script=Han}+令(?:[0-9０-９]{4}年)?第[0-9０-９]+号$/u.test(compact) ? { number: written, kind: 'order' } : undefined;
}

class Recogniser {
  private readonly lines: (SourceLine | undefined)[];
  readonly findings: Finding[] = [];
  readonly changes: Change[];
  private readonly types: string[];
  /** The section whose header precedes the document. */
  private sectionHeader: string | undefined;
  /** Names of the texts the document issues (《…》 in its title, or in a 令's first sentence). */
  private issuedNames = new Set<string>();

  constructor(
    private readonly source: SourceDocument,
    private readonly context: ImportContext,
  ) {
    this.lines = source.items.map((item) => (item.kind === 'line' ? item : undefined));
    this.changes = [...source.changes];
    this.types = doctypes(context.publication.doctypes);
  }

  private endsWithDoctype(title: string): boolean {
    return this.types.some((type) => title.endsWith(type));
  }

  /** A line that can be (part of) a title. */
  private titleLike(line: SourceLine | undefined): line is SourceLine {
    if (!line) return false;
    const { text } = line;
    return (
      text.length >= 2 &&
      text.length <= 80 &&
      !SENTENCE_END.test(text) &&
      !/[：:，,]$/u.test(text) &&
      numberedLevel(text) === undefined &&
      dateOnly(text) === undefined &&
      headDate(text) === undefined &&
      numberLine(text) === undefined &&
      metadataLine(text) === undefined &&
      attachmentLabel(text) === undefined
    );
  }

  /** A line of the head that follows a title: date, number, metadata, 主送. */
  private headLine(line: SourceLine | undefined): boolean {
    return line !== undefined && (headDate(line.text) !== undefined || numberLine(line.text) !== undefined || metadataLine(line.text) !== undefined || /[：:]$/u.test(line.text));
  }

  recognise(): Recognised {
    const metadata = new Map<MetadataField, string>();
    for (const { key, value } of this.source.metadata) {
      const meta = metadataLine(`${key}：${value}`);
      if (meta && meta.field !== 'ignored' && !metadata.has(meta.field)) metadata.set(meta.field, meta.value);
    }
    const numbers: { number: string; kind: 'document' | 'order'; from: Evidence }[] = [];
    if (metadata.has('number')) {
      const found = numberLine(metadata.get('number')!);
      if (found) numbers.push({ ...found, from: 'metadata' });
    }
    const dates: { iso: string; from: Evidence }[] = [];
    let at = 0;
    const consumeHeadLine = (line: SourceLine, title: string | undefined): boolean => {
      const meta = metadataLine(line.text);
      if (meta) {
        if (meta.field !== 'ignored' && !metadata.has(meta.field)) metadata.set(meta.field, meta.value);
        if (meta.field === 'number') {
          const found = numberLine(meta.value);
          if (found) numbers.push({ ...found, from: 'metadata' });
        }
        return true;
      }
      const number = numberLine(line.text);
      const date = headDate(line.text);
      // A 令's number under its title: 中华人民共和国国务院令 / 第770号.
      const order = title?.endsWith('令') ? /^第[0-9０-９]+号$/u.exec(line.text.replace(SPACE, '')) : null;
      if (number) numbers.push({ ...number, from: 'head' });
      else if (date) dates.push({ iso: date, from: 'head' });
      else if (order) numbers.push({ number: `${title}${order[0]}`, kind: 'order', from: 'head' });
      return number !== undefined || date !== undefined || order !== null;
    };

    // Before the title: metadata, the number of a red-head document, its 发文机关标志 (…文件), the gazette's
    // section header when the text was cut from a gazette (【区政府文件】).
    for (let line = this.lines[at]; line; line = this.lines[at]) {
      const header = this.context.publication.sections.find((section) => this.context.publication.labels.section.replaceAll('{name}', section.name) === line.text);
      if (header) {
        this.sectionHeader = header.name;
        at++;
      } else if (consumeHeadLine(line, undefined)) at++;
      else if (/^\S{2,30}文件$/u.test(line.text.replace(SPACE, '')) && [1, 2].some((k) => numberLine(this.lines[at + k]?.text ?? '') !== undefined)) {
        this.changes.push({ from: line.text, to: '', why: 'masthead' });
        at++;
      } else break;
    }

    const title = this.title(at, metadata.get('title'));
    at = title.next;
    for (let line = this.lines[at]; line && consumeHeadLine(line, title.text); line = this.lines[at]) at++;
    let recipients: string | undefined;
    const candidate = this.lines[at];
    if (candidate && /[：:]$/u.test(candidate.text) && candidate.text.length <= 100 && !candidate.text.includes('。') && numberedLevel(candidate.text) === undefined && !/^附件/u.test(candidate.text)) {
      recipients = candidate.text;
      at++;
    }
    const bodyStart = at;

    // 版记 at the very end: 抄送, 印发, and the rules between them.
    let end = this.source.items.length;
    let cc: string[] | undefined;
    let printed: { by: string; date: string } | undefined;
    while (end > bodyStart) {
      const item = this.source.items[end - 1]!;
      const text = item.kind === 'line' ? item.text : '';
      const ccLine = /^抄\s*送[：:]\s*(.+?)[。.]?$/u.exec(text);
      const printedLine = /^(.+?)[\s\u3000]+(\S+?)\s*印发$/u.exec(text);
      const printedDate = printedLine && dateOnly(printedLine[2]!);
      if ((item.kind === 'block' && item.block.kind === 'separator') || /^[-—─━_=－]{3,}$/u.test(text)) end--;
      else if (ccLine) {
        cc = ccLine[1]!.split(/[，,]/u).map((name) => name.trim()).filter((name) => name !== '');
        end--;
      } else if (printedLine && printedDate) {
        printed = { by: printedLine[1]!.trim(), date: printedDate };
        end--;
      } else break;
    }

    // Attachments start at the first 附件N line; the closing is read backwards from there.
    let labelAt = -1;
    for (let i = bodyStart; i < end && labelAt < 0; i++) if (this.lines[i] && attachmentLabel(this.lines[i]!.text) !== undefined) labelAt = i;
    const mainEnd = labelAt < 0 ? end : labelAt;
    // The closing stands at the end of the document's own text: before the text it issues (方案, 办法 …) when there
    // is one, else before the attachments. A 令 names what it promulgates in its first sentence (《…条例》…现予公布).
    const named = [title.text ?? '', ...(title.text?.endsWith('令') ? [this.lines[bodyStart]?.text ?? ''] : [])].flatMap((text) => [...text.matchAll(/《([^》]+)》/gu)].map((m) => m[1]!));
    this.issuedNames = new Set(named);
    let issuedAt = -1;
    for (let i = bodyStart + 1; i < mainEnd && issuedAt < 0; i++) if (this.opensIssuedText(this.lines[i], title.text)) issuedAt = i;
    const closing = (issuedAt >= 0 ? this.closing(issuedAt, bodyStart, labelAt >= 0) : undefined) ?? this.closing(mainEnd, bodyStart, labelAt >= 0) ?? { start: mainEnd, end: mainEnd, signature: [] };
    if (closing.date) dates.push({ iso: closing.date, from: 'closing' });
    const items = this.source.items;
    const blocks = this.body(this.rejoin([...items.slice(bodyStart, closing.start), ...items.slice(closing.end, mainEnd), ...(labelAt < 0 ? [] : items.slice(labelAt, end))]), title.text);
    const { signature, note, attachments } = closing;
    return this.fields({ metadata, numbers, dates, title, recipients, signature, note, attachments, cc, printed, blocks });
  }

  /**
   * The closing that ends just before `end`, read backwards: 附注, 成文日期, 署名 (up to three lines, only above a date
   * unless they are registered names), 附件说明. Undefined when there is none.
   */
  private closing(end: number, bodyStart: number, attached: boolean): Closing | undefined {
    let j = end;
    const at = (i: number): SourceLine | undefined => (i > bodyStart ? this.lines[i] : undefined);
    const noteLine = at(j - 1) && NOTE.exec(at(j - 1)!.text);
    const note = noteLine ? noteLine[1]! : undefined;
    if (note) j--;
    const date = at(j - 1) && dateOnly(at(j - 1)!.text);
    if (date) j--;
    const signature: string[] = [];
    const signatureLike = (line: SourceLine | undefined): line is SourceLine => {
      const compact = line?.text.replace(SPACE, '') ?? '';
      if (!line || compact.length < 2 || compact.length > 30 || /[，。；：、！？“”《》（）(),:;]/u.test(compact) || numberedLevel(compact) !== undefined) return false;
      return date !== undefined || findIssuer(this.context.publication, compact) !== undefined;
    };
    while (signature.length < 3 && signatureLike(at(j - 1))) signature.unshift(this.lines[--j]!.text);
    // 附件说明: 附件：1.名称 and the numbered names after it, just above the closing (or the attachments).
    let attachments: string[] | undefined;
    if (date || signature.length > 0 || attached) {
      let k = j - 1;
      while (at(k) && /^[0-9]{1,2}[.．、]/u.test(at(k)!.text)) k--;
      const first = this.lines[k];
      if (first && k >= bodyStart && /^附\s*件[：:]\s*\S/u.test(first.text)) {
        attachments = [first.text.replace(/^附\s*件[：:]\s*/u, ''), ...this.lines.slice(k + 1, j).map((l) => l!.text)].map((name) => name.replace(/^[0-9]{1,2}[.．、]\s*/u, '').replace(/[。；;，,]$/u, '').trim());
        j = k;
      }
    }
    if (j === end) return undefined;
    return { start: j, end, signature, ...(note ? { note } : {}), ...(date ? { date } : {}), ...(attachments ? { attachments } : {}) };
  }

  /** The centred title of the text a document issues: named by it (印发《…》), or centred after an issuing title. */
  private opensIssuedText(line: SourceLine | undefined, title: string | undefined): boolean {
    if (!this.titleLike(line) || numberedLevel(line.text) !== undefined) return false;
    return this.issuedNames.has(line.text) || (line.align === 'center' && ISSUING.test(title ?? ''));
  }

  /** The title: the source's own title line, else up to three title-like lines, else the page's title. */
  private title(at: number, stated: string | undefined): { text?: string; from?: Evidence; sure: boolean; next: number } {
    const lines = this.lines;
    if (lines[at]?.title) {
      let k = at;
      while (k < at + 3 && lines[k]?.title) k++;
      return { text: joinSoftBreaks(lines.slice(at, k).map((l) => l!.text).join('\n')), from: 'head', sure: true, next: k };
    }
    const candidates: SourceLine[] = [];
    for (let k = at; k < at + 3 && this.titleLike(lines[k]); k++) candidates.push(lines[k]!);
    const joined = (count: number): string => joinSoftBreaks(candidates.slice(0, count).map((l) => l.text).join('\n'));
    for (let count = candidates.length; count >= 1; count--) if (this.endsWithDoctype(joined(count))) return { text: joined(count), from: 'head', sure: true, next: at + count };
    for (let count = candidates.length; count >= 1; count--) if (this.headLine(lines[at + count])) return { text: joined(count), from: 'head', sure: true, next: at + count };
    if (candidates.length > 0) return { text: joined(1), from: 'head', sure: candidates.length === 1, next: at + 1 };
    if (stated) return { text: stated, from: 'metadata', sure: true, next: at };
    const page = this.source.pageTitle;
    if (page) {
      // A page title often carries the site's name: 标题_栏目_网站.
      const parts = page.split(/\s*[_|｜]\s*|\s+[-—–]\s+/u).filter((part) => part !== '');
      const text = parts.find((part) => this.endsWithDoctype(part)) ?? parts[0]!;
      return { text, from: 'page-title', sure: this.endsWithDoctype(text), next: at };
    }
    return { sure: false, next: at };
  }

  /**
   * A paragraph a page break cut in two (text taken from a PDF): a long line that stops in mid-sentence, followed by
   * one that goes on, becomes one paragraph again.
   */
  private rejoin(items: readonly SourceItem[]): SourceItem[] {
    const out: SourceItem[] = [];
    for (const item of items) {
      const last = out.at(-1);
      const cut = last?.kind === 'line' && last.text.length >= 60 && /[\p{Script=Han}，、]$/u.test(last.text);
      if (cut && item.kind === 'line' && /^[\p{Script=Han}，、]/u.test(item.text) && numberedLevel(item.text) === undefined && !/^第[一二三四五六七八九十百]+[条章节]/u.test(item.text) && attachmentLabel(item.text) === undefined) {
        this.changes.push({ from: `${last.text.slice(-CUT_CONTEXT)}↵${item.text.slice(0, CUT_CONTEXT)}`, to: `${last.text.slice(-CUT_CONTEXT)}${item.text.slice(0, CUT_CONTEXT)}`, why: 'page-break' });
        out[out.length - 1] = line(mergeRuns([...last.content, ...item.content]), { ...(last.align ? { align: last.align } : {}) });
      } else out.push(item);
    }
    return out;
  }

  /** Body items as labelled blocks: attachment labels, headings by their numbering, the issued text's title. */
  private body(items: readonly SourceItem[], title: string | undefined): LabelledBlock[] {
    const out: LabelledBlock[] = [];
    const outline = new DecimalOutline(items.filter((item) => item.kind === 'line' && DECIMAL.test(item.text) && headingLike(item.text)).length >= 2);
    let afterLabel = false;
    let centred = false;
    for (const item of items) {
      if (item.kind === 'block') {
        out.push({ block: this.normaliseBlock(item.block) });
        afterLabel = false;
        continue;
      }
      const content = normaliseInlines(item.content, this.changes);
      const text = item.text;
      const label = attachmentLabel(text);
      if (label !== undefined) {
        out.push({ block: { kind: 'paragraph', content }, label });
        afterLabel = true;
        continue;
      }
      const numbered = outline.level(text) ?? numberedLevel(text);
      let level: HeadingLevel | undefined;
      if (afterLabel && numbered === undefined && this.titleLike(item)) level = 1;
      else if (item.heading) level = text.length <= 60 ? (numbered ?? 1) : undefined;
      else if (numbered !== undefined && headingLike(text)) level = numbered;
      else if (this.opensIssuedText(item, title) || (centred && numbered === undefined && this.titleLike(item) && item.align === 'center')) level = 1;
      afterLabel = false;
      if (level === 1) centred = true;
      // A heading prints in its level's face: bold set on the whole line says nothing more.
      const bare = content.every((c) => c.kind !== 'text' || c.strong) ? content.map((c) => (c.kind === 'text' ? { kind: 'text' as const, text: c.text, ...(c.href ? { href: c.href } : {}) } : c)) : content;
      out.push({ block: level === undefined ? { kind: 'paragraph', content } : { kind: 'heading', level, content: bare } });
    }
    return out;
  }

  private normaliseBlock(block: Block): Block {
    switch (block.kind) {
      case 'paragraph':
      case 'heading':
        return { ...block, content: normaliseInlines(block.content, this.changes) };
      case 'list':
        return { ...block, items: block.items.map((item) => ({ ...item, blocks: item.blocks.map((b) => this.normaliseBlock(b)) })) };
      case 'quote':
        return { ...block, blocks: block.blocks.map((b) => this.normaliseBlock(b)) };
      case 'table':
        return { ...block, rows: block.rows.map((row) => ({ cells: row.cells.map((cell) => ({ ...cell, content: normaliseInlines(cell.content, this.changes) })) })) };
      default:
        return block;
    }
  }

  private fields(found: {
    metadata: Map<MetadataField, string>;
    numbers: { number: string; kind: 'document' | 'order'; from: Evidence }[];
    dates: { iso: string; from: Evidence }[];
    title: { text?: string; from?: Evidence; sure: boolean };
    recipients?: string;
    signature: string[];
    note?: string;
    attachments?: string[];
    cc?: string[];
    printed?: { by: string; date: string };
    blocks: LabelledBlock[];
  }): Recognised {
    const front: FrontMatter = {};
    const finding = (f: Finding): void => void this.findings.push(f);

    if (found.title.text) {
      const spaced = found.title.text;
      // A space between Chinese characters in a title is what a line break of the source left, except the one
      // between the bodies of a joint document (机关甲 机关乙关于…), which the title keeps, as one space.
      const names = this.issuerNames();
      const solid = spaced.replace(/(?<=[\p{Script=Han}、，《》（）“”])[ \u3000]+(?=[\p{Script=Han}、，《》（）“”])/gu, (space: string, at: number, whole: string) =>
        names.some((name) => whole.slice(0, at).endsWith(name)) && names.some((name) => whole.startsWith(name, at + space.length)) ? ' ' : '',
      );
      if (solid !== spaced) this.changes.push({ from: spaced, to: solid, why: 'title-space' });
      front.title = normaliseText(solid, this.changes);
      finding({ field: 'title', from: found.title.from!, sure: found.title.sure });
    } else finding({ field: 'title', sure: false, doubt: 'not-found' });

    const number = found.numbers[0];
    if (number) {
      const compact = number.kind === 'document' ? safeNormalizeNumber(number.number) : toAsciiDigits(number.number.replace(SPACE, ''));
      if (compact !== number.number) this.changes.push({ from: number.number, to: compact, why: 'number-form' });
      front.number = compact;
      const others = [...new Set(found.numbers.map((n) => (n.kind === 'document' ? safeNormalizeNumber(n.number) : toAsciiDigits(n.number.replace(SPACE, '')))))];
      finding({ field: 'number', from: number.from, sure: others.length === 1, ...(others.length > 1 ? { doubt: 'conflict' as const, detail: others.join('、') } : {}) });
    }

    const stated = found.metadata.get('date');
    const statedIso = stated === undefined ? undefined : dateOnly(stated);
    const dates = [...(statedIso ? [{ iso: statedIso, from: 'metadata' as const }] : []), ...found.dates];
    // The 成文日期 beside the signature is the document's own; the one under the title is the gazette's copy of it.
    const date = dates.find((d) => d.from === 'closing') ?? dates[0];
    if (date) {
      front.date = date.iso;
      const distinct = [...new Set(dates.map((d) => d.iso))];
      finding({ field: 'date', from: date.from, sure: distinct.length === 1, ...(distinct.length > 1 ? { doubt: 'conflict' as const, detail: distinct.join('、') } : {}) });
    }

    const signature = found.signature.flatMap((line) => this.signatureNames(line));
    this.issuer(front, found.metadata.get('issuer'), signature);
    if (found.recipients) {
      front.recipients = normaliseText(found.recipients, this.changes).replace(/[：:]$/u, '');
      finding({ field: 'recipients', from: 'head', sure: number !== undefined, ...(number ? {} : { doubt: 'guess' as const }) });
    }
    if (signature.length > 0) {
      front.signature = signature;
      finding({ field: 'signature', from: 'closing', sure: true });
    }
    if (found.note) {
      front.note = normaliseText(found.note, this.changes);
      finding({ field: 'note', from: 'closing', sure: true });
    }
    if (found.attachments) {
      front.attachments = found.attachments.map((name) => normaliseText(name, this.changes));
      finding({ field: 'attachments', from: 'closing', sure: true });
    }
    if (found.cc) {
      front.cc = found.cc.map((name) => normaliseText(name, this.changes));
      finding({ field: 'cc', from: 'record', sure: true });
    }
    if (found.printed) {
      front.printed = found.printed;
      finding({ field: 'printed', from: 'record', sure: true });
    }
    this.category(front, number?.kind);
    for (const doubt of this.source.doubts) finding({ field: 'body', sure: false, doubt: doubt.why, detail: doubt.detail });
    const brackets = squareBrackets(found.blocks);
    if (brackets.length > 0) finding({ field: 'body', sure: false, doubt: 'square-brackets', detail: brackets.join('、') });
    return { frontMatter: front, blocks: found.blocks, notes: this.source.notes.map((n) => ({ ...n, blocks: n.blocks.map((b) => this.normaliseBlock(b)) })), findings: this.findings, changes: dedupe(this.changes) };
  }

  /**
   * The names a signature line holds: one without the padding that spaced it out (国　务　院), `职务　姓名` with one
   * full-width space, or the bodies of a joint document set side by side on one line (机关甲　　机关乙).
   */
  private signatureNames(line: string): string[] {
    const tokens = line.trim().split(SPACE);
    const joined = tokens.join('');
    const registered = (name: string): boolean => findIssuer(this.context.publication, name) !== undefined;
    const joint = registered(joined) ? undefined : splitJointIssuers(this.context.publication, line);
    if (joint) {
      this.changes.push({ from: line.trim(), to: joint.join('、'), why: 'joint-signature' });
      return joint;
    }
    let name = line.trim();
    if (tokens.length > 1 && (tokens.every((t) => [...t].length === 1) || registered(joined))) name = joined;
    else if (tokens.length === 2 && /^\p{Script=Han}{2,4}$/u.test(tokens[1]!)) name = `${tokens[0]}\u3000${tokens[1]}`;
    if (name !== line.trim()) this.changes.push({ from: line.trim(), to: name, why: 'name-padding' });
    return [name];
  }

  /** Every registered name and alias of the issuers, longest first (a longer name is matched before its prefix). */
  private issuerNames(): string[] {
    return this.context.publication.issuers.flatMap((entry) => [entry.name, ...entry.aliases]).sort((a, b) => b.length - a.length);
  }

  /** 发文机关: a registered name in the metadata, the signature, the title, the 令号 or the 代字, in that order. */
  private issuer(front: FrontMatter, stated: string | undefined, signature: readonly string[]): void {
    const { publication } = this.context;
    const registered = (name: string | undefined): string | undefined => (name === undefined ? undefined : findIssuer(publication, name.replace(SPACE, ''))?.name);
    const sources: { names: string[]; from: Evidence }[] = [];
    const statedName = registered(stated);
    if (statedName) sources.push({ names: [statedName], from: 'metadata' });
    const signed = signature.map(registered);
    if (signed.length > 0 && signed.every((name) => name !== undefined)) sources.push({ names: signed as string[], from: 'signature' });
    const title = front.title ?? '';
    const allNames = this.issuerNames();
    const lead = allNames.find((name) => title.startsWith(name));
    if (lead) {
      // 联合行文: 机关甲、机关乙关于… or 机关甲 机关乙关于…
      const joint = [lead];
      let rest = title.slice(lead.length);
      for (;;) {
        const separator = /^(?:、|[ \u3000]+)/u.exec(rest)?.[0];
        const next = separator && allNames.find((name) => rest.startsWith(name, separator.length));
        if (!separator || !next) break;
        joint.push(next);
        rest = rest.slice(separator.length + next.length);
      }
      sources.push({ names: joint.map((name) => registered(name)!), from: 'title' });
    }
    const number = front.number;
    if (number && looksLikeOrder(number)) {
      const organ = registered(/^(\p{Script=Han}+)令/u.exec(number)?.[1]);
      if (organ) sources.push({ names: [organ], from: 'number' });
    } else if (number) {
      const key = numberKey(number);
      const owner = key && codeOwner(publication, key.code);
      if (owner) sources.push({ names: [owner.name], from: 'code' });
    }
    const first = sources[0];
    if (first) {
      front.issuer = first.names.length === 1 ? first.names[0]! : first.names;
      const heads = [...new Set(sources.map((s) => s.names[0]!))];
      this.findings.push({ field: 'issuer', from: first.from, sure: heads.length === 1, ...(heads.length > 1 ? { doubt: 'conflict' as const, detail: heads.join('、') } : {}) });
      return;
    }
    // An unregistered body: the name the metadata gives, or what precedes 关于 in the title.
    const guess = stated?.trim() || /^(\p{Script=Han}{2,30}?)(?:关于|印发|转发)/u.exec(title)?.[1];
    if (guess) {
      front.issuer = guess;
      this.findings.push({ field: 'issuer', from: stated ? 'metadata' : 'title', sure: false, doubt: 'not-registered' });
    } else this.findings.push({ field: 'issuer', sure: false, doubt: 'not-found' });
  }

  /**
   * 栏目: --category; else, among the sections whose number policy fits, the one whose header precedes the text, the
   * one the title names (人事任免, 政策解读),
   * the one where the project files this 代字, or the only one.
   */
  private category(front: FrontMatter, kind: 'document' | 'order' | undefined): void {
    const { publication, category, sectionsByCode } = this.context;
    const record = (name: string | undefined, from: Evidence | undefined, candidates: readonly SectionSpec[]): void => {
      if (name !== undefined && from !== undefined) {
        front.category = name;
        this.findings.push({ field: 'category', from, sure: true });
        return;
      }
      this.findings.push({ field: 'category', sure: false, doubt: candidates.length === 0 ? 'not-found' : 'ambiguous', detail: candidates.map((s) => s.name).join('、') });
    };
    if (category !== undefined) return record(category, 'option', []);
    const fits = (section: SectionSpec): boolean =>
      kind === 'order' ? section.number === 'order' : kind === 'document' ? section.number === 'required' || section.number === 'optional' : section.number === 'forbidden' || section.number === 'optional';
    const candidates = publication.sections.filter(fits);
    if (candidates.some((section) => section.name === this.sectionHeader)) return record(this.sectionHeader, 'section-header', candidates);
    const named = candidates.filter((section) => (front.title ?? '').includes(section.name));
    if (named.length === 1) return record(named[0]!.name, 'section-name', candidates);
    const code = front.number ? numberKey(front.number)?.code : undefined;
    const filed = code ? candidates.filter((section) => sectionsByCode.get(code)?.has(section.name)) : [];
    if (filed.length === 1) return record(filed[0]!.name, 'documents', candidates);
    if (candidates.length === 1) return record(candidates[0]!.name, 'only-section', candidates);
    record(undefined, undefined, candidates);
  }
}

const DECIMAL = /^\d+((?:\.\d+)+)(?![.\d])\s*\S/u;

/**
 * Decimal numbering, as some plans use it: 1. 总则 (一、's level), 1.1 编制目的, 1.1.1 …; a list 1. 2. 3. that
 * starts right after a decimal heading is one level further down. Only for documents that number this way.
 */
class DecimalOutline {
  private afterDecimal = false;
  /** The number of the last item of a list under a decimal heading, 0 outside one. */
  private item = 0;

  constructor(private readonly active: boolean) {}

  level(text: string): HeadingLevel | undefined {
    if (!this.active || !headingLike(text)) return undefined;
    const decimal = DECIMAL.exec(text);
    if (decimal) {
      this.afterDecimal = true;
      this.item = 0;
      return decimal[1]!.split('.').length === 2 ? 3 : 4;
    }
    const top = /^(\d+)[.．](?!\d)\s*\S/u.exec(text);
    if (!top) return undefined;
    const n = Number(top[1]);
    if ((this.item > 0 && n === this.item + 1) || (this.item === 0 && this.afterDecimal && n === 1)) {
      this.item = n;
      return 4;
    }
    this.afterDecimal = false;
    this.item = 0;
    return 2;
  }
}

/** Square brackets in Chinese text may be NFKC-damaged ［］ or mistyped 〔〕: reported with their context, not guessed. */
function squareBrackets(blocks: readonly LabelledBlock[]): string[] {
  const found: string[] = [];
  const visit = (content: readonly Inline[]): void => {
    for (const match of plain(content).matchAll(/.{0,4}\[[^\]]{0,20}\].{0,4}/gu)) if (/\p{Script=Han}/u.test(match[0])) found.push(match[0]);
  };
  const walk = (block: Block): void => {
    if (block.kind === 'paragraph' || block.kind === 'heading') visit(block.content);
    else if (block.kind === 'list') block.items.forEach((item) => item.blocks.forEach(walk));
    else if (block.kind === 'quote') block.blocks.forEach(walk);
    else if (block.kind === 'table') block.rows.forEach((row) => row.cells.forEach((cell) => visit(cell.content)));
  };
  blocks.forEach(({ block }) => walk(block));
  return found;
}

function dedupe(changes: readonly Change[]): Change[] {
  const seen = new Set<string>();
  return changes.filter((change) => {
    const key = JSON.stringify(change);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

export function recognise(source: SourceDocument, context: ImportContext): Recognised {
  return new Recogniser(source, context).recognise();
}
