/**
 * `gazette import`: turn Word files, saved web pages and plain text into documents of an issue, say per file what
 * was recognised (and from where), what could not be decided and what was changed, then check what was written.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { shown } from '../diagnostics/diagnostic.js';
import { overlayHost } from '../host/overlay-host.js';
import { check, importFiles } from '../pipeline.js';
import { FRONT_MATTER_ORDER, type ChangeReason, type DoubtReason, type Evidence, type FieldName, type FrontMatter, type ImportedDocument, type ImportInput } from '../import/index.js';
import type { Body } from '../model/document.js';
import { looksLikeOrder } from '../shared/number.js';
import { formatDiagnostics, jsonDiagnostic, resolve as resolveDiagnostic, type Lang } from '../report/index.js';
import { displayPaths, openProject, useColor, writeFileAtomic, type Io } from './io.js';

export interface ImportOptions {
  files: string[];
  issue: string;
  category?: string;
  root: string;
  dryRun: boolean;
  force: boolean;
  format: 'pretty' | 'json';
  lang: Lang;
}

const fieldNames: Record<Lang, Record<FieldName, string>> = {
  zh: { title: '标题', issuer: '发文机关', date: '成文日期', number: '发文字号', category: '栏目', recipients: '主送机关', signature: '署名', note: '附注', attachments: '附件说明', cc: '抄送', printed: '印发', body: '正文' },
  en: { title: 'title', issuer: 'issuer', date: 'date', number: 'number', category: 'category', recipients: 'recipients', signature: 'signature', note: 'note', attachments: 'attachments', cc: 'cc', printed: 'printed', body: 'body' },
};

const evidence: Record<Lang, Record<Evidence, string>> = {
  zh: {
    metadata: '据元数据行',
    head: '据文头',
    'page-title': '据网页标题',
    closing: '据文末落款',
    record: '据版记',
    title: '据标题',
    signature: '据署名',
    number: '据令号',
    code: '据机关代字',
    documents: '据本项目同一代字的文件',
    'section-header': '据文前的栏目标题',
    'section-name': '据标题中的栏目名',
    'only-section': '唯一相符的栏目',
    option: '据 --category',
  },
  en: {
    metadata: 'from a metadata line',
    head: 'from the head',
    'page-title': 'from the page title',
    closing: 'from the closing',
    record: 'from the 版记',
    title: 'from the title',
    signature: 'from the signature',
    number: 'from the order number',
    code: 'from the 代字 registry',
    documents: 'from documents with the same 代字',
    'section-header': 'from the section header before the text',
    'section-name': 'the section named in the title',
    'only-section': 'the only section that fits',
    option: 'from --category',
  },
};

const doubts: Record<Lang, Record<DoubtReason, (detail: string) => string>> = {
  zh: {
    'not-found': () => '未找到',
    'not-registered': () => '该机关未在 gazette.yml 的 issuers 中登记，请核对',
    conflict: (d) => `来源不一致（${d}），请核对`,
    ambiguous: (d) => (d ? `可能是 ${d}，请用 --category 指定` : '没有相符的栏目'),
    guess: () => '按位置推断，请核对',
    'square-brackets': (d) => `方括号可能原是〔〕或［］，未改动：${d}`,
    'image-remote': (d) => `网络图片未导入（不下载）：${d}`,
    'image-unreadable': (d) => `图片无法读取或不是 PNG/JPEG，未导入：${d}`,
    'image-in-table': (d) => `表格中的图片无法排入，未导入：${d}`,
  },
  en: {
    'not-found': () => 'not found',
    'not-registered': () => 'the body is not registered under issuers in gazette.yml; please check',
    conflict: (d) => `sources disagree (${d.replaceAll('、', ', ')}); please check`,
    ambiguous: (d) => (d ? `could be ${d.replaceAll('、', ', ')}; name it with --category` : 'no section fits'),
    guess: () => 'guessed from its position; please check',
    'square-brackets': (d) => `square brackets may have been 〔〕 or ［］ and were left as they are: ${d}`,
    'image-remote': (d) => `remote image not imported (nothing is downloaded): ${d}`,
    'image-unreadable': (d) => `image unreadable or not PNG/JPEG, not imported: ${d}`,
    'image-in-table': (d) => `an image in a table cell cannot be set, not imported: ${d}`,
  },
};

const whys: Record<Lang, Record<ChangeReason, string>> = {
  zh: {
    punctuation: '中文文字中的半角标点改为全角（GB/T 15834）',
    'range-tilde': '数值范围用浪纹线“～”（GB/T 15834）',
    'range-dash': '时间、序次范围用一字线“—”（GB/T 15834）',
    entity: '删去残留的 HTML 实体',
    'title-space': '删去标题中汉字间的空格（原文断行所致）',
    'name-padding': '删去署名中用于对齐的空格（对齐由版式处理）',
    'joint-signature': '把同一行中并列的各发文机关署名分为各自一项',
    'number-form': '发文字号改为规范写法（六角括号、无空格、半角数字、不编虚位）',
    furniture: '删去网页附属内容（字号、打印、关闭、分享等）',
    'cell-paragraph': '表格单元格中残留的 <p> 标记改为单元格内换行',
    masthead: '删去版头的发文机关标志',
    'page-break': '接上被分页断开的段落',
  },
  en: {
    punctuation: 'ASCII punctuation in Chinese text made full-width (GB/T 15834)',
    'range-tilde': 'a range of values takes the wave dash ～ (GB/T 15834)',
    'range-dash': 'a range of times or ordinals takes the dash — (GB/T 15834)',
    entity: 'stray HTML entity removed',
    'title-space': 'space between hanzi in the title removed (a line break of the source)',
    'name-padding': 'alignment spaces in the signature removed (the layout aligns it)',
    'joint-signature': 'the issuers signing side by side on one line made one item each',
    'number-form': 'document number written in its standard form (〔〕, no spaces, ASCII digits, no leading zeros)',
    furniture: 'web page furniture removed (font size, print, close, share …)',
    'cell-paragraph': 'leftover <p> tags in a table cell made line breaks',
    masthead: 'the masthead (发文机关标志) removed',
    'page-break': 'a paragraph cut by a page break joined again',
  },
};

const texts = {
  zh: {
    dryRun: '（试运行：未写入任何文件）',
    uncertain: '未能确定',
    changes: '改动',
    check: '检查结果：',
    done: (n: number) => `✔ 已导入 ${n} 个文件`,
    wouldDo: (n: number) => `试运行：将导入 ${n} 个文件`,
    body: (b: BodyCounts) => [`${b.paragraphs} 段`, b.headings ? `${b.headings} 个标题` : '', b.tables ? `${b.tables} 张表格` : '', b.figures ? `${b.figures} 幅图` : '', b.attachments ? `${b.attachments} 个附件` : '', b.notes ? `${b.notes} 条脚注` : ''].filter(Boolean).join('，'),
    order: '令号',
    none: '（无）',
  },
  en: {
    dryRun: '(dry run: nothing was written)',
    uncertain: 'undecided',
    changes: 'changes',
    check: 'check:',
    done: (n: number) => `✔ Imported ${n} file${n === 1 ? '' : 's'}`,
    wouldDo: (n: number) => `Dry run: would import ${n} file${n === 1 ? '' : 's'}`,
    body: (b: BodyCounts) => [`${b.paragraphs} paragraphs`, b.headings ? `${b.headings} headings` : '', b.tables ? `${b.tables} tables` : '', b.figures ? `${b.figures} figures` : '', b.attachments ? `${b.attachments} attachments` : '', b.notes ? `${b.notes} notes` : ''].filter(Boolean).join(', '),
    order: 'order number',
    none: '(none)',
  },
};

interface BodyCounts {
  paragraphs: number;
  headings: number;
  tables: number;
  figures: number;
  attachments: number;
  notes: number;
}

function counts(body: Body): BodyCounts {
  const all = [...body.blocks, ...body.enclosure, ...body.attachments.flatMap((a) => a.blocks)];
  const kind = (k: string): number => all.filter((b) => b.kind === k).length;
  return { paragraphs: kind('paragraph'), headings: kind('heading'), tables: kind('table'), figures: kind('figure'), attachments: body.attachments.length, notes: body.notes.length };
}

/** A front-matter value as one line of the report. */
function shownValue(value: FrontMatter[keyof FrontMatter]): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.join('、');
  return `${value.by}　${value.date}`;
}

