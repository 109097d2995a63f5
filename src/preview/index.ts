/**
 * `gazette preview`: serves the last good build on 127.0.0.1, rebuilds when watched files change,
 * reloads open pages over server-sent events and shows build problems in an overlay.
 * Like the CLI, this is an edge module: it owns sockets, watchers and timers; the build it runs is injected.
 */
import { spawn } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CLIENT_SCRIPT, PREVIEW_CSS } from './client.js';
import { previewMessages, type PreviewLang } from './messages.js';
import { CLIENT_PATH, PREVIEW_CSS_PATH, previewPage } from './page.js';
import { watchProject, type ProjectWatcher } from './watcher.js';
import { PAGES_SCRIPT, PAGES_SCRIPT_PATH, PAGES_VIEW_PATH, PROBLEMS_PATH, pagesView, type EditorName } from './pages-view.js';

export type { PreviewLang } from './messages.js';
export type { EditorName } from './pages-view.js';

export const EVENTS_PATH = '/__gazette/events';

/** How many ports after the requested one `portSearch` tries. */
const PORT_SEARCH_SPAN = 20;
/** Editors save in bursts (temp file, rename, chmod) a few milliseconds long: a build starts this long after the last event. */
const DEBOUNCE_MS = 10;
/**
 * chokidar drops a file's second change within 50 ms of the first, without a later event, so a build that started
 * at once may have read a save half-written. It is shown only when, this long after the last event, every file
 * that set it off holds what it held when the build started; else it runs again, up to MAX_RERUNS times in a row
 * (a file rewritten without pause, a log, has no finished state to wait for). Events for other files during a
 * build do not hold it back: they get a build of their own after it.
 */
const SETTLE_MS = 60;
const MAX_RERUNS = 3;
/**
 * A burst that renames or removes something waits longer: chokidar holds a file's unlink back 100 ms (to tell an
 * atomic save from a delete), so a folder renamed or deleted would otherwise build twice.
 */
const REMOVAL_DEBOUNCE_MS = 150;
const HEARTBEAT_MS = 15_000;

/** One diagnostic, already formatted in the user's language. */
export interface PreviewProblem {
  /** Path relative to the project root. */
  file?: string;
  line?: number;
  column?: number;
  code: string;
  severity: 'error' | 'warning';
  message: string;
  /** What to do about it. */
  hint?: string;
}

/** A file of a build, or how to make it when it is first asked for (the PDF, which the page only links to). */
export type PreviewFile = string | Uint8Array | (() => Promise<string | Uint8Array>);

/** The result of one build. Without `files` the previous good build keeps being served. */
export interface PreviewBuild {
  /** The editions' files by path (`index.html`, `style.css`, `gazette-2021-4.pdf`, `assets/…`). */
  files?: ReadonlyMap<string, PreviewFile>;
  /** Files under `prefix` made together when one of them is first asked for (the page edition, for the page view). */
  lazy?: { prefix: string; files: () => Promise<ReadonlyMap<string, string | Uint8Array>> };
  problems: PreviewProblem[];
  /** Called once the build is served and its reload event is out (never for a build thrown away, see SETTLE_MS). */
  shown?: () => void;
}

/** Content types of the files an edition writes. */
const TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  json: 'application/json; charset=utf-8',
  svg: 'image/svg+xml',
  xml: 'application/xml; charset=utf-8',
};

export interface PreviewOptions {
  /** 0 lets the system pick a free port. */
  port: number;
  build: () => Promise<PreviewBuild>;
  /** Folders under `root` whose changes trigger a rebuild; they may be missing at start or come and go. */
  watch?: { root: string; folders: readonly string[] };
  log: (line: string) => void;
  /** When the port is taken, try the next ones instead of failing. */
  portSearch?: boolean;
  /** Language of log lines, the overlay and errors; default `zh`. Problems arrive already formatted. */
  lang?: PreviewLang;
  /** The page view's way back to the source: the project's absolute path and the editor to open a line in. */
  source?: { root: string; editor: EditorName };
}

