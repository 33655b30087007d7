// Why a pack was refused, as a stable code for the host and the log, and as words a
// merchandiser standing at the kiosk can act on.
import { bi, type Bilingual } from '../report/bilingual.ts';
import type { Problem } from '../report/problem.ts';
import { UserError } from '../report/user-error.ts';

export type PackImportErrorCode =
  | 'not-a-pack'
  | 'truncated'
  | 'corrupt'
  | 'zip-slip'
  | 'bad-file-name'
  | 'symlink'
  | 'duplicate-entry'
  | 'unlisted-file'
  | 'missing-file'
  | 'zip-bomb'
  | 'too-large'
  | 'too-many-files'
  | 'bad-signature'
  | 'unknown-key'
  | 'hash-mismatch'
  | 'schema'
  | 'unsupported-version'
  | 'not-for-this-kiosk'
  | 'expired'
  | 'not-yet-valid'
  | 'disk-full'
  | 'io';

type Params = Record<string, string | number | undefined>;

const REBUILD = bi('用 kiosk-pack build 重新生成内容包，生成后不要再改动包里的文件', 'build the pack again with kiosk-pack build and do not change anything inside it afterwards');
const TAMPERED = bi('这个文件不是 kiosk-pack 生成的，或已被篡改；请只使用 kiosk-pack build 生成的内容包', 'this file was not made by kiosk-pack or has been tampered with; use only packs made by kiosk-pack build');

