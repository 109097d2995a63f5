/** `gazette build`: compile one issue and write the PDF and HTML edition atomically, with a short summary. */
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { compile } from '../pipeline.js';
import type { OutputFormat } from '../write/index.js';
import { formatDiagnostics, proofNote, type Lang } from '../report/index.js';
import { setupDiagnostic } from './setup.js';
import { shown } from '../diagnostics/diagnostic.js';
import { issueTitle } from '../shared/labels.js';
import { displayPaths, openProject, useColor, type Io } from './io.js';
import { shownPath, writeFailed, writeForUser } from './output.js';
import { printable } from '../report/printable.js';
import { updateFeed } from './feed.js';

export interface BuildOptions {
  issue: string;
  out?: string;
  draft: boolean;
  /** Margin notes at every diagnostic and loose line (a draft's proof). */
  proof?: boolean;
  formats: OutputFormat[];
  lang: Lang;
  root: string;
  template?: string;
}

const messages = {
  zh: {
    working: (issue: string) => `正在排版 ${issue}…`,
    refused: (n: number) => `✖ 发现 ${n} 个错误，未生成任何文件（改正后重试，或用 --draft 生成草稿）\n`,
    done: (name: string) => `✔ 已生成 ${name}`,
    stats: (docs: number, pages: number, seconds: string) => `  ${docs} 篇文件，正文 ${pages} 页，用时 ${seconds} 秒`,
    omitted: (n: number) => `  另有 ${n} 篇文件因上列错误未排入草稿：`,
  },
  en: {
    working: (issue: string) => `Typesetting ${issue}…`,
    refused: (n: number) => `✖ ${n} error${n === 1 ? '' : 's'} found; nothing was written (fix them, or use --draft)\n`,
    done: (name: string) => `✔ Built ${name}`,
    stats: (docs: number, pages: number, seconds: string) => `  ${docs} documents, ${pages} body pages, ${seconds} s`,
    omitted: (n: number) => `  ${n} more document${n === 1 ? ' is' : 's are'} left out of the draft by the errors above:`,
  },
};

export async function runBuild(options: BuildOptions, io: Io): Promise<number> {
  const started = performance.now();
  const t = messages[options.lang];
  const root = resolve(io.cwd, options.root);
  // --out is where the user points (relative to the current folder); the default lives in the project.
  const outDir = options.out ? resolve(io.cwd, options.out) : resolve(root, `dist/${options.issue}`);
  if (io.isTTY) io.stderr(`${t.working(options.issue)}\r`);
  const result = await compile(openProject(root, io, options.lang), {
    issue: options.issue,
    draft: options.draft,
    formats: options.formats,
    ...(options.template ? { template: options.template } : {}),
    ...(options.proof ? { proof: (diagnostic) => proofNote(diagnostic, options.lang) } : {}),
  });
  if (io.isTTY) io.stderr('\x1b[2K\r');
  const diagnostics = shown(result.setup ? [...result.diagnostics, setupDiagnostic(result.setup, root)] : result.diagnostics);
  if (diagnostics.length > 0)
    io.stderr(await formatDiagnostics('pretty', displayPaths(root, io.cwd).diagnostics(diagnostics), { lang: options.lang, color: useColor(io) }));
  if (result.setup) return 2;
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  if ((errors > 0 && !options.draft) || !result.files || !result.gazette) {
    io.stderr(t.refused(Math.max(errors, 1)));
    return 1;
  }
  const refused = writeForUser(outDir, result.files, io, options.lang);
  if (refused) return refused;
  // The summary names each edition's main file, not its stylesheet and images.
  const written = result.files.filter((file) => !file.path.includes('/') && !file.path.endsWith('.css')).map((file) => resolve(outDir, file.path));
  // The feed over the built issues lives in dist/, beside them; an issue built elsewhere (--out) has none.
  const feed = !options.out && options.formats.includes('json') ? updateFeed(resolve(root, 'dist')) : undefined;
  if (feed && 'error' in feed) {
    writeFailed(io, options.lang, resolve(root, 'dist/feed.xml'), feed.error);
    return 2;
  }
  if (feed) written.push(feed.path);
  const { issue, publication } = result.gazette;
  const documents = result.gazette.sections.reduce((n, s) => n + s.documents.length, 0);
  const omitted = result.omitted ?? [];
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  io.stdout(
    [
      t.done(`${printable(issueTitle(publication, issue))}${options.draft ? (options.lang === 'zh' ? '【草稿】' : ' [draft]') : ''}`),
      t.stats(documents, result.bodyPages ?? 0, seconds),
      ...written.map((path) => `  ${shownPath(io.cwd, path)}`),
      ...(omitted.length > 0 ? [t.omitted(omitted.length), ...omitted.map((path) => `    ${shownPath(io.cwd, resolve(root, path))}`)] : []),
      '',
    ].join('\n'),
  );
  return 0;
}