export interface RebuildEvent {
  /** Increases with every finished build. */
  version: number;
  /** Whether the build had no errors. */
  ok: boolean;
  problems: readonly PreviewProblem[];
  durationMs: number;
}

export interface PreviewServer {
  /** e.g. `http://127.0.0.1:4173/`. */
  url: string;
  port: number;
  /** Calls `listener` after every finished build; returns a function that removes it. */
  rebuilt(listener: (event: RebuildEvent) => void): () => void;
  /** Queues a build as if a file had changed; resolves when a build that started after the call finishes. */
  rebuild(): Promise<RebuildEvent>;
  close(): Promise<void>;
}

/** The requested port (or every port searched) is taken. The message says what to do. */
export class PortInUseError extends Error {
  constructor(
    readonly port: number,
    readonly lastTried: number = port,
    lang: PreviewLang = 'zh',
  ) {
    const t = previewMessages[lang];
    super(lastTried === port ? t.portInUse(port) : t.portsInUse(port, lastTried));
    this.name = 'PortInUseError';
  }
}

interface Snapshot {
  files: ReadonlyMap<string, PreviewFile>;
  lazy?: PreviewBuild['lazy'];
}

/** Everything a request may see; replaced as a whole after each build, never mutated. */
interface State {
  version: number;
  good?: Snapshot;
  problems: readonly PreviewProblem[];
}

