// kiosk-pack validate <packDir> [--resize]
import { validateSource } from '../../lib/source/validate-source.ts';
import { readArgs } from '../args.ts';
import { EXIT, printProblems, say } from '../output.ts';

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = readArgs(argv, { resize: { type: 'boolean' } }, ['packDir']);
  const result = await validateSource(positionals[0]!, { resize: values.resize ?? false });
  printProblems(result.problems);
  if (!result.ok) return EXIT.problems;
  const products = result.source.products.length;
  say({ 'zh-CN': `✓ 检查通过：${products} 个商品，可以生成内容包（kiosk-pack build）`, en: `✓ All checks passed: ${products} products, ready to build (kiosk-pack build)` });
  return EXIT.ok;
}
