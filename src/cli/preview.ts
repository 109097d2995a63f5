/** `gazette preview`: a draft build of one issue served on 127.0.0.1, rebuilt and reloaded on every save. */
import { resolve } from 'node:path';
import type { Host } from '../host/host.js';
import { compile, outputNames } from '../pipeline.js';
import { BuildMemo } from '../shared/build-memo.js';
import type { OutputFile } from '../write/index.js';
import { formatDiagnostics, resolve as resolveDiagnostic, type Lang } from '../report/index.js';
import { PortInUseError, openBrowser, startPreview, type EditorName, type PreviewBuild, type PreviewFile } from '../preview/index.js';
import { loadProject, type SetupProblem } from '../load/index.js';
import { displayPaths, openProject, useColor, type Io } from './io.js';
import { setupDiagnostic } from './setup.js';
import { shown } from '../diagnostics/diagnostic.js';
import { printable } from '../report/printable.js';

export interface PreviewCliOptions {
  issue: string;
  port: number;
  open: boolean;
  /** Where a click on a line of the page view opens its source. */
  editor: EditorName;
  lang: Lang;
  root: string;
  /** An explicit --port must be used as given; the default may move to the next free port. */
  portGiven: boolean;
  template?: string;
}

/** Setup problems that leave nothing to preview: no documents/ folder, no issue in it, not the issue asked for. */
const UNSERVABLE: ReadonlySet<SetupProblem['code']> = new Set(['documents-missing', 'documents-unreadable', 'issues-missing', 'issue-unknown']);

const messages = {
  zh: {
    serving: (url: string) => `预览已启动：${url}（修改 documents/ 或 templates/ 后自动刷新；Ctrl+C 退出）\n`,
    openFailed: (url: string) => `无法自动打开浏览器，请手动访问 ${url}\n`,
    stopped: '预览已停止\n',
  },
  en: {
    serving: (url: string) => `Preview running at ${url} (reloads when documents/ or templates/ change; Ctrl+C to stop)\n`,
    openFailed: (url: string) => `Could not open a browser; visit ${url}\n`,
    stopped: 'Preview stopped\n',
  },
};

/** One draft build of the issue for the preview: the editions' files, or the problems that stopped them. */
export function previewBuild(host: Host, options: Pick<PreviewCliOptions, 'issue' | 'lang' | 'template'>): () => Promise<PreviewBuild> {
  // Each save lays out again only what it changed; the PDF, which the page links to, is written when first opened.
  const memo = new BuildMemo();
  /** Whether a page view has asked for the pages: only then are they made ahead of its request. */
  let pageViewOpen = false;
  return async () => {
    const result = await compile(host, {
      issue: options.issue,
      draft: true,
      // The reading view; the page view's pages and the PDF are written from the same layout when asked for.
      formats: ['html'],
      defer: ['pdf', 'svg'],
      memo,
      ...(options.template ? { template: options.template } : {}),
    });
    // The overlay labels hints itself ("修改建议："), so the terminal's arrow is dropped.
    const diagnostics = shown(result.setup ? [...result.diagnostics, setupDiagnostic(result.setup)] : result.diagnostics);
    const problems = diagnostics.map((d) => {
      // `shown` left no notes: what remains is an error or a warning.
      const resolved = { ...resolveDiagnostic(d, options.lang), severity: d.severity === 'error' ? ('error' as const) : ('warning' as const) };
      return resolved.hint ? { ...resolved, hint: resolved.hint.replace(/^→\s*/u, '') } : resolved;
    });
    // With errors the page keeps the last good build under the overlay, as the overlay tells the editor.
    if (problems.some((p) => p.severity === 'error')) return { problems };
    if (!result.files) return { problems };
    const files = new Map<string, PreviewFile>(result.files.map((file) => [file.path, file.data]));
    const writePdf = result.later?.pdf;
    if (writePdf) {
      let written: Promise<OutputFile[]> | undefined;
      const name = outputNames(options.issue).pdf;
      files.set(name, async () => {
        const pdf = (await (written ??= writePdf())).find((file) => file.path === name);
        if (!pdf) throw new Error(`the PDF edition has no ${name}`);
        return pdf.data;
      });
    }
    const writeSvg = result.later?.svg;
    if (!writeSvg) return { files, problems };
    let pages: Promise<ReadonlyMap<string, string | Uint8Array>> | undefined;
    const write = (): Promise<ReadonlyMap<string, string | Uint8Array>> => (pages ??= writeSvg().then((written) => new Map(written.map((file) => [file.path, file.data]))));
    const lazy = {
      prefix: 'pages/',
      files: () => {
        pageViewOpen = true;
        return write();
      },
    };
    // Once the page view is in use, the pages are made right after the reload event goes out, so it finds them
    // ready or nearly. A failure shows when the view asks (the server answers 500 and logs it), never unhandled.
    const writeEarly = (): void => {
      if (pageViewOpen) setImmediate(() => write().catch(() => undefined));
    };
    return { files, lazy, problems, shown: writeEarly };
  };
}

/** Runs until SIGINT/SIGTERM (or `signal` aborts, for tests); returns the exit code. */
export async function runPreview(options: PreviewCliOptions, io: Io, signal?: AbortSignal): Promise<number> {
  const t = messages[options.lang];
  const root = resolve(io.cwd, options.root);
  const host = openProject(root, io, options.lang);
  // Other setup problems show in the page until a save mends them; these no save in a watched folder can.
  const loaded = loadProject(host, [options.issue]);
  if ('setup' in loaded && UNSERVABLE.has(loaded.setup.code)) {
    const diagnostics = displayPaths(root, io.cwd).diagnostics([setupDiagnostic(loaded.setup, root)]);
    io.stderr(await formatDiagnostics('pretty', diagnostics, { lang: options.lang, color: useColor(io) }));
    return 2;
  }
  const build = previewBuild(host, options);
  let server;
  try {
    server = await startPreview({
      port: options.port,
      build,
      watch: { root, folders: ['documents', 'templates'] },
      log: (line) => io.stderr(`${printable(line)}\n`),
      portSearch: !options.portGiven,
      lang: options.lang,
      source: { root, editor: options.editor },
    });
  } catch (error) {
    if (error instanceof PortInUseError) {
      io.stderr(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
  io.stdout(t.serving(server.url));
  if (options.open && !(await openBrowser(server.url))) io.stderr(t.openFailed(server.url));
  await new Promise<void>((done) => {
    const stop = (): void => done();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    signal?.addEventListener('abort', stop, { once: true });
  });
  await server.close();
  io.stderr(t.stopped);
  return 0;
}
