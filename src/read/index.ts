/**
 * Read stage: each document's parsed Markdown becomes the document model (IR) that validation, layout and every
 * writer use. Later readers (Word, web pages, plain text for `gazette import`) produce the same model.
 */
import type { ParsedDocument } from '../model/document.js';
import type { Diagnostic, Outcome } from '../diagnostics/diagnostic.js';
import type { FileError } from '../host/host.js';
import { readMarkdown } from './markdown.js';

export { MAX_NESTING, assembleBody, attachmentLabel, headerSpans, joinSoftBreaks, mergeRuns, trimBreaks, type LabelledBlock } from './markdown.js';
export { imageInfo, loadImage } from './images.js';

/** Adds `body` to every document whose Markdown was parsed. */
export function readBodies(documents: readonly ParsedDocument[], readFile: (path: string) => Uint8Array | FileError): Outcome<ParsedDocument[]> {
  const diagnostics: Diagnostic[] = [];
  const value = documents.map((doc) => {
    if (!doc.mdast) return doc;
    const read = readMarkdown(doc.mdast, { path: doc.file.path, text: doc.file.text, readFile });
    diagnostics.push(...read.diagnostics);
    return { ...doc, body: read.body };
  });
  return { value, diagnostics };
}
