// The upload itself, against a small HTTP server that records what it gets: the raw
// file, streamed in pieces as the contract says, with the token; a hub that refuses
// before reading the body is heard, not mistaken for a broken connection. (The whole
// command against the real hub: test/cli/publish-to-hub.test.ts.)
import { createHash } from 'node:crypto';
import { open, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bi } from '../../lib/report/bilingual.ts';
import { makeTempDir } from '../../lib/testing/temp-dirs.ts';
import { refusalLines } from '../refusal.ts';
import { describeAnswer } from './hub-answer.ts';
import { packsUrl, uploadPack } from './upload-pack.ts';

let tmp: Awaited<ReturnType<typeof makeTempDir>>;
let big: string;
const SIZE = 48 * 1024 * 1024;

beforeAll(async () => {
  tmp = await makeTempDir('kiosk-upload-');
  big = path.join(tmp.dir, 'big.kpack');
  // A file of 48 MB with something in it at both ends (sparse in between).
  const file = await open(big, 'w');
  await file.write(Buffer.from('PK-start'), 0, 8, 0);
  await file.write(Buffer.from('end'), 0, 3, SIZE - 3);
  await file.close();
});
afterAll(() => tmp.remove());

interface Seen {
  method?: string;
  url?: string;
  headers?: http.IncomingHttpHeaders;
  chunks: number;
  bytes: number;
  sha256?: string;
}

async function server(answer: (req: http.IncomingMessage, res: http.ServerResponse, seen: Seen) => void, options: { refuseBeforeContinue?: boolean } = {}) {
  const seen: Seen = { chunks: 0, bytes: 0 };
  const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
    Object.assign(seen, { method: req.method, url: req.url, headers: req.headers });
    req.on('data', (chunk: Buffer) => (seen.bytes += chunk.length));
    answer(req, res, seen);
  };
  const s = http.createServer(handle);
  // Answers an `Expect: 100-continue` request at once, without asking for the body.
  if (options.refuseBeforeContinue) s.on('checkContinue', handle);
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const url = new URL(`http://127.0.0.1:${(s.address() as AddressInfo).port}/hub/`);
  return { url, seen, close: () => new Promise<void>((resolve) => s.close(() => resolve())) };
}

