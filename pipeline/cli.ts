// The `xxgk` command line. Exit codes: 0 ok, 1 some files failed, 2 usage error.
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { runExtract } from './commands/extract.ts';

export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const cli = yargs(argv)
    .scriptName('xxgk')
    .locale('en')
    .usage('$0 <command> [options]\n\nGovernment information-disclosure annual reports into exact, checked numbers.')
    .command(
      'extract <files..>',
      'Extract tables 2, 3 and 4 of report files (HTML, text, JSON, DOCX, PDF)',
      (y) =>
        y
          .positional('files', { type: 'string', array: true, demandOption: true, describe: 'report files' })
          .option('json', { type: 'boolean', default: false, describe: 'one JSON object per file, one per line' })
          .example('$0 extract report.pdf', 'readable summary')
          .example('$0 extract data/samples/*.txt --json', 'JSON lines for other tools'),
      async (args) => {
        code = await runExtract(args.files as string[], args.json, (s) => process.stdout.write(s + '\n'));
      },
    )
    .demandCommand(1, 'Name a command; see --help.')
    .strict()
    .help()
    .alias('h', 'help')
    .version(false)
    .fail((msg, err) => {
      if (err) throw err;
      process.stderr.write(`${msg}\n\nRun "xxgk --help" for usage.\n`);
      code = 2;
      throw new UsageError(msg);
    });
  try {
    await cli.parseAsync();
  } catch (e) {
    if (e instanceof UsageError) return 2;
    throw e;
  }
  return code;
}

class UsageError extends Error {}

const isMain = process.argv[1] && /(?:cli\.ts|xxgk(?:\.js)?)$/u.test(process.argv[1]);
if (isMain) {
  main(hideBin(process.argv)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`xxgk: ${(e as Error).stack ?? e}\n`);
      process.exit(1);
    },
  );
}
