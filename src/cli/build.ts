/** `gazette build`: compile one issue and write the PDF and HTML edition atomically, with a short summary. */
import { isAbsolute, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { compile } from '../pipeline.js';
import type { OutputFormat } from '../write/index.js';
import { formatDiagnostics, type Lang } from '../report/index.js';
import { setupDiagnostic } from './setup.js';
import { shown } from '../diagnostics/diagnostic.js';
import { issueTitle } from '../shared/labels.js';
import { displayPaths, openProject, useColor, writeFileAtomic, type Io } from './io.js';

export interface BuildOptions {
  issue: string;
  out?: string;
  draft: boolean;
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
  },
  en: {
    working: (issue: string) => `Typesetting ${issue}…`,
    refused: (n: number) => `✖ ${n} error${n === 1 ? '' : 's'} found; nothing was written (fix them, or use --draft)\n`,
    done: (name: string) => `✔ Built ${name}`,
    stats: (docs: number, pages: number, seconds: string) => `  ${docs} documents, ${pages} body pages, ${seconds} s`,
  },
};

/** A written file as the user can find it: relative to the current folder when inside it, else absolute. */
function shownPath(cwd: string, path: string): string {
  const shown = relative(cwd, path);
  return shown && !shown.startsWith('..') && !isAbsolute(shown) ? shown : path;
}

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
  });
  if (io.isTTY) io.stderr('\x1b[2K\r');
  const diagnostics = shown(result.setup ? [...result.diagnostics, setupDiagnostic(result.setup)] : result.diagnostics);
  if (diagnostics.length > 0)
    io.stderr(await formatDiagnostics('pretty', displayPaths(root, io.cwd).diagnostics(diagnostics), { lang: options.lang, color: useColor(io) }));
  if (result.setup) return 2;
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  if ((errors > 0 && !options.draft) || !result.files || !result.gazette) {
    io.stderr(t.refused(Math.max(errors, 1)));
    return 1;
  }
  const written: string[] = [];
  for (const file of result.files) {
    writeFileAtomic(resolve(outDir, file.path), file.data);
    // The summary names each edition's main file, not its stylesheet and images.
    if (!file.path.includes('/') && !file.path.endsWith('.css')) written.push(resolve(outDir, file.path));
  }
  const { issue, publication } = result.gazette;
  const documents = result.gazette.sections.reduce((n, s) => n + s.documents.length, 0);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  io.stdout(
    [
      t.done(`${issueTitle(publication, issue)}${options.draft ? (options.lang === 'zh' ? '【草稿】' : ' [draft]') : ''}`),
      t.stats(documents, result.bodyPages ?? 0, seconds),
      ...written.map((path) => `  ${shownPath(io.cwd, path)}`),
      '',
    ].join('\n'),
  );
  return 0;
}
