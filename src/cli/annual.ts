/** `gazette index <year>`: the annual index, written atomically as one set into dist/index-<year>/. */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { compileAnnualIndex } from '../pipeline.js';
import { formatDiagnostics, type Lang } from '../report/index.js';
import { shown } from '../diagnostics/diagnostic.js';
import { printable } from '../report/printable.js';
import { setupDiagnostic } from './setup.js';
import { displayPaths, openProject, ownsOutput, useColor, writeOutputSet, type Io } from './io.js';

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
    notOurs: (dir: string) => `✖ 输出目录 ${dir} 中已有其他文件（不是 gazette 生成的），未写入任何文件。请用 --out 指定一个空目录\n`,
    writeFailed: (dir: string, reason: string) => `✖ 无法写入输出目录 ${dir}：${reason}。请检查该目录的写入权限和磁盘空间，或用 --out 换一个目录\n`,
  },
  en: {
    refused: (n: number) => `✖ ${n} error${n === 1 ? '' : 's'} in the year's issues; no annual index was written (fix them and retry)\n`,
    done: (title: string, issues: number, documents: number) => `✔ Built ${title} (${issues} issue${issues === 1 ? '' : 's'}, ${documents} document${documents === 1 ? '' : 's'})`,
    notOurs: (dir: string) => `✖ The output folder ${dir} holds other files (not written by gazette); nothing was written. Choose an empty folder with --out\n`,
    writeFailed: (dir: string, reason: string) => `✖ Cannot write the output folder ${dir}: ${reason}. Check its permissions and the free space, or choose another folder with --out\n`,
  },
};

const shownPath = (cwd: string, path: string): string => {
  const shown = relative(cwd, path);
  return shown && !shown.startsWith('..') && !isAbsolute(shown) ? shown : path;
};

export async function runAnnual(options: AnnualOptions, io: Io): Promise<number> {
  const t = messages[options.lang];
  const root = resolve(io.cwd, options.root);
  const outDir = options.out ? resolve(io.cwd, options.out) : resolve(root, `dist/index-${options.year}`);
  // The web page links each issue's web edition where `build` writes it, from wherever the index goes.
  const issueHref = (issue: string): string => `${relative(outDir, resolve(root, 'dist', issue)).split(sep).map(encodeURIComponent).join('/')}/index.html`;
  const result = await compileAnnualIndex(openProject(root, io, options.lang), options.year, { issueHref, ...(options.template ? { template: options.template } : {}) });
  const diagnostics = shown(result.setup ? [...result.diagnostics, setupDiagnostic(result.setup)] : result.diagnostics);
  if (diagnostics.length > 0) io.stderr(await formatDiagnostics('pretty', displayPaths(root, io.cwd).diagnostics(diagnostics), { lang: options.lang, color: useColor(io) }));
  if (result.setup) return 2;
  if (!result.files || !result.index) {
    io.stderr(t.refused(Math.max(1, result.diagnostics.filter((d) => d.severity === 'error').length)));
    return 1;
  }
  if (!ownsOutput(outDir)) {
    io.stderr(t.notOurs(shownPath(io.cwd, outDir)));
    return 2;
  }
  try {
    writeOutputSet(outDir, result.files);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.stderr(t.writeFailed(shownPath(io.cwd, outDir), code ?? (error instanceof Error ? error.message : String(error))));
    return 2;
  }
  const { index } = result;
  const documents = index.bySection.reduce((n, group) => n + group.entries.length, 0);
  const written = result.files.filter((file) => !file.path.endsWith('.css')).map((file) => `  ${shownPath(io.cwd, resolve(outDir, file.path))}`);
  io.stdout([t.done(printable(`${index.publication.name} ${index.label}`), index.issues.length, documents), ...written, ''].join('\n'));
  return 0;
}
