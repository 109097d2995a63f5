/**
 * Read stage: each document's parsed Markdown becomes the document model (IR) that validation, layout and every
 * writer use. Later readers (Word, web pages, plain text for `gazette import`) produce the same model.
 */
import type { ParsedDocument } from '../model/document.js';
import type { Diagnostic, Outcome } from '../diagnostics/diagnostic.js';
import type { FileError } from '../host/host.js';
import { readMarkdown } from './markdown.js';
import type { BuildMemo } from '../shared/build-memo.js';
import { append } from '../shared/arrays.js';

export { MAX_NESTING, assembleBody, attachmentLabel, headerSpans, joinSoftBreaks, mergeRuns, trimBreaks, type LabelledBlock } from './markdown.js';
export { imageInfo, loadImage } from './images.js';

/** What reading a document gave, with the files (images) it read on the way. */
interface Read {
  result: ReturnType<typeof readMarkdown>;
  files: [path: string, bytes: Uint8Array | FileError][];
}

const same = (a: Uint8Array | FileError, b: Uint8Array | FileError): boolean =>
  typeof a === 'string' || typeof b === 'string' ? a === b : a.byteLength === b.byteLength && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);

/**
 * Adds `body` to every document whose Markdown was parsed. With a memo, a document whose text and images are as
 * in the last build is not read again.
 */
export function readBodies(documents: readonly ParsedDocument[], readFile: (path: string) => Uint8Array | FileError, memo?: BuildMemo): Outcome<ParsedDocument[]> {
  const diagnostics: Diagnostic[] = [];
  const value = documents.map((doc) => {
    if (!doc.mdast) return doc;
    const readDocument = (): Read => {
      const files: Read['files'] = [];
      const recording = (path: string): Uint8Array | FileError => {
        const bytes = readFile(path);
        files.push([path, bytes]);
        return bytes;
      };
      return { result: readMarkdown(doc.mdast!, { path: doc.file.path, source: doc.file.text, readFile: recording }), files };
    };
    const unchanged = (kept: Read): boolean => kept.files.every(([path, bytes]) => same(readFile(path), bytes));
    const read = (memo ? memo.get(`body\u0000${doc.file.path}\u0000${doc.file.text}`, readDocument, unchanged) : readDocument()).result;
    append(diagnostics, read.diagnostics);
    return { ...doc, body: read.body };
  });
  return { value, diagnostics };
}
