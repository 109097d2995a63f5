/** `gazette init`, `gazette new issue` and `gazette new document`: write what src/scaffold builds, never over a file. */
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createNodeHost } from '../host/node-host.js';
import { loadProject, type Project } from '../load/index.js';
import type { IssueMeta } from '../model/gazette.js';
import { formatDiagnostics, type Lang } from '../report/index.js';
import { isRealIsoDate } from '../shared/dates.js';
import { issueTitle } from '../shared/labels.js';
import { documentFile, issueFile, issueId, nextIssue, publicationFiles, publicationNames, suggestedNumber, type ScaffoldFile } from '../scaffold/index.js';
import { setupDiagnostic } from './setup.js';
import { useColor, type Io } from './io.js';
import { shownPath } from './output.js';

/** What the system's reason for a failed write means. */
const WRITE_REASONS: Record<Lang, Record<string, string>> = {
  zh: { ENOTDIR: '路径中有一段是文件，不是文件夹', EACCES: '没有写入权限', EPERM: '没有写入权限', EROFS: '文件系统只读', ENOSPC: '磁盘空间不足', ENOENT: '这里不能创建文件夹', EEXIST: '已有同名文件' },
  en: { ENOTDIR: 'part of the path is a file, not a folder', EACCES: 'permission denied', EPERM: 'permission denied', EROFS: 'read-only file system', ENOSPC: 'no space left', ENOENT: 'no folder can be made there', EEXIST: 'a file of that name exists' },
};

const messages = {
  zh: {
    notFolder: (path: string) => `错误：${path} 不是文件夹\n`,
    exists: (paths: string[]) => `错误：以下文件已存在，未做任何改动：\n${paths.map((p) => `  ${p}\n`).join('')}（换一个空文件夹，或先移走这些文件）\n`,
    cannotWrite: (path: string, code: string) => `错误：无法创建 ${path}（${WRITE_REASONS.zh[code] ?? code}），未写入任何文件；检查路径与写入权限，或换一个文件夹\n`,
    created: (what: string) => `✔ 已创建 ${what}`,
    next: (steps: string[]) => `下一步：\n${steps.map((s) => `  ${s}`).join('\n')}\n`,
    badDate: (value: string) => `错误：--published 的取值“${value}”不是 YYYY-MM-DD 格式的真实日期\n`,
    brokenIssues: (ids: string[]) => `错误：期次 ${ids.join('、')} 的 issue.yml 有错误，无法推算下一期（先运行 gazette check 并改正）\n`,
    issueTaken: (id: string, other: string) => `错误：${other} 已是 ${id} 期，未做任何改动（用 --year、--number 指定其他期次）\n`,
    noIssueMeta: (id: string) => `错误：期次 ${id} 的 issue.yml 缺失或有错误（先运行 gazette check 并改正）\n`,
    unknownSection: (name: string, known: string) => `错误：gazette.yml 中没有栏目“${name}”；可用栏目：${known}\n`,
    unknownIssuer: (name: string, known: string) => `错误：gazette.yml 中没有发文机关“${name}”；已登记：${known}\n`,
    noIssuers: '错误：gazette.yml 的 issuers 中没有登记任何发文机关\n',
    noCode: (issuer: string) => `错误：发文机关 ${issuer} 在 gazette.yml 中没有登记机关代字，无法编发文字号（在其 codes 中加入代字）\n`,
    issue: (label: string, id: string) => `期次 ${id}（${label}）`,
    document: (path: string, section: string, number: string | undefined) => `${path}（${section}${number ? `，${number}` : ''}）`,
    fillIn: '填写标题、正文等后运行 gazette check',
    addDocuments: (id: string) => `gazette new document ${id} --category <栏目>`,
    totalsMove: (moves: { id: string; total: number }[]) => `注意：新一期排在 ${moves[0]!.id} 之前，以下各期的总期号须改为：${moves.map((m) => `${m.id} → ${m.total}`).join('、')}\n`,
  },
  en: {
    notFolder: (path: string) => `error: ${path} is not a folder\n`,
    exists: (paths: string[]) => `error: these files exist already; nothing was changed:\n${paths.map((p) => `  ${p}\n`).join('')}(use an empty folder, or move them away first)\n`,
    cannotWrite: (path: string, code: string) => `error: cannot create ${path} (${WRITE_REASONS.en[code] ?? code}); nothing was written. Check the path and its permissions, or choose another folder\n`,
    created: (what: string) => `✔ Created ${what}`,
    next: (steps: string[]) => `Next:\n${steps.map((s) => `  ${s}`).join('\n')}\n`,
    badDate: (value: string) => `error: --published "${value}" is not a real YYYY-MM-DD date\n`,
    brokenIssues: (ids: string[]) => `error: issue.yml of ${ids.join(', ')} has errors, so the next issue cannot be worked out (run gazette check and fix them)\n`,
    issueTaken: (id: string, other: string) => `error: ${other} is issue ${id} already; nothing was changed (choose another with --year and --number)\n`,
    noIssueMeta: (id: string) => `error: issue.yml of ${id} is missing or has errors (run gazette check and fix it)\n`,
    unknownSection: (name: string, known: string) => `error: gazette.yml has no section "${name}"; sections: ${known}\n`,
    unknownIssuer: (name: string, known: string) => `error: gazette.yml has no issuer "${name}"; registered: ${known}\n`,
    noIssuers: 'error: gazette.yml registers no issuers\n',
    noCode: (issuer: string) => `error: ${issuer} has no 机关代字 in gazette.yml, so no number can be suggested (add one to its codes)\n`,
    issue: (label: string, id: string) => `issue ${id} (${label})`,
    document: (path: string, section: string, number: string | undefined) => `${path} (${section}${number ? `, ${number}` : ''})`,
    fillIn: 'fill in the title and text, then run gazette check',
    addDocuments: (id: string) => `gazette new document ${id} --category <section>`,
    totalsMove: (moves: { id: string; total: number }[]) => `note: the new issue comes before ${moves[0]!.id}; these running totals must change: ${moves.map((m) => `${m.id} → ${m.total}`).join(', ')}\n`,
  },
};

