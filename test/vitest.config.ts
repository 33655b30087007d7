// Unit tests sit beside the code. Node-side code runs in Node; the renderer and the
// games run in a DOM (happy-dom).
import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  test: {
    // Every core: by default Vitest leaves one to itself, which on a two-core machine runs
    // one test file at a time, and many of these files spend their time waiting (on
    // PostgreSQL, fsync, child processes, timers). Two at a time: 526 s → 363 s here.
    maxWorkers: '100%',
    projects: [
      {
        root,
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'electron/**/*.test.ts',
            'content/**/*.test.ts',
            'build/**/*.test.ts',
            'test/**/*.test.ts',
            '.eslint-plugin-local/**/*.test.ts',
            'hub/server/**/*.test.ts',
            'hub/store/**/*.test.ts',
          ],
          exclude: ['test/e2e/**', 'node_modules/**'],
          // One PostgreSQL cluster for the run's store tests.
          globalSetup: ['hub/store/testing/pg-global-setup.ts'],
        },
      },
      {
        root,
        plugins: [vue()],
        test: {
          name: 'web',
          environment: 'happy-dom',
          include: ['renderer/**/*.test.ts', 'games/**/*.test.ts', 'hub/console/**/*.test.ts'],
        },
      },
    ],
  },
});
