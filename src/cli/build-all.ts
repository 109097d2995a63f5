/**
 * `gazette build --all`: every issue of the archive (or one CI shard of it), each into dist/<issue>/, skipping
 * issues whose inputs have not changed since their output was written, in parallel on the machine's cores.
 */
import { availableParallelism } from 'node:os';
import { relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { shardOf } from '../archive/index.js';
import { shown, type Diagnostic } from '../diagnostics/diagnostic.js';
import { loadProject } from '../load/index.js';
import { issueDigests } from '../pipeline.js';
import { formatDiagnostics } from '../report/index.js';
import type { BuildOptions } from './build.js';
import { buildIssues, type IssueOutcome, type IssuesJob } from './build-issues.js';
import { displayPaths, openProject, outputDigest, useColor, type Io } from './io.js';
import { setupDiagnostic } from './setup.js';
import { updateFeed } from './feed.js';

export interface BuildAllOptions extends Omit<BuildOptions, 'issue'> {
  /** `[i, n]`: build the issues of shard i of n. */
  shard?: readonly [number, number];
  /** Worker threads (default: the machine's cores, at most one per issue to build). */
  jobs?: number;
  version: string;
}

const messages = {
  zh: {
    none: '· 没有要排版的期次\n',
    shard: (i: number, n: number, count: number, all: number) => `第 ${i}/${n} 份：${all} 期中的 ${count} 期\n`,
    working: (done: number, total: number, issue: string) => `[${done}/${total}] 正在排版 ${issue}…`,
    built: (issue: string, pages: number, seconds: string) => `✔ ${issue}  正文 ${pages} 页，${seconds} 秒`,
    skipped: (issue: string) => `· ${issue}  未改动，跳过`,
    refused: (issue: string, errors: number) => `✖ ${issue}  ${errors} 个错误，未生成`,
    failed: (issue: string, reason: string) => `✖ ${issue}  ${reason}`,
    feed: (path: string) => `✔ 已更新订阅源 ${path}\n`,
    feedFailed: (reason: string) => `✖ 无法写入订阅源 feed.xml：${reason}。请检查输出目录的写入权限和磁盘空间\n`,
    summary: (built: number, skipped: number, refused: number, seconds: string) => `共 ${built + skipped + refused} 期：生成 ${built} 期，跳过 ${skipped} 期（未改动）${refused > 0 ? `，${refused} 期有错误` : ''}，用时 ${seconds} 秒\n`,
  },
  en: {
    none: '· No issue to build\n',
    shard: (i: number, n: number, count: number, all: number) => `shard ${i}/${n}: ${count} of ${all} issues\n`,
    working: (done: number, total: number, issue: string) => `[${done}/${total}] typesetting ${issue}…`,
    built: (issue: string, pages: number, seconds: string) => `✔ ${issue}  ${pages} body pages, ${seconds} s`,
    skipped: (issue: string) => `· ${issue}  unchanged, skipped`,
    refused: (issue: string, errors: number) => `✖ ${issue}  ${errors} error${errors === 1 ? '' : 's'}, not built`,
    failed: (issue: string, reason: string) => `✖ ${issue}  ${reason}`,
    feed: (path: string) => `✔ Updated the feed ${path}\n`,
    feedFailed: (reason: string) => `✖ Cannot write the feed feed.xml: ${reason}. Check the output folder's permissions and the free space\n`,
    summary: (built: number, skipped: number, refused: number, seconds: string) => `${built + skipped + refused} issues: ${built} built, ${skipped} skipped (unchanged)${refused > 0 ? `, ${refused} with errors` : ''}, ${seconds} s\n`,
  },
};

/** The bundled CLI can run itself in a worker thread; from the TypeScript sources (unit tests) issues build here. */
function bundled(): string | undefined {
  const file = fileURLToPath(import.meta.url);
  return file.endsWith('.cjs') ? file : undefined;
}

/** Issues spread over `jobs` lists, alternately, so each list holds early and late issues alike. */
function spread(issues: readonly string[], jobs: number): string[][] {
  const lists = Array.from({ length: jobs }, () => [] as string[]);
  issues.forEach((issue, i) => lists[i % jobs]!.push(issue));
  return lists.filter((list) => list.length > 0);
}

/** Runs the jobs in worker threads (one font load per worker), reporting each issue as it finishes. */
function inWorkers(file: string, jobs: IssuesJob[], env: Io['env'], report: (outcome: IssueOutcome) => void, started: (issue: string) => void): Promise<void> {
  return Promise.all(
    jobs.map(
      (job) =>
        new Promise<void>((done, fail) => {
          const worker = new Worker(file, { workerData: { gazetteBuild: job }, env: { ...env } });
          worker.on('message', (message: { started?: string; outcome?: IssueOutcome }) => {
            if (message.started) started(message.started);
            if (message.outcome) report(message.outcome);
          });
          worker.on('error', fail);
          worker.on('exit', (code) => (code === 0 ? done() : fail(new Error(`build worker exited with ${code}`))));
        }),
    ),
  ).then(() => undefined);
}

export async function runBuildAll(options: BuildAllOptions, io: Io): Promise<number> {
  const began = performance.now();
  const t = messages[options.lang];
  const root = resolve(io.cwd, options.root);
  const host = openProject(root, io, options.lang);
  const loaded = loadProject(host, []);
  const paths = displayPaths(root, io.cwd);
  const color = useColor(io);
  if ('setup' in loaded) {
    io.stderr(await formatDiagnostics('pretty', paths.diagnostics(shown([...loaded.diagnostics, setupDiagnostic(loaded.setup)])), { lang: options.lang, color }));
    return 2;
  }
  const all = loaded.project.issues.map((issue) => issue.id);
  const issues = options.shard ? all.filter((issue) => shardOf(issue, options.shard![1]) === options.shard![0]) : all;
  if (options.shard) io.stdout(t.shard(options.shard[0], options.shard[1], issues.length, all.length));
  if (issues.length === 0) {
    io.stderr(t.none);
    return options.shard ? 0 : 2;
  }
  const outOf = (issue: string): string => (options.out ? resolve(io.cwd, options.out, issue) : resolve(root, 'dist', issue));
  const compileOptions = { draft: options.draft, formats: options.formats, ...(options.template ? { template: options.template } : {}) };
  const digests = await issueDigests(host, loaded.project, issues, compileOptions, options.version);
  const toBuild = issues.filter((issue) => outputDigest(outOf(issue)) !== digests.get(issue));
  for (const issue of issues) if (!toBuild.includes(issue)) io.stdout(`${t.skipped(issue)}\n`);

  let built = 0;
  let refused = 0;
  let finished = 0;
  const progress = (issue: string): void => {
    if (io.isTTY) io.stderr(`\x1b[2K\r${t.working(finished + 1, toBuild.length, issue)}`);
  };
  const report = async (outcome: IssueOutcome): Promise<void> => {
    finished++;
    if (io.isTTY) io.stderr('\x1b[2K\r');
    const diagnostics: Diagnostic[] = shown(outcome.diagnostics);
    if (diagnostics.length > 0) io.stderr(await formatDiagnostics('pretty', paths.diagnostics(diagnostics), { lang: options.lang, color }));
    if (outcome.status === 'built') {
      built++;
      io.stdout(`${t.built(outcome.issue, outcome.bodyPages, outcome.seconds.toFixed(2))}\n`);
    } else {
      refused++;
      io.stdout(`${outcome.status === 'refused' ? t.refused(outcome.issue, outcome.errors) : t.failed(outcome.issue, outcome.reason ?? '')}\n`);
    }
  };
  // Reports are printed in the order they arrive, one at a time.
  let printing = Promise.resolve();
  const queue = (outcome: IssueOutcome): void => {
    printing = printing.then(() => report(outcome));
  };

  const jobs = Math.max(1, Math.min(options.jobs ?? availableParallelism(), toBuild.length));
  const work: IssuesJob[] = spread(toBuild, jobs).map((list) => ({
    root,
    issues: list,
    outDirs: Object.fromEntries(list.map((issue) => [issue, outOf(issue)])),
    digests: Object.fromEntries(list.map((issue) => [issue, digests.get(issue)!])),
    options: compileOptions,
    cache: io.env.GAZETTE_CACHE !== '0',
    lang: options.lang,
  }));
  const file = bundled();
  if (toBuild.length > 0) {
    if (jobs > 1 && file) await inWorkers(file, work, io.env, queue, progress);
    else for (const job of work) await buildIssues(job, io.env, { started: progress, finished: queue });
  }
  await printing;
  // The feed over every built issue, beside them. A shard sees only its issues: a job that gathers the shards'
  // folders makes it (README, "Building an archive").
  const feed = options.formats.includes('json') && !options.shard ? updateFeed(options.out ? resolve(io.cwd, options.out) : resolve(root, 'dist')) : undefined;
  const shownFeed = (path: string): string => (relative(io.cwd, path).startsWith('..') ? path : relative(io.cwd, path));
  if (feed && 'path' in feed) io.stdout(t.feed(shownFeed(feed.path)));
  if (feed && 'error' in feed) io.stderr(t.feedFailed(feed.error));
  io.stdout(t.summary(built, issues.length - toBuild.length, refused, ((performance.now() - began) / 1000).toFixed(2)));
  return feed && 'error' in feed ? 2 : refused > 0 ? 1 : 0;
}
