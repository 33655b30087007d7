// Building a draft: content/lib's builder (the same validation and build as `kiosk-pack
// build`) signs the pack with the hub's own key, and the packs' keeper checks the .kpack
// with the kiosk's import and keeps it beside the uploaded packs. The builder and the
// validator (sharp, exceljs, yazl underneath) are loaded on a draft's first check or
// build, not with the hub: most hub processes never build a pack.
import { rm } from 'node:fs/promises';
import type { PackCheckFailure } from '../../../content/schema/hub-api/console/packs.ts';
import { bi, bothLines } from '../../../content/lib/report/bilingual.ts';
import { formatProblem, formatSummary } from '../../../content/lib/report/format-problem.ts';
import type { Problem } from '../../../content/lib/report/problem.ts';
import type { HubContext } from '../hub-context.ts';
import { HttpError } from '../http/http-error.ts';
import { problemRow } from '../packs/check-report.ts';
import { keepPackFile, PackRefused, type KeptPack } from '../packs/keep-pack.ts';
import { hubSigningKey, SigningKeyUnavailable } from '../packs/signing-key.ts';
import { incomingFile, type DraftFolder } from './draft-folder.ts';

const ordered = (problems: readonly Problem[]) => [...problems.filter((p) => p.severity === 'error'), ...problems.filter((p) => p.severity === 'warning')];

/** The draft's problems as the CLI's `validate` reports them. */
export async function checkDraft(hub: HubContext, folder: DraftFolder): Promise<{ ok: boolean; problems: Problem[] }> {
  const { validateSource } = await import('../../../content/lib/source/validate-source.ts');
  const validated = await validateSource(folder.source, { now: new Date(hub.clock.now()) });
  return { ok: validated.ok, problems: ordered(validated.problems) };
}

function refusal(problems: readonly Problem[]): PackCheckFailure {
  const message = bi('草稿还有错误，没有生成内容包', 'the draft still has errors; no pack was built');
  const fix = bi('按下面每一条修改后再生成', 'fix each problem below, then build again');
  const report = [bothLines(message), `→ 怎么改：${fix['zh-CN']}`, `→ How to fix: ${fix.en}`, '', ...ordered(problems).map((p) => `${formatProblem(p)}\n`), formatSummary(problems)].join('\n');
  return { ok: false, code: 'invalid-draft', message: { zh: message['zh-CN'], en: message.en }, fix: { zh: fix['zh-CN'], en: fix.en }, problems: ordered(problems).map(problemRow), report };
}

/** Builds and keeps the pack; a draft with errors is refused with the report (422). */
export async function buildDraft(hub: HubContext, folder: DraftFolder, actor: string): Promise<KeptPack> {
  let key;
  try {
    key = await hubSigningKey(hub);
  } catch (error) {
    if (error instanceof SigningKeyUnavailable) throw new HttpError(503, 'signing-key-unavailable', `The hub cannot sign packs: ${error.message}.`);
    throw error;
  }
  const out = await incomingFile(folder, '.kpack');
  try {
    const now = new Date(hub.clock.now());
    const { buildPack } = await import('../../../content/lib/build/build-pack.ts');
    const built = await buildPack(folder.source, { out, key: key.signingKey(), createdAt: now, now });
    if (!built.ok) throw new PackRefused(refusal(built.problems));
    // The one hand-over to the packs' keeper: checked by the kiosk's import, stored, audited as pack.uploaded.
    return await keepPackFile(hub, out, { actor });
  } finally {
    await rm(out, { force: true });
  }
}

/** 1.4.0 → 1.4.1: the next build of a draft is a new version. */
export function nextVersion(version: string): string {
  const [major = 0, minor = 0, patch = 0] = version.split('.').map(Number);
  return `${major}.${minor}.${patch + 1}`;
}
