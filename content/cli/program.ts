// kiosk-pack's commands, arguments and options, declared with commander: every command
// has --help, unknown options and missing arguments are refused with the command's
// usage, and each command's work is in its own file under ./commands.
// commander rather than citty: no dependencies of its own, "did you mean" suggestions,
// options read from the environment (.env), errors it hands back instead of exiting
// (exitOverride, so exit codes stay ours), and a Help class we can extend to print every
// heading and description a line in Chinese, then a line in English.
import { CommanderError, Option } from 'commander';
import { bi, bothLines, type Bilingual } from '../lib/report/bilingual.ts';
import { UserError } from '../lib/report/user-error.ts';
import { describeUsageError } from './cli-errors.ts';
import { EXIT_CODES, HELP_FLAG_TEXT, KioskCommand, twoLines } from './cli-help.ts';
import { EXIT, UsageError } from './output.ts';
import { VERSION } from './version.ts';

type Run = () => Promise<number>;

function describe(cmd: KioskCommand, text: Bilingual): KioskCommand {
  return cmd.description(twoLines(text));
}

const option = (flags: string, text: Bilingual) => new Option(flags, twoLines(text));

/** Builds the program; `run` receives each command's work, so the caller owns exit codes and errors. */
export function createProgram(run: (work: Run) => void): KioskCommand {
  const program = new KioskCommand('kiosk-pack');
  program
    .description(twoLines(bi('内容包工具：新建、检查、生成、签名、验证和发布互动屏的内容包', 'content pack tool: start, check, build, sign, verify and publish kiosk content packs')))
    .version(VERSION, '-V, --version', twoLines(bi('显示版本号', 'show the version')))
    .helpOption('-h, --help', HELP_FLAG_TEXT)
    .helpCommand('help [command]', twoLines(bi('显示某个命令的帮助', 'show the help of a command')))
    .addHelpText('after', `\n${EXIT_CODES}`)
    .showSuggestionAfterError(true);

  describe(program.command('init').argument('<folder>', twoLines(bi('新文件夹', 'a new folder'))), bi('新建一个可用的示例内容包文件夹', 'start a working example pack folder')).action((folder: string) =>
    run(async () => (await import('./commands/init.ts')).run(folder)),
  );

  describe(
    program
      .command('import-products')
      .argument('<sheet>', twoLines(bi('商品表（CSV，中文或英文列名）', 'the product sheet (CSV, Chinese or English headers)')))
      .argument('<pack-folder>', twoLines(bi('内容包文件夹', 'the pack folder'))),
    bi('把商品表导入内容包（data/products.json），替换原有商品', "import a product sheet into the pack (data/products.json), replacing the pack's products"),
  ).action((sheet: string, folder: string) => run(async () => (await import('./commands/import-products.ts')).run(sheet, folder)));

  describe(
    program
      .command('validate')
      .argument('<pack-folder>', twoLines(bi('内容包文件夹', 'the pack folder')))
      .addOption(option('--resize', bi('太大的图片在生成时缩小，而不是报错', 'plan to shrink images that are too large instead of reporting them'))),
    bi('检查所有内容，列出每个问题（文件、行、字段、怎么改）', 'check everything and list every problem (file, row, field, how to fix)'),
  ).action((folder: string, options: { resize?: boolean }) => run(async () => (await import('./commands/validate.ts')).run(folder, options)));

  describe(
    program
      .command('build')
      .argument('<pack-folder>', twoLines(bi('内容包文件夹', 'the pack folder')))
      .addOption(option('--key <key.json>', bi('签名密钥文件（kiosk-pack keygen 生成）', 'the signing key file (made by kiosk-pack keygen)')))
      .addOption(option('--out <file.kpack>', bi('生成的内容包文件', 'the .kpack file to write')))
      .addOption(option('--resize', bi('把太大的图片缩小后放进内容包', 'shrink images that are too large')))
      .addOption(option('--unpacked <folder>', bi('同时把内容包解开写到这个文件夹（测试用）', 'also write the built pack, unpacked, into this folder (for testing)')))
      .addOption(option('--unsigned', bi('不签名（之后用 kiosk-pack sign 签名）', 'leave it unsigned (sign it later with kiosk-pack sign)'))),
    bi('检查并生成签名的 .kpack 内容包；密钥有密码时会询问，或读取 KIOSK_PACK_PASSPHRASE', 'check and build the signed .kpack; asks for the key passphrase, or reads KIOSK_PACK_PASSPHRASE'),
  ).action((folder: string, options: { key?: string; out?: string; resize?: boolean; unpacked?: string; unsigned?: boolean }) =>
    run(async () => (await import('./commands/build.ts')).run(folder, options)),
  );

  describe(
    program
      .command('keygen')
      .requiredOption('--out <key.json>', twoLines(bi('私钥文件（请妥善保管）', 'the private key file (keep it safe)')))
      .addOption(option('--public <file.json>', bi('公钥文件，给互动屏配置用（默认：私钥旁边的 public-key.json）', "the public key file for the kiosks' configs (default: public-key.json beside the key)")))
      .addOption(option('--name <name>', bi('密钥名称，互动屏会显示由谁签名', 'a name for the key, shown as the signer')))
      .addOption(option('--passphrase', bi('用密码保护私钥（会询问两次，或读取 KIOSK_PACK_PASSPHRASE）', 'protect the private key with a passphrase (asked twice, or read from KIOSK_PACK_PASSPHRASE)')))
      .addOption(option('--force', bi('覆盖已有的密钥文件', 'replace existing key files'))),
    bi('生成签名密钥，并写出给互动屏用的公钥文件', 'make a signing key and write the public key file for the kiosks'),
  ).action((options: { out: string; public?: string; name?: string; passphrase?: boolean; force?: boolean }) => run(async () => (await import('./commands/keygen.ts')).run(options)));

  describe(
    program
      .command('sign')
      .argument('<file.kpack>', twoLines(bi('内容包文件', 'the pack file')))
      .requiredOption('--key <key.json>', twoLines(bi('签名密钥文件', 'the signing key file')))
      .addOption(option('--out <file.kpack>', bi('写到另一个文件（默认覆盖原文件）', 'write another file (default: replace the input)'))),
    bi('用一个密钥（重新）签名内容包', 'sign a pack (again) with a key'),
  ).action((file: string, options: { key: string; out?: string }) => run(async () => (await import('./commands/sign.ts')).run(file, options)));

  describe(
    program
      .command('verify')
      .argument('<file.kpack>', twoLines(bi('内容包文件', 'the pack file')))
      .requiredOption('--trusted <public-key.json>', twoLines(bi('信任的公钥文件（keygen 写出的 public-key.json 或互动屏配置）', 'the trusted public key file (public-key.json from keygen, or a kiosk config)')))
      .addOption(option('--store <store-id>', bi('同时检查内容包是否面向这家门店', 'also check that the pack targets this store')))
      .addOption(option('--kiosk <kiosk-id>', bi('同时检查是否面向这台互动屏', 'also check that it targets this kiosk'))),
    bi('按互动屏的标准完整检查内容包', 'check the pack exactly as a kiosk would'),
  ).action((file: string, options: { trusted: string; store?: string; kiosk?: string }) => run(async () => (await import('./commands/verify.ts')).run(file, options)));

  describe(
    program
      .command('inspect')
      .argument('<file.kpack>', twoLines(bi('内容包文件', 'the pack file')))
      .addOption(option('--json', bi('以 JSON 输出清单和签名', 'print the manifest and signature as JSON'))),
    bi('查看内容包里有什么（不验证）', 'show what is in a pack (without verifying it)'),
  ).action((file: string, options: { json?: boolean }) => run(async () => (await import('./commands/inspect.ts')).run(file, options)));

  describe(
    program
      .command('publish')
      .argument('<file.kpack>', twoLines(bi('内容包文件', 'the pack file')))
      .addOption(option('--hub <url>', bi('中心服务器地址，例如 https://hub.example.com', "the hub's address, e.g. https://hub.example.com")).env('KIOSK_PACK_HUB').makeOptionMandatory())
      .addOption(option('--token <pt_…>', bi('访问令牌（在中心控制台“访问令牌”里生成）', 'an access token (made in the hub console under Access tokens)')).env('KIOSK_PACK_TOKEN')),
    bi('把内容包上传到中心服务器，中心按互动屏的标准检查', 'upload the pack to the hub, which checks it as a kiosk would'),
  ).action((file: string, options: { hub: string; token?: string }) => run(async () => (await import('./commands/publish.ts')).run(file, options)));

  describe(
    program.command('schema').requiredOption('--out <folder>', twoLines(bi('写到这个文件夹', 'the folder to write to'))),
    bi('写出内容包格式的 JSON Schema（供编辑器和其他系统使用）', 'write the pack format as JSON Schema files (for editors and other systems)'),
  ).action((options: { out: string }) => run(async () => (await import('./commands/schema.ts')).run(options)));

  for (const cmd of program.commands) cmd.addHelpText('after', `\n${EXIT_CODES}`);
  return program;
}

/** Runs kiosk-pack with these arguments; returns the exit code. */
export async function runCli(argv: readonly string[]): Promise<number> {
  let work: Run | undefined;
  const program = createProgram((run) => (work = run));
  let failed: KioskCommand = program;
  const quiet = (cmd: KioskCommand) => cmd.exitOverride().configureOutput({ outputError: () => (failed = cmd) });
  quiet(program);
  for (const cmd of program.commands) quiet(cmd as KioskCommand);
  program.hook('preAction', (_program, action) => {
    failed = action as KioskCommand;
  });

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok;
    if (error.code === 'commander.help') return EXIT.usage;
    console.error(`✗ ${bothLines(describeUsageError(error))}\n`);
    console.error(failed.helpInformation());
    return EXIT.usage;
  }
  if (!work) return EXIT.ok;
  try {
    return await work();
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`✗ ${bothLines(error.text)}\n`);
      console.error(failed.helpInformation());
      return EXIT.usage;
    }
    if (error instanceof UserError) {
      console.log(`✗ ${error.message}`);
      return EXIT.problems;
    }
    throw error;
  }
}
