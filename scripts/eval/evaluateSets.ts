import type { ExtractedArticle } from '../../src/article.js';
import { removeSourceTemplates } from '../../src/dedupe/index.js';
import { extractTimed } from './measure.js';
import type { ShingleSet, SnippetCase } from './loadSets.js';
import { runReadability } from './runReadability.js';
import { prf, shinglePR, snippetCounts, squash, type Counts } from './scoreText.js';

export interface SetScore {
  set: string;
  pages: number;
  ours: { precision: number; recall: number; f1: number; titles?: number };
  readability: { precision: number; recall: number; f1: number; titles?: number } | null;
  postsPerCpuSecond: number;
  failures: string[];
  /**
   * Pages whose article we lose where Readability finds it (shingle sets: our per-page F1 < 0.5 where
   * Readability's >= 0.8; snippet set: none of the `with` snippets where Readability finds at least half).
   * Empty without the baseline.
   */
  lost: string[];
  /** Per page, ours and Readability's F1, for the worst-first listing and `--json` (snippet sets: F1 of the page's own counts). */
  pagesScored: PageScore[];
}

/** One page's scores: F1 (and P/R) for shingle sets, snippet hits for the snippet set. */
export interface PageScore {
  name: string;
  ours: number;
  readability: number | null;
  /** Our per-page precision and recall (shingles, or the page's own snippet counts). */
  precision: number;
  recall: number;
  /** Snippet set only: `with` snippets found of all, `without` snippets found (leaked) of all. */
  snippets?: { with: number; withTotal: number; without: number; withoutTotal: number; readabilityWith: number | null; readabilityWithout: number | null };
  article: ExtractedArticle | undefined;
  expected: string;
}

/** Thresholds of a lost page (issue 14). */
const LOST_BELOW = 0.5;
const BASELINE_FINDS = 0.8;

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
  const lost: string[] = [];
  const ourTitles: Array<{ got: string; want: string | null }> = [];
  const theirTitles: Array<{ got: string; want: string | null }> = [];
  const pagesScored: PageScore[] = [];
  cases.forEach((c, i) => {
    const result = snippetCounts(articles[i]?.body_text ?? '', c.with, c.without);
    addCounts(ours, result);
    const title = articles[i]?.title ?? '';
    ourTitles.push({ got: title, want: c.title });
    const titleOk = c.title === null || squash(title) === squash(c.title);
    if (result.missing.length + result.leaked.length > 0 || !titleOk) {
      failures.push(
        `${c.name} [${articles[i]?.profile}] missing=${JSON.stringify(result.missing.map((s) => s.slice(0, 60)))} leaked=${JSON.stringify(result.leaked.map((s) => s.slice(0, 60)))}${titleOk ? '' : ` title=${JSON.stringify(title)} want=${JSON.stringify(c.title)}`}`,
      );
    }
    let theirResult: Counts | null = null;
    if (baseline) {
      const base = runReadability(c.post, c.post.link ?? '');
      theirResult = snippetCounts(base.text, c.with, c.without);
      addCounts(theirs, theirResult);
      theirTitles.push({ got: base.title, want: c.title });
      if (c.with.length > 0 && result.tp === 0 && theirResult.tp >= c.with.length / 2) lost.push(c.name);
    }
    const page = prf(result);
    pagesScored.push({
      name: c.name,
      ours: page.f1,
      readability: theirResult ? prf(theirResult).f1 : null,
      precision: page.precision,
      recall: page.recall,
      snippets: {
        with: result.tp,
        withTotal: c.with.length,
        without: result.fp,
        withoutTotal: c.without.length,
        readabilityWith: theirResult?.tp ?? null,
        readabilityWithout: theirResult?.fp ?? null,
      },
      article: articles[i],
      expected: [...c.with.map((snippet) => `+ ${snippet}`), ...c.without.map((snippet) => `- ${snippet}`)].join('\n'),
    });
  });
  return {
    set: 'news-pages-trafilatura',
    pages: cases.length,
    ours: { ...prf(ours), titles: titleRate(ourTitles) },
    readability: baseline ? { ...prf(theirs), titles: titleRate(theirTitles) } : null,
    postsPerCpuSecond,
    failures,
    lost,
    pagesScored,
  };
}

function averaged(scores: ReadonlyArray<{ precision: number; recall: number }>): { precision: number; recall: number; f1: number } {
  const n = Math.max(scores.length, 1);
  const precision = scores.reduce((sum, s) => sum + s.precision, 0) / n;
  const recall = scores.reduce((sum, s) => sum + s.recall, 0) / n;
  return { precision, recall, f1: f1Of({ precision, recall }) };
}

function f1Of({ precision, recall }: { precision: number; recall: number }): number {
  return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
}

/**
 * Extracts a set's posts; a site batch then goes through the pipeline's template decision (block counts over
 * the site's articles, `removeSourceTemplates`), as processing does for the posts of one source.
 */
function extractSet(set: ShingleSet): { articles: ExtractedArticle[]; postsPerCpuSecond: number } {
  const { articles, postsPerCpuSecond } = extractTimed(set.cases.map((c) => c.post));
  return { articles: set.siteBatch ? removeSourceTemplates(articles).articles : articles, postsPerCpuSecond };
}

/** Per-document shingle P/R averaged, F1 from the averages; title exact-match rate where titles are known. */
export function evaluateShingles(set: ShingleSet, baseline: boolean): SetScore {
  const { articles, postsPerCpuSecond } = extractSet(set);
  const ours: Array<{ precision: number; recall: number }> = [];
  const theirs: Array<{ precision: number; recall: number }> = [];
  const titles: Array<{ got: string; want: string | null }> = [];
  const theirTitles: Array<{ got: string; want: string | null }> = [];
  const failures: string[] = [];
  const lost: string[] = [];
  const pagesScored: SetScore['pagesScored'] = [];
  set.cases.forEach((c, i) => {
    const article = articles[i];
    const score = shinglePR(article?.body_text ?? '', c.expectedText);
    ours.push(score);
    titles.push({ got: article?.title ?? '', want: c.expectedTitle });
    const titleOk = c.expectedTitle === null || squash(article?.title ?? '') === squash(c.expectedTitle);
    if (score.precision < 0.8 || score.recall < 0.8 || !titleOk) {
      failures.push(
        `${c.name} [${article?.profile}] P=${score.precision.toFixed(2)} R=${score.recall.toFixed(2)}${titleOk ? '' : ` title=${JSON.stringify(article?.title)} want=${JSON.stringify(c.expectedTitle)}`}`,
      );
    }
    let theirF1: number | null = null;
    if (baseline) {
      const base = runReadability(c.post, c.post.link ?? '');
      const theirScore = shinglePR(base.text, c.expectedText);
      theirs.push(theirScore);
      theirTitles.push({ got: base.title, want: c.expectedTitle });
      theirF1 = f1Of(theirScore);
      if (f1Of(score) < LOST_BELOW && theirF1 >= BASELINE_FINDS) lost.push(c.name);
    }
    pagesScored.push({
      name: c.name,
      ours: f1Of(score),
      readability: theirF1,
      precision: score.precision,
      recall: score.recall,
      article,
      expected: c.expectedText,
    });
  });
  return {
    set: set.name,
    pages: set.cases.length,
    ours: { ...averaged(ours), titles: titleRate(titles) },
    readability: baseline ? { ...averaged(theirs), titles: titleRate(theirTitles) } : null,
    postsPerCpuSecond,
    failures,
    lost,
    pagesScored,
  };
}
