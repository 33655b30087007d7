#!/usr/bin/env node
// kiosk-pack: the merchandiser's tool for content packs. Runs the TypeScript sources
// through tsx, so it works from a checkout without a build step.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
