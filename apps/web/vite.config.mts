import { fileURLToPath } from 'node:url';
import { defineConfig, type ProxyOptions } from 'vite';
import react from '@vitejs/plugin-react';

// Directory of this config file (apps/web), independent of the current working directory.
const webRoot = fileURLToPath(new URL('.', import.meta.url));
const fromWebRoot = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

const apiTarget = process.env.PORTAL_API_URL ?? 'http://127.0.0.1:3000';

// changeOrigin stays false: the API sees the dev server's Host header, which matches the browser's Origin header
// (relevant for same-origin / CSRF checks on the API side).
const proxy: Record<string, ProxyOptions> = {
  '/api': { target: apiTarget, changeOrigin: false },
};

export default defineConfig({
  root: webRoot,
  base: '/',
  publicDir: fromWebRoot('./public'),
  plugins: [react()],
  resolve: {
    alias: {
      '@portal/domain': fromWebRoot('../../libs/domain/src/index.ts'),
      '@portal/contracts': fromWebRoot('../../libs/contracts/src/index.ts'),
    },
  },
  build: {
    outDir: fromWebRoot('../../dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: 'hidden', // maps for error decoding, not advertised to browsers
  },
  server: {
    port: 5173,
    proxy,
  },
  preview: {
    port: 4173,
    proxy,
  },
});
