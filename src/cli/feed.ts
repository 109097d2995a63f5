/**
 * Keeps `feed.xml` beside the built issues up to date: after a build it is made again from the data edition
 * (issue.json) of every issue folder gazette wrote there, drafts left out, and replaced by a rename, so a reader
 * never sees half.
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { atomFeed, type FeedIssue } from '../feed/index.js';
import { OUTPUT_MARKER } from './io.js';

/** Whether parsed JSON is a data edition this version writes (one of another shape is left out). */
function isIssueData(data: unknown): data is FeedIssue & { draft?: boolean } {
  const value = data as { format?: unknown; version?: unknown; documents?: unknown; outputs?: unknown; issue?: unknown; publication?: unknown } | null;
  return value !== null && typeof value === 'object' && value.format === 'gazette-issue' && value.version === 1 && Array.isArray(value.documents) && Array.isArray(value.outputs) && typeof value.issue === 'object' && typeof value.publication === 'object';
}

/**
 * Rewrites `dir/feed.xml` when some issue folder in `dir` has a data edition; returns its path then, or the
 * system's reason when it cannot be written.
 */
export function updateFeed(dir: string): { path: string } | { error: string } | undefined {
  const issues: FeedIssue[] = [];
  for (const name of existsSync(dir) ? readdirSync(dir).sort() : []) {
    const data = join(dir, name, 'issue.json');
    if (!existsSync(join(dir, name, OUTPUT_MARKER)) || !existsSync(data)) continue;
    try {
      const issue: unknown = JSON.parse(readFileSync(data, 'utf8'));
      // A draft (built with --draft despite errors) is for proofreading, never for readers of the feed.
      if (isIssueData(issue) && issue.draft !== true) issues.push(issue);
    } catch {
      // A data file gazette did not write whole is left out rather than break the feed.
    }
  }
  if (issues.length === 0) return undefined;
  const path = join(dir, 'feed.xml');
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, atomFeed(issues));
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    return { error: (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error)) };
  }
  return { path };
}
