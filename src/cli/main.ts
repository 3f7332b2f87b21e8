import { Command, CommanderError } from 'commander';
import { ConfigError } from '../errors.js';
import { backfillCommand } from './commands/backfillCommand.js';
import { demoCommand } from './commands/demoCommand.js';
import { explainCommand } from './commands/explainCommand.js';
import { extractCommand } from './commands/extractCommand.js';
import { fixtureSiteCommand } from './commands/fixtureSiteCommand.js';
import { migrateCommand } from './commands/migrateCommand.js';
import { reprocessCommand } from './commands/reprocessCommand.js';
import { runCommand } from './commands/runCommand.js';
import { statusCommand } from './commands/statusCommand.js';
import { syncCommand } from './commands/syncCommand.js';

/** Exit status for bad command-line input or configuration. */
const EXIT_USAGE = 2;
const EXIT_FAILURE = 1;

function buildProgram(): Command {
  const program = new Command('wpingest')
    .description('Turns WordPress sites into a clean, deduplicated article database')
    .version('0.1.0')
    .showHelpAfterError(false)
    .configureOutput({ writeErr: () => undefined })
    .exitOverride();
  for (const register of [migrateCommand, fixtureSiteCommand, backfillCommand, syncCommand, runCommand, statusCommand, reprocessCommand, extractCommand, explainCommand, demoCommand]) {
    register(program);
  }
  for (const command of program.commands) command.exitOverride().configureOutput({ writeErr: () => undefined });
  return program;
}

async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    process.exitCode = exitCodeFor(error);
  }
}

function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
    process.stderr.write(`wpingest: ${error.message.replace(/^error: /, '')}\n`);
    return EXIT_USAGE;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`wpingest: ${message.split('\n')[0]}\n`);
  return error instanceof ConfigError ? EXIT_USAGE : EXIT_FAILURE;
}

await main(process.argv);
