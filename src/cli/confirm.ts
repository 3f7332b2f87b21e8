import { createInterface } from 'node:readline/promises';
import { ConfigError } from '../errors.js';

/**
 * Asks a yes/no question on the terminal (prompt on stderr, so stdout stays the command's result); false
 * unless the answer is yes. Without a terminal to ask on, it refuses with `refusal`, so a script never
 * deletes data because nobody was there to say no.
 */
export async function confirm(question: string, refusal: string): Promise<boolean> {
  if (!process.stdin.isTTY || !process.stderr.isTTY) throw new ConfigError(refusal);
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await prompt.question(`${question} [y/N] `);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    prompt.close();
  }
}
