// Bundle the CLI with esbuild into dist/: one file to load instead of
// hundreds of modules, which is most of a cold start. Heavy stages (charts,
// PDF) are split into chunks loaded only when a build needs them.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli.ts', 'src/index.ts'],
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  sourcemap: 'linked',
  legalComments: 'linked',
  logLevel: 'warning',
  // Font files and pdfkit's data are resolved at run time from node_modules.
  external: ['@resvg/resvg-js'],
  banner: {
    js: "import { createRequire as __briefdeckRequire } from 'node:module'; const require = __briefdeckRequire(import.meta.url);",
  },
});
