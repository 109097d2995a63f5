/** The only module that sequences the stages: load → parse → validate → order → paginate → render. */
import type { Host } from './host/host.js';
import type { Diagnostic } from './diagnostics/diagnostic.js';
import { hasErrors } from './diagnostics/diagnostic.js';
import { sortDiagnostics } from './diagnostics/sink.js';
import { loadProject, type Project, type SetupProblem } from './load/index.js';
import { validate } from './validate/index.js';
import { order } from './order/index.js';
import { parseBodies } from './parse/index.js';
import type { Gazette } from './model/gazette.js';

// Layout and rendering load fontkit, pdfkit and unified: imported on first use so `gazette check` starts fast.
const stages = () =>
  Promise.all([import('./theme/index.js'), import('./fonts/index.js'), import('./paginate/index.js'), import('./render/pdf/index.js'), import('./render/html/index.js')]);

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

/** Validates the given issues (all when empty) without parsing Markdown bodies: the fast CI gate. */
export function check(host: Host, issues: readonly string[]): CheckResult {
  const loaded = loadProject(host, issues);
  if ('setup' in loaded) return { setup: loaded.setup, diagnostics: sortDiagnostics(loaded.diagnostics) };
  const targets = new Set(issues.length > 0 ? issues : loaded.project.issues.map((issue) => issue.id));
  const validated = validate(loaded.project, targets);
  return { project: loaded.project, diagnostics: sortDiagnostics([...loaded.diagnostics, ...validated.diagnostics].filter((d) => concerns(d, targets))) };
}


export type OutputFormat = 'pdf' | 'html';

export interface CompileOptions {
  issue: string;
  /** Build despite validation errors, marking every page as a draft. */
  draft: boolean;
  formats: readonly OutputFormat[];
  /** Link from the HTML edition to the PDF (relative URL). */
  pdfHref?: string;
  /** Template set under templates/ (default: `default`). */
  template?: string;
}

export interface CompileResult {
  setup?: SetupProblem;
  diagnostics: Diagnostic[];
  gazette?: Gazette;
  /** Printed body page of each document id. */
  pageOf?: ReadonlyMap<string, number>;
  /** Number of body pages (cover and TOC excluded). */
  bodyPages?: number;
  pdf?: Uint8Array;
  html?: { html: string; css: string };
}

/** Reads a template file from the user's project, falling back to the templates bundled with gazette. */
function readTemplate(host: Host, path: string): { path: string; text: string } | undefined {
  const bytes = host.readBytes(path) ?? host.readAsset(`gazette:${path}`);
  return bytes ? { path, text: new TextDecoder().decode(bytes) } : undefined;
}

/** Loads, validates and orders one issue with Markdown bodies: the input of layout and of the HTML edition. */
export async function loadGazette(host: Host, issue: string, draft = false): Promise<{ setup?: SetupProblem; diagnostics: Diagnostic[]; gazette?: Gazette }> {
  const loaded = loadProject(host, [issue]);
  if ('setup' in loaded) return { setup: loaded.setup, diagnostics: sortDiagnostics(loaded.diagnostics) };
  const source = loaded.project.issues.find((i) => i.id === issue);
  if (source) source.documents = await parseBodies(source.documents, host.cache);
  const targets = new Set([issue]);
  const validated = validate(loaded.project, targets);
  const diagnostics = sortDiagnostics([...loaded.diagnostics, ...validated.diagnostics].filter((d) => concerns(d, targets)));
  const meta = source?.file?.meta;
  if (!meta || (hasErrors(diagnostics) && !draft)) return { diagnostics };
  return { diagnostics, gazette: order(validated.value.get(issue) ?? [], loaded.project.publication, meta) };
}

/**
 * Compiles one issue: validation errors stop the build before layout unless `draft`. Layout always runs, because
 * the HTML edition prints the PDF's page numbers; the PDF is drawn only when asked for.
 */
export async function compile(host: Host, options: CompileOptions): Promise<CompileResult> {
  const loaded = await loadGazette(host, options.issue, options.draft);
  if (loaded.setup || !loaded.gazette) return loaded;
  const { gazette } = loaded;
  const diagnostics = [...loaded.diagnostics];
  const [{ parseTheme }, { loadFonts }, { paginate }, { renderPdf }, { renderHtml }] = await stages();
  const templateDir = `templates/${options.template ?? 'default'}`;
  const themeFile = readTemplate(host, `${templateDir}/theme.yml`);
  if (!themeFile) return { setup: { code: 'template-missing', args: { file: `${templateDir}/theme.yml` } }, diagnostics };
  const theme = parseTheme(themeFile.text, themeFile.path);
  diagnostics.push(...theme.diagnostics);
  if (hasErrors(theme.diagnostics)) return { diagnostics: sortDiagnostics(diagnostics), gazette };
  const fonts = loadFonts(theme.value, host);
  diagnostics.push(...fonts.diagnostics);
  if (hasErrors(fonts.diagnostics)) return { diagnostics: sortDiagnostics(diagnostics), gazette };
  const paged = paginate(gazette, theme.value, fonts.value, { draft: options.draft });
  diagnostics.push(...paged.diagnostics);
  if (hasErrors(paged.diagnostics) && !options.draft) return { diagnostics: sortDiagnostics(diagnostics), gazette };
  const result: CompileResult = { diagnostics: sortDiagnostics(diagnostics), gazette, pageOf: paged.value.pageOf, bodyPages: paged.value.pages.filter((page) => page.kind === 'body').length };
  if (options.formats.includes('pdf')) result.pdf = await renderPdf(paged.value, fonts.value);
  if (options.formats.includes('html')) {
    const page = readTemplate(host, `${templateDir}/html/page.html`);
    const css = readTemplate(host, `${templateDir}/html/style.css`);
    if (!page || !css) return { setup: { code: 'template-missing', args: { file: `${templateDir}/html/` } }, diagnostics: result.diagnostics };
    result.html = renderHtml(gazette, {
      pageOf: paged.value.pageOf,
      template: { page: page.text, css: css.text },
      draft: options.draft,
      ...(options.pdfHref ? { pdfHref: options.pdfHref } : {}),
    });
  }
  return result;
}
