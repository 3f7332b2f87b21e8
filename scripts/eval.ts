/**
 * Scores the extractor on the shared development sets, side by side with Mozilla Readability.
 * Usage: npm run eval -- [--set trafilatura|readability|heythatsmyhummus|embriologia|wp-theme|seed] [--limit N]
 *   [--failures] [--worst N] [--show NAME] [--no-baseline]
 * `--worst N` lists each shingle set's N lowest-F1 pages; `--show NAME` prints our body and the truth of a page.
 */
import { parseArgs } from 'node:util';
import { evaluateSeed } from './eval/evaluateSeed.js';
import { evaluateShingles, evaluateSnippets, type SetScore } from './eval/evaluateSets.js';
import { loadReadabilitySet, loadThemePageSets, loadTrafilaturaSet } from './eval/loadSets.js';

const { values } = parseArgs({
  options: {
    set: { type: 'string' },
    limit: { type: 'string' },
    failures: { type: 'boolean', default: false },
    worst: { type: 'string' },
    show: { type: 'string' },
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
  console.log('               F1      P       R       titles  posts/s/core  lost');
  console.log(
    `  wpingest   ${percent(ours.f1)} ${percent(ours.precision)} ${percent(ours.recall)} ${percent(ours.titles)}  ${score.postsPerCpuSecond.toFixed(0).padStart(12)}  ${baseline ? score.lost.length : '-'}`,
  );
  if (readability)
    console.log(`  readability${percent(readability.f1)} ${percent(readability.precision)} ${percent(readability.recall)} ${percent(readability.titles)}`);
  if (score.lost.length > 0) console.log(`  LOST: ${score.lost.join(' ')}`);
  if (values.failures) for (const failure of score.failures) console.log(`    ${failure}`);
  if (values.worst) {
    const worst = [...score.pagesScored].sort((a, b) => a.ours - b.ours).slice(0, Number(values.worst));
    for (const page of worst)
      console.log(
        `    ${page.name} F1=${page.ours.toFixed(2)} readability=${page.readability?.toFixed(2) ?? '-'} words=${page.article?.word_count ?? 0} [${page.article?.profile}]`,
      );
  }
  const shown = values.show ? score.pagesScored.find((page) => page.name === values.show) : undefined;
  if (shown) {
    console.log(`\n--- ours (${shown.name}, F1 ${shown.ours.toFixed(3)}) ---\n${shown.article?.body_text ?? ''}`);
    console.log(`\n--- removed ---\n${(shown.article?.removed ?? []).map((block) => `[${block.reason}] ${block.text.slice(0, 160)}`).join('\n')}`);
    console.log(`\n--- truth ---\n${shown.expected}`);
  }
}

if (wants('trafilatura')) print(evaluateSnippets(loadTrafilaturaSet(limit), baseline));
if (wants('news-pages-readability')) print(evaluateShingles(loadReadabilitySet(limit), baseline));
for (const set of loadThemePageSets(limit)) if (wants(set.name)) print(evaluateShingles(set, baseline));
if (wants('seed')) {
  const seed = evaluateSeed();
  console.log(
    seed
      ? `\nseed: ${seed.fields - seed.wrong.length}/${seed.fields} fields exact${seed.wrong.length ? `; wrong: ${seed.wrong.join(', ')}` : ''}`
      : '\nseed: fixture missing',
  );
}
