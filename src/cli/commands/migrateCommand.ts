import type { Command } from 'commander';
import { loadConfig } from '../../config.js';
import { migrate } from '../../db/migrate.js';
import { output } from '../output.js';

export function migrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('create the database if missing and apply sql/ migrations in order (idempotent)')
    .action(async () => {
      const config = loadConfig();
      const result = await migrate(config.databaseUrl);
      if (result.created) output.note(`created database ${new URL(config.databaseUrl).pathname.slice(1)}`);
      output.note(result.applied.length > 0 ? `applied ${result.applied.join(', ')}` : 'schema is up to date');
    });
}
