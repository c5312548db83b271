import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

// The iframe app, served by the Switchboard server under /widget.
// The source is written against React's API; the build swaps in preact/compat
// (about a tenth of react-dom's size) to keep the first render within the
// 45 KB gzip budget of tests/widget-app/size-budget.test.ts. Tests run on this build.
const PREACT_ALIASES = [
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/compat/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/compat/jsx-dev-runtime' },
  { find: /^react$/, replacement: 'preact/compat' },
];

export default defineConfig({
  base: '/widget/',
  resolve: { alias: PREACT_ALIASES },
  // Assets also written gzip- and brotli-compressed beside themselves, sent as the browser
  // accepts (the HTML goes out through the server's own compression).
  plugins: [compression({ algorithms: ['gzip', 'brotliCompress'], exclude: /\.html$/, logLevel: 'silent' })],
  build: { outDir: 'dist', sourcemap: true, target: 'es2020' },
});