export async function startPreview(options: PreviewOptions): Promise<PreviewServer> {
  const { log } = options;
  const t = previewMessages[options.lang ?? 'zh'];
  let state: State = { version: 0, problems: [] };
  let closed = false;
  const listeners = new Set<(event: RebuildEvent) => void>();
  const streams = new Set<ServerResponse>();

  // The last watch event's time, the files events named since a build last started, and the builds run again in a row.
  let lastEventAt = 0;
  let reruns = 0;
  const triggers = new Set<string>();

  // Build queue: at most one build runs; requests during a build collapse into one follow-up build, and a build
  // whose files moved runs again for the same waiters.
  let pending = false;
  let draining: Promise<void> | undefined;
  let waiters: Array<(event: RebuildEvent) => void> = [];

  /** Runs a build and shows it; undefined when its files moved while it ran (see SETTLE_MS) and it must run again. */
  async function buildOnce(): Promise<RebuildEvent | undefined> {
    const started = performance.now();
    const inputs = new Map([...triggers].map((path) => [path, contentOf(path)]));
    triggers.clear();
    let result: PreviewBuild;
    try {
      result = await options.build();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      result = { problems: [{ code: 'internal', severity: 'error', message: t.internalError(message) }] };
    }
    const durationMs = Math.round(performance.now() - started);
    const settling = lastEventAt + SETTLE_MS - performance.now();
    if (settling > 0) await new Promise((resolve) => setTimeout(resolve, settling));
    if (reruns < MAX_RERUNS && [...inputs].some(([path, held]) => held !== contentOf(path))) {
      for (const path of inputs.keys()) triggers.add(path);
      reruns++;
      return undefined;
    }
    reruns = 0;
    const good: Snapshot | undefined = result.files === undefined ? state.good : { files: result.files, ...(result.lazy ? { lazy: result.lazy } : {}) };
    const problems = [...result.problems];
    state = { version: state.version + 1, problems, ...(good ? { good } : {}) };

    const errors = problems.filter((p) => p.severity === 'error').length;
    const warnings = problems.length - errors;
    log(errors > 0 ? t.failed(durationMs, errors, warnings) : t.built(durationMs, warnings));
    const event: RebuildEvent = { version: state.version, ok: errors === 0, problems, durationMs };
    broadcast(event);
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        log(t.requestFailed(error instanceof Error ? error.message : String(error)));
      }
    }
    result.shown?.();
    return event;
  }

  async function drain(): Promise<void> {
    while (pending && !closed) {
      pending = false;
      const served = waiters;
      waiters = [];
      const event = await buildOnce();
      if (!event) {
        waiters = [...served, ...waiters];
        pending = true;
        continue;
      }
      for (const resolve of served) resolve(event);
    }
    // Closed with builds asked for: they will not run, so their callers get the build shown last.
    if (closed) {
      const errors = state.problems.some((p) => p.severity === 'error');
      for (const resolve of waiters.splice(0)) resolve({ version: state.version, ok: !errors, problems: state.problems, durationMs: 0 });
    }
    draining = undefined;
  }

  function requestBuild(): Promise<RebuildEvent> {
    return new Promise((resolve) => {
      waiters.push(resolve);
      pending = true;
      draining ??= drain();
    });
  }

  function eventData(event: Pick<RebuildEvent, 'version' | 'ok' | 'problems'>): string {
    const errors = event.problems.filter((p) => p.severity === 'error').length;
    return `event: build\ndata: ${JSON.stringify({ version: event.version, ok: event.ok, errors, warnings: event.problems.length - errors })}\n\n`;
  }

  function broadcast(event: RebuildEvent): void {
    const data = eventData(event);
    for (const stream of streams) stream.write(data);
  }

  function send(response: ServerResponse, status: number, type: string, body: string | Uint8Array): void {
    response.writeHead(status, {
      'Content-Type': type,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    response.end(body);
  }

  function openStream(response: ServerResponse): void {
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    // Tell a (re)connecting page which build is current, so a page that missed an event reloads.
    const current = state;
    response.write(`retry: 1000\n\n`);
    if (current.version > 0) {
      const errors = current.problems.some((p) => p.severity === 'error');
      response.write(eventData({ version: current.version, ok: !errors, problems: current.problems }));
    }
    streams.add(response);
    response.on('close', () => streams.delete(response));
  }

  // Assigned once the port is ours, so a taken port costs no build.
  let firstBuild: Promise<RebuildEvent> | undefined;
  let allowedHosts = new Set<string>();

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // Only pages addressed to this machine by name: a foreign site rebinding its DNS name to
    // 127.0.0.1 must not read the draft.
    if (!allowedHosts.has((request.headers.host ?? '').toLowerCase())) {
      send(response, 403, 'text/plain; charset=utf-8', t.forbiddenHost);
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      send(response, 405, 'text/plain; charset=utf-8', t.getOnly);
      return;
    }
    let path: string;
    try {
      path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    } catch {
      send(response, 400, 'text/plain; charset=utf-8', t.badRequest);
      return;
    }
    if (path === EVENTS_PATH) return openStream(response);
    if (path === CLIENT_PATH) return send(response, 200, 'text/javascript; charset=utf-8', CLIENT_SCRIPT);
    if (path === PREVIEW_CSS_PATH) return send(response, 200, 'text/css; charset=utf-8', PREVIEW_CSS);
    if (path === PAGES_SCRIPT_PATH) return send(response, 200, 'text/javascript; charset=utf-8', PAGES_SCRIPT);
    if (path === PAGES_VIEW_PATH) return send(response, 200, 'text/html; charset=utf-8', pagesView(t, options.source?.root ?? '', options.source?.editor ?? 'none'));
    if (path === PROBLEMS_PATH) return send(response, 200, 'application/json; charset=utf-8', JSON.stringify(state.problems));
    if (path === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    // Never answer from a half-built state: the first request waits for the first build.
    await firstBuild;
    const current = state;
    const page = current.good?.files.get('index.html');
    if (path === '/' || path === '/index.html') {
      return send(response, 200, 'text/html; charset=utf-8', previewPage(typeof page === 'string' ? page : undefined, current.version, current.problems, t));
    }
    let name: string;
    try {
      name = decodeURIComponent(path.slice(1));
    } catch {
      return send(response, 400, 'text/plain; charset=utf-8', t.notFound(path));
    }
    const lazy = current.good?.lazy;
    const entry = current.good?.files.get(name) ?? (lazy && name.startsWith(lazy.prefix) ? (await lazy.files()).get(name) : undefined);
    const file = typeof entry === 'function' ? await entry() : entry;
    if (file === undefined) {
      const pdf = /\.pdf$/.test(name) && !current.good;
      return send(response, 404, 'text/plain; charset=utf-8', pdf ? t.noPdf : t.notFound(path));
    }
    return send(response, 200, TYPES[name.slice(name.lastIndexOf('.') + 1)] ?? 'application/octet-stream', file);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      log(t.requestFailed(reason));
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', t.requestFailed(reason));
      else response.end();
    });
  });
  const port = await listen(server, options.port, options.portSearch ?? false, options.lang ?? 'zh');
  const url = `http://127.0.0.1:${port}/`;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  firstBuild = requestBuild();

  const heartbeat = setInterval(() => {
    for (const stream of streams) stream.write(': ping\n\n');
  }, HEARTBEAT_MS);
  heartbeat.unref();

  // Watch: coalesce a burst of events into one build; a build already running gets one follow-up.
  let debounce: NodeJS.Timeout | undefined;
  const changed = new Set<string>();
  let burstRemoves = false;
  let watcher: ProjectWatcher | undefined;
  if (options.watch) {
    const { root, folders } = options.watch;
    watcher = await watchProject({
      root,
      folders,
      onChange(path, removed) {
        changed.add(path);
        triggers.add(join(root, path));
        lastEventAt = performance.now();
        burstRemoves ||= removed;
        clearTimeout(debounce);
        debounce = setTimeout(() => {
          const files = [...changed];
          changed.clear();
          burstRemoves = false;
          log(t.changed(files));
          void requestBuild();
        }, burstRemoves ? REMOVAL_DEBOUNCE_MS : DEBOUNCE_MS);
      },
      onError: (error) => log(t.watchFailed(root, error.message)),
    });
  }

  await firstBuild;

  return {
    url,
    port,
    rebuilt(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    rebuild: requestBuild,
    async close() {
      closed = true;
      clearTimeout(debounce);
      clearInterval(heartbeat);
      await watcher?.close();
      for (const stream of streams) stream.end();
      streams.clear();
      await draining;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/** Files up to this size are compared by their bytes; larger ones (images, fonts) by size, times and inode. */
const COMPARED_BYTES = 1 << 20;

/**
 * What a watched path holds, as a string to compare: its bytes (as Latin-1, one character a byte), or its stat
 * for a large file, or why there is nothing to read (deleted, a folder; a pipe is never read, it could block).
 * Each kind has its own prefix, so no file's bytes read as another state.
 */
function contentOf(path: string): string {
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return 'none:not a file';
    if (stat.size > COMPARED_BYTES) return `stat:${stat.size} ${stat.mtimeMs} ${stat.ctimeMs} ${stat.ino}`;
    return `file:${readFileSync(path, 'latin1')}`;
  } catch (error) {
    return `none:${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`;
  }
}

function listenOnce(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = (): void => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, '127.0.0.1');
  });
}

async function listen(server: Server, port: number, search: boolean, lang: PreviewLang): Promise<number> {
  const last = search && port !== 0 ? Math.min(port + PORT_SEARCH_SPAN - 1, 65535) : port;
  for (let candidate = port; candidate <= last; candidate++) {
    try {
      return await listenOnce(server, candidate);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    }
  }
  throw new PortInUseError(port, last, lang);
}

/**
 * Opens `url` in the default browser. Resolves false (and never throws) when no opener exists,
 * e.g. on a server without xdg-open; the caller then prints the URL.
 */
export function openBrowser(url: string): Promise<boolean> {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url.replace(/&/g, '^&')]]
        : ['xdg-open', [url]];
  return new Promise((resolve) => {
    try {
      const child = spawn(command, args, { stdio: 'ignore', detached: true });
      child.once('error', () => resolve(false));
      child.once('spawn', () => {
        child.unref();
        resolve(true);
      });
    } catch {
      resolve(false);
    }
  });
}
