import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

// Served by the Switchboard server under /agent. Every asset is also written
// gzip- and brotli-compressed (.gz, .br beside it), at the highest levels, once
// here rather than per request; the server sends the one the browser accepts.
// Not the HTML: the server sends it itself, with its headers, compressed on the fly.
export default defineConfig({
  base: '/agent/',
  plugins: [react(), compression({ algorithms: ['gzip', 'brotliCompress'], exclude: /\.html$/, logLevel: 'silent' })],
  build: { outDir: 'dist', sourcemap: true },
});
