#!/usr/bin/env node
// Compiles src/ into build/ as one ESM bundle per command (esbuild, code-split): a few files instead of hundreds of
// tiny ESM modules, which is most of the start-up cost of `gazette check` and `gazette build`. Type checking is
// tsc's job (`npm run typecheck`). pdfkit and fontkit are bundled too: resolving and loading their many small
// CommonJS dependencies costs more than running them.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
rmSync(join(root, 'build'), { recursive: true, force: true });

// fontkit, unicode-properties and linebreak inflate their Unicode tables on import with tiny-inflate (pure
// JavaScript, ~50 ms), and fontkit's WOFF2 support imports a JavaScript Brotli decoder with a 1.2 MB dictionary.
// Node's zlib does both natively, on the same data.
const nativeShims = {
  'tiny-inflate': `const { inflateRawSync } = require('node:zlib');
module.exports = function inflate(source, dest) {
  const out = inflateRawSync(source);
  dest.set(out.length > dest.length ? out.subarray(0, dest.length) : out);
  return out.length < dest.length ? dest.subarray(0, out.length) : dest;
};`,
  'brotli/decompress.js': `const { brotliDecompressSync } = require('node:zlib');
module.exports = function decompress(buffer) {
  return brotliDecompressSync(buffer);
};`,
};
const nativeZlib = {
  name: 'native-zlib',
  setup(build) {
    build.onResolve({ filter: /^(tiny-inflate|brotli\/decompress\.js)$/ }, (args) => ({ path: args.path, namespace: 'native-zlib' }));
    build.onLoad({ filter: /.*/, namespace: 'native-zlib' }, (args) => ({ loader: 'js', contents: nativeShims[args.path] }));
  },
};

await build({
  entryPoints: [join(root, 'src/cli/program.ts')],
  outdir: join(root, 'build'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  plugins: [nativeZlib],
  // Bundled CommonJS dependencies (gray-matter) call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as gazetteCreateRequire } from 'node:module'; const require = gazetteCreateRequire(import.meta.url);" },
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
});

// pdfkit reads its PDF/A colour profile relative to its own module, which now lives in build/chunks.
const require = createRequire(import.meta.url);
mkdirSync(join(root, 'build/chunks/data'), { recursive: true });
copyFileSync(join(dirname(require.resolve('pdfkit')), 'data/sRGB_IEC61966_2_1.icc'), join(root, 'build/chunks/data/sRGB_IEC61966_2_1.icc'));
