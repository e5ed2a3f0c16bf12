// Bundle the CLI with esbuild into dist/: one file to load instead of
// hundreds of modules, which is most of a cold start. Heavy stages (charts,
// PDF) are split into chunks loaded only when a build needs them.
import path from 'node:path';
import { build } from 'esbuild';

/** Every `import 'fontkit'` except the wrapper's own goes to the memoising wrapper. */
const sharedFontkit = {
  name: 'shared-fontkit',
  setup(b) {
    const wrapper = path.resolve('src/theme/fontkit-shared.ts');
    b.onResolve({ filter: /^fontkit$/ }, (args) => (args.importer === wrapper ? undefined : { path: wrapper }));
  },
};

await build({
  entryPoints: ['src/cli.ts', 'src/index.ts'],
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: process.env.BRIEFDECK_DEBUG_BUNDLE !== '1',
  sourcemap: 'linked',
  legalComments: 'linked',
  logLevel: 'warning',
  plugins: [sharedFontkit],
  // Font files and pdfkit's data are resolved at run time from node_modules.
  external: ['@resvg/resvg-js'],
  banner: {
    js: "import { createRequire as __briefdeckRequire } from 'node:module'; const require = __briefdeckRequire(import.meta.url);",
  },
});
