/**
 * The Atom feed (RFC 4287) over every built issue: one entry per document, newest issue first and in TOC order
 * within an issue. It is made from the issues' data editions (issue.json), so it needs no second reading of the
 * sources. Entry ids are UUIDs derived from the publication, issue and document ids: the same document keeps its
 * id across rebuilds and machines. Links are relative to the feed, which sits beside the issue folders.
 */
import { createHash } from 'node:crypto';
import { listedTitle } from '../shared/titles.js';

/** What the feed reads of an issue.json (see schema/issue.schema.json). */
export interface FeedIssue {
  publication: { name: string; publisher: string; website?: string };
  issue: { id: string; label: string; published: string };
  outputs: { path: string }[];
  documents: {
    id: string;
    title: string;
    category: string;
    issuers: string[];
    number?: string;
    numberKind?: string;
    date?: string;
    firstPage: number;
    lastPage: number;
    outputs: { path: string }[];
  }[];
}

/** An RFC 4122 name-based UUID (SHA-1, version 5 layout) of `name`: stable, and valid as an Atom id. */
function uuid(name: string): string {
  const hex = createHash('sha1').update(name).digest('hex').slice(0, 32).split('');
  hex[12] = '5';
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A path of the issue folder as a link relative to the feed, each segment percent-encoded. */
const href = (issue: string, path: string): string => [issue, ...path.split('/')].map(encodeURIComponent).join('/');

const pages = (first: number, last: number): string => (first === last ? `第${first}页` : `第${first}—${last}页`);

export function atomFeed(issues: readonly FeedIssue[]): string {
  const sorted = [...issues].sort((a, b) => (a.issue.published === b.issue.published ? (a.issue.id < b.issue.id ? 1 : -1) : a.issue.published < b.issue.published ? 1 : -1));
  const publication = sorted[0]?.publication;
  const name = publication?.name ?? '';
  const updated = `${sorted[0]?.issue.published ?? '1970-01-01'}T00:00:00Z`;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  <title>${escape(name)}</title>`,
    `  <id>${uuid(`gazette:${name}`)}</id>`,
    `  <updated>${updated}</updated>`,
    `  <link rel="self" href="feed.xml"/>`,
    ...(publication ? [`  <author><name>${escape(publication.publisher)}</name></author>`] : []),
    '  <generator>gazette</generator>',
  ];
  for (const { issue, outputs, documents } of sorted) {
    // An entry links to its own page, else the issue's web edition, its PDF, or its data: Atom wants a link.
    const issuePage = outputs.find((output) => output.path.endsWith('.html'))?.path ?? outputs.find((output) => output.path.endsWith('.pdf'))?.path ?? 'issue.json';
    for (const doc of documents) {
      const own = (ext: string) => doc.outputs.find((output) => output.path.endsWith(ext))?.path;
      const page = own('.html') ?? issuePage;
      const pdf = own('.pdf');
      const summary = [doc.number, `${issue.label} ${pages(doc.firstPage, doc.lastPage)}`].filter(Boolean).join('　');
      const stamp = `${issue.published}T00:00:00Z`;
      lines.push(
        '  <entry>',
        `    <title>${escape(listedTitle(doc))}</title>`,
        `    <id>${uuid(`gazette:${name}:${issue.id}:${doc.id}`)}</id>`,
        `    <published>${stamp}</published>`,
        `    <updated>${stamp}</updated>`,
        ...doc.issuers.map((issuer) => `    <author><name>${escape(issuer)}</name></author>`),
        `    <category term="${escape(doc.category)}"/>`,
        `    <link rel="alternate" href="${escape(href(issue.id, page))}"/>`,
        ...(pdf ? [`    <link rel="enclosure" type="application/pdf" href="${escape(href(issue.id, pdf))}"/>`] : []),
        `    <summary>${escape(summary)}</summary>`,
        '  </entry>',
      );
    }
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}
