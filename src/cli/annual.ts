/** `gazette index <year>`: the annual index, written atomically as one set into dist/index-<year>/. */
import { relative, resolve, sep } from 'node:path';
import { compileAnnualIndex } from '../pipeline.js';
import { formatDiagnostics, type Lang } from '../report/index.js';
import { shown } from '../diagnostics/diagnostic.js';
import { printable } from '../report/printable.js';
import { setupDiagnostic } from './setup.js';
import { displayPaths, openProject, useColor, type Io } from './io.js';
import { shownPath, writeForUser } from './output.js';

export interface AnnualOptions {
  year: number;
  out?: string;
  lang: Lang;
  root: string;
  template?: string;
}

const messages = {
  zh: {
    refused: (n: number) => `✖ 本年各期发现 ${n} 个错误，未生成年度总目录（改正后重试）\n`,
    done: (title: string, issues: number, documents: number) => `✔ 已生成 ${title}（${issues} 期，${documents} 篇文件）`,
  },
  en: {
    refused: (n: number) => `✖ ${n} error${n === 1 ? '' : 's'} in the year's issues; no annual index was written (fix them and retry)\n`,
    done: (title: string, issues: number, documents: number) => `✔ Built ${title} (${issues} issue${issues === 1 ? '' : 's'}, ${documents} document${documents === 1 ? '' : 's'})`,
  },
};

export async function runAnnual(options: AnnualOptions, io: Io): Promise<number> {
  const t = messages[options.lang];
  const root = resolve(io.cwd, options.root);
  const outDir = options.out ? resolve(io.cwd, options.out) : resolve(root, `dist/index-${options.year}`);
  // The web page links each issue's web edition where `build` writes it, from wherever the index goes.
  const issueHref = (issue: string): string => `${relative(outDir, resolve(root, 'dist', issue)).split(sep).map(encodeURIComponent).join('/')}/index.html`;
  const result = await compileAnnualIndex(openProject(root, io, options.lang), options.year, { issueHref, ...(options.template ? { template: options.template } : {}) });
  const diagnostics = shown(result.setup ? [...result.diagnostics, setupDiagnostic(result.setup, root)] : result.diagnostics);
  if (diagnostics.length > 0) io.stderr(await formatDiagnostics('pretty', displayPaths(root, io.cwd).diagnostics(diagnostics), { lang: options.lang, color: useColor(io) }));
  if (result.setup) return 2;
  if (!result.files || !result.index) {
    io.stderr(t.refused(Math.max(1, result.diagnostics.filter((d) => d.severity === 'error').length)));
    return 1;
  }
  const refused = writeForUser(outDir, result.files, io, options.lang);
  if (refused) return refused;
  const { index } = result;
  const documents = index.bySection.reduce((n, group) => n + group.entries.length, 0);
  const written = result.files.filter((file) => !file.path.endsWith('.css')).map((file) => `  ${shownPath(io.cwd, resolve(outDir, file.path))}`);
  io.stdout([t.done(printable(`${index.publication.name} ${index.label}`), index.issues.length, documents), ...written, ''].join('\n'));
  return 0;
}
