/** Load stage: reads the publication file, issue metadata and document files through the Host. */
import type { BuildMemo } from '../shared/build-memo.js';
import type { ParsedDocument } from '../model/document.js';
import type { Publication } from '../model/gazette.js';
import { isFileError, type FileError, type Host } from '../host/host.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { parseDocument, decode } from '../parse/index.js';
import { readPublication } from './publication.js';
import { readIssueMeta, type IssueFile } from './issue-meta.js';

export type { IssueFile } from './issue-meta.js';

const documentsDir = 'documents';
const publicationFile = `${documentsDir}/gazette.yml`;

/** One issue folder as read from disk. */
export interface IssueSource {
  id: string;
  /** Undefined when issue.yml is missing or invalid (a diagnostic says why). */
  file?: IssueFile;
  documents: ParsedDocument[];
}

/** Everything under documents/. Issues are sorted by folder name. */
export interface Project {
  publication: Publication;
  issues: IssueSource[];
}

/** A problem with the setup rather than the documents: the CLI exits 2. */
export interface SetupProblem {
  code: 'documents-missing' | 'documents-unreadable' | 'issues-missing' | 'publication-missing' | 'publication-unusable' | 'issue-unknown' | 'template-missing' | 'template-unreadable' | 'year-without-issues';
  args: Record<string, string>;
}

export type LoadResult =
  | { project: Project; diagnostics: Diagnostic[] }
  | { setup: SetupProblem; diagnostics: Diagnostic[] };

/**
 * Loads the project's front matter. `targets` are the issues the user asked for (all when empty); every issue is
 * still read, because numbers must be unique across all issues (A11). Markdown bodies are parsed later, by
 * `parseBodies`, for the issue being built.
 */
export function loadProject(host: Host, targets: readonly string[], memo?: BuildMemo): LoadResult {
  const entries = host.listDir(documentsDir);
  if (entries === 'ENOENT' || entries === 'ENOTDIR') return { setup: { code: 'documents-missing', args: { dir: documentsDir } }, diagnostics: [] };
  if (isFileError(entries)) return { setup: { code: 'documents-unreadable', args: { dir: documentsDir, error: entries, remedy: `remedy-${entries}` } }, diagnostics: [] };
  const diagnostics: Diagnostic[] = [];
  // An issue is a visible folder holding issue.yml or documents; other folders (images, drafts) are not issues.
  const folders = visible(entries).flatMap((name) => {
    const path = `${documentsDir}/${name}`;
    const inside = host.listDir(path);
    if (inside === 'ENOTDIR' || inside === 'ENOENT') return [];
    if (isFileError(inside)) {
      // An unreadable folder may well be an issue: say so rather than pretend it is not there.
      diagnostics.push(unreadable(path, inside));
      return [];
    }
    const files = visible(inside);
    return files.some((file) => file === 'issue.yml' || isDocumentName(file)) ? [{ id: name, files }] : [];
  });
  const issueIds = folders.map((folder) => folder.id);
  if (issueIds.length === 0) return { setup: { code: 'issues-missing', args: { dir: documentsDir } }, diagnostics };
  const unknown = targets.find((id) => !issueIds.includes(id));
  if (unknown !== undefined) return { setup: { code: 'issue-unknown', args: { issue: unknown, known: issueIds.join('、') } }, diagnostics };
  const publication = loadPublication(host, memo);
  diagnostics.push(...publication.diagnostics);
  if ('setup' in publication) return { setup: publication.setup, diagnostics };
  const issues = folders.map(({ id, files }) => {
    const result = loadIssue(host, id, files, memo);
    diagnostics.push(...result.diagnostics);
    return result.issue;
  });
  return { project: { publication: publication.publication, issues }, diagnostics };
}

/** Reads documents/gazette.yml alone (what `gazette import` needs to know about the gazette). */
export function loadPublication(host: Host, memo?: BuildMemo): { publication: Publication; diagnostics: Diagnostic[] } | { setup: SetupProblem; diagnostics: Diagnostic[] } {
  const bytes = host.readFile(publicationFile);
  if (bytes === 'ENOENT') return { setup: { code: 'publication-missing', args: { file: publicationFile } }, diagnostics: [] };
  if (isFileError(bytes)) return { setup: { code: 'publication-unusable', args: { file: publicationFile } }, diagnostics: [unreadable(publicationFile, bytes)] };
  const decoded = decode(bytes);
  const text = 'text' in decoded && decoded.text !== undefined ? decoded.text : '';
  const publication = memo ? memo.get(`publication\u0000${text}`, () => readPublication(publicationFile, text)) : readPublication(publicationFile, text);
  if (!publication.value) return { setup: { code: 'publication-unusable', args: { file: publicationFile } }, diagnostics: publication.diagnostics };
  return { publication: publication.value, diagnostics: publication.diagnostics };
}

