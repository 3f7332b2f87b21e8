import { extractTimed } from './measure.js';
import type { ShingleCase, SnippetCase } from './loadSets.js';
import { htmlText, runReadability } from './runReadability.js';
import { prf, shinglePR, snippetCounts, squash, type Counts } from './scoreText.js';

export interface SetScore {
  set: string;
  pages: number;
  ours: { precision: number; recall: number; f1: number; titles?: number };
  readability: { precision: number; recall: number; f1: number; titles?: number } | null;
  postsPerCpuSecond: number;
  failures: string[];
}

function addCounts(total: Counts, add: Counts): void {
  total.tp += add.tp;
  total.fp += add.fp;
  total.fn += add.fn;
}

/** Share of cases with a recorded title whose title is exactly right (whitespace-normalised); undefined without any. */
function titleRate(titles: ReadonlyArray<{ got: string; want: string | null }>): number | undefined {
  const scored = titles.filter((title) => title.want !== null);
  return scored.length > 0 ? scored.filter(({ got, want }) => squash(got) === squash(want ?? '')).length / scored.length : undefined;
}

/** Pooled snippet P/R/F1 and title exact-match rate (trafilatura set). */
export function evaluateSnippets(cases: readonly SnippetCase[], baseline: boolean): SetScore {
  const { articles, postsPerCpuSecond } = extractTimed(cases.map((c) => c.post));
  const ours: Counts = { tp: 0, fp: 0, fn: 0 };
  const theirs: Counts = { tp: 0, fp: 0, fn: 0 };
  const failures: string[] = [];
  const ourTitles: Array<{ got: string; want: string | null }> = [];
  const theirTitles: Array<{ got: string; want: string | null }> = [];
  cases.forEach((c, i) => {
    const result = snippetCounts(articles[i]?.body_text ?? '', c.with, c.without);
    addCounts(ours, result);
    const title = articles[i]?.title ?? '';
    ourTitles.push({ got: title, want: c.title });
    const titleOk = c.title === null || squash(title) === squash(c.title);
    if (result.missing.length + result.leaked.length > 0 || !titleOk) {
      failures.push(`${c.name} [${articles[i]?.profile}] missing=${JSON.stringify(result.missing.map((s) => s.slice(0, 60)))} leaked=${JSON.stringify(result.leaked.map((s) => s.slice(0, 60)))}${titleOk ? '' : ` title=${JSON.stringify(title)} want=${JSON.stringify(c.title)}`}`);
    }
    if (baseline) {
      const base = runReadability(c.post, c.post.link ?? '');
      addCounts(theirs, snippetCounts(base.text, c.with, c.without));
      theirTitles.push({ got: base.title, want: c.title });
    }
  });
  return {
    set: 'news-pages-trafilatura', pages: cases.length, ours: { ...prf(ours), titles: titleRate(ourTitles) },
    readability: baseline ? { ...prf(theirs), titles: titleRate(theirTitles) } : null, postsPerCpuSecond, failures,
  };
}

function averaged(scores: ReadonlyArray<{ precision: number; recall: number }>): { precision: number; recall: number; f1: number } {
  const n = Math.max(scores.length, 1);
  const precision = scores.reduce((sum, s) => sum + s.precision, 0) / n;
  const recall = scores.reduce((sum, s) => sum + s.recall, 0) / n;
  return { precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** Per-document shingle P/R averaged, F1 from the averages; title exact-match rate (readability set). */
export function evaluateShingles(cases: readonly ShingleCase[], baseline: boolean): SetScore {
  const { articles, postsPerCpuSecond } = extractTimed(cases.map((c) => c.post));
  const ours: Array<{ precision: number; recall: number }> = [];
  const theirs: Array<{ precision: number; recall: number }> = [];
  let ourTitles = 0;
  let theirTitles = 0;
  const failures: string[] = [];
  cases.forEach((c, i) => {
    const expected = htmlText(c.expectedHtml);
    const score = shinglePR(articles[i]?.body_text ?? '', expected);
    ours.push(score);
    const titleOk = squash(articles[i]?.title ?? '') === squash(c.expectedTitle);
    if (titleOk) ourTitles++;
    if (score.precision < 0.8 || score.recall < 0.8 || !titleOk) {
      failures.push(`${c.name} [${articles[i]?.profile}] P=${score.precision.toFixed(2)} R=${score.recall.toFixed(2)}${titleOk ? '' : ` title=${JSON.stringify(articles[i]?.title)} want=${JSON.stringify(c.expectedTitle)}`}`);
    }
    if (baseline) {
      const base = runReadability(c.post, c.post.link ?? '');
      theirs.push(shinglePR(base.text, expected));
      if (squash(base.title) === squash(c.expectedTitle)) theirTitles++;
    }
  });
  const n = Math.max(cases.length, 1);
  return {
    set: 'news-pages-readability', pages: cases.length, ours: { ...averaged(ours), titles: ourTitles / n },
    readability: baseline ? { ...averaged(theirs), titles: theirTitles / n } : null, postsPerCpuSecond, failures,
  };
}
