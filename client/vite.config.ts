/**
 * Vite build of the browser client. `npm run build` writes client/dist, which the server serves with an
 * SPA fallback (`/` and `/reports/:id` both load index.html).
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const clientRoot = fileURLToPath(new URL('.', import.meta.url));

/** Where `vite` (dev server) forwards API calls and room sockets: a server started with `npm run dev`. */
const DEV_SERVER = 'http://127.0.0.1:3000';

export default defineConfig({
  root: clientRoot,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    // The report page's chunk is the editor (TipTap, ProseMirror, Yjs), loaded only when a report opens.
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // zod and src/zodConfig.ts (`jitless`: no eval under the CSP) in a chunk of their own: a chunk that
          // builds schemas imports it, so the setting is made before any schema, wherever the schemas land
          // (modules shared by the list and the lazy pages once formed a chunk evaluated before the setting).
          groups: [{ name: 'zod', test: /[\\/]node_modules[\\/]zod[\\/]|[\\/]src[\\/]zodConfig\.ts$/ }],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': DEV_SERVER,
      '/collab': { target: DEV_SERVER, ws: true },
    },
  },
});
