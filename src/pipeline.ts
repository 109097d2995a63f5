/**
 * The only module that sequences the stages: load → parse → read → validate → order → paginate → write.
 * Each document is read into the document model once; layout and every writer consume that one reading.
 */
import { isFileError, type FileError, type Host } from './host/host.js';
import type { Diagnostic } from './diagnostics/diagnostic.js';
import { hasErrors, shown } from './diagnostics/diagnostic.js';
import { sortDiagnostics } from './diagnostics/sink.js';
import { loadProject, loadPublication, type Project, type SetupProblem } from './load/index.js';
import { validate } from './validate/index.js';
import { annualIndex, order, type LaidOutIssue } from './order/index.js';
import type { AnnualIndex } from './model/annual.js';
import { parseBodies } from './parse/index.js';
import { readBodies } from './read/index.js';
import { missingGlyphs, readCoverage, type Coverage } from './coverage/index.js';
import { readTable } from './shared/woff.js';
import type { Gazette } from './model/gazette.js';
import { annualWriter, isFormat, writers, type OutputFile, type OutputFormat, type Writer } from './write/index.js';
import type { ImportedDocument, ImportInput } from './import/index.js';
import { numberKey } from './shared/number.js';
import { digestInputs, type Input } from './archive/index.js';
import type { BuildMemo } from './shared/build-memo.js';
import { append } from './shared/arrays.js';

// Layout loads fontkit; writers load pdfkit and hast tools: imported on first use so `gazette check` starts fast.
// `check` needs the theme and the list of printed strings, not the font engine.
const themeStages = () => Promise.all([import('./theme/index.js'), import('./paginate/index.js')]);
const layoutStages = () => Promise.all([import('./theme/index.js'), import('./fonts/index.js'), import('./paginate/index.js')]);

/** Whether a diagnostic belongs to one of the target issues (or to no issue, like gazette.yml problems). */
function concerns(diagnostic: Diagnostic, targets: ReadonlySet<string>): boolean {
  const issue = /^documents\/([^/]+)\//.exec(diagnostic.span?.file ?? '')?.[1];
  return issue === undefined || targets.has(issue);
}

export interface CheckResult {
  setup?: SetupProblem;
  diagnostics: Diagnostic[];
  project?: Project;
}

/**
 * Loads the project and validates the target issues (all when `issues` is empty). Every target document's body
 * is parsed and read, so `check` finds everything `build` would refuse before layout.
 */
async function loadAndValidate(
  host: Host,
  issues: readonly string[],
  memo?: BuildMemo,
  // A caller that loaded the project already (to pick the issues) passes it rather than read every file again.
  loaded: ReturnType<typeof loadProject> = loadProject(host, issues, memo),
): Promise<CheckResult & { validated?: ReturnType<typeof validate> }> {
  if ('setup' in loaded) return { setup: loaded.setup, diagnostics: sortDiagnostics(loaded.diagnostics) };
  const { project } = loaded;
  const targets = new Set(issues.length > 0 ? issues : project.issues.map((issue) => issue.id));
  const diagnostics = [...loaded.diagnostics];
  for (const issue of project.issues) {
    if (!targets.has(issue.id)) continue;
    const read = readBodies(await parseBodies(issue.documents, host.cache, memo), (path) => host.readFile(path), memo);
    issue.documents = read.value;
    append(diagnostics, read.diagnostics);
  }
  const validated = validate(project, targets, memo);
  append(diagnostics, validated.diagnostics);
  return { project, validated, diagnostics: sortDiagnostics(diagnostics.filter((d) => concerns(d, targets))) };
}

/**
 * Validates the given issues (all when empty): the CI gate. Past the rules, it checks what only the layout would
 * otherwise find: the template, its fonts, and that every printed character has a glyph (from the fonts' cmaps).
 */