const TEXTS: Record<PackImportErrorCode, (p: Params) => { text: Bilingual; fix: Bilingual }> = {
  'not-a-pack': (p) => ({ text: bi(`这个文件不是内容包（${p.reason ?? '不是 zip 文件'}）`, `this file is not a content pack (${p.reason ?? 'not a zip file'})`), fix: bi('选择用 kiosk-pack build 生成的 .kpack 文件', 'choose a .kpack file made by kiosk-pack build') }),
  truncated: () => ({
    text: bi('内容包文件不完整：可能没复制完或下载中断了', 'the pack file is incomplete: the copy or download did not finish'),
    fix: bi('重新复制或下载这个文件；U 盘要等复制完成、安全弹出后再拔', 'copy or download the file again; wait for the copy to finish and eject the USB stick safely'),
  }),
  corrupt: (p) => ({ text: bi(`内容包文件已损坏（${p.entry ?? p.detail ?? ''}）`, `the pack file is damaged (${p.entry ?? p.detail ?? ''})`), fix: bi('重新复制或下载；如果还不行，重新生成内容包', 'copy or download it again; if that does not help, build the pack again') }),
  'zip-slip': (p) => ({ text: bi(`内容包里的文件 "${p.entry}" 想写到包外面，已拒绝`, `the pack has a file "${p.entry}" that points outside the pack; refused`), fix: TAMPERED }),
  'bad-file-name': (p) => ({ text: bi(`内容包里的文件名 "${p.entry}" 不允许`, `the pack has a file name that is not allowed: "${p.entry}"`), fix: REBUILD }),
  symlink: (p) => ({ text: bi(`内容包里有快捷方式（符号链接）"${p.entry}"，已拒绝`, `the pack contains a shortcut (symbolic link) "${p.entry}"; refused`), fix: TAMPERED }),
  'duplicate-entry': (p) => ({ text: bi(`内容包里有重名的文件 "${p.entry}"`, `the pack contains "${p.entry}" twice`), fix: TAMPERED }),
  'unlisted-file': (p) => ({ text: bi(`文件 "${p.entry}" 不在清单 manifest.json 里：包在生成后被改过`, `the file "${p.entry}" is not listed in manifest.json: the pack was changed after it was built`), fix: REBUILD }),
  'missing-file': (p) => ({ text: bi(`清单列出的文件 "${p.entry}" 不在包里`, `the file "${p.entry}" listed in the manifest is missing from the pack`), fix: REBUILD }),
  'zip-bomb': (p) => ({
    text: bi(`文件 "${p.entry}" 解压后异常巨大（${p.detail ?? '压缩比过高'}），可能是恶意文件，已拒绝`, `the file "${p.entry}" unpacks to an abnormal size (${p.detail ?? 'compression ratio too high'}); it may be hostile and was refused`),
    fix: TAMPERED,
  }),
  'too-large': (p) => ({
    text: bi(`内容包太大：${p.size}，上限是 ${p.limit}`, `the pack is too large: ${p.size}, the limit is ${p.limit}`),
    fix: bi('压缩或减少视频和大图片后重新生成；或请技术人员调高这台互动屏的上限', 'compress or remove videos and large pictures and build again, or ask a technician to raise the limit on this kiosk'),
  }),
  'too-many-files': (p) => ({ text: bi(`内容包里的文件太多：${p.count} 个，上限 ${p.limit} 个`, `the pack has too many files: ${p.count}, the limit is ${p.limit}`), fix: bi('减少图片数量后重新生成', 'use fewer pictures and build again') }),
  'bad-signature': () => ({
    text: bi('签名不对：内容包在签名后被改过，或签名已损坏', 'the signature does not match: the pack was changed after it was signed, or the signature is damaged'),
    fix: bi('用 kiosk-pack build --key 重新生成并签名，再重新复制', 'build and sign it again with kiosk-pack build --key, then copy it again'),
  }),
  'unknown-key': (p) => ({
    text: bi(`内容包的签名密钥（编号 ${p.keyId}）不在这台互动屏的信任列表里`, `the pack was signed with a key this kiosk does not trust (key id ${p.keyId})`),
    fix: bi('用本店的签名密钥重新签名（kiosk-pack sign），或请管理员把这个公钥加入互动屏的信任列表', 'sign it with your store\'s key (kiosk-pack sign), or ask an administrator to add this public key to the kiosk\'s trusted keys'),
  }),
  'hash-mismatch': (p) => ({
    text: bi(`文件 "${p.entry}" 与清单不符：内容被改动或已损坏`, `the file "${p.entry}" does not match the manifest: it was changed or is damaged`),
    fix: bi('重新复制或下载；如果还不行，重新生成内容包', 'copy or download it again; if that does not help, build the pack again'),
  }),
  schema: (p) => ({
    text: bi(`内容包里的数据有 ${p.count} 处错误，第一处：${p.first}`, `the pack's data has ${p.count} error(s); the first: ${p.firstEn}`),
    fix: bi('在电脑上运行 kiosk-pack validate 查看并修正所有错误，再重新生成', 'run kiosk-pack validate on a computer, fix every error, then build again'),
  }),
  'unsupported-version': (p) => ({
    text: bi(`内容包格式版本 ${p.version} 比这台互动屏的软件新（支持版本 ${p.supported}）`, `the pack format version ${p.version} is newer than this kiosk's software supports (${p.supported})`),
    fix: bi('先升级互动屏软件，或用与之匹配的旧版工具生成内容包', 'update the kiosk software first, or build the pack with the matching older tool'),
  }),
  'not-for-this-kiosk': (p) => ({
    text: bi(`这个内容包是给其他门店或设备的（目标：${p.targets}；本机：${p.self}）`, `this pack is meant for other stores or kiosks (targets: ${p.targets}; this kiosk: ${p.self})`),
    fix: bi('选择本店的内容包，或在 pack.json 的 targets 中加入本店/本机编号后重新生成', 'choose your store\'s pack, or add this store/kiosk to targets in pack.json and build again'),
  }),
  expired: (p) => ({ text: bi(`内容包已在 ${p.validTo} 过期`, `the pack expired on ${p.validTo}`), fix: bi('在 pack.json 中把 validTo 改到将来，再重新生成', 'move validTo in pack.json into the future and build again') }),
  'not-yet-valid': (p) => ({ text: bi(`内容包要到 ${p.validFrom} 才生效`, `the pack starts on ${p.validFrom}`), fix: bi('到那时再导入，或修改 pack.json 中的 validFrom 后重新生成', 'load it again from that time, or change validFrom in pack.json and build again') }),
  'disk-full': (p) => ({ text: bi(`磁盘空间不够：需要 ${p.need}，只剩 ${p.free}`, `not enough disk space: ${p.need} needed, ${p.free} free`), fix: bi('请技术人员清理磁盘，或使用更小的内容包', 'ask a technician to free disk space, or use a smaller pack') }),
  io: (p) => ({ text: bi(`读写文件出错：${p.detail}`, `a file could not be read or written: ${p.detail}`), fix: bi('再试一次；如果还失败，请联系技术支持', 'try again; if it keeps failing, call technical support') }),
};

export class PackImportError extends UserError {
  readonly code: PackImportErrorCode;
  /** For `schema`: every problem found in the pack's data. */
  readonly problems: Problem[];

  constructor(code: PackImportErrorCode, params: Params = {}, options: { cause?: unknown; problems?: Problem[] } = {}) {
    const { text, fix } = TEXTS[code](params);
    super(text, fix, { cause: options.cause });
    this.name = 'PackImportError';
    this.code = code;
    this.problems = options.problems ?? [];
  }
}

export const formatBytes = (bytes: number): string =>
  bytes >= 1e9 ? `${(bytes / 1e9).toFixed(2)} GB` : bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.ceil(bytes / 1e3)} KB`;
