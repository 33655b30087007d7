// A 100,000-product Excel sheet imported into a pack draft, as a merchandiser uploads it
// in the console: the .xlsx is made with exceljs (Chinese headers, barcodes stored as
// numbers, a date cell, 1 % bad rows), then timed twice — read by the shared sheet reader
// alone, and posted to a hub's draft (streamed to disk, read, merged into the draft's
// products, refused rows written as CSV). Target: ≤ 60 s for the upload into the draft.
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { readProductSheetFile } from '../../../content/lib/source/sheet/product-sheet.ts';
import { withCheckDigit } from '../../../content/schema/gtin.ts';
import { CSRF_HEADER } from '../../../content/schema/hub-api/console/auth.ts';
import { buildHub } from '../../../hub/server/app.ts';
import { hashPassword } from '../../../hub/server/auth/passwords.ts';
import { systemClock } from '../../../hub/server/clock.ts';
import { DEFAULT_HUB_OPTIONS } from '../../../hub/server/hub-context.ts';
import { createUser } from '../../../hub/store/queries/accounts.ts';
import { openStore } from '../../../hub/store/open-store.ts';
import { report } from '../machine.ts';

const ROWS = Number(process.env.BENCH_SHEET_ROWS ?? 100_000);
const TARGET_SECONDS = 60;
const HEADER = ['商品条码', '商品名称', '英文名称', '售价', '促销价', '分类', '品牌', '规格', '产地', '生产日期', '图片'];
const CATEGORIES = [
  { id: 'fruit', name: { 'zh-CN': '水果', en: 'Fruit' } },
  { id: 'drinks', name: { 'zh-CN': '饮品', en: 'Drinks' } },
];

/** Writes the sheet with exceljs's streaming writer (shared strings, as Excel saves). */
async function makeSheet(file: string): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const sheet = workbook.addWorksheet('商品');
  sheet.addRow(HEADER).commit();
  for (let i = 0; i < ROWS; i++) {
    const code = Number(withCheckDigit(`69${String(1_000_000_000 + i).slice(-10)}`));
    const price = 1 + (i % 500) + (i % 100) / 100;
    // 1 row in 100 has a mistake a merchandiser makes: a decimal comma.
    const shown = i % 100 === 99 ? `${Math.floor(price)},50` : price;
    const row = sheet.addRow([code, `商品 ${i}`, `Product ${i}`, shown, i % 7 === 0 ? Math.max(0.5, price - 1) : null, i % 2 ? '水果' : '饮品', `品牌 ${i % 300}`, `${100 + (i % 900)}g`, `产地 ${i % 50}`, new Date(Date.UTC(2026, i % 12, 1 + (i % 28))), `products/p-${i % 1000}.png`]);
    row.commit();
  }
  sheet.commit();
  await workbook.commit();
}

/** Peak resident memory of this process while `work` runs. */
async function withPeakRss<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number; peakMb: number }> {
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 100);
  const started = performance.now();
  try {
    const result = await work();
    return { result, seconds: (performance.now() - started) / 1000, peakMb: Math.round(peak / 2 ** 20) };
  } finally {
    clearInterval(sampler);
  }
}

async function importIntoDraft(dir: string, file: string, bytes: number) {
  const dataDir = path.join(dir, 'hub');
  const store = await openStore({ dataDir });
  await createUser(store, { username: 'bench', passwordHash: await hashPassword('bench password'), role: 'merchandiser', storeIds: null, now: Date.now() });
  const { app } = await buildHub({ store, clock: systemClock, logger: false, options: { ...DEFAULT_HUB_OPTIONS, dataDir, packDir: path.join(dataDir, 'packs'), publicUrl: 'http://hub.bench' } });
  try {
    await app.ready();
    const login = await app.inject({ method: 'POST', url: '/api/login', payload: { username: 'bench', password: 'bench password' } });
    const headers = { cookie: String(login.headers['set-cookie']).split(';')[0]!, [CSRF_HEADER]: (login.json() as { csrfToken: string }).csrfToken };
    const draft = await app.inject({ method: 'POST', url: '/api/pack-drafts', headers, payload: { name: 'bench', start: { from: 'starter', starter: 'starter' } } });
    if (draft.statusCode !== 200) throw new Error(`draft not started: ${draft.body}`);
    const { id } = draft.json() as { id: string };
    return await withPeakRss(async () => {
      const res = await app.inject({
        method: 'POST',
        url: `/api/pack-drafts/${id}/products/sheet?name=${encodeURIComponent('商品.xlsx')}&mode=replace`,
        headers: { ...headers, 'content-type': 'application/octet-stream', 'content-length': String(bytes) },
        payload: createReadStream(file),
      });
      if (res.statusCode !== 200) throw new Error(`import refused: ${res.statusCode} ${res.body.slice(0, 500)}`);
      return res.json() as { imported: number; refused: number; productCount: number };
    });
  } finally {
    await app.close();
    await store.close();
  }
}

export async function sheetImportBench(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sheet-bench-'));
  try {
    const file = path.join(dir, 'products.xlsx');
    const made = performance.now();
    await makeSheet(file);
    const { size } = await stat(file);
    console.log(`sheets: ${ROWS} products as .xlsx (${(size / 2 ** 20).toFixed(1)} MB) written in ${((performance.now() - made) / 1000).toFixed(1)} s`);

    const read = await withPeakRss(() => readProductSheetFile(file, 'products.xlsx', CATEGORIES));
    const { rows, refused } = read.result;
    console.log(`sheets: the reader alone: ${rows.length} good rows, ${refused.length} refused in ${read.seconds.toFixed(1)} s (${Math.round(ROWS / read.seconds)} rows/s); process RSS peak ${read.peakMb} MB`);

    const hub = await importIntoDraft(dir, file, size);
    console.log(`sheets: uploaded into a hub draft: ${hub.result.imported} imported, ${hub.result.refused} refused, ${hub.result.productCount} products in the draft, in ${hub.seconds.toFixed(1)} s; process RSS peak ${hub.peakMb} MB`);
    report(`${ROWS}-product .xlsx imported into a pack draft`, Math.round(hub.seconds * 10) / 10, 's', { max: TARGET_SECONDS });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
