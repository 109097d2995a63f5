/** Applies the safe edits carried by diagnostics to a file's bytes, preserving everything else byte for byte. */
import { decode } from '../parse/index.js';
import type { Diagnostic, TextEdit } from '../diagnostics/diagnostic.js';

/** One change `check --fix` made, for the report. */
export interface FixRecord {
  file: string;
  line: number;
  column: number;
  from: string;
  to: string;
  /** The rules the change satisfied. */
  codes: string[];
}

export interface FileFix {
  bytes: Uint8Array;
  /** The diagnostics whose edits were applied. */
  applied: Diagnostic[];
}

const encoder = new TextEncoder();

/**
 * Applies non-overlapping edits (identical ones once). Overlapping edits wait for the next pass, as in ESLint:
 * the caller re-checks and fixes again until nothing changes.
 */
export function applyFixes(bytes: Uint8Array, diagnostics: readonly Diagnostic[]): FileFix | undefined {
  const withEdits = diagnostics.filter((d): d is Diagnostic & { edit: TextEdit } => d.edit !== undefined);
  if (withEdits.length === 0) return undefined;
  const decoded = decode(bytes);
  const reencode = withEdits.find((d) => d.edit.kind === 'reencode');
  if (reencode) {
    if (!('error' in decoded) || decoded.text === undefined) return undefined;
    return { bytes: encoder.encode(decoded.text), applied: [reencode] };
  }
  if ('error' in decoded) return undefined;
  const replaces = withEdits.filter((d) => d.edit.kind === 'replace') as (Diagnostic & { edit: Extract<TextEdit, { kind: 'replace' }> })[];
  replaces.sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end);
  let text = decoded.text;
  let shift = 0;
  let lastEnd = -1;
  let last: Extract<TextEdit, { kind: 'replace' }> | undefined;
  const applied: Diagnostic[] = [];
  for (const diagnostic of replaces) {
    const { edit } = diagnostic;
    if (last && edit.start === last.start && edit.end === last.end && edit.text === last.text) {
      applied.push(diagnostic);
      continue;
    }
    if (edit.start < lastEnd) continue;
    text = text.slice(0, edit.start + shift) + edit.text + text.slice(edit.end + shift);
    shift += edit.text.length - (edit.end - edit.start);
    lastEnd = edit.end;
    last = edit;
    applied.push(diagnostic);
  }
  const body = encoder.encode(text);
  if (!decoded.bom) return { bytes: body, applied };
  const withBom = new Uint8Array(body.length + 3);
  withBom.set([0xef, 0xbb, 0xbf]);
  withBom.set(body, 3);
  return { bytes: withBom, applied };
}
