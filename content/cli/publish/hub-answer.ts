// What the hub answered to an upload, printed as the CLI prints its own results: the
// pack as the hub keeps it, or the hub's problem report in the very format of
// `kiosk-pack validate` and `verify` (file, row, field, what is wrong, how to fix it).
import { z } from 'zod';
import { ApiErrorBody } from '../../schema/hub-api/errors.ts';
import { PackCheckFailure, PackRow, type PackProblem } from '../../schema/hub-api/console/packs.ts';
import { bi, bothLines, type Bilingual } from '../../lib/report/bilingual.ts';
import type { Problem } from '../../lib/report/problem.ts';
import { formatSize } from '../output.ts';
import { refusalLines } from '../refusal.ts';
import type { HubAnswer } from './upload-pack.ts';

const Accepted = z.object({ ok: z.literal(true), pack: PackRow, alreadyUploaded: z.boolean().optional() });

const both = (text: { zh: string; en: string }): Bilingual => bi(text.zh, text.en);

/** A problem from the hub's report as the CLI's own problem: every place it names, kept. */
export function problemFromHub(p: PackProblem): Problem {
  return {
    severity: p.severity,
    file: p.file ?? '',
    ...(p.row !== null ? { row: p.row } : {}),
    ...(p.record !== null ? { record: p.record } : {}),
    ...(p.id !== null ? { id: p.id } : {}),
    ...(p.field !== null ? { field: p.field } : {}),
    ...(p.column !== null ? { column: p.column } : {}),
    message: both(p.message),
    fix: p.fix ? both(p.fix) : bi('按上面的说明修改后重新生成内容包', 'change it as described above and build the pack again'),
  };
}

export type Outcome = { ok: true; lines: string[] } | { ok: false; lines: string[] };

function accepted(row: PackRow, hub: URL, again: boolean): string[] {
  const title = [row.title.zh, row.title.en].filter(Boolean);
  return [
    bothLines(bi(`✓ 中心已接收并检查通过：${row.packId} ${row.version}`, `✓ The hub accepted and checked ${row.packId} ${row.version}`)),
    ...(again ? [bothLines(bi('  中心已有这个内容包（同一个文件），没有重复保存', '  the hub already had this pack (the same file); it was not stored twice'))] : []),
    ...title.map((t) => `  ${t}`),
    `  id        ${row.id}`,
    `  size      ${formatSize(row.bytes)}, ${row.productCount} products`,
    `  sha256    ${row.sha256}`,
    `  signed by ${row.signedBy}`,
    `  uploaded  ${new Date(row.uploadedAt).toISOString()} by ${row.uploadedBy}`,
    bothLines(bi(`  下一步：在中心控制台（${hub.origin}）预览并发布到门店`, `  Next: preview it and roll it out to stores in the hub console (${hub.origin})`)),
  ];
}

/** The hub's refusal, printed exactly as `kiosk-pack verify` prints the same refusal. */
function refusedByCheck(failure: z.infer<typeof PackCheckFailure>): string[] {
  return refusalLines({ code: failure.code, text: both(failure.message), fix: both(failure.fix), problems: failure.problems.map(problemFromHub) });
}

const STATUS_TEXT: Record<number, Bilingual> = {
  401: bi('中心不认这个访问令牌', 'the hub does not accept this access token'),
  403: bi('这个访问令牌没有上传内容包的权限', 'this access token may not upload packs'),
  409: bi('中心已有这个版本号的内容包，但内容不同', 'the hub already has this version of the pack, with other content'),
  413: bi('内容包太大，中心不接收', 'the pack is too large for the hub'),
};
const STATUS_FIX: Record<number, Bilingual> = {
  401: bi('在中心控制台的“访问令牌”里生成一个新令牌（以 pt_ 开头），用 --token 或 KIOSK_PACK_TOKEN 提供', 'make a new token (it starts with pt_) in the hub console, and pass it with --token or KIOSK_PACK_TOKEN'),
  403: bi('请管理员给你的账号“内容包”权限，再生成新令牌', 'ask an administrator to give your account the packs role, then make a new token'),
  409: bi('在 pack.json 里把 version 改大（例如 1.0.1），重新生成后再发布', 'raise the version in pack.json (e.g. 1.0.1), build again and publish that'),
  413: bi('把视频和图片压缩得小一些，或者分成几个内容包', 'make the videos and pictures smaller, or split the pack'),
};

/** The lines to print for the hub's answer, and whether it took the pack. */
export function describeAnswer(answer: HubAnswer, hub: URL): Outcome {
  if (answer.status === 200) {
    const body = Accepted.safeParse(answer.body);
    if (body.success) return { ok: true, lines: accepted(body.data.pack, hub, body.data.alreadyUploaded ?? false) };
  }
  if (answer.status === 422) {
    const failure = PackCheckFailure.safeParse(answer.body);
    if (failure.success) return { ok: false, lines: refusedByCheck(failure.data) };
  }
  const error = ApiErrorBody.safeParse(answer.body);
  const said = error.success ? `${error.data.error} (${error.data.code})` : answer.text.trim();
  const text = STATUS_TEXT[answer.status] ?? bi(`中心回答了 HTTP ${answer.status}`, `the hub answered HTTP ${answer.status}`);
  const fix = STATUS_FIX[answer.status] ?? (answer.status >= 500 ? bi('稍后再试；一直这样请联系中心的管理员', 'try again later; if it keeps happening, tell the hub administrator') : bi('检查 --hub 地址是不是中心服务器', 'check that --hub is the address of the hub'));
  const lines = [`✗ ${bothLines(text)}`];
  if (said) lines.push(`  hub: ${said}`);
  lines.push(`→ ${fix['zh-CN']}`, `→ ${fix.en}`);
  return { ok: false, lines };
}
