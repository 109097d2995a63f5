/** The command line: maps flags onto commands and returns an exit code (0 ok, 1 problems, 2 usage/setup). */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { Lang } from '../diagnostics/codes.js';
import { formats } from '../report/index.js';
import { DEFAULT_FORMATS, FORMATS, isFormat, type OutputFormat } from '../write/index.js';
import { helpConfiguration, wrap } from './help.js';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { findUp } from '../host/cache-folders.js';
import type { Io } from './io.js';
import './worker-entry.js';

const text = {
  zh: {
    description: '政府公报编排工具：校验、排序并排版整期公报（PDF 与 HTML）',
    check: '校验文件（发文字号、成文日期、标题等）；不指定期次则校验全部',
    build: '排版一期公报，输出 PDF 和 HTML 到 dist/<期次>/；--all 排版全部期次',
    annual: '编制年度总目录（按栏目、按发文机关），输出 PDF 和 HTML 到 dist/index-<年份>/',
    annualYear: '年份，如 2021',
    annualOut: '输出目录（默认 dist/index-<年份>/）',
    badYear: '年份须为四位数字，如 2021',
    all: '排版全部期次（各自输出到 dist/<期次>/，未改动的跳过，多核并行）',
    shard: '只排版第 i 份（共 n 份）的期次，如 1/4，供 CI 矩阵分担',
    jobs: '并行的工作线程数（默认为 CPU 核数）',
    issueOrAll: '须指定一个期次，或用 --all 排版全部期次',
    badShard: '须为 i/n，1 ≤ i ≤ n，如 2/4',
    shardNeedsAll: '--shard 须与 --all 一起使用',
    preview: '在浏览器中预览一期公报，保存文件后自动刷新',
    import: '把 Word 文件（.docx）、网页（.html）或纯文本（.txt）导入为一期中的文件，识别标题、文号、日期等并检查',
    files: '要导入的文件',
    importIssue: '导入到的期次（documents/ 下已有的文件夹），如 2024-1',
    importCategory: '栏目（gazette.yml 中的 sections 名称）；不指定时按文号和标题推断',
    dryRun: '只显示识别结果和检查结果，不写入文件',
    force: '覆盖已有的同名文件',
    importFormat: '输出格式',
    issues: '期次，如 2024-1（年份-期号，即 documents/ 下的文件夹名）',
    issue: '期次，如 2024-1（年份-期号，即 documents/ 下的文件夹名）',
    format: '输出格式',
    fix: '自动修正安全、无歧义的问题（括号、空格、全角数字、前导零、日期格式、中文中的半角标点、GB18030 编码）',
    lang: '界面语言',
    root: '项目根目录，即含 documents/ 的文件夹',
    currentFolder: '当前文件夹',
    enclosingProject: '当前文件夹；在项目的子文件夹中运行时为项目根目录',
    everyCommand: '每个命令都可加 --lang en 改用英文（或设环境变量 GAZETTE_LANG=en），加 --root <dir> 指定项目根目录。\n运行 gazette help <命令> 查看该命令的全部选项。',
    maxWarnings: '警告数超过 N 时以代码 1 退出',
    out: '输出目录（默认 dist/<期次>；与 --all 同用时为各期目录的上级目录）',
    draft: '即使有错误也排版，每页加“草稿”标记',
    proof: '（与 --draft 同用）在每个问题和每个字距过松的行旁加页边编号，并在末尾列出校对意见',
    proofNeedsDraft: '--proof 只用于一期的草稿：请给出期次并同时加 --draft',
    buildFormat: (all: readonly string[]) => `输出格式，可选 ${all.join('、')}，多个用逗号分隔`,
    template: '排版模板（templates/ 下的文件夹名；默认取 gazette.yml 的 template，否则 default）',
    port: '端口',
    open: '启动后打开浏览器',
    editor: '在版面视图中点击一行时用哪个编辑器打开它的源文件',
    notNumber: '须为非负整数',
    badPort: '端口须在 0 到 65535 之间（0 表示自动选择空闲端口）',
    badFormat: (all: string) => `须为以下格式之一或以逗号分隔的组合：${all}`,
    help: '显示帮助',
    version: '显示版本',
    init: '新建公报项目：gazette.yml、第一期和示例文件、CI 工作流（不覆盖已有文件）',
    initDir: '项目文件夹（默认当前文件夹）',
    name: '刊名，如“某某市人民政府公报”（默认由 --publisher 推出）',
    publisher: '主办单位，如“某某市人民政府办公室”（默认由 --name 推出）',
    new: '新建一期或一篇文件',
    newIssue: '按上一期推算年份、期号和总期号，新建下一期的文件夹和 issue.yml',
    published: '出版日期 YYYY-MM-DD（默认今天）',
    year: '年份（默认取出版日期的年份）',
    number: '当年期号（默认该年下一期）',
    newDocument: '在一期中新建文件：按栏目要求写好前置元数据，并建议下一个发文字号',
    category: '栏目（gazette.yml 中 sections 的 name）',
    issuer: '发文机关（默认 gazette.yml 中登记的第一个）',
    notPositive: '须为正整数',
  },
  en: {
    description: 'Government gazette compiler: validate, order and typeset a whole issue (PDF and HTML)',
    check: 'validate documents (numbers, dates, titles…); all issues when none is given',
    build: 'typeset an issue to PDF and HTML in dist/<issue>/; --all for every issue',
    annual: 'make the annual index (by section and by issuer) as PDF and HTML in dist/index-<year>/',
    annualYear: 'the year, e.g. 2021',
    annualOut: 'output folder (default dist/index-<year>/)',
    badYear: 'the year is four digits, e.g. 2021',
    all: 'build every issue (each into dist/<issue>/; unchanged ones are skipped; in parallel on all cores)',
    shard: 'build only the issues of shard i of n, e.g. 1/4, to spread them over a CI matrix',
    jobs: 'worker threads (default: the number of CPU cores)',
    issueOrAll: 'name an issue, or build every issue with --all',
    badShard: 'must be i/n with 1 ≤ i ≤ n, e.g. 2/4',
    shardNeedsAll: '--shard goes with --all',
    preview: 'preview an issue in the browser, reloading on save',
    import: 'import Word files (.docx), web pages (.html) or plain text (.txt) as documents of an issue, recognising title, number, date … and checking them',
    files: 'files to import',
    importIssue: 'issue to import into (an existing folder under documents/), e.g. 2024-1',
    importCategory: 'section (a name under sections in gazette.yml); inferred from the number and title when not given',
    dryRun: 'show what would be recognised and checked, write nothing',
    force: 'replace existing documents of the same name',
    importFormat: 'output format',
    issues: 'issues, e.g. 2024-1 (year-number, its folder under documents/)',
    issue: 'issue, e.g. 2024-1 (year-number, its folder under documents/)',
    format: 'output format',
    fix: 'apply safe, unambiguous fixes (brackets, spaces, full-width digits, leading zeros, date form, ASCII punctuation in Chinese text, GB18030)',
    lang: 'language of messages',
    root: 'project folder, the one holding documents/',
    currentFolder: 'the current folder',
    enclosingProject: 'the current folder, or the project it is inside',
    everyCommand: 'Every command takes --lang zh|en (or GAZETTE_LANG) and --root <dir>, the project folder.\nRun gazette help <command> for all of its options.',
    maxWarnings: 'exit with 1 when there are more than N warnings',
    out: 'output folder (default dist/<issue>; with --all, the folder that holds one per issue)',
    draft: 'build even with errors, marking every page DRAFT',
    proof: '(with --draft) number every problem and every loose line in the margin and list the notes at the end',
    proofNeedsDraft: '--proof is for the draft of one issue: name the issue and add --draft',
    buildFormat: (all: readonly string[]) => `comma-separated outputs among ${all.join(', ')}`,
    template: 'template folder under templates/ (default: gazette.yml template, else default)',
    port: 'port',
    open: 'open the browser once started',
    editor: 'the editor a click on a line of the page view opens its source in',
    notNumber: 'must be a non-negative integer',
    badPort: 'a port is between 0 and 65535 (0 picks a free one)',
    badFormat: (all: string) => `must be one or more of ${all}, separated by commas`,
    help: 'display help',
    version: 'display version',
    init: 'start a gazette project: gazette.yml, a first issue with samples, a CI workflow (never overwrites)',
    initDir: 'project folder (default: the current folder)',
    name: 'gazette name, e.g. 某某市人民政府公报 (default: derived from --publisher)',
    publisher: 'publishing office, e.g. 某某市人民政府办公室 (default: derived from --name)',
    new: 'create an issue or a document',
    newIssue: 'create the next issue folder and issue.yml, year, number and total following the last issue',
    published: 'publication date YYYY-MM-DD (default: today)',
    year: 'year (default: the publication date’s)',
    number: 'number within the year (default: the year’s next)',
    newDocument: 'create a document in an issue: the front matter its section needs and the next free number',
    category: 'section (a name under sections in gazette.yml)',
    issuer: 'issuing body (default: the first in gazette.yml)',
    notPositive: 'must be a positive integer',
  },
} as const;

