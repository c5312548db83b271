import { defineConfig } from 'vite';

// The embed script: one classic-script IIFE with no exports, so it defines no
// global of its own (it writes only window.Switchboard). Built after the app
// into the same dist/ so the server serves it as /widget/loader.js.
export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    copyPublicDir: false,
    // Host pages run on older browsers too; nothing here needs newer syntax.
    target: 'es2020',
    minify: true,
    sourcemap: false,
    lib: {
      entry: 'src/loader/loader.ts',
      formats: ['iife'],
      name: 'SwitchboardLoader',
      fileName: () => 'loader.js',
    },
  },
});
