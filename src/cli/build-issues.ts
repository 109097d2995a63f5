/**
 * Builds a list of issues of one project, in this thread or in a worker of `build --all`: the project is loaded
 * and validated once for the whole list, fonts are loaded once, and each issue's output set is written with the
 * digest of its inputs.
 */
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Lang } from '../diagnostics/codes.js';
import { createNodeHost } from '../host/node-host.js';
import { compileIssue, prepare, type CompileOptions } from '../pipeline.js';
import { ownsOutput, writeOutputSet, type Io } from './io.js';
import { setupDiagnostic } from './setup.js';

export interface IssuesJob {
  root: string;
  issues: string[];
  outDirs: Record<string, string>;
  digests: Record<string, string>;
  options: Omit<CompileOptions, 'issue'>;
  /** Whether the parse cache is on (GAZETTE_CACHE=0 turns it off). */
  cache: boolean;
  lang: Lang;
}

export interface IssueOutcome {
  issue: string;
  status: 'built' | 'refused' | 'failed';
  diagnostics: Diagnostic[];
  errors: number;
  bodyPages: number;
  seconds: number;
  /** Why a `failed` issue was not written. */
  reason?: string;
}

const reasons = {
  zh: { notOurs: '输出目录中已有其他文件（不是 gazette 生成的），未写入', writeFailed: (code: string) => `无法写入输出目录：${code}` },
  en: { notOurs: 'the output folder holds other files (not written by gazette); nothing written', writeFailed: (code: string) => `cannot write the output folder: ${code}` },
};

export async function buildIssues(job: IssuesJob, env: Io['env'], on: { started(issue: string): void; finished(outcome: IssueOutcome): void }): Promise<void> {
  const host = createNodeHost(job.root, { cache: job.cache, env });
  const prepared = await prepare(host, job.issues);
  const t = reasons[job.lang];
  for (const issue of job.issues) {
    on.started(issue);
    const began = performance.now();
    const result = await compileIssue(host, prepared, { issue, ...job.options });
    const diagnostics = result.setup ? [...result.diagnostics, setupDiagnostic(result.setup)] : result.diagnostics;
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const outcome = (status: IssueOutcome['status'], reason?: string): IssueOutcome => ({
      issue,
      status,
      diagnostics,
      errors,
      bodyPages: result.bodyPages ?? 0,
      seconds: (performance.now() - began) / 1000,
      ...(reason ? { reason } : {}),
    });
    const dir = job.outDirs[issue]!;
    if (result.setup || !result.files || (errors > 0 && !job.options.draft)) on.finished(outcome(result.setup ? 'failed' : 'refused'));
    else if (!ownsOutput(dir)) on.finished(outcome('failed', t.notOurs));
    else {
      try {
        writeOutputSet(dir, result.files, job.digests[issue]);
        on.finished(outcome('built'));
      } catch (error) {
        on.finished(outcome('failed', t.writeFailed((error as NodeJS.ErrnoException).code ?? String(error))));
      }
    }
  }
}

/** In a worker thread of `build --all`: build the job it was given, reporting to the main thread. */
export async function runWorker(): Promise<void> {
  const job = (workerData as { gazetteBuild: IssuesJob }).gazetteBuild;
  await buildIssues(job, process.env, {
    started: (issue) => parentPort?.postMessage({ started: issue }),
    finished: (outcome) => parentPort?.postMessage({ outcome }),
  });
}