/** Reads one issue folder; `files` is its (visible) listing, already taken to find the issues. */
function loadIssue(host: Host, id: string, files: readonly string[], memo?: BuildMemo): { issue: IssueSource; diagnostics: Diagnostic[] } {
  const dir = `${documentsDir}/${id}`;
  const diagnostics: Diagnostic[] = [];
  const metaPath = `${dir}/issue.yml`;
  const metaBytes = host.readFile(metaPath);
  let file: IssueFile | undefined;
  if (metaBytes === 'ENOENT') diagnostics.push({ code: 'issue-meta-missing', severity: 'error', span: { file: metaPath, start: { line: 1, column: 1 } }, args: { file: metaPath } });
  else if (isFileError(metaBytes)) diagnostics.push(unreadable(metaPath, metaBytes));
  else {
    const decoded = decode(metaBytes);
    const text = 'text' in decoded && decoded.text !== undefined ? decoded.text : '';
    const meta = memo ? memo.get(`issue-meta\u0000${id}\u0000${text}`, () => readIssueMeta(id, metaPath, text)) : readIssueMeta(id, metaPath, text);
    diagnostics.push(...meta.diagnostics);
    file = meta.value;
  }
  const documents: ParsedDocument[] = [];
  // A document's id is its file name without .md: it names its files (docs/<id>.pdf) and its anchors, so two
  // names that differ only in case would overwrite each other's files on macOS and Windows.
  const ids = new Map<string, string>();
  for (const name of files) {
    const path = `${dir}/${name}`;
    if (!isDocumentName(name)) {
      // Another spelling of Markdown is a document meant for the issue; Word files and others may be kept beside.
      const rename = name.replace(MARKDOWN_EXTENSION, '.md');
      // Beside a document of the name it would take, it is likely a copy: said, but not to be renamed over it.
      const taken = files.some((file) => file.toLowerCase() === rename.toLowerCase());
      if (rename !== name) diagnostics.push({ code: 'document-not-md', severity: 'warning', span: { file: path, start: { line: 1, column: 1 } }, args: { file: path, ...(taken ? { copyOf: `${dir}/${rename}` } : { rename }) } });
      continue;
    }
    const key = name.replace(/\.md$/iu, '').toLowerCase();
    const other = ids.get(key);
    if (other !== undefined) {
      diagnostics.push({ code: 'document-id-duplicate', severity: 'error', span: { file: path, start: { line: 1, column: 1 } }, args: { file: path, other } });
      continue;
    }
    ids.set(key, path);
    const bytes = host.readFile(path);
    // A folder named a.md is not a document, but may hold one; anything else that cannot be read is reported as what it is.
    if (bytes === 'EISDIR') {
      diagnostics.push({ code: 'document-folder', severity: 'warning', span: { file: path, start: { line: 1, column: 1 } }, args: {} });
      continue;
    }
    if (isFileError(bytes)) {
      diagnostics.push(unreadable(path, bytes));
      continue;
    }
    const parse = (): ReturnType<typeof parseDocument> => parseDocument(path, bytes, id);
    // Reading front matter with positions is most of loading: a file saved unchanged is not read again.
    const parsed = memo ? memo.get(`document\u0000${path}\u0000${id}\u0000${Buffer.from(bytes).toString('latin1')}`, parse) : parse();
    diagnostics.push(...parsed.diagnostics);
    if (parsed.value) documents.push(parsed.value);
  }
  if (documents.length === 0 && diagnostics.length === 0)
    diagnostics.push({ code: 'issue-empty', severity: 'warning', span: { file: metaPath, start: { line: 1, column: 1 } }, args: { issue: id } });
  return { issue: { id, ...(file ? { file } : {}), documents }, diagnostics };
}

/** Editors' and systems' hidden files (.draft.md, macOS ._x.md) are not part of the issue. */
function visible(names: readonly string[]): string[] {
  return names.filter((name) => !name.startsWith('.'));
}

/** A file or folder the system would not let us read, with why and what to do. */
function unreadable(path: string, error: FileError): Diagnostic {
  return { code: 'file-unreadable', severity: 'error', span: { file: path, start: { line: 1, column: 1 } }, args: { path, error, remedy: `remedy-${error}` } };
}

function isDocumentName(name: string): boolean {
  return name.toLowerCase().endsWith('.md');
}

/** Other spellings of Markdown's extension: files an editor meant as documents, which the issue does not read. */
const MARKDOWN_EXTENSION = /\.(?:markdown|mdown|mkdn|mkd)$/iu;
