#!/usr/bin/env node
// Compiles src/ into build/gazette.cjs, one esbuild bundle: loading hundreds of small modules is most of the
// start-up cost of `gazette check` and `gazette build`. pdfkit and fontkit are bundled too: resolving their many
// small CommonJS dependencies costs more than running them. Type checking is tsc's job (`npm run typecheck`).
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
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
// gray-matter loads js-yaml (and js-yaml loads esprima from disk) for its default YAML engine, which gazette
// replaces: front matter is read with the `yaml` package, which keeps source positions. Its stand-in fails loudly
// if anything ever calls it.
const unusedYamlEngine = `const unused = () => { throw new Error('gazette reads front matter with the yaml package'); };
module.exports = { safeLoad: unused, safeDump: unused, load: unused, dump: unused };`;

const nativeZlib = {
  name: 'native-zlib',
  setup(build) {
    build.onResolve({ filter: /^(tiny-inflate|brotli\/decompress\.js)$/ }, (args) => ({ path: args.path, namespace: 'native-zlib' }));
    build.onLoad({ filter: /.*/, namespace: 'native-zlib' }, (args) => ({ loader: 'js', contents: nativeShims[args.path] }));
  },
};
const noJsYaml = {
  name: 'no-js-yaml',
  setup(build) {
    build.onResolve({ filter: /^js-yaml$/ }, (args) => (/gray-matter/.test(args.importer) ? { path: 'js-yaml', namespace: 'no-js-yaml' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'no-js-yaml' }, () => ({ loader: 'js', contents: unusedYamlEngine }));
  },
};

await build({
  entryPoints: [join(root, 'src/cli/program.ts')],
  outfile: join(root, 'build/gazette.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  plugins: [nativeZlib, noJsYaml],
  // Only `gazette import` reads Word files: mammoth stays outside the bundle and is required from node_modules
  // when an import runs.
  external: ['mammoth'],
  // The sources are ES modules; in the CommonJS bundle their module URL is the bundle's own.
  define: {
    'import.meta.url': 'gazetteModuleUrl',
    'process.env.GAZETTE_VERSION': JSON.stringify(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version),
  },
  banner: { js: "const gazetteModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
});

// pdfkit reads its PDF/A colour profile relative to its own module, which now lives in build/.
const require = createRequire(import.meta.url);
mkdirSync(join(root, 'build/data'), { recursive: true });
copyFileSync(join(dirname(require.resolve('pdfkit')), 'data/sRGB_IEC61966_2_1.icc'), join(root, 'build/data/sRGB_IEC61966_2_1.icc'));
