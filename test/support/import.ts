/** Reads what `gazette import` wrote back through the real pipeline, and compares document models. */
import type { Body, GazetteDocument } from '../../src/model/document.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { loadGazette } from '../../src/pipeline.js';
import { parseBodies, parseDocument } from '../../src/parse/index.js';
import { readBodies } from '../../src/read/index.js';
import { projectHost } from './project.js';

/** The documents of issue 2021-4 made of `files` (names relative to the issue folder), read by the real pipeline. */
export async function readIssue(files: Record<string, string | Uint8Array>): Promise<{ documents: GazetteDocument[]; diagnostics: Diagnostic[] }> {
  const { gazette, diagnostics, setup } = await loadGazette(projectHost(files), '2021-4', true);
  if (setup || !gazette) throw new Error(`issue not loaded: ${JSON.stringify(setup ?? diagnostics)}`);
  return { documents: gazette.sections.flatMap((section) => section.documents), diagnostics };
}

/** A body without source spans and with image bytes as plain arrays, for comparing models from different readers. */
export function comparable(body: Body): unknown {
  // Buffers turn into { type, data } before a replacer sees them: look at the raw value.
  return JSON.parse(
    JSON.stringify(body, function (this: Record<string, unknown>, key, value: unknown) {
      const raw = this[key];
      return key === 'span' ? undefined : raw instanceof Uint8Array ? [...raw] : value;
    }),
  );
}

/**
 * The model of one written file as the pipeline's parse and read stages make it, whether or not its front matter
 * would pass validation (an undecided category must not hide the body).
 */
export async function readWritten(path: string, markdown: string, files: Record<string, Uint8Array> = {}): Promise<{ body: Body; diagnostics: Diagnostic[] }> {
  const parsed = parseDocument(path, new TextEncoder().encode(markdown), path.split('/')[1]!);
  if (!parsed.value) throw new Error(`not a document: ${JSON.stringify(parsed.diagnostics)}`);
  const read = readBodies(await parseBodies([parsed.value]), (p) => files[p] ?? 'ENOENT');
  return { body: read.value[0]!.body!, diagnostics: [...parsed.diagnostics, ...read.diagnostics] };
}
