// The merchandiser's side of content packs (what content/cli and build scripts use):
// keys, validation of a pack folder, building, signing. Loads sharp for pictures.

export { generateKeyPair, keyIdOf } from './keys/ed25519.ts';
export { createSigningKey, publicPart, readSigningKey, readTrustedKeys, type SigningKeyFile } from './keys/key-files.ts';
export { signManifest, verifyManifestSignature } from './keys/manifest-signature.ts';
export { validateSource, type ValidateOptions, type ValidatedSource } from './source/validate-source.ts';
export { readProductSheet } from './source/csv/products-sheet.ts';
export { buildPack, type BuildOptions, type BuildResult } from './build/build-pack.ts';
export { signPackFile } from './build/sign-pack.ts';
export { buildCatalog, catalogFiles } from './catalog/build-catalog.ts';
export { formatProblem, formatSummary } from './report/format-problem.ts';
export { UserError } from './report/user-error.ts';
