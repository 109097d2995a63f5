// Projects for the scale benchmarks, each built from the bundled issue's own documents: one issue holding a
// document of `bytes` bytes, one holding `count` small documents, and one whose document nests lists `depth` deep.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const issueYml = 'year: 2030\nnumber: 1\ntotal: 1\npublished: 2030-03-01\n';

function project(target, source, files) {
  const dir = join(target, 'documents', '2030-1');
  mkdirSync(dir, { recursive: true });
  cpSync(join(source, 'gazette.yml'), join(target, 'documents', 'gazette.yml'));
  writeFileSync(join(dir, 'issue.yml'), issueYml);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return '2030-1';
}

/** Front matter and body of a bundled document. */
function split(source, name) {
  const text = readFileSync(join(source, '2021-4', name), 'utf8');
  const end = text.indexOf('\n---\n', 4) + 5;
  return { front: text.slice(0, end), body: text.slice(end) };
}

/** One document of at least `bytes` bytes: a long bundled document's body said again and again. */
export function writeLargeDocument(target, bytes, source) {
  const { front, body } = split(source, 'cfg-2021-46.md');
  const paragraphs = body.split('\n\n').filter((p) => p.trim() !== '' && !/^#/.test(p));
  let text = front;
  for (let i = 0; Buffer.byteLength(text) < bytes; i++) text += `\n${paragraphs[i % paragraphs.length]}\n`;
  return project(target, source, { 'large.md': text });
}

/** `count` short documents, each a bundled 批复 with its own 发文字号. */
export function writeManyDocuments(target, count, source) {
  const { front, body } = split(source, 'cfg-2021-52.md');
  const files = {};
  for (let k = 1; k <= count; k++) files[`d-${k}.md`] = front.replace(/〔2021〕\d+号/u, `〔2021〕${1000 + k}号`).replace('同意无偿划转', `同意第${k}批无偿划转`) + body;
  return project(target, source, files);
}

/** A document nesting block quotes and lists `depth` levels deep on one line each (input size linear in depth). */
export function writeNested(target, depth, source) {
  const { front } = split(source, 'cfg-2021-52.md');
  return project(target, source, { 'nested.md': `${front}\n${'> '.repeat(depth)}引用\n\n${'- '.repeat(depth)}列表\n` });
}
