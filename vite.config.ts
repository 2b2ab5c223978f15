import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = path.resolve(import.meta.dirname, 'src/web');
const apiTarget = process.env.ONEWINDOW_API ?? 'http://localhost:3000';

/** The web app: portal (applicants) and workbench (staff), served by the server from dist/web. */
export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: path.resolve(import.meta.dirname, 'dist/web'),
    emptyOutDir: true,
    // antd and react together exceed the default warning; the portal budget is checked by its gzip size.
    chunkSizeWarningLimit: 900,
  },
  server: {
    proxy: {
      '/api': apiTarget,
      '/docs': apiTarget,
    },
  },
});