/** Today in the local calendar, YYYY-MM-DD (the core never reads the clock). */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

const shown = (io: Io, path: string): string => shownPath(io.cwd, path);

/**
 * Makes the missing folders of `dir` one level at a time, recording each in `made`. (Node 20's recursive mkdirSync
 * never returns for a folder under /proc.)
 */
function makeFolders(dir: string, made: string[]): void {
  const missing: string[] = [];
  for (let at = dir; !existsSync(at); at = dirname(at)) {
    // A root that does not exist (an unmapped drive): nothing can be made under it.
    if (dirname(at) === at) throw Object.assign(new Error(`${at} does not exist`), { code: 'ENOENT' });
    missing.unshift(at);
  }
  for (const folder of missing) {
    mkdirSync(folder);
    made.push(folder);
  }
}

/**
 * Writes every file, or none: not when any exists already (exit 2, naming them), and what was written is removed
 * again when a later file cannot be (exit 2, naming it and why).
 */
function writeAll(root: string, files: readonly ScaffoldFile[], io: Io, lang: Lang): number {
  const t = messages[lang];
  const existing = files.map((f) => join(root, f.path)).filter((path) => existsSync(path));
  if (existing.length > 0) {
    io.stderr(t.exists(existing.map((path) => shown(io, path))));
    return 2;
  }
  const folders: string[] = [];
  const written: string[] = [];
  let current = root;
  try {
    for (const file of files) {
      current = join(root, file.path);
      makeFolders(dirname(current), folders);
      writeFileSync(current, file.content, { flag: 'wx' });
      written.push(current);
    }
  } catch (error) {
    for (const path of written.reverse()) unlinkSync(path);
    for (const folder of folders.reverse()) rmdirSync(folder);
    io.stderr(t.cannotWrite(shown(io, current), (error as NodeJS.ErrnoException).code ?? String(error)));
    return 2;
  }
  return 0;
}

export interface InitOptions {
  dir?: string;
  name?: string;
  publisher?: string;
  lang: Lang;
  root: string;
  version: string;
}

export function runInit(options: InitOptions, io: Io): number {
  const t = messages[options.lang];
  const target = resolve(io.cwd, options.root, options.dir ?? '.');
  if (existsSync(target) && !statSync(target).isDirectory()) {
    io.stderr(t.notFolder(shown(io, target)));
    return 2;
  }
  const files = publicationFiles({ name: options.name, publisher: options.publisher, today: today(), version: options.version });
  const code = writeAll(target, files, io, options.lang);
  if (code !== 0) return code;
  const issue = files.find((f) => f.path.endsWith('/issue.yml'))!.path.split('/')[1]!;
  const cd = target === io.cwd ? '' : shown(io, target);
  io.stdout(
    `${t.created(publicationNames(options).name)}\n${files.map((f) => `  ${shown(io, join(target, f.path))}\n`).join('')}` +
      t.next([...(cd ? [`cd ${cd}`] : []), 'gazette check', `gazette build ${issue}`, 'gazette preview ' + issue]),
  );
  return 0;
}

/**
 * The project's gazette.yml and issues, or exit 2 with the setup problem reported as `check` reports it. A
 * documents/ folder without issues is an empty project when `emptyIsFine` (where `new issue` starts).
 */
async function loadOrReport(root: string, targets: string[], io: Io, lang: Lang, emptyIsFine = false): Promise<Project | 'empty' | number> {
  const loaded = loadProject(createNodeHost(root, { cache: false }), targets);
  if ('project' in loaded) return loaded.project;
  if (emptyIsFine && loaded.setup.code === 'issues-missing') return 'empty';
  io.stderr(await formatDiagnostics('pretty', [...loaded.diagnostics, setupDiagnostic(loaded.setup, root)], { lang, color: useColor(io) }));
  return 2;
}

