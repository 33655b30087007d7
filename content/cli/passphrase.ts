// The signing key's passphrase: from KIOSK_PACK_PASSPHRASE (scripts, CI), or asked on
// the terminal without echoing it. Without either, a clear message says what to do.
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { bi, bothLines, type Bilingual } from '../lib/report/bilingual.ts';
import { UserError } from '../lib/report/user-error.ts';

export const PASSPHRASE_ENV = 'KIOSK_PACK_PASSPHRASE';

/** Reads one line from a terminal; what is typed is not shown. */
function askHidden(prompt: Bilingual): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      if (!muted) process.stderr.write(chunk);
      callback();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  process.stderr.write(`${bothLines(prompt)}\n> `);
  muted = true;
  return new Promise((resolve, reject) => {
    rl.once('SIGINT', () => {
      rl.close();
      process.stderr.write('\n');
      reject(new UserError(bi('已取消', 'cancelled'), bi('需要时再运行一次', 'run the command again when ready')));
    });
    rl.question('', (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
  });
}

const noTerminal = () =>
  new UserError(
    bi('需要签名密钥的密码，但这里没有可以输入的终端', 'the signing key needs its passphrase, but there is no terminal to type it in'),
    bi(`在终端里运行，或设置环境变量 ${PASSPHRASE_ENV}`, `run it in a terminal, or set the ${PASSPHRASE_ENV} environment variable`),
  );

/** The passphrase of an existing key. */
export async function askPassphrase(keyFile: string): Promise<string> {
  const fromEnv = process.env[PASSPHRASE_ENV];
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) throw noTerminal();
  return askHidden(bi(`请输入签名密钥 ${keyFile} 的密码：`, `Passphrase of the signing key ${keyFile}:`));
}

/** A passphrase for a new key: typed twice, so a typo does not lock the key away. */
export async function chooseNewPassphrase(): Promise<string> {
  const fromEnv = process.env[PASSPHRASE_ENV];
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) throw noTerminal();
  const first = await askHidden(bi('为新的签名密钥设一个密码（至少 8 个字符）：', 'Choose a passphrase for the new signing key (at least 8 characters):'));
  const second = await askHidden(bi('再输入一次：', 'Type it again:'));
  if (first !== second) throw new UserError(bi('两次输入的密码不一样，没有生成密钥', 'the two passphrases differ; no key was made'), bi('重新运行 kiosk-pack keygen', 'run kiosk-pack keygen again'));
  return first;
}