export const defaultPort = 4173;

/** package.json's version, written into the bundle by scripts/build.js (unbundled runs are `dev`). */
const version = process.env.GAZETTE_VERSION ?? 'dev';

/** commander's usage errors in Chinese; the quoted option or value stays as the user typed it. */
function translateUsageError(message: string): string {
  return message
    .replace(/^error: unknown option (.*)$/m, '错误：未知选项 $1')
    .replace(/^error: unknown command (.*)$/m, '错误：未知命令 $1')
    .replace(/^error: missing required argument (.*)$/m, '错误：缺少参数 $1')
    .replace(/^error: required option (.*) not specified$/m, '错误：缺少必需的选项 $1')
    .replace(/^error: option (.*) argument missing$/m, '错误：选项 $1 缺少取值')
    .replace(/^error: too many arguments.*$/m, '错误：参数过多')
    .replace(/^error: option (.*) argument '(.*)' is invalid\. (.*)$/m, '错误：选项 $1 的取值“$2”无效。$3')
    .replace(/^error: command-argument value '(.*)' is invalid for argument '(.*)'\. (.*)$/m, '错误：参数 $2 的取值“$1”无效。$3')
    .replace(/Allowed choices are (.*)\.$/m, '可选值：$1。')
    .replace(/^\(Did you mean (.*)\?\)$/m, '（是否应为 $1？）')
    .replace(/^error: /m, '错误：');
}