export async function check(host: Host, issues: readonly string[]): Promise<CheckResult> {
  const { validated, ...result } = await loadAndValidate(host, issues);
  if (!result.project || !validated) return result;
  const diagnostics = [...result.diagnostics];
  const [{ parseTheme, resolveTemplate }, { printedTexts, sourcesOf }] = await themeStages();
  const { publication } = result.project;
  const resolved = resolveTemplate(publication.template ?? 'default', (path) => readTemplate(host, path));
  if ('missing' in resolved) return { ...result, setup: templateProblem(host, resolved.missing) };
  const theme = parseTheme(resolved.layers);
  diagnostics.push(...theme.diagnostics);
  if (!theme.value) return { ...result, diagnostics: sortDiagnostics(diagnostics) };
  const faces = new Map<string, { has: Coverage; ref: string }>();
  for (const [key, ref] of Object.entries(theme.value.fonts)) {
    // Only the glyph map is read, not the whole font file.
    let failure: FileError | undefined;
    const part = (start: number, length: number): Uint8Array | undefined => {
      const bytes = host.readAssetPart ? host.readAssetPart(ref, start, length) : host.readAsset(ref);
      if (isFileError(bytes)) failure ??= bytes;
      return isFileError(bytes) ? undefined : host.readAssetPart ? bytes : bytes.subarray(start, start + length);
    };
    const cmap = readTable(part, 'cmap');
    const span = theme.value.fontSpans.get(key);
    const has = cmap && readCoverage(cmap);
    if (has) faces.set(key, { has, ref });
    else diagnostics.push({ code: failure === 'ENOENT' ? 'font-missing' : 'font-invalid', severity: 'error', ...(span ? { span } : {}), args: { font: key, ref, reason: failure ?? 'cmap' } });
  }
  for (const issue of result.project.issues) {
    const documents = validated.value.get(issue.id);
    if (!documents || !issue.file) continue;
    const gazette = order(documents, publication, issue.file.meta);
    diagnostics.push(...missingGlyphs(printedTexts(gazette, theme.value, false), faces, sourcesOf(gazette)));
  }
  return { ...result, diagnostics: sortDiagnostics(diagnostics) };
}

export interface CompileOptions {
  issue: string;
  /** Build despite validation errors, marking every page as a draft. */
  draft: boolean;
  formats: readonly OutputFormat[];
  /** Template folder under templates/; default: gazette.yml `template`, else `default`. */
  template?: string;
  /** Layout of the previous build, kept by a process that rebuilds on every save (the preview). */
  memo?: BuildMemo;
  /** Editions to write only when asked for (see `CompileResult.later`): the preview's PDF, fetched on demand. */
  defer?: readonly OutputFormat[];
  /**
   * A proof: every diagnostic and every loose line gets a numbered margin mark and a note listed at the end, the
   * note's text as this function words it (the CLI, in the user's language).
   */
  proof?: (diagnostic: Diagnostic) => string;
}

export interface CompileResult {
  setup?: SetupProblem;
  diagnostics: Diagnostic[];
  gazette?: Gazette;
  /** Printed body page of each document id. */
  pageOf?: ReadonlyMap<string, number>;
  /** Number of body pages (cover and TOC excluded). */
  bodyPages?: number;
  /** Printed body pages of each document, first to last. */
  documentPages?: ReadonlyMap<string, { first: number; last: number }>;
  /** A draft's documents that errors kept out of it (project-relative paths). */
  omitted?: string[];
  /** The files of every edition asked for, relative to the output folder. */
  files?: OutputFile[];
  /** Writes a deferred edition from this build's layout. */
  later?: Partial<Record<OutputFormat, () => Promise<OutputFile[]>>>;
}

/**
 * Why a template file could not be had: missing (neither the project nor gazette has it), or the project's own copy
 * is there but unreadable (no permission, a symlink loop, a folder), which must not pass for missing.
 */
function templateProblem(host: Host, file: string): SetupProblem {
  const own = host.readFile(file);
  if (isFileError(own) && own !== 'ENOENT' && own !== 'ENOTDIR') return { code: 'template-unreadable', args: { file, error: own, remedy: `remedy-${own}` } };
  // No theme.yml at all: the name is unknown (a typo in --template, template or extends), and the known are listed.
  const template = /^templates\/([^/]+)\/theme\.yml$/.exec(file)?.[1];
  const known = template === undefined ? [] : templateNames(host);
  return { code: 'template-missing', args: { file, ...(template !== undefined && known.length > 0 ? { template, known: known.join('、') } : {}) } };
}

/** The templates there are, the project's and gazette's own: folders of templates/ that hold a theme.yml. */
function templateNames(host: Host): string[] {
  const names = new Set<string>();
  const own = host.listDir('templates');
  if (!isFileError(own)) for (const name of own) if (!isFileError(host.readFile(`templates/${name}/theme.yml`))) names.add(name);
  const bundled = host.listAssets?.('gazette:templates');
  if (bundled && !isFileError(bundled)) for (const name of bundled) if (!isFileError(host.readAsset(`gazette:templates/${name}/theme.yml`))) names.add(name);
  return [...names].sort();
}

