#!/usr/bin/env node
// Compiles src/ into build/gazette.cjs with esbuild, plus the vendor bundles below: loading hundreds of small
// modules is most of the start-up cost of `gazette check` and `gazette build`. pdfkit and fontkit are bundled too:
// resolving their many small CommonJS dependencies costs more than running them. Type checking is tsc's job
// (`npm run typecheck`).
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

// Libraries that only some commands run live in bundles of their own beside build/gazette.cjs, required the first
// time a command imports them: V8 parses the whole source of a file it loads, so `gazette check` and `--version`
// would otherwise compile 1.7 MB they never run. pdfkit draws with fontkit's fonts, so the two share one bundle
// (one fontkit); the Markdown parser runs on a parse-cache miss, parse5 for HTML tables (on a miss too) and
// `gazette import` (through hast-util-from-html, which stays in the main bundle), the file watcher in `gazette
// preview`.
const vendors = {
  typeset: ['fontkit', 'pdfkit'],
  'markdown-parser': ['unified', 'remark-parse', 'remark-gfm', 'remark-cjk-friendly', 'remark-cjk-friendly-gfm-strikethrough'],
  'html-parser': ['parse5'],
  watcher: ['chokidar'],
};
const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // The sources (ours, and pdfkit's) are ES modules; in a CommonJS bundle their module URL is the bundle's own.
  define: { 'import.meta.url': 'gazetteModuleUrl' },
  banner: { js: "const gazetteModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
};

// Each vendor bundle exports its packages' module namespaces by package name, resolved as the main bundle's
// imports would resolve them. It lies in build/ too, where pdfkit finds its data/.
const require = createRequire(import.meta.url);
const namespaces = new Map();
for (const [bundle, packages] of Object.entries(vendors)) {
  const file = join(root, `build/vendor-${bundle}.cjs`);
  await build({
    ...common,
    stdin: {
      contents: `${packages.map((name, i) => `import * as p${i} from ${JSON.stringify(name)};`).join('\n')}\nexport default { ${packages.map((name, i) => `${JSON.stringify(name)}: p${i}`).join(', ')} };`,
      resolveDir: root,
      loader: 'js',
    },
    outfile: file,
    plugins: [nativeZlib],
    footer: { js: 'module.exports = module.exports.default;' },
  });
  for (const name of packages) namespaces.set(name, { file: `./vendor-${bundle}.cjs`, keys: Object.keys(require(file)[name]) });
}

// In the main bundle a vendored package is an ES module that re-exports its namespace from the vendor bundle, so
// that default and named imports mean what they meant when the package was bundled in place.
const vendored = {
  name: 'vendored',
  setup(build) {
    build.onResolve({ filter: new RegExp(`^(${[...namespaces.keys()].join('|')})$`) }, (args) => ({ path: args.path, namespace: 'vendored' }));
    build.onResolve({ filter: /^\.\/vendor-[a-z-]+\.cjs$/ }, (args) => ({ path: args.path, external: true }));
    build.onLoad({ filter: /.*/, namespace: 'vendored' }, (args) => {
      const { file, keys } = namespaces.get(args.path);
      const named = keys.filter((key) => key !== 'default');
      const invalid = named.find((key) => !/^[A-Za-z_$][\w$]*$/.test(key));
      if (invalid) return { errors: [{ text: `${args.path} exports ${JSON.stringify(invalid)}, which cannot be re-exported by name` }] };
      return {
        loader: 'js',
        contents: [
          `const namespace = require(${JSON.stringify(file)})[${JSON.stringify(args.path)}];`,
          ...(keys.includes('default') ? ['export default namespace.default;'] : []),
          ...(named.length > 0 ? [`export const { ${named.join(', ')} } = namespace;`] : []),
        ].join('\n'),
      };
    });
  },
};

await build({
  ...common,
  entryPoints: [join(root, 'src/cli/program.ts')],
  outfile: join(root, 'build/gazette.cjs'),
  plugins: [nativeZlib, noJsYaml, vendored],
  // Only `gazette import` reads Word files: mammoth stays outside the bundle and is required from node_modules
  // when an import runs.
  external: ['mammoth'],
  define: {
    ...common.define,
    'process.env.GAZETTE_VERSION': JSON.stringify(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version),
  },
});

// bin/gazette.js loads the bundles through this one, which keeps their compiled code (src/host/code-cache.ts).
await build({ ...common, entryPoints: [join(root, 'src/host/code-cache.ts')], outfile: join(root, 'build/code-cache.cjs') });

// pdfkit reads its PDF/A colour profile relative to its own module, which now lives in build/.
mkdirSync(join(root, 'build/data'), { recursive: true });
copyFileSync(join(dirname(require.resolve('pdfkit')), 'data/sRGB_IEC61966_2_1.icc'), join(root, 'build/data/sRGB_IEC61966_2_1.icc'));
