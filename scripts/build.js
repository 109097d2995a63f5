#!/usr/bin/env node
// Compiles src/ into build/ as one ESM bundle per command (esbuild, code-split): a few files instead of hundreds of
// tiny ESM modules, which is most of the start-up cost of `gazette check` and `gazette build`. Type checking is
// tsc's job (`npm run typecheck`); pdfkit, fontkit and iconv-lite stay external (they read data files beside them).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
rmSync(join(root, 'build'), { recursive: true, force: true });
await build({
  entryPoints: [join(root, 'src/cli/program.ts')],
  outdir: join(root, 'build'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['pdfkit', 'fontkit', 'iconv-lite'],
  // Bundled CommonJS dependencies (gray-matter) call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as gazetteCreateRequire } from 'node:module'; const require = gazetteCreateRequire(import.meta.url);" },
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
});