/** Reads a template file from the user's project, falling back to the templates bundled with gazette. */
function readTemplate(host: Host, path: string): string | undefined {
  const own = host.readFile(path);
  const bytes = own === 'ENOENT' || own === 'ENOTDIR' ? host.readAsset(`gazette:${path}`) : own;
  return isFileError(bytes) ? undefined : new TextDecoder().decode(bytes);
}

/** A project loaded and validated for some issues: what each of their builds starts from. */
export type PreparedProject = Awaited<ReturnType<typeof loadAndValidate>>;

/**
 * Loads the project once and validates `issues` (all when empty), for compiling them one after another; with a
 * memo, what an earlier build read of an unchanged document is reused.
 */
export function prepare(host: Host, issues: readonly string[], memo?: BuildMemo): Promise<PreparedProject> {
  return loadAndValidate(host, issues, memo);
}

/**
 * One issue of a prepared project, ordered, with the diagnostics that concern it. A draft says which of the issue's
 * files its errors kept out (no title, an unknown section, front matter that does not parse), so none goes unseen.
 */
function gazetteOf(prepared: PreparedProject, issue: string, draft: boolean): { setup?: SetupProblem; diagnostics: Diagnostic[]; gazette?: Gazette; omitted?: string[] } {
  const diagnostics = prepared.diagnostics.filter((d) => concerns(d, new Set([issue])));
  if (prepared.setup || !prepared.project || !prepared.validated) return { ...(prepared.setup ? { setup: prepared.setup } : {}), diagnostics };
  const meta = prepared.project.issues.find((i) => i.id === issue)?.file?.meta;
  if (!meta || (hasErrors(diagnostics) && !draft)) return { diagnostics };
  const gazette = order(prepared.validated.value.get(issue) ?? [], prepared.project.publication, meta);
  if (!draft) return { diagnostics, gazette };
  const printed = new Set(gazette.sections.flatMap((section) => section.documents.map((doc) => doc.file.path)));
  const folder = `documents/${issue}/`;
  const isDocument = (file: string): boolean => file.startsWith(folder) && !file.slice(folder.length).includes('/') && file.toLowerCase().endsWith('.md');
  const omitted = [...new Set(diagnostics.flatMap((d) => (d.severity === 'error' && d.span && isDocument(d.span.file) && !printed.has(d.span.file) ? [d.span.file] : [])))].sort();
  return { diagnostics, gazette, omitted };
}

/** Loads, validates and orders one issue: the input of layout and of every writer. */
export async function loadGazette(host: Host, issue: string, draft = false): Promise<{ setup?: SetupProblem; diagnostics: Diagnostic[]; gazette?: Gazette }> {
  return gazetteOf(await loadAndValidate(host, [issue]), issue, draft);
}

/**
 * A digest per issue of everything its output depends on: gazette's version and the build options, gazette.yml,
 * every issue's issue.yml and every document's front matter (the rules across issues read them), every file in
 * the issue's folder, the template's files and the fonts. An issue whose digest is unchanged builds the same bytes.
 */
export async function issueDigests(host: Host, project: Project, issues: readonly string[], options: Omit<CompileOptions, 'issue'>, version: string): Promise<Map<string, string>> {
  const digests = new Map<string, string>();
  const shared: Input[] = [
    ['version', version],
    ['options', JSON.stringify({ draft: options.draft, formats: options.formats, template: options.template ?? null })],
    ['documents/gazette.yml', host.readFile('documents/gazette.yml')],
  ];
  for (const issue of project.issues) {
    shared.push([`documents/${issue.id}/issue.yml`, host.readFile(`documents/${issue.id}/issue.yml`)]);
    for (const doc of issue.documents) shared.push([doc.file.path, doc.file.text.slice(0, doc.file.text.length - doc.bodyText.length)]);
  }
  const [{ parseTheme, resolveTemplate }] = await themeStages();
  const resolved = resolveTemplate(options.template ?? project.publication.template ?? 'default', (path) => readTemplate(host, path));
  if (!('missing' in resolved)) {
    for (const layer of resolved.layers) shared.push([layer.path, layer.text]);
    for (const path of ['html/page.html', 'html/style.css']) shared.push([path, resolved.file(path) ?? '']);
    for (const ref of Object.values(parseTheme(resolved.layers).value?.fonts ?? {})) {
      // A missing font file counts by its error code: adding the file later changes the digest.
      shared.push([ref, host.readAsset(ref)]);
    }
  }
  // The shared part is hashed once, then each issue's own files on top of it.
  const base = digestInputs(shared);
  const folderFiles = (dir: string): Input[] => {
    const names = host.listDir(dir);
    if (isFileError(names)) return [];
    return names.flatMap((name) => {
      const path = `${dir}/${name}`;
      const read = host.readFile(path);
      return read === 'EISDIR' ? folderFiles(path) : [[path, read] as const];
    });
  };
  for (const issue of issues) digests.set(issue, digestInputs([['project', base], ...folderFiles(`documents/${issue}`)]));
  return digests;
}

