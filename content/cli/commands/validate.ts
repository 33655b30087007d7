// kiosk-pack validate <pack-folder> [--resize]
import { bi } from '../../lib/report/bilingual.ts';
import { validateSource } from '../../lib/source/validate-source.ts';
import { EXIT, printProblems, say } from '../output.ts';
import { Progress } from '../progress.ts';

export async function run(folder: string, args: { resize?: boolean }): Promise<number> {
  const progress = new Progress();
  progress.step(bi('正在检查内容包文件夹…', 'Checking the pack folder…'));
  const result = await validateSource(folder, { resize: args.resize ?? false }).finally(() => progress.end());
  printProblems(result.problems);
  if (!result.ok) return EXIT.problems;
  const products = result.source.products.length;
  say(bi(`✓ 检查通过：${products} 个商品，可以生成内容包（kiosk-pack build）`, `✓ All checks passed: ${products} products, ready to build (kiosk-pack build)`));
  return EXIT.ok;
}
