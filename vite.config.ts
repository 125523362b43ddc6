import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API runs separately in development (`node cli/bin.mjs serve`, port 3000); in production the
// same Fastify process serves dist/web, so the app only ever calls relative /api URLs.
const apiTarget = 'http://localhost:3000';

export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    target: 'es2022',
  },
  server: {
    proxy: {
      '/api': apiTarget,
      '/feed.atom': apiTarget,
    },
  },
});
