import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Served by the Switchboard server under /agent.
export default defineConfig({
  base: '/agent/',
  plugins: [react()],
  build: { outDir: 'dist', sourcemap: true },
});