/** The files an edition is written as. */
export function outputNames(issue: string): { pdf: string; html: string } {
  return { pdf: `gazette-${issue}.pdf`, html: 'index.html' };
}

/**
 * Compiles one issue: validation errors stop the build before layout unless `draft`. Layout always runs, because
 * the HTML edition prints the PDF's page numbers; each asked-for writer then serialises the same model and pages.
 */
export async function compile(host: Host, options: CompileOptions): Promise<CompileResult> {
  options.memo?.begin();
  return compileIssue(host, await prepare(host, [options.issue], options.memo), options);
}

/** The writers of the asked-for formats, and of those their files link to (the per-document pages use the HTML stylesheet). */
async function loadEditions(formats: readonly OutputFormat[]): Promise<Writer[]> {
  const asked = await Promise.all(formats.map(async (format) => writers[format]()));
  const needed = asked.flatMap((writer) => writer.needs ?? []).filter((name): name is OutputFormat => isFormat(name) && !formats.includes(name));
  return [...asked, ...(await Promise.all([...new Set(needed)].map(async (format) => writers[format]())))];
}

/** Compiles one issue of a prepared project (an archive build prepares once for all its issues). */
export async function compileIssue(host: Host, prepared: PreparedProject, options: CompileOptions): Promise<CompileResult> {
  const loaded = gazetteOf(prepared, options.issue, options.draft);
  if (loaded.setup || !loaded.gazette) return loaded;
  const { gazette } = loaded;
  const diagnostics = [...loaded.diagnostics];
  const [{ parseTheme, resolveTemplate }, { loadFonts }, { paginate, looseLines, proofLayout }] = await layoutStages();
  const name = options.template ?? gazette.publication.template ?? 'default';
  const resolved = resolveTemplate(name, (path) => readTemplate(host, path));
  if ('missing' in resolved) return { setup: templateProblem(host, resolved.missing), diagnostics };
  const template = resolved.file;
  const editions = await loadEditions(options.formats);
  if (editions.some((writer) => writer.name === 'html')) {
    const missing = ['html/page.html', 'html/style.css'].find((path) => template(path) === undefined);
    if (missing) return { setup: templateProblem(host, `templates/${name}/${missing}`), diagnostics };
  }
  // The preview's memo keeps the parsed theme while its files read the same (a YAML parse of each on every save).
  const layers = resolved.layers;
  const theme = options.memo ? options.memo.get(`theme\u0000${layers.map(({ path, text }) => `${path}\u0000${text}`).join('\u0000')}`, () => parseTheme(layers)) : parseTheme(layers);
  diagnostics.push(...theme.diagnostics);
  if (!theme.value) return { diagnostics: sortDiagnostics(diagnostics), gazette };
  const fonts = loadFonts(theme.value, host);
  diagnostics.push(...fonts.diagnostics);
  if (hasErrors(fonts.diagnostics)) return { diagnostics: sortDiagnostics(diagnostics), gazette };
  const paged = paginate(gazette, theme.value, fonts.value, { draft: options.draft, ...(options.memo ? { memo: options.memo } : {}) });
  diagnostics.push(...paged.diagnostics);
  if (hasErrors(paged.diagnostics) && !options.draft) return { diagnostics: sortDiagnostics(diagnostics), gazette };
  // A web font's outlines were inflated while layout ran; writers need them.
  const outlines = await fonts.value.complete();
  diagnostics.push(...outlines);
  if (hasErrors(outlines)) return { diagnostics: sortDiagnostics(diagnostics), gazette };
  let laidOut = paged.value;
  if (options.proof) {
    const loose = looseLines(laidOut, theme.value.maxLetterSpacing);
    const word = options.proof;
    const notes = [...shown(sortDiagnostics(diagnostics)).map((diagnostic) => ({ diagnostic })), ...loose].map((note) => ({ ...note, text: word(note.diagnostic) }));
    diagnostics.push(...loose.map((note) => note.diagnostic));
    laidOut = proofLayout(laidOut, theme.value, fonts.value, notes);
  }
  const context = {
    gazette,
    paged: laidOut,
    fonts: fonts.value,
    theme: theme.value,
    template,
    draft: options.draft,
    names: outputNames(options.issue),
    withPdf: options.formats.includes('pdf') || (options.defer ?? []).includes('pdf'),
    ...(options.memo ? { memo: options.memo } : {}),
  };
  const files: OutputFile[] = [];
  // Editions that list the others run last, given what those wrote.
  for (const writer of [...editions.filter((w) => !w.lists), ...editions.filter((w) => w.lists)]) files.push(...(await writer.write({ ...context, written: [...files] })));
  const later = Object.fromEntries((options.defer ?? []).map((format) => [format, async () => (await writers[format]()).write({ ...context, written: [] })]));
  return {
    diagnostics: sortDiagnostics(diagnostics),
    gazette,
    ...(loaded.omitted ? { omitted: loaded.omitted } : {}),
    pageOf: paged.value.pageOf,
    documentPages: paged.value.documentPages,
    bodyPages: paged.value.pages.filter((page) => page.kind === 'body').length,
    files,
    ...(options.defer ? { later } : {}),
  };
}

