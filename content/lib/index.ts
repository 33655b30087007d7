// The kiosk side of content packs, for electron/main: import and verify, the pack store,
// updates from a URL or a USB stick, and the catalog reader. It never loads sharp or the
// other merchandiser tools (those are in ./tools.ts).

export { importPack, type ImportOptions, type ImportedPack } from './import/import-pack.ts';
export { PackImportError, type PackImportErrorCode } from './import/import-error.ts';
export { DEFAULT_IMPORT_LIMITS, type ImportLimits } from './import/import-limits.ts';
export type { KioskIdentity } from './import/pack-policy.ts';
export { PackStore, type PackStoreOptions } from './store/pack-store.ts';
export type { PackPointer } from './store/store-state.ts';
export { createUpdatePoller, type PollOutcome, type UpdatePoller, type UpdatePollerOptions } from './update/update-poller.ts';
export { watchPackFolders, type FolderWatcher, type FolderWatcherOptions } from './update/folder-watcher.ts';
export { openCatalog, type CatalogReader } from './catalog/open-catalog.ts';
export { readTrustedKeys } from './keys/key-files.ts';
export { keyIdOf } from './keys/ed25519.ts';
export type { Bilingual } from './report/bilingual.ts';
export type { Problem, Where } from './report/problem.ts';
export { formatProblem } from './report/format-problem.ts';
