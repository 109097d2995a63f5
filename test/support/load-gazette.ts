/** Layout and PDF tests load issues through the real pipeline (load → parse → validate → order). */
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Host } from '../../src/host/host.js';
import { createNodeHost } from '../../src/host/node-host.js';
import type { Gazette } from '../../src/model/gazette.js';
import { loadGazette as loadThroughPipeline } from '../../src/pipeline.js';
import { projectRoot } from './project.js';

export const ROOT = projectRoot;
/** A small issue (three documents, a table across pages) for fast layout tests. */
export const LAYOUT_FIXTURE = join(projectRoot, 'test/fixtures/layout');

export function nodeHost(root = ROOT): Host {
  return createNodeHost(root);
}

/** The ordered issue; fails the test if the documents do not validate. */
export async function loadGazette(issueId: string, root = ROOT): Promise<Gazette> {
  const { gazette, diagnostics, setup } = await loadThroughPipeline(createNodeHost(root), issueId);
  expect(setup).toBeUndefined();
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return gazette!;
}
