/**
 * Keeps `feed.xml` beside the built issues up to date: after a build it is made again from the data edition
 * (issue.json) of every issue folder gazette wrote there, drafts left out, and replaced by a rename, so a reader
 * never sees half.
 */
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { atomFeed, type FeedIssue } from '../feed/index.js';
import { OUTPUT_MARKER } from './io.js';

/** Rewrites `dir/feed.xml` when some issue folder in `dir` has a data edition; returns its path then. */
export function updateFeed(dir: string): string | undefined {
  const issues: FeedIssue[] = [];
  for (const name of existsSync(dir) ? readdirSync(dir).sort() : []) {
    const data = join(dir, name, 'issue.json');
    if (!existsSync(join(dir, name, OUTPUT_MARKER)) || !existsSync(data)) continue;
    try {
      const issue = JSON.parse(readFileSync(data, 'utf8')) as FeedIssue & { draft?: boolean };
      // A draft (built with --draft despite errors) is for proofreading, never for readers of the feed.
      if (issue.draft !== true) issues.push(issue);
    } catch {
      // A data file gazette did not write whole is left out rather than break the feed.
    }
  }
  if (issues.length === 0) return undefined;
  const path = join(dir, 'feed.xml');
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, atomFeed(issues));
  renameSync(temporary, path);
  return path;
}
