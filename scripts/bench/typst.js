// The peer in the side-by-side: Typst (its Node addon, the same compiler as the CLI) typesetting the issue from
// its Typst markup to a PDF file, whole process as for gazette. Usage: node typst.js <file.typ> <out.pdf> [font dir]
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';

const [source, out, fonts = '/usr/share/fonts/opentype/noto'] = process.argv.slice(2);
const compiler = NodeCompiler.create({ workspace: dirname(source), fontArgs: [{ fontPaths: [fonts] }] });
const pdf = compiler.pdf({ mainFileContent: readFileSync(source, 'utf8') });
writeFileSync(out, pdf);
