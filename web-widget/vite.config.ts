import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { compression } from 'vite-plugin-compression2';

// The iframe app, served by the Switchboard server under /widget.
// The source is written against React's API; the build swaps in preact/compat
// (about a tenth of react-dom's size) to keep the first render under the
// 45 KB gzip budget of issue 6. Tests run on this build.
const PREACT_ALIASES = [
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/compat/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/compat/jsx-dev-runtime' },
  { find: /^react$/, replacement: 'preact/compat' },
];

const LOCALES_ONLY = fileURLToPath(new URL('src/i18n/shared-ids.ts', import.meta.url));

/**
 * shared's resolveLocale imports SUPPORTED_LOCALES from ids.js, a module that
 * also builds zod schemas at load time, which would put all of zod (28 KB
 * gzip) into the first chunk. For that one import the widget gets a module
 * with just the locale list (typechecked equal to shared's).
 */
function sharedLocalesWithoutZod(): Plugin {
  return {
    name: 'switchboard:shared-locales-without-zod',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === '../ids.js' && importer?.replaceAll('\\', '/').endsWith('shared/dist/i18n/locale.js')) {
        return LOCALES_ONLY;
      }
      return null;
    },
  };
}

export default defineConfig({
  base: '/widget/',
  resolve: { alias: PREACT_ALIASES },
  // Assets also written gzip- and brotli-compressed beside themselves, sent as the browser
  // accepts (the HTML goes out through the server's own compression).
  plugins: [
    sharedLocalesWithoutZod(),
    compression({ algorithms: ['gzip', 'brotliCompress'], exclude: /\.html$/, logLevel: 'silent' }),
  ],
  build: { outDir: 'dist', sourcemap: true, target: 'es2020' },
});
