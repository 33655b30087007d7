// `kiosk-coupon`: checks coupon tokens at a till or in the backend, offline, and
// reconciles issued coupons with redemptions. Exit codes: 0 all good, 1 something
// invalid or flagged, 2 the command itself was wrong.
import { parseArgs } from 'node:util';
import { verifyCoupon } from '../schema/coupon/index.ts';
import { bothLines } from '../lib/report/bilingual.ts';
import { UserError } from '../lib/report/user-error.ts';
import { issuedFromRecords, redemptionsFromRecords } from './coupon-records.ts';
import { campaignIndex, explainVerdict, type CampaignName } from './explain-verdict.ts';
import { readKnownKeys } from './known-keys.ts';
import { readRecords } from './read-records.ts';
import { reconcileCoupons } from './reconcile.ts';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** Unix seconds. */
  now(): number;
}

export const USAGE = `用法 Usage:
  kiosk-coupon verify <券码或领取链接 token-or-claim-link>... --keys <coupon-public-key.json> [--keys …]
                      [--campaigns <pack>/data/campaigns.json] [--at <ISO time>] [--json]
  kiosk-coupon reconcile --issued <Coupon Issued events .json/.jsonl> --redeemed <redemptions .json/.jsonl>
                      [--keys <coupon-public-key.json>] [--json]

verify     离线校验券码签名与有效期，并说明无效原因 / checks a token's signature and validity offline and says why it is invalid
reconcile  找出未签发却被核销、重复核销、过期核销和券号缺口 / flags redeemed-but-never-issued, duplicate and late redemptions, and seq gaps
           redemptions: {"token": "…", "redeemedAt": "2026-11-20T10:00:00+08:00", "where": "till 3"}`;

class UsageError extends Error {}

const options = {
  keys: { type: 'string', multiple: true },
  campaigns: { type: 'string' },
  at: { type: 'string' },
  issued: { type: 'string' },
  redeemed: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export async function runKioskCoupon(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
    const [command, ...rest] = positionals;
    if (values.help || !command || command === 'help') {
      io.out(USAGE);
      return command || values.help ? 0 : 2;
    }
    if (command === 'verify') return await verify(rest, values, io);
    if (command === 'reconcile') return await reconcile(values, io);
    throw new UsageError(`未知命令 unknown command: ${command}`);
  } catch (err) {
    if (err instanceof UserError) {
      io.err(err.message);
      return 2;
    }
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`${(err as Error).message}\n\n${USAGE}`);
      return 2;
    }
    throw err;
  }
}

type Values = { keys?: string[]; campaigns?: string; at?: string; issued?: string; redeemed?: string; json?: boolean };

async function verify(tokens: string[], values: Values, io: CliIo): Promise<number> {
  if (tokens.length === 0) throw new UsageError('请给出要校验的券码 / give the token(s) to verify');
  if (!values.keys?.length) throw new UsageError('请用 --keys 指定互动屏公钥文件 / name the kiosk public key file(s) with --keys');
  const keys = await readKnownKeys(values.keys);
  const campaigns = values.campaigns ? await campaignIndex((await readRecords(values.campaigns)) as CampaignName[]) : new Map<string, CampaignName>();
  let now = io.now();
  if (values.at) {
    const at = Date.parse(values.at);
    if (Number.isNaN(at)) throw new UsageError(`--at 不是有效时间 is not a date-time: ${values.at}`);
    now = Math.floor(at / 1000);
  }
  let allValid = true;
  for (const token of tokens) {
    const verdict = await verifyCoupon(token, keys, { now });
    allValid &&= verdict.valid;
    if (values.json) io.out(JSON.stringify(verdict));
    else io.out(explainVerdict(verdict, campaigns).join('\n'));
  }
  return allValid ? 0 : 1;
}

async function reconcile(values: Values, io: CliIo): Promise<number> {
  if (!values.issued || !values.redeemed) throw new UsageError('reconcile 需要 --issued 和 --redeemed / reconcile needs --issued and --redeemed');
  const { issued, skipped: badIssued } = issuedFromRecords(await readRecords(values.issued));
  const { redemptions, skipped: badRedeemed } = redemptionsFromRecords(await readRecords(values.redeemed));
  for (const s of badIssued) io.err(`${values.issued} #${s.index + 1}: ${s.text['zh-CN']} / ${s.text.en}`);
  for (const s of badRedeemed) io.err(`${values.redeemed} #${s.index + 1}: ${s.text['zh-CN']} / ${s.text.en}`);
  const keys = values.keys?.length ? await readKnownKeys(values.keys) : undefined;
  const findings = await reconcileCoupons(issued, redemptions, keys ? { keys } : {});
  if (values.json) {
    io.out(JSON.stringify({ issued: issued.length, redeemed: redemptions.length, findings }));
  } else {
    io.out(`签发 issued: ${issued.length} · 核销 redeemed: ${redemptions.length} · 问题 findings: ${findings.length}`);
    for (const f of findings) io.out(`[${f.kind}] ${bothLines(f.text).replace('\n', '\n    ')}`);
  }
  return findings.length === 0 ? 0 : 1;
}
