// The renderer's window globals (window.kiosk, window.__kioskTest) for code that runs
// inside page.evaluate in end-to-end tests and benchmarks.
import type {} from '../../renderer/src/test-hook/app-events.ts';
import type {} from '../../renderer/src/host/host.ts';
