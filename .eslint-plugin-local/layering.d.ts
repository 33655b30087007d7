import type { ESLint } from 'eslint';

export function layerOf(rel: string): string;
export function checkProjectImport(fromRel: string, toRel: string, options?: { typeOnly?: boolean }): string | null;
export function checkBareImport(fromRel: string, spec: string, options?: { names?: string[] }): string | null;
declare const plugin: ESLint.Plugin;
export default plugin;
