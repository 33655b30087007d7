// kiosk-pack init <dir>: writes a small, valid example pack to start from.
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { placeholderImage } from '../../lib/media/placeholder-image.ts';
import { bi } from '../../lib/report/bilingual.ts';
import { UserError } from '../../lib/report/user-error.ts';
import { EXIT, say } from '../output.ts';
import { STARTER_README, starterFiles, starterImages, starterSheet } from '../starter/starter-pack.ts';

export async function run(dir: string): Promise<number> {
  const existing = await readdir(dir).catch(() => []);
  if (existing.length > 0) {
    throw new UserError(bi(`${dir} 里已经有文件，不会覆盖`, `${dir} is not empty; nothing was overwritten`), bi('换一个新的文件夹名', 'choose a new folder name'));
  }
  const write = async (file: string, content: string | Buffer) => {
    const target = path.join(dir, file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
  };
  for (const [file, json] of Object.entries(starterFiles())) await write(file, `${JSON.stringify(json, null, 2)}\n`);
  await write('products.csv', starterSheet());
  await write('README.md', STARTER_README);
  for (const { file, ...image } of starterImages) await write(file, await placeholderImage(image));
  say(bi(`✓ 已新建内容包文件夹 ${dir}`, `✓ Created the pack folder ${dir}`));
  say(bi(`  下一步：用 kiosk-pack import-products <商品表.csv> ${dir} 导入自己的商品（或直接编辑 products.csv），再编辑 data/ 中的文件，然后运行 kiosk-pack validate ${dir}`, `  Next: import your products with kiosk-pack import-products <sheet.csv> ${dir} (or edit products.csv), edit the files in data/, then run kiosk-pack validate ${dir}`));
  return EXIT.ok;
}