/** Shell completion adds a trailing slash to folder names: `2021-4/` means issue 2021-4. */
const trimSlashes = (issue: string): string => issue.replace(/[\\/]+$/, '');

/** The language asked for on the command line (or GAZETTE_LANG), needed before commander builds the help text. */
function detectLang(argv: readonly string[], env: Io['env']): Lang {
  const index = argv.findIndex((arg) => arg === '--lang' || arg.startsWith('--lang='));
  const value = index < 0 ? env.GAZETTE_LANG : argv[index]!.includes('=') ? argv[index]!.split('=')[1] : argv[index + 1];
  return value === 'en' ? 'en' : 'zh';
}

/** Options every command takes (the top-level help says so): they may come before the command's name too. */
const COMMON_OPTIONS = new Set(['--lang', '--root']);

/**
 * `gazette --lang en check 2021-4` as `gazette check 2021-4 --lang en`, which is how commander reads a command's
 * options: after the command's whole name (`new issue`), before any `--`.
 */
function commandFirst(argv: readonly string[]): readonly string[] {
  let at = 0;
  while (at < argv.length) {
    const arg = argv[at]!;
    if (COMMON_OPTIONS.has(arg)) at += 2;
    else if (COMMON_OPTIONS.has(arg.split('=')[0]!) && arg.includes('=')) at += 1;
    else break;
  }
  const command = argv[at];
  if (at === 0 || command === undefined || command.startsWith('-')) return argv;
  const rest = argv.slice(at);
  const end = rest.includes('--') ? rest.indexOf('--') : rest.length;
  return [...rest.slice(0, end), ...argv.slice(0, at), ...rest.slice(end)];
}

