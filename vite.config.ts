import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const API = 'http://localhost:4000';

// The dashboard is built into dist/client and served by the API process (server/http/static-client.ts).
// The manifest (dist/client/.vite/manifest.json) tells the client bench which chunks load first.
export default defineConfig({
  root: 'client',
  plugins: [react()],
  build: { outDir: '../dist/client', emptyOutDir: true, manifest: true },
  server: {
    // ws: the live updates' WebSocket shares /graphql with the queries
    proxy: { '/graphql': { target: API, ws: true }, '/healthz': API },
  },
});
