/**
 * Cuts the body of the real issue's text (the seed) into its documents: each starts at the line holding its title,
 * found from the bundled document's title (also as the seed printed it, per corrections.yml), and runs to the next
 * document's title; the section headers between them (【区政府文件】) belong to no document.
 */
import { seedBody, stripWhitespace, type Correction, type PublicationConfig, type SourceDoc } from './fidelity.js';

export interface SeedDocument {
  id: string;
  /** The seed's text of this document, lines as printed. */
  text: string;
}

/** The title as the seed may print it: the bundled title, and each correction of its file undone. */
function seedTitles(doc: SourceDoc, corrections: readonly Correction[]): string[] {
  const title = String(doc.data.title);
  const undone = corrections
    .filter((c) => [c.file].flat().includes(`${doc.id}.md`) && stripWhitespace(title).includes(stripWhitespace(c.fixed)))
    .map((c) => stripWhitespace(title).replace(stripWhitespace(c.fixed), stripWhitespace(c.seed)));
  return [stripWhitespace(title), ...undone];
}

/** The documents in print order (`ordered`, as the pipeline orders the bundled issue), each with its seed text. */
export function cutSeed(seed: string, pub: PublicationConfig, ordered: readonly SourceDoc[], corrections: readonly Correction[]): SeedDocument[] {
  const lines = seedBody(seed, pub).split('\n');
  const sectionHeader = new Set(pub.sections.map((s) => `【${s.name}】`));
  const starts: number[] = [];
  let from = 0;
  for (const doc of ordered) {
    const titles = seedTitles(doc, corrections);
    const at = lines.findIndex((line, i) => i >= from && titles.includes(stripWhitespace(line)));
    if (at < 0) throw new Error(`title of ${doc.id} not found in the seed`);
    starts.push(at);
    from = at + 1;
  }
  return ordered.map((doc, i) => ({
    id: doc.id,
    text: lines
      .slice(starts[i], starts[i + 1] ?? lines.length)
      .filter((line) => !sectionHeader.has(line.trim()))
      .join('\n'),
  }));
}