/** Runs the CLI with `argv` (without `node` and the script). Never calls process.exit. */
export async function run(given: readonly string[], io: Io): Promise<number> {
  const argv = commandFirst(given);
  const lang = detectLang(argv, io.env);
  const t = text[lang];
  let exitCode = 0;
  const integer = (value: string): number => {
    if (!/^\d+$/.test(value)) throw new InvalidArgumentError(t.notNumber);
    return Number(value);
  };
  const port = (value: string): number => {
    const n = integer(value);
    if (n > 65535) throw new InvalidArgumentError(t.badPort);
    return n;
  };
  const positive = (value: string): number => {
    if (!/^[1-9]\d*$/.test(value)) throw new InvalidArgumentError(t.notPositive);
    return Number(value);
  };
  const shard = (value: string): [number, number] => {
    const match = /^([1-9]\d*)\/([1-9]\d*)$/.exec(value);
    if (!match || Number(match[1]) > Number(match[2])) throw new InvalidArgumentError(t.badShard);
    return [Number(match[1]), Number(match[2])];
  };
  const parseFormats = (value: string): OutputFormat[] => {
    const list = [...new Set(value.split(',').map((s) => s.trim()))];
    if (list.length === 0 || !list.every(isFormat)) throw new InvalidArgumentError(t.badFormat(FORMATS.join(', ')));
    return list as OutputFormat[];
  };
  const langOption = (): Option => new Option('--lang <lang>', t.lang).choices(['zh', 'en']).default(lang);
  const rootOption = (defaultText: string = t.enclosingProject): Option => new Option('--root <dir>', t.root).default('.', defaultText);

  const program = new Command('gazette')
    .description(t.description)
    .version(version, '-V, --version', t.version)
    .helpOption('-h, --help', t.help)
    .helpCommand('help [command]', t.help)
    .addHelpText('after', () => `\n${wrap(t.everyCommand, io.columns ?? 80)}`)
    .exitOverride()
    // Set before the commands are added, which inherit them.
    .configureHelp(helpConfiguration(lang))
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      getOutHelpWidth: () => io.columns ?? 80,
      getErrHelpWidth: () => io.columns ?? 80,
      outputError: (s, write) => write(lang === 'zh' ? translateUsageError(s) : s),
    })
    .showHelpAfterError(lang === 'zh' ? '（运行 gazette --help 查看用法）' : '(run gazette --help for usage)')
    // Run inside a project (documents/2021-4/), a command finds it above, as git finds its repository; init makes one.
    .hook('preAction', (_, action) => {
      if (action.name() === 'init' || action.getOptionValueSource('root') !== 'default' || existsSync(join(io.cwd, 'documents'))) return;
      const project = findUp(io.cwd, join('documents', 'gazette.yml'));
      if (project) action.setOptionValue('root', project);
    });

  program
    .command('check')
    .description(t.check)
    .argument('[issues...]', t.issues)
    .addOption(new Option('--format <format>', t.format).choices(formats).default('pretty'))
    .option('--fix', t.fix, false)
    .option('--max-warnings <n>', t.maxWarnings, integer)
    .addOption(langOption())
    .addOption(rootOption())
    .action(async (issues: string[], options) => {
      const { runCheck } = await import('./check.js');
      exitCode = await runCheck({ issues: issues.map(trimSlashes), format: options.format, fix: options.fix, lang: options.lang, root: options.root, maxWarnings: options.maxWarnings }, io);
    });

  program
    .command('build')
    .description(t.build)
    .argument('[issue]', t.issue)
    .option('--all', t.all, false)
    .option('--shard <i/n>', t.shard, shard)
    .option('--jobs <n>', t.jobs, positive)
    .option('--out <dir>', t.out)
    .option('--draft', t.draft, false)
    .option('--proof', t.proof, false)
    .addOption(new Option('--format <list>', t.buildFormat(FORMATS)).argParser(parseFormats).default([...DEFAULT_FORMATS], DEFAULT_FORMATS.join(',')))
    .option('--template <name>', t.template)
    .addOption(langOption())
    .addOption(rootOption())
    .action(async (issue: string | undefined, options, command: Command) => {
      if (options.shard && !options.all) command.error(t.shardNeedsAll, { exitCode: 2 });
      if (options.all === (issue !== undefined)) command.error(t.issueOrAll, { exitCode: 2 });
      if (options.proof && (!options.draft || options.all)) command.error(t.proofNeedsDraft, { exitCode: 2 });
      const common = { out: options.out, draft: options.draft, formats: options.format, lang: options.lang, root: options.root, template: options.template };
      if (options.all) {
        const { runBuildAll } = await import('./build-all.js');
        exitCode = await runBuildAll({ ...common, ...(options.shard ? { shard: options.shard } : {}), ...(options.jobs ? { jobs: options.jobs } : {}), version }, io);
      } else {
        const { runBuild } = await import('./build.js');
        exitCode = await runBuild({ ...common, proof: options.proof, issue: trimSlashes(issue!) }, io);
      }
    });

  program
    .command('index')
    .description(t.annual)
    .argument('<year>', t.annualYear, (value: string) => {
      if (!/^\d{4}$/.test(value)) throw new InvalidArgumentError(t.badYear);
      return Number(value);
    })
    .option('--out <dir>', t.annualOut)
    .option('--template <name>', t.template)
    .addOption(langOption())
    .addOption(rootOption())
    .action(async (year: number, options) => {
      const { runAnnual } = await import('./annual.js');
      exitCode = await runAnnual({ year, out: options.out, lang: options.lang, root: options.root, template: options.template }, io);
    });

  program
    .command('preview')
    .description(t.preview)
    .argument('<issue>', t.issue)
    .option('--port <n>', t.port, port, defaultPort)
    .option('--open', t.open, false)
    .addOption(new Option('--editor <editor>', t.editor).choices(['vscode', 'idea', 'none']).default('none'))
    .option('--template <name>', t.template)
    .addOption(langOption())
    .addOption(rootOption())
    .action(async (issue: string, options) => {
      const { runPreview } = await import('./preview.js');
      const portGiven = argv.some((a) => a === '--port' || a.startsWith('--port='));
      exitCode = await runPreview({ issue: trimSlashes(issue), port: options.port, open: options.open, editor: options.editor, lang: options.lang, root: options.root, portGiven, template: options.template }, io);
    });

  program
    .command('init')
    .description(t.init)
    .argument('[dir]', t.initDir)
    .option('--name <name>', t.name)
    .option('--publisher <name>', t.publisher)
    .addOption(langOption())
    .addOption(rootOption(t.currentFolder))
    .action(async (dir: string | undefined, options) => {
      const { runInit } = await import('./scaffold.js');
      exitCode = runInit({ dir, name: options.name, publisher: options.publisher, lang: options.lang, root: options.root, version }, io);
    });

  const create = program.command('new').description(t.new);
  create
    .command('issue')
    .description(t.newIssue)
    .option('--published <date>', t.published)
    .option('--year <n>', t.year, positive)
    .option('--number <n>', t.number, positive)
    .addOption(langOption())
    .addOption(rootOption())
    .action(async (options) => {
      const { runNewIssue } = await import('./scaffold.js');
      exitCode = await runNewIssue({ published: options.published, year: options.year, number: options.number, lang: options.lang, root: options.root }, io);
    });
  create
    .command('document')
    .description(t.newDocument)
    .argument('<issue>', t.issue)
    .requiredOption('--category <section>', t.category)
    .option('--issuer <name>', t.issuer)
    .addOption(langOption())
    .addOption(rootOption())
    .action(async (issue: string, options) => {
      const { runNewDocument } = await import('./scaffold.js');
      exitCode = await runNewDocument({ issue: trimSlashes(issue), category: options.category, issuer: options.issuer, lang: options.lang, root: options.root }, io);
    });

  program
    .command('import')
    .description(t.import)
    .argument('<files...>', t.files)
    .requiredOption('--issue <issue>', t.importIssue)
    .option('--category <section>', t.importCategory)
    .option('--dry-run', t.dryRun, false)
    .option('--force', t.force, false)
    .addOption(new Option('--format <format>', t.importFormat).choices(['pretty', 'json']).default('pretty'))
    .addOption(langOption())
    .addOption(rootOption())
    .action(async (files: string[], options) => {
      const { runImport } = await import('./import.js');
      exitCode = await runImport(
        { files, issue: trimSlashes(options.issue), ...(options.category !== undefined ? { category: options.category } : {}), root: options.root, dryRun: options.dryRun, force: options.force, format: options.format, lang: options.lang },
        io,
      );
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    throw error;
  }
}