/** The file's place for error messages, its bytes, and images beside it. */
function readInput(file: string, cwd: string): { input?: ImportInput; problem?: Diagnostic } {
  const path = resolve(cwd, file);
  try {
    const bytes = readFileSync(path);
    const image = (src: string): Uint8Array | undefined => {
      try {
        return readFileSync(resolve(dirname(path), decodeURIComponent(src.split(/[?#]/)[0]!)));
      } catch {
        return undefined;
      }
    };
    return { input: { name: file, bytes, image } };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { problem: { code: 'import-unreadable', severity: 'error', args: { file, reason: code ?? '' } } };
  }
}

export async function runImport(options: ImportOptions, io: Io): Promise<number> {
  const root = resolve(io.cwd, options.root);
  const paths = displayPaths(root, io.cwd);
  const t = texts[options.lang];
  const fail = async (problems: readonly Diagnostic[]): Promise<number> => {
    if (options.format === 'json') io.stdout(`${JSON.stringify({ documents: [], diagnostics: problems.map((d) => jsonDiagnostic(resolveDiagnostic(d, options.lang))) }, null, 2)}\n`);
    else io.stderr(await formatDiagnostics('pretty', problems, { lang: options.lang, color: useColor(io) }));
    return 2;
  };

  const read = options.files.map((file) => readInput(file, io.cwd));
  const unreadable = read.flatMap((r) => (r.problem ? [localiseReason(r.problem, options.lang)] : []));
  if (unreadable.length > 0) return fail(unreadable);
  const base = openProject(root, io, options.lang);
  const run = await importFiles(base, {
    issue: options.issue,
    inputs: read.map((r) => r.input!),
    ...(options.category !== undefined ? { category: options.category } : {}),
  });
  if (run.setup) return fail([run.setup]);
  if (run.diagnostics.length > 0) return fail(run.diagnostics);

  // Nothing is written when any target exists (unless --force): all files or none.
  const files = new Map<string, Uint8Array>();
  for (const { document } of run.documents) {
    files.set(document.path, new TextEncoder().encode(document.markdown));
    for (const image of document.images) files.set(image.path, image.bytes);
  }
  if (!options.force) {
    const existing = [...files.keys()].filter((path) => existsSync(resolve(root, path)));
    if (existing.length > 0) return fail(existing.map((path) => ({ code: 'import-exists', severity: 'error', args: { file: paths.file(path) } })));
  }
  if (!options.dryRun) for (const [path, bytes] of files) writeFileAtomic(resolve(root, path), bytes);

  // Check what was written (or, in a dry run, what would be): only the diagnostics of these files are shown.
  const checked = await check(options.dryRun ? overlayHost(base, files) : base, [options.issue]);
  const written = new Set(run.documents.map((d) => d.document.path));
  const diagnostics = shown(checked.diagnostics.filter((d) => d.span && written.has(d.span.file)));
  const shownDiagnostics = paths.diagnostics(diagnostics);

  if (options.format === 'json') {
    const report = {
      documents: run.documents.map(({ input, document }) => documentReport(input.name, paths.file(document.path), document, options.lang)),
      diagnostics: shownDiagnostics.map((d) => jsonDiagnostic(resolveDiagnostic(d, options.lang))),
    };
    io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    const out: string[] = options.dryRun ? [t.dryRun, ''] : [];
    for (const { input, document } of run.documents) out.push(...prettyDocument(input.name, paths.file(document.path), document, options.lang), '');
    out.push(t.check);
    io.stdout(`${out.join('\n')}\n`);
    io.stdout(await formatDiagnostics('pretty', shownDiagnostics, { lang: options.lang, color: useColor(io) }));
    io.stdout(`${options.dryRun ? t.wouldDo(run.documents.length) : t.done(run.documents.length)}\n`);
  }
  return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}

/** An unreadable file's reason code in the user's language. */
function localiseReason(problem: Diagnostic, lang: Lang): Diagnostic {
  const reasons: Record<Lang, Record<string, string>> = {
    zh: { ENOENT: '文件不存在', EISDIR: '这是一个文件夹', EACCES: '没有读取权限', EPERM: '没有读取权限' },
    en: { ENOENT: 'no such file', EISDIR: 'it is a folder', EACCES: 'permission denied', EPERM: 'permission denied' },
  };
  const code = String(problem.args.reason ?? '');
  return { ...problem, args: { ...problem.args, reason: reasons[lang][code] ?? '' } };
}

function reasonsOf(document: ImportedDocument, lang: Lang): { field: FieldName; why: string }[] {
  return document.findings.filter((f) => !f.sure).map((f) => ({ field: f.field, why: doubts[lang][f.doubt ?? 'guess'](f.detail ?? '') }));
}

function documentReport(source: string, file: string, document: ImportedDocument, lang: Lang) {
  const uncertain = [...new Set(document.findings.filter((f) => !f.sure).map((f) => f.field))];
  return {
    source,
    file,
    frontMatter: Object.fromEntries(FRONT_MATTER_ORDER.filter((key) => document.frontMatter[key] !== undefined).map((key) => [key, document.frontMatter[key]])),
    uncertain,
    reasons: reasonsOf(document, lang),
    changes: document.changes.map((c) => ({ from: c.from, to: c.to, why: whys[lang][c.why] })),
  };
}

function prettyDocument(source: string, file: string, document: ImportedDocument, lang: Lang): string[] {
  const t = texts[lang];
  const names = fieldNames[lang];
  const width = lang === 'zh' ? 4 : 12;
  const label = (name: string): string => (lang === 'zh' ? name.padEnd(width, '\u3000') : name.padEnd(width));
  const lines = [`${source} → ${file}`];
  for (const key of FRONT_MATTER_ORDER) {
    const finding = document.findings.find((f) => f.field === key);
    const value = document.frontMatter[key];
    if (value === undefined) continue;
    const name = key === 'number' && typeof value === 'string' && looksLikeOrder(value) ? t.order : names[key];
    const from = finding?.from && (key === 'issuer' || key === 'category' || finding.from === 'metadata' || finding.from === 'page-title') ? (lang === 'zh' ? `（${evidence.zh[finding.from]}）` : ` (${evidence.en[finding.from]})`) : '';
    lines.push(`  ${label(name)}  ${shownValue(value)}${from}`);
  }
  lines.push(`  ${label(names.body)}  ${t.body(counts(document.body))}`);
  for (const { field, why } of reasonsOf(document, lang)) lines.push(`  ${label(t.uncertain)}  ${names[field]}${lang === 'zh' ? '：' : ': '}${why}`);
  for (const change of document.changes) lines.push(`  ${label(t.changes)}  ${change.from || t.none} → ${change.to || t.none}  ${whys[lang][change.why]}`);
  return lines;
}
