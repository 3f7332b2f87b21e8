/** The one place command output is written: results on stdout, human notes on stderr. */
export const output = {
  line(text = ''): void {
    process.stdout.write(`${text}\n`);
  },
  json(value: unknown, pretty = false): void {
    process.stdout.write(`${JSON.stringify(value, null, pretty ? 2 : undefined)}\n`);
  },
  note(text: string): void {
    process.stderr.write(`${text}\n`);
  },
};
