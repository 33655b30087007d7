import type { ESLint } from 'eslint';

export function layerOf(rel: string): string;
export function checkProjectImport(fromRel: string, toRel: string): string | null;
export const RENDERER_PACKAGES: ReadonlySet<string>;
export const CONSOLE_PACKAGES: ReadonlySet<string>;
export function checkBareImport(fromRel: string, spec: string, options?: { names?: string[] }): string | null;
declare const plugin: ESLint.Plugin;
export default plugin;
