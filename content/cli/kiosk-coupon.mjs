#!/usr/bin/env node
// `kiosk-coupon` for tills and the backend: runs the TypeScript entry through tsx.
import { register } from 'tsx/esm/api';

register();
await import('./kiosk-coupon.ts');
