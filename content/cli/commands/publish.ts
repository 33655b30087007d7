// kiosk-pack publish <file.kpack> --hub <url> [--token <pt_…>]: uploads the pack to the
// hub, which checks it as a kiosk would and keeps it for rolling out to stores.
import { access } from 'node:fs/promises';
import { bi } from '../../lib/report/bilingual.ts';
import { UserError } from '../../lib/report/user-error.ts';
import { EXIT, say, UsageError } from '../output.ts';
import { Progress } from '../progress.ts';
import { describeAnswer } from '../publish/hub-answer.ts';
import { uploadPack } from '../publish/upload-pack.ts';

export const TOKEN_ENV = 'KIOSK_PACK_TOKEN';

function hubUrl(text: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new UsageError(bi(`--hub 要写完整的网址，例如 https://hub.example.com（现在是 "${text}"）`, `--hub must be a full address such as https://hub.example.com (got "${text}")`));
  }
  return url;
}

function networkError(error: NodeJS.ErrnoException, hub: URL): UserError {
  const code = error.code ?? '';
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EHOSTUNREACH') {
    return new UserError(bi(`连不上中心 ${hub.origin}（${code}）`, `cannot reach the hub at ${hub.origin} (${code})`), bi('检查网址和网络；中心是否在运行', 'check the address and the network, and that the hub is running'), { cause: error });
  }
  return new UserError(bi(`上传中断了（${code || error.message}）`, `the upload was interrupted (${code || error.message})`), bi('检查网络后再运行一次 kiosk-pack publish', 'check the network and run kiosk-pack publish again'), { cause: error });
}

export async function run(file: string, args: { hub: string; token?: string }): Promise<number> {
  const hub = hubUrl(args.hub);
  const token = args.token ?? process.env[TOKEN_ENV];
  if (!token) throw new UsageError(bi(`需要访问令牌：用 --token pt_… 或设置环境变量 ${TOKEN_ENV}`, `an access token is needed: --token pt_… or the ${TOKEN_ENV} environment variable`));
  await access(file).catch((cause: unknown) => {
    throw new UserError(bi(`找不到内容包文件 ${file}`, `there is no pack file at ${file}`), bi('检查文件路径；内容包用 kiosk-pack build 生成', 'check the path; packs are made by kiosk-pack build'), { cause });
  });
  const progress = new Progress();
  progress.step(bi(`正在上传到 ${hub.origin}…`, `Uploading to ${hub.origin}…`));
  let answer;
  try {
    answer = await uploadPack(file, {
      hub,
      token,
      onProgress: (sent, total) => progress.update(sent, total),
      onSent: () => progress.step(bi('已上传，中心正在检查内容包…', 'Uploaded; the hub is checking the pack…')),
    });
  } catch (error) {
    throw networkError(error as NodeJS.ErrnoException, hub);
  } finally {
    progress.end();
  }
  const outcome = describeAnswer(answer, hub);
  for (const line of outcome.lines) say(line);
  return outcome.ok ? EXIT.ok : EXIT.problems;
}
