/**
 * Scores the extractor on the shared development sets, side by side with Mozilla Readability.
 * Usage: npm run eval -- [--set trafilatura|readability|seed] [--limit N] [--failures] [--no-baseline]
 */
import { parseArgs } from 'node:util';
import { evaluateSeed } from './eval/evaluateSeed.js';
import { evaluateShingles, evaluateSnippets, type SetScore } from './eval/evaluateSets.js';
import { loadReadabilitySet, loadTrafilaturaSet } from './eval/loadSets.js';

const { values } = parseArgs({
  options: {
    set: { type: 'string' },
    limit: { type: 'string' },
    failures: { type: 'boolean', default: false },
    'no-baseline': { type: 'boolean', default: false },
  },
});
const limit = values.limit ? Number(values.limit) : Infinity;
const wants = (name: string): boolean => !values.set || name.includes(values.set);
const baseline = !values['no-baseline'];

function percent(value: number | undefined): string {
  return value === undefined ? '   -  ' : `${(value * 100).toFixed(1).padStart(5)}%`;
}

function print(score: SetScore): void {
  const { ours, readability } = score;
  console.log(`\n${score.set} (${score.pages} pages)`);
  console.log('               F1      P       R       titles  posts/s/core');
  console.log(`  wpingest   ${percent(ours.f1)} ${percent(ours.precision)} ${percent(ours.recall)} ${percent(ours.titles)}  ${score.postsPerCpuSecond.toFixed(0)}`);
  if (readability) console.log(`  readability${percent(readability.f1)} ${percent(readability.precision)} ${percent(readability.recall)} ${percent(readability.titles)}`);
  if (values.failures) for (const failure of score.failures) console.log(`    ${failure}`);
}

if (wants('trafilatura')) print(evaluateSnippets(loadTrafilaturaSet(limit), baseline));
if (wants('readability')) print(evaluateShingles(loadReadabilitySet(limit), baseline));
if (wants('seed')) {
  const seed = evaluateSeed();
  console.log(seed ? `\nseed: ${seed.fields - seed.wrong.length}/${seed.fields} fields exact${seed.wrong.length ? `; wrong: ${seed.wrong.join(', ')}` : ''}` : '\nseed: fixture missing');
}