export interface AnnualResult {
  setup?: SetupProblem;
  diagnostics: Diagnostic[];
  index?: AnnualIndex;
  /** `index-<year>.pdf`, `index.html`, `style.css`. */
  files?: OutputFile[];
}

/**
 * The annual index (年度总目录) of `year`: every issue whose issue.yml says that year is checked and laid out as
 * its build would lay it out, so every page reference is the page the issue prints; any error refuses the index.
 */
export async function compileAnnualIndex(host: Host, year: number, options: { template?: string; issueHref?: (issue: string) => string } = {}): Promise<AnnualResult> {
  const loaded = loadProject(host, []);
  if ('setup' in loaded) return { setup: loaded.setup, diagnostics: sortDiagnostics(loaded.diagnostics) };
  const { project } = loaded;
  // An issue whose issue.yml cannot be read might be of this year: the index is refused rather than go without it.
  const unknown = project.issues.filter((issue) => !issue.file).map((issue) => `documents/${issue.id}/`);
  const unknownYear = loaded.diagnostics.filter((d) => unknown.some((dir) => d.span?.file.startsWith(dir)));
  if (unknown.length > 0 && hasErrors(unknownYear)) return { diagnostics: sortDiagnostics(unknownYear) };
  const issues = project.issues.filter((issue) => issue.file?.meta.year === year).sort((a, b) => a.file!.meta.number - b.file!.meta.number);
  if (issues.length === 0) {
    const years = [...new Set(project.issues.flatMap((issue) => (issue.file ? [issue.file.meta.year] : [])))].sort();
    return { setup: { code: 'year-without-issues', args: { year: String(year), years: years.join('、') || '—' } }, diagnostics: [] };
  }
  const ids = issues.map((issue) => issue.id);
  const prepared = await loadAndValidate(host, ids, undefined, loaded);
  const laid: LaidOutIssue[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const id of ids) {
    const result = await compileIssue(host, prepared, { issue: id, draft: false, formats: [], ...(options.template ? { template: options.template } : {}) });
    if (result.setup) return { setup: result.setup, diagnostics: result.diagnostics };
    diagnostics.push(...result.diagnostics);
    if (result.gazette && result.documentPages) laid.push({ gazette: result.gazette, documentPages: result.documentPages });
  }
  if (hasErrors(diagnostics) || laid.length !== ids.length) return { diagnostics: sortDiagnostics(diagnostics) };
  const index = annualIndex(year, laid)!;
  const [{ parseTheme, resolveTemplate }, { loadFonts }, { paginateAnnual, annualReference }] = await layoutStages();
  const resolved = resolveTemplate(options.template ?? project.publication.template ?? 'default', (path) => readTemplate(host, path));
  if ('missing' in resolved) return { setup: templateProblem(host, resolved.missing), diagnostics };
  // The issues were laid out with this theme and these fonts a moment ago: they parse and load.
  const theme = parseTheme(resolved.layers).value!;
  const fonts = loadFonts(theme, host).value;
  const paged = paginateAnnual(index, theme, fonts);
  diagnostics.push(...paged.diagnostics);
  if (hasErrors(paged.diagnostics)) return { diagnostics: sortDiagnostics(diagnostics), index };
  const page = resolved.file('html/page.html');
  const css = resolved.file('html/style.css');
  if (page === undefined || css === undefined) return { setup: templateProblem(host, `templates/${options.template ?? 'default'}/html/${page === undefined ? 'page.html' : 'style.css'}`), diagnostics };
  const write = await annualWriter();
  const files = await write({ index, paged: paged.value, fonts, template: { page, css }, reference: annualReference, ...(options.issueHref ? { issueHref: options.issueHref } : {}) });
  return { diagnostics: sortDiagnostics(diagnostics), index, files };
}

