/** Order stage: groups validated documents into the publication's sections, in the gazette's reading order. */
import type { GazetteDocument } from '../model/document.js';
import type { Gazette, IssueMeta, Publication } from '../model/gazette.js';
import { numberKey } from '../shared/number.js';

/**
 * Within a section: by number series (the issuer registry's code order), year and sequence, then date, then title.
 * A 政策解读 takes the position of the document it interprets. An explicit `order` (1-based) wins.
 */
export function order(documents: readonly GazetteDocument[], publication: Publication, issue: IssueMeta): Gazette {
  const series = publication.issuers.flatMap((issuer) => issuer.codes);
  const byNumber = new Map(documents.flatMap((doc) => (doc.meta.number ? [[doc.meta.number, doc] as const] : [])));
  const key = (doc: GazetteDocument): (string | number)[] => {
    const target = doc.meta.interprets ? byNumber.get(doc.meta.interprets) : undefined;
    const source = target ?? doc;
    const parsed = source.meta.number ? numberKey(source.meta.number) : undefined;
    const seriesIndex = parsed ? series.indexOf(parsed.code) : -1;
    return [
      target ? publication.sections.findIndex((s) => s.name === target.meta.category) : -1,
      seriesIndex < 0 ? series.length : seriesIndex,
      parsed?.year ?? 0,
      parsed?.sequence ?? 0,
      source.meta.date ?? '',
      doc.meta.title,
    ];
  };
  const compare = (a: GazetteDocument, b: GazetteDocument): number => {
    const [x, y] = [key(a), key(b)];
    for (let i = 0; i < x.length; i++) {
      const [p, q] = [x[i]!, y[i]!];
      if (p !== q) return typeof p === 'number' && typeof q === 'number' ? p - q : String(p) < String(q) ? -1 : 1;
    }
    return 0;
  };
  const sections = publication.sections.flatMap((spec) => {
    const members = documents.filter((doc) => doc.meta.category === spec.name);
    if (members.length === 0) return [];
    const free = members.filter((doc) => doc.meta.order === undefined).sort(compare);
    const pinned = members.filter((doc) => doc.meta.order !== undefined).sort((a, b) => a.meta.order! - b.meta.order! || compare(a, b));
    for (const doc of pinned) free.splice(Math.min(doc.meta.order! - 1, free.length), 0, doc);
    return [{ spec, documents: free }];
  });
  return { publication, issue, sections };
}

export { annualIndex, type LaidOutIssue } from './annual.js';
