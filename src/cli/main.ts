import { Command, CommanderError } from 'commander';
import { ConfigError } from '../errors.js';
import { output } from './output.js';
import type { Command as CommandType } from 'commander';

type Register = (program: CommandType) => void;

/**
 * Each command's module, loaded only when that command runs: `wpingest extract` should not pay for
 * loading BullMQ, Express and the dashboard. Help loads them all.
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  migrate: async () => (await import('./commands/migrateCommand.js')).migrateCommand,
  'fixture-site': async () => (await import('./commands/fixtureSiteCommand.js')).fixtureSiteCommand,
  backfill: async () => (await import('./commands/backfillCommand.js')).backfillCommand,
  sync: async () => (await import('./commands/syncCommand.js')).syncCommand,
  source: async () => (await import('./commands/sourceCommand.js')).sourceCommand,
  run: async () => (await import('./commands/runCommand.js')).runCommand,
  status: async () => (await import('./commands/statusCommand.js')).statusCommand,
  reprocess: async () => (await import('./commands/reprocessCommand.js')).reprocessCommand,
  extract: async () => (await import('./commands/extractCommand.js')).extractCommand,
  explain: async () => (await import('./commands/explainCommand.js')).explainCommand,
  demo: async () => (await import('./commands/demoCommand.js')).demoCommand,
  export: async () => (await import('./commands/exportCommand.js')).exportCommand,
  search: async () => (await import('./commands/searchCommand.js')).searchCommand,
};

/** Exit status for bad command-line input or configuration. */
const EXIT_USAGE = 2;
const EXIT_FAILURE = 1;

async function buildProgram(commandName: string | undefined): Promise<Command> {
  const program = new Command('wpingest')
    .description('Turns WordPress sites into a clean, deduplicated article database')
    .version('0.1.0')
    .showHelpAfterError(false)
    .configureOutput({ writeErr: () => undefined })
    .exitOverride();
  const names = commandName && commandName in COMMANDS ? [commandName] : Object.keys(COMMANDS);
  for (const register of await Promise.all(names.map((name) => COMMANDS[name]!()))) register(program);
  for (const command of program.commands) command.exitOverride().configureOutput({ writeErr: () => undefined });
  return program;
}

async function main(argv: string[]): Promise<void> {
  try {
    await (await buildProgram(argv[2])).parseAsync(argv);
  } catch (error) {
    // Exit now: a command that failed half-way may hold open sockets or timers that would keep the process up.
    process.exit(exitCodeFor(error));
  }
}

function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
    output.note(`wpingest: ${error.message.replace(/^error: /, '').split('\n')[0]}`);
    return EXIT_USAGE;
  }
  const message = error instanceof Error ? error.message : String(error);
  output.note(`wpingest: ${message.split('\n')[0]}`);
  return error instanceof ConfigError ? EXIT_USAGE : EXIT_FAILURE;
}

await main(process.argv);