export interface ImportRequest {
  issue: string;
  inputs: readonly ImportInput[];
  /** The section for every imported document (--category). */
  category?: string;
}

export interface ImportRun {
  /** A problem with the project or the request (no documents/, no such issue folder, unknown section): exit 2. */
  setup?: Diagnostic;
  /** Inputs that could not be read as documents (format, encoding): exit 2. */
  diagnostics: Diagnostic[];
  documents: { input: ImportInput; document: ImportedDocument }[];
}

/**
 * Imports files into an issue folder: reads the gazette's sections and issuer registry, and which section the
 * project's documents of each 代字 are in, then recognises each file. Writes nothing; the caller does.
 */
export async function importFiles(host: Host, request: ImportRequest): Promise<ImportRun> {
  const none = { diagnostics: [], documents: [] };
  const setup = (problem: SetupProblem | Diagnostic): ImportRun => ({ ...none, setup: 'severity' in problem ? problem : { code: problem.code, severity: 'error', args: problem.args } });
  const documents = host.listDir('documents');
  if (documents === 'ENOENT' || documents === 'ENOTDIR') return setup({ code: 'documents-missing', args: { dir: 'documents' } });
  if (isFileError(documents)) return setup({ code: 'documents-unreadable', args: { dir: 'documents', error: documents, remedy: `remedy-${documents}` } });
  const dir = `documents/${request.issue}`;
  const folder = host.listDir(dir);
  if (folder === 'ENOENT' || folder === 'ENOTDIR') return setup({ code: 'import-issue-missing', severity: 'error', args: { issue: request.issue, dir } });
  if (isFileError(folder)) return setup({ code: 'documents-unreadable', args: { dir, error: folder, remedy: `remedy-${folder}` } });
  const loaded = loadPublication(host);
  if ('setup' in loaded) return setup(loaded.setup);
  const { publication } = loaded;
  if (request.category !== undefined && !publication.sections.some((section) => section.name === request.category)) {
    return setup({ code: 'category-unknown', severity: 'error', args: { category: request.category, sections: publication.sections.map((section) => section.name).join('、') } });
  }
  // Where the project files each 代字, and how it names the files: a 代字 always filed in one section decides a
  // new document's section, and one always named with one prefix names the new file.
  const sectionsByCode = new Map<string, Set<string>>();
  const prefixes = new Map<string, Set<string>>();
  const project = loadProject(host, []);
  for (const doc of 'project' in project ? project.project.issues.flatMap((issue) => issue.documents) : []) {
    const number = doc.fields.get('number')?.value;
    const category = doc.fields.get('category')?.value;
    const key = typeof number === 'string' ? numberKey(number.trim()) : undefined;
    if (!key) continue;
    if (typeof category === 'string') sectionsByCode.set(key.code, new Set([...(sectionsByCode.get(key.code) ?? []), category.trim()]));
    const named = /^([a-z][a-z0-9-]*)-(\d{4})-(\d+)\.md$/.exec(doc.file.path.slice(doc.file.path.lastIndexOf('/') + 1));
    if (named && Number(named[2]) === key.year && Number(named[3]) === key.sequence) prefixes.set(key.code, new Set([...(prefixes.get(key.code) ?? []), named[1]!]));
  }
  const prefixByCode = new Map([...prefixes].flatMap(([code, set]) => (set.size === 1 ? [[code, [...set][0]!] as const] : [])));
  // mammoth and the HTML parser load only for an import.
  const { importDocument } = await import('./import/index.js');
  const run: ImportRun = { diagnostics: [], documents: [] };
  const taken = new Set<string>();
  for (const input of request.inputs) {
    const imported = await importDocument(input, { publication, sectionsByCode, prefixByCode, issueId: request.issue, taken, ...(request.category !== undefined ? { category: request.category } : {}) });
    run.diagnostics.push(...imported.diagnostics);
    if (!imported.value) continue;
    taken.add(imported.value.name);
    run.documents.push({ input, document: imported.value });
  }
  return run;
}
