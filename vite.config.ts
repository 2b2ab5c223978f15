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
    rolldownOptions: {
      output: {
        // React, the router and the query cache change rarely: one long-cached chunk that every page needs anyway.
        codeSplitting: {
          groups: [{ name: 'react-vendor', test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack)[\\/]/ }],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': apiTarget,
      '/docs': apiTarget,
    },
  },
});
