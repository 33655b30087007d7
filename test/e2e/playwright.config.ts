// End-to-end tests drive the built renderer in Debian's Chromium (never a downloaded
// browser). Tests that need the real Electron binary live in test/e2e/electron/ and
// skip themselves when it is absent.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../support/chromium.ts';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.e2e.ts',
  outputDir: process.env.KIOSK_E2E_OUTPUT ?? '../../test-results/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  projects: [
    { name: 'kiosk', testIgnore: ['**/gesture-*.e2e.ts'] },
    // Hand tracking runs MediaPipe on the CPU; these run one at a time, after the rest,
    // so their frame rate is the kiosk's and not what is left over from other tests.
    { name: 'gestures', testMatch: ['**/gesture-*.e2e.ts'], dependencies: ['kiosk'], workers: 1 },
  ],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
    viewport: { width: 1080, height: 1920 },
    deviceScaleFactor: 0.5,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
