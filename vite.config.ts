import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The console is one static page: served by `patchbay serve` over http and loaded from file://
// by Electron, so every asset URL is relative (base './').
export default defineConfig({
  root: fileURLToPath(new URL('./src/renderer', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // Fluent UI and ag-grid together exceed Vite's default warning size; the bundle is local.
    chunkSizeWarningLimit: 4000,
    sourcemap: true,
  },
  server: { strictPort: false },
});