describe('uploading a pack to the hub', { timeout: 60_000 }, () => {
  it('streams the raw file with the token to POST /api/packs, in pieces, reporting progress', async () => {
    const hub = await server((req, res, seen) => {
      const hash = createHash('sha256');
      req.on('data', (chunk: Buffer) => {
        seen.chunks++;
        hash.update(chunk);
      });
      req.on('end', () => {
        seen.sha256 = hash.digest('hex');
        res.writeHead(422, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            ok: false,
            code: 'schema',
            message: { zh: '内容包里的数据有错误', en: 'the data in the pack has errors' },
            fix: { zh: '按下面每一条修改后重新生成', en: 'fix each problem below and build again' },
            problems: [{ severity: 'error', file: 'data/products.json', row: null, record: 2, id: '6901234567892', field: 'price', column: null, message: { zh: '价格 "12,50" 用逗号表示小数', en: 'the price "12,50" uses a comma for the decimals' }, fix: { zh: '写 1250', en: 'write 1250' } }],
            report: '…',
          }),
        );
      });
    });
    const progress: number[] = [];
    let sent = false;
    const answer = await uploadPack(big, { hub: hub.url, token: 'pt_abc', onProgress: (done, total) => (expect(total).toBe(SIZE), progress.push(done)), onSent: () => (sent = true) });
    await hub.close();

    expect(hub.seen).toMatchObject({ method: 'POST', url: '/hub/api/packs', bytes: SIZE });
    expect(hub.seen.headers).toMatchObject({ authorization: 'Bearer pt_abc', 'content-type': 'application/octet-stream', 'content-length': String(SIZE) });
    expect(hub.seen.sha256).toBe(createHash('sha256').update(await import('node:fs/promises').then((fs) => fs.readFile(big))).digest('hex'));
    // Read and sent a piece at a time (1 MB reads), never as one buffer.
    expect(progress.length).toBeGreaterThanOrEqual(SIZE / (1024 * 1024));
    expect(progress.at(-1)).toBe(SIZE);
    expect(progress.every((p, i) => i === 0 || p > progress[i - 1]!)).toBe(true);
    expect(hub.seen.chunks).toBeGreaterThan(10);
    expect(sent).toBe(true);

    // The hub's report in the very words and layout of the CLI's own refusals.
    const outcome = describeAnswer(answer, hub.url);
    expect(outcome.ok).toBe(false);
    expect(outcome.lines).toEqual(
      refusalLines({
        code: 'schema',
        text: bi('内容包里的数据有错误', 'the data in the pack has errors'),
        fix: bi('按下面每一条修改后重新生成', 'fix each problem below and build again'),
        problems: [{ severity: 'error', file: 'data/products.json', record: 2, id: '6901234567892', field: 'price', message: bi('价格 "12,50" 用逗号表示小数', 'the price "12,50" uses a comma for the decimals'), fix: bi('写 1250', 'write 1250') }],
      }),
    );
    expect(outcome.lines.join('\n')).toContain('✗ ERROR  data/products.json, record 2, (6901234567892), field "price"');
  });

  it('hears a hub that refuses before reading the body (a wrong token): nothing sent, no broken pipe', async () => {
    const hub = await server(
      (_req, res) => {
        res.writeHead(401, { 'content-type': 'application/json', connection: 'close' }).end(JSON.stringify({ error: 'not signed in', code: 'unauthorized' }));
      },
      { refuseBeforeContinue: true },
    );
    const answer = await uploadPack(big, { hub: hub.url, token: 'pt_wrong' });
    await hub.close();
    expect(answer.status).toBe(401);
    expect(hub.seen.headers?.expect).toBe('100-continue');
    expect(hub.seen.bytes).toBe(0);
    const outcome = describeAnswer(answer, hub.url);
    expect(outcome.lines).toEqual([
      '✗ 中心不认这个访问令牌\nthe hub does not accept this access token',
      '  hub: not signed in (unauthorized)',
      '→ 在中心控制台的“访问令牌”里生成一个新令牌（以 pt_ 开头），用 --token 或 KIOSK_PACK_TOKEN 提供',
      '→ make a new token (it starts with pt_) in the hub console, and pass it with --token or KIOSK_PACK_TOKEN',
    ]);
  });

  it('stops sending when the hub answers while the file is still going out', async () => {
    const hub = await server((req, res) => {
      req.resume(); // reads on and throws the rest away, as the hub does after a refusal
      res.writeHead(413, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'the pack is larger than this hub takes', code: 'too-large' }));
    });
    const answer = await uploadPack(big, { hub: hub.url, token: 'pt_x' });
    expect(answer.status).toBe(413);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await hub.close();
    expect(describeAnswer(answer, hub.url).lines[0]).toBe('✗ 内容包太大，中心不接收\nthe pack is too large for the hub');
  });

  it('keeps a path prefix of the hub address', () => {
    expect(packsUrl(new URL('https://hub.example.com')).href).toBe('https://hub.example.com/api/packs');
    expect(packsUrl(new URL('https://example.com/hub')).href).toBe('https://example.com/hub/api/packs');
  });

  it('answers an address that is not the hub with what the hub said', async () => {
    const file = path.join(tmp.dir, 'small.kpack');
    await writeFile(file, 'x');
    const hub = await server((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not Found</h1>'));
    });
    const outcome = describeAnswer(await uploadPack(file, { hub: hub.url, token: 'pt_x' }), hub.url);
    await hub.close();
    expect(outcome).toEqual({ ok: false, lines: ['✗ 中心回答了 HTTP 404\nthe hub answered HTTP 404', '  hub: <h1>Not Found</h1>', '→ 检查 --hub 地址是不是中心服务器', '→ check that --hub is the address of the hub'] });
  });
});
