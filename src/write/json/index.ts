/**
 * The data edition, `issue.json`: the publication, the issue and every document's metadata with the printed
 * pages it is on, for a government-information portal and for scripts. Its shape is `schema/issue.schema.json`
 * (shipped in the package); it lists the other editions' files of the same build with their SHA-256, so a
 * portal can check what it downloads.
 */
import { createHash } from 'node:crypto';
import type { GazetteDocument } from '../../model/document.js';
import { issueLabel, totalLabel } from '../../shared/labels.js';
import type { OutputFile, Writer } from '../index.js';

/** Bumped when a field changes meaning or goes; new optional fields keep the version. */
const FORMAT_VERSION = 1;

interface FileEntry {
  path: string;
  sha256: string;
  bytes: number;
}

function entry(file: OutputFile): FileEntry {
  const data = typeof file.data === 'string' ? new TextEncoder().encode(file.data) : file.data;
  return { path: file.path, sha256: createHash('sha256').update(data).digest('hex'), bytes: data.byteLength };
}

/** The optional fields of a document present in its front matter, in a fixed order. */
function optional(doc: GazetteDocument): Record<string, string> {
  const { meta } = doc;
  const fields: [string, string | undefined][] = [
    ['number', meta.number],
    ['numberKind', meta.numberKind],
    ['date', meta.date],
    ['recipients', meta.recipients],
    ['note', meta.note],
    ['interprets', meta.interprets],
    ['index', meta.index],
    ['subject', meta.subject],
    ['validity', meta.validity],
  ];
  return Object.fromEntries(fields.filter((field): field is [string, string] => field[1] !== undefined));
}

export const jsonWriter: Writer = {
  name: 'json',
  lists: true,
  async write({ gazette, paged, written, draft }) {
    const { publication, issue } = gazette;
    const files = written.map(entry);
    // A document's own files are the per-document editions named by its id.
    const own = (id: string): FileEntry[] => files.filter((file) => file.path === `docs/${id}.pdf` || file.path === `docs/${id}.html`);
    const data = {
      format: 'gazette-issue',
      version: FORMAT_VERSION,
      draft,
      publication: { name: publication.name, publisher: publication.publisher, ...(publication.website ? { website: publication.website } : {}) },
      issue: {
        id: issue.id,
        year: issue.year,
        number: issue.number,
        total: issue.total,
        label: issueLabel(publication.labels, issue),
        totalLabel: totalLabel(publication.labels, issue),
        published: issue.published,
      },
      outputs: files.filter((file) => !file.path.startsWith('docs/')),
      documents: gazette.sections.flatMap((section) =>
        section.documents.map((doc) => {
          const pages = paged.documentPages.get(doc.id);
          // Layout places every document's title: a document without pages is a bug, not a user's mistake.
          if (!pages) throw new Error(`document ${doc.id} was not laid out`);
          return {
            id: doc.id,
            title: doc.meta.title,
            category: section.spec.name,
            issuers: doc.meta.issuers,
            ...optional(doc),
            signature: doc.meta.signature,
            attachments: doc.meta.attachments,
            cc: doc.meta.cc,
            ...(doc.meta.printed ? { printed: doc.meta.printed } : {}),
            firstPage: pages.first,
            lastPage: pages.last,
            source: doc.file.path,
            outputs: own(doc.id),
          };
        }),
      ),
    };
    return [{ path: 'issue.json', data: `${JSON.stringify(data, null, 2)}\n` }];
  },
};
