// Builds the hub's web console into dist/hub-console; the hub serves it at /console/.
// Everything is a file (no inlined data: URLs, no CDN), so a strict CSP can serve it.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

const consoleRoot = fileURLToPath(new URL('.', import.meta.url));
const repo = path.resolve(consoleRoot, '..', '..');

export default defineConfig({
  root: consoleRoot,
  base: '/console/',
  plugins: [vue()],
  define: {
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    __VUE_I18N_FULL_INSTALL__: 'true',
    __VUE_I18N_LEGACY_API__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
  },
  build: {
    outDir: path.join(repo, 'dist', 'hub-console'),
    emptyOutDir: true,
    target: 'chrome120',
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1200,
    reportCompressedSize: false,
    rolldownOptions: {
      output: {
        // Libraries in named chunks that change rarely; ECharts stays with the pages that
        // chart (kiosk, analytics), zxing-wasm with the till page's decoder worker.
        codeSplitting: {
          groups: [
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/ },
            { name: 'vue', test: /node_modules[\\/](@vue|vue|vue-router|vue-i18n|@intlify|pinia)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    host: '127.0.0.1',
    port: 5174,
    strictPort: false,
    // While developing, the hub (default http://127.0.0.1:8080) answers the API.
    proxy: { '/api': process.env.HUB_URL ?? 'http://127.0.0.1:8080' },
  },
});
