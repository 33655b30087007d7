// Bounds on what an import may unpack. Everything is counted while streaming, from
// the bytes actually inflated, never from what the zip headers claim.

export interface ImportLimits {
  /** Size of the .kpack file itself. */
  maxArchiveBytes: number;
  maxEntries: number;
  /** Unpacked size of one file. */
  maxEntryBytes: number;
  /** Unpacked size of the whole pack. */
  maxTotalBytes: number;
  /** Largest unpacked : packed ratio of one file (a zip bomb has thousands)… */
  maxRatio: number;
  /** …checked once a file has unpacked more than this (tiny files compress well). */
  ratioFloorBytes: number;
  maxManifestBytes: number;
  /** A data or catalog JSON file, which is parsed in memory. */
  maxJsonBytes: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxArchiveBytes: 4_000_000_000,
  maxEntries: 50_000,
  maxEntryBytes: 2_000_000_000,
  maxTotalBytes: 4_000_000_000,
  maxRatio: 100,
  ratioFloorBytes: 1_000_000,
  maxManifestBytes: 16_000_000,
  maxJsonBytes: 64_000_000,
};

export const MAX_SIGNATURE_BYTES = 4096;