export interface NewIssueOptions {
  published?: string;
  year?: number;
  number?: number;
  lang: Lang;
  root: string;
}

export async function runNewIssue(options: NewIssueOptions, io: Io): Promise<number> {
  const t = messages[options.lang];
  const root = resolve(io.cwd, options.root);
  const published = options.published ?? today();
  if (!isRealIsoDate(published)) {
    io.stderr(t.badDate(published));
    return 2;
  }
  const project = await loadOrReport(root, [], io, options.lang, true);
  if (typeof project === 'number') return project;
  const issues = project === 'empty' ? [] : project.issues;
  const broken = issues.filter((issue) => !issue.file).map((issue) => issue.id);
  if (broken.length > 0) {
    io.stderr(t.brokenIssues(broken));
    return 2;
  }
  const metas = issues.map((issue) => issue.file!.meta);
  const meta = nextIssue(metas, { published, ...(options.year ? { year: options.year } : {}), ...(options.number ? { number: options.number } : {}) });
  const id = issueId(meta);
  const clash = metas.find((m) => m.year === meta.year && m.number === meta.number);
  if (clash) {
    io.stderr(t.issueTaken(id, `documents/${clash.id}`));
    return 2;
  }
  const file = issueFile(meta);
  const code = writeAll(root, [file], io, options.lang);
  if (code !== 0) return code;
  // With no issue yet, gazette.yml has not been read (nor needed): the id alone names the issue.
  const label = project === 'empty' ? id : t.issue(issueTitle(project.publication, { id, ...meta }), id);
  io.stdout(`${t.created(label)}\n  ${shown(io, join(root, file.path))}\n${t.next([t.addDocuments(id)])}`);
  // Filled in before later issues, it may take a running total they hold: each that would clash moves on by one.
  const moves = totalsToMove(metas, meta);
  if (moves.length > 0) io.stderr(t.totalsMove(moves));
  return 0;
}

export interface NewDocumentOptions {
  issue: string;
  category: string;
  issuer?: string;
  lang: Lang;
  root: string;
}

export async function runNewDocument(options: NewDocumentOptions, io: Io): Promise<number> {
  const t = messages[options.lang];
  const root = resolve(io.cwd, options.root);
  const project = await loadOrReport(root, [options.issue], io, options.lang);
  if (typeof project !== 'object') return 2;
  const { publication } = project;
  const issue = project.issues.find((i) => i.id === options.issue)!;
  if (!issue.file) {
    io.stderr(t.noIssueMeta(options.issue));
    return 2;
  }
  const section = publication.sections.find((s) => s.name === options.category);
  if (!section) {
    io.stderr(t.unknownSection(options.category, publication.sections.map((s) => s.name).join('、')));
    return 2;
  }
  const issuer = options.issuer === undefined ? publication.issuers[0] : publication.issuers.find((i) => i.name === options.issuer || i.aliases.includes(options.issuer!));
  if (!issuer) {
    io.stderr(options.issuer === undefined ? t.noIssuers : t.unknownIssuer(options.issuer, publication.issuers.map((i) => i.name).join('、')));
    return 2;
  }
  const { meta } = issue.file;
  const numbers = project.issues.flatMap((i) => i.documents.map((doc) => doc.fields.get('number')?.value)).filter((n): n is string => typeof n === 'string');
  const number = suggestedNumber({ issue: meta, section, issuer, numbers });
  if (typeof number === 'object') {
    io.stderr(t.noCode(number.issuer));
    return 2;
  }
  // A document is not dated after the issue it appears in (B4).
  const date = [today(), meta.published].sort()[0]!;
  const taken = new Set(readdirSync(join(root, 'documents', issue.id)));
  const file = documentFile({ issue: meta, section, issuer, date, ...(number ? { number } : {}), taken });
  const code = writeAll(root, [file], io, options.lang);
  if (code !== 0) return code;
  io.stdout(`${t.created(t.document(shown(io, join(root, file.path)), section.name, number))}\n${t.next([t.fillIn])}`);
  return 0;
}

/** The later issues whose running totals must move on for `added` to take its place: each as long as they clash. */
function totalsToMove(issues: readonly IssueMeta[], added: Pick<IssueMeta, 'year' | 'number' | 'total'>): { id: string; total: number }[] {
  const later = issues.filter((issue) => issue.year > added.year || (issue.year === added.year && issue.number > added.number)).sort((a, b) => a.year - b.year || a.number - b.number);
  const moves: { id: string; total: number }[] = [];
  let total = added.total;
  for (const issue of later) {
    if (issue.total > total) break;
    total += 1;
    moves.push({ id: issue.id, total });
  }
  return moves;
}
