/** Thresholds of reading the page's metadata (title, summary, authors, dates, labels, language), in one place. */

// --- Title (pageTitle, stripSiteName) -----------------------------------------------------------------------

/** Headlines longer than this (characters) are paragraphs styled as headings. */
export const MAX_TITLE_CHARS = 300;
/** Headings considered: the headline sits near the top; later ones are sections and teasers. */
export const MAX_TITLE_CANDIDATES = 40;
/**
 * A heading confirmed by the page title must have this many words, or cover this share of the site-free title:
 * "V8" or "Silicon Exposed" (the blog's name) also occur in "Outside the web … · V8" but are not the headline.
 */
export const MIN_CONFIRMED_WORDS = 3;
export const MIN_CONFIRMED_SHARE = 0.4;
/** A part of a page `<title>` shorter than this (words) is a site name, not the headline: the other end is dropped instead. */
export const MIN_HEADLINE_WORDS = 3;
/** A headline of this many words or fewer is kept only when exactly one hierarchy level was dropped from the title. */
export const SHORT_TITLE_WORDS = 4;

// --- Summary, authors, labels (readPageMetadata, cleanAuthors, listItemTexts) -------------------------------

/** A standfirst shorter than this (characters) is a label, not a summary... */
export const MIN_SUMMARY_CHARS = 40;
/** ...and one longer than this is body text that matched a class name. */
export const MAX_SUMMARY_CHARS = 600;
/** Byline texts longer than this (characters) are body text that matched a class name. */
export const MAX_BYLINE_TEXT_CHARS = 120;
/** Byline elements read when no structured author is given (the first ones; later ones are teasers' and comments'). */
export const MAX_BYLINE_ELEMENTS = 3;
/** Ancestor levels searched for a comment thread around a byline (a commenter's name is no author). */
export const COMMENT_LOOKUP_LEVELS = 8;
/** A name longer than this (characters) is a sentence that happened to sit in a byline element... */
export const MAX_AUTHOR_NAME_CHARS = 60;
/** ...as is one of more words than this. */
export const MAX_AUTHOR_NAME_WORDS = 6;
/** Breadcrumb or tag items longer than this (characters) are not labels. */
export const MAX_LABEL_CHARS = 80;

// --- Dates (readPageMetadata, readElementDate, parseDate) ---------------------------------------------------

/** Date-like elements read (the first ones in document order: the article's, before teasers and comments). */
export const MAX_DATE_CANDIDATES = 10;
/** Characters of an element's visible text searched for a date. */
export const MAX_VISIBLE_DATE_TEXT_CHARS = 200;
/** A date beside the headline is looked for this many elements after the title heading... */
export const HEADER_DATE_AFTER_ELEMENTS = 60;
/** ...then this many before it. */
export const HEADER_DATE_BEFORE_ELEMENTS = 12;
/** A line of the article header that may carry the date is this short (characters)... */
export const MAX_HEADER_DATE_LINE_CHARS = 80;
/** ...and at least this long ("3.11.2023"). */
export const MIN_HEADER_DATE_LINE_CHARS = 6;
/** Epoch values below this (seconds) are not plausible publication times (before 1995). */
export const MIN_EPOCH_SECONDS = 788_918_400;
/** ...nor beyond this (2100), which also separates seconds from milliseconds. */
export const MAX_EPOCH_SECONDS = 4_102_444_800;

// --- Structured data (readStructuredData) -------------------------------------------------------------------

/** JSON-LD blocks larger than this (characters) are skipped: real ones are < 100 kB. */
export const MAX_JSON_LD_CHARS = 500_000;
/** JSON-LD objects read per page (a hostile page must stay cheap). */
export const MAX_JSON_LD_NODES = 200;

// --- Language (detectLanguage) ------------------------------------------------------------------------------

/** Body characters sampled to guess the language when the page does not declare it. */
export const LANGUAGE_SAMPLE_CHARS = 2_000;
/** Words of the sample that are read. */
export const MAX_SAMPLE_WORDS = 800;
/** Fewer stopword hits than this is too little evidence to name a language. */
export const MIN_LANGUAGE_HITS = 5;

/** An h1 confirms the title loosely when at least this many of its words, and this share of them, are the title's. */
export const MIN_LOOSE_TITLE_WORDS = 4;
export const MIN_LOOSE_TITLE_SHARE = 0.8;
