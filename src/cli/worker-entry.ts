/**
 * The bundled CLI is also the script of `build --all`'s worker threads: loaded in one with a build job, it builds
 * that job instead of waiting for a command. Imported by program.ts so that this runs when the bundle loads.
 */
import { isMainThread, workerData } from 'node:worker_threads';

if (!isMainThread && (workerData as { gazetteBuild?: unknown } | null)?.gazetteBuild) {
  void import('./build-issues.js').then(({ runWorker }) => runWorker());
}
