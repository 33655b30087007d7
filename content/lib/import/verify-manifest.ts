// The first thing an import trusts: manifest.sig must be a valid Ed25519 signature by a
// trusted key over manifest.json's exact bytes; only then is the manifest parsed.
import type { TrustedKey } from '../../schema/kiosk-config.ts';
import { CURRENT_SCHEMA_VERSION, Manifest, ManifestSignature } from '../../schema/manifest.ts';
import { migrateFile, planMigration, SCHEMA_MIGRATIONS, type MigrationPlan, type SchemaMigration } from '../../schema/migrations.ts';
import { verifyManifestSignature } from '../keys/manifest-signature.ts';
import { bi } from '../report/bilingual.ts';
import { checkValue } from '../report/schema-check.ts';
import { PackImportError } from './import-error.ts';

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
}

export interface VerifiedManifest {
  /** The manifest in the current schema version (migrated when the pack is older). */
  manifest: Manifest;
  signer: TrustedKey;
  /** The steps the pack's files need to reach the current version (none for a current pack). */
  migration: MigrationPlan;
}

export async function verifyManifest(
  manifestBytes: Uint8Array,
  signatureBytes: Uint8Array,
  trusted: readonly TrustedKey[],
  migrations: readonly SchemaMigration[] = SCHEMA_MIGRATIONS,
): Promise<VerifiedManifest> {
  const signature = ManifestSignature.safeParse(parseJson(signatureBytes));
  if (!signature.success) throw new PackImportError('bad-signature');
  const check = await verifyManifestSignature(manifestBytes, signature.data, trusted);
  if (!check.ok) throw new PackImportError(check.reason, { keyId: check.keyId });

  const parsed = parseJson(manifestBytes) as { schemaVersion?: unknown } | undefined;
  if (typeof parsed?.schemaVersion === 'number' && parsed.schemaVersion > CURRENT_SCHEMA_VERSION) {
    throw new PackImportError('unsupported-version', { version: parsed.schemaVersion, supported: CURRENT_SCHEMA_VERSION });
  }
  // An older pack is carried forward, step by step, before the current schema checks it.
  const plan = planMigration(parsed?.schemaVersion ?? CURRENT_SCHEMA_VERSION, CURRENT_SCHEMA_VERSION, migrations);
  if ('error' in plan) {
    const problem = { severity: 'error' as const, file: 'manifest.json', field: 'schemaVersion', message: bi(`无法升级内容包格式：${plan.error}`, `the pack format cannot be upgraded: ${plan.error}`), fix: bi('用当前版本的 kiosk-pack 重新生成内容包', 'build the pack again with the current kiosk-pack') };
    throw new PackImportError('schema', { count: 1, first: problem.message['zh-CN'], firstEn: problem.message.en }, { problems: [problem] });
  }
  const raw = migrateFile(plan, 'manifest', parsed);
  const checked = checkValue(Manifest, raw, { file: 'manifest.json' });
  if (!checked.value) {
    const first = checked.problems[0];
    throw new PackImportError(
      'schema',
      { count: checked.problems.length, first: `manifest.json ${first?.field ?? ''} ${first?.message['zh-CN'] ?? ''}`, firstEn: `manifest.json ${first?.field ?? ''} ${first?.message.en ?? ''}` },
      { problems: checked.problems },
    );
  }
  for (const reserved of ['manifest.json', 'manifest.sig']) {
    if (Object.hasOwn(checked.value.files, reserved)) {
      const problem = { severity: 'error' as const, file: 'manifest.json', field: `files.${reserved}`, message: bi('清单不能列出自己', 'the manifest cannot list itself'), fix: bi('重新生成内容包', 'build the pack again') };
      throw new PackImportError('schema', { count: 1, first: problem.message['zh-CN'], firstEn: problem.message.en }, { problems: [problem] });
    }
  }
  return { manifest: checked.value, signer: check.key, migration: plan };
}
