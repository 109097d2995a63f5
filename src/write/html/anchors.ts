/** Stable, ASCII, unique fragment ids for documents: 长府〔2021〕46号 → cf-2021-46. */
import { numberSlug } from '../../shared/pinyin.js';
import type { GazetteDocument } from '../../model/document.js';

/** Lower-case ASCII slug of a file-name id; empty when nothing ASCII is left. */
function idSlug(id: string): string {
  return id
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Assigns every document an anchor, in document order. Numbers win over file names; an id that
 * would collide with an earlier one, or with a page-level id in `reserved`, gets a `-2`, `-3` … suffix.
 */
export function assignAnchors(
  documents: readonly GazetteDocument[],
  reserved: ReadonlySet<string>,
): Map<GazetteDocument, string> {
  const taken = new Set(reserved);
  const anchors = new Map<GazetteDocument, string>();
  documents.forEach((doc, index) => {
    const fromNumber = doc.meta.number ? numberSlug(doc.meta.number) : undefined;
    let base = fromNumber ?? idSlug(doc.id);
    if (base === '') base = `doc-${index + 1}`;
    // Ids starting with a digit are valid HTML but awkward in CSS selectors.
    if (/^[0-9]/.test(base)) base = `doc-${base}`;
    let anchor = base;
    for (let n = 2; taken.has(anchor); n++) anchor = `${base}-${n}`;
    taken.add(anchor);
    anchors.set(doc, anchor);
  });
  return anchors;
}
