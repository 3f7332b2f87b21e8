/**
 * Thresholds of choosing and collecting the article body, in one place. Lengths in "characters" are of the
 * whitespace-normalised text; "non-space characters" are the node stats' measure (see `nodeStats`).
 */

// --- Tags -------------------------------------------------------------------------------------------------

/** Any heading element (h1 is the page title, never body). */
export const HEADING_TAG = /^h[1-6]$/;
/** Elements that become one body block each (collectBlocks). */
export const BLOCK_ELEMENTS: ReadonlySet<string> = new Set(['p', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'dl', 'blockquote', 'pre', 'table']);

/** Section headings (h2-h6): what body blocks, box titles and teaser headlines use. */
export const SUBHEADING_TAG = /^h[2-6]$/;

// --- Node stats (nodeStats) ---------------------------------------------------------------------------------

/**
 * A Chinese or Japanese character counts as this many characters in every text measure: such text has no spaces
 * and carries a Latin word's meaning in one or two characters (a Latin word is about five letters).
 */
export const WIDE_CHAR_WEIGHT = 3;
/** A Korean syllable counts as this many: Korean puts spaces between words, of two or three syllables each. */
export const HANGUL_CHAR_WEIGHT = 2;

/** A paragraph shorter than this (non-space characters) is not counted as article prose. */
export const MIN_PROSE_PARAGRAPH_CHARS = 40;
/** Text between <br>s counts as prose when its lines average at least this many characters (an address block's are shorter). */
export const MIN_BROKEN_LINE_CHARS = 40;
/**
 * A page whose <p> prose is less than this share of the prose in divs holding only inline content writes its
 * paragraphs as such divs: they are counted as its paragraphs.
 */
export const MAX_P_PROSE_SHARE_OF_DIV_PROSE = 0.25;
/** Paragraphs whose link text exceeds this share of their text are link lists, not prose. */
export const MAX_PROSE_LINK_DENSITY = 0.5;

// --- Content scoring (findMainContent, Readability's algorithm) ---------------------------------------------

/** Paragraphs shorter than this (characters) add nothing to their container's score (Readability's 25). */
export const MIN_SCORED_PARAGRAPH_CHARS = 25;
/** Each full 100 characters of a paragraph adds one point, up to this many (Readability's cap). */
export const MAX_LENGTH_POINTS = 3;
/** Ancestor levels that receive a paragraph's score. */
export const SCORED_ANCESTOR_LEVELS = 5;
/** Bonus or malus for class/id words that mark content or furniture. */
export const CLASS_WEIGHT_POINTS = 25;
/** A sibling joins the article when its score reaches this share of the best container's. */
export const SIBLING_SCORE_SHARE = 0.2;
/** ...or at least this absolute score. */
export const MIN_SIBLING_SCORE = 10;
/** Same-class sibling wrappers join only while they are prose, not link lists (share of their text in links). */
export const MAX_SIBLING_LINK_DENSITY = 0.3;
/** A sibling `<p>` longer than this (non-space characters)... */
export const MIN_SIBLING_PARAGRAPH_CHARS = 80;
/** ...with less than this share of its text in links joins the article (Readability's rule). */
export const MAX_SIBLING_PARAGRAPH_LINK_DENSITY = 0.25;
/** Candidates within this share of the best score vote for a common ancestor (Readability's 0.75). */
export const ALTERNATIVE_CANDIDATE_SHARE = 0.75;
/** How many such candidates must share an ancestor to move the choice up (Readability's 3). */
export const MIN_ALTERNATIVE_CANDIDATES = 3;
/** Top candidates considered for that vote. */
export const TOP_CANDIDATES = 5;
/** The chosen containers must hold at least this share of the prose of the page's `<main>` around them... */
export const MIN_SHARE_OF_MAIN_PROSE = 0.3;
/** ...when that `<main>` holds at least this much prose (non-space characters), or the main region is taken. */
export const MIN_MAIN_PROSE_CHARS = 500;
/**
 * Only a winner this small (non-space characters of prose: a box or two) counts as fragmented: a real article
 * body beside a large comment section also holds little of `<main>`'s prose, and must not be widened to it.
 */
export const MAX_FRAGMENT_PROSE_CHARS = 1000;
/** Share of the chosen container's prose a same-class part elsewhere must reach to join (one real paragraph). */
export const MIN_SPLIT_PART_PROSE_SHARE = 0.05;

// --- The standfirst above the body (findLead) ---------------------------------------------------------------

/** A lead is a sentence or a short paragraph: at least this many characters... */
export const MIN_LEAD_CHARS = 40;
/** ...and at most this many. */
export const MAX_LEAD_CHARS = 1200;
/** A lead named like a teaser box holds at most this share of its text in links (a teaser card is mostly one link). */
export const MAX_LEAD_LINK_SHARE = 0.3;
/** How many ancestor levels above the body container are searched for a preceding lead. */
export const LEAD_LOOKUP_LEVELS = 4;
/**
 * hAtom's class for a post's excerpt (`the_excerpt()`), which classic WordPress themes print above the post's
 * `.entry-content` on its own page when the author wrote one: a summary kept apart from the post (see isPostExcerpt).
 */
export const POST_EXCERPT_CLASS = 'entry-summary';

// --- Collecting blocks (collectBlocks, commentsHeading) -----------------------------------------------------

/** Removed-block texts are cut to this many characters: enough for `wpingest explain`, bounded for storage. */
export const MAX_REMOVED_TEXT_CHARS = 500;
/** Text in a div (not a <p>) shorter than this (characters), without closing punctuation, is a label, not prose. */
export const MIN_DIV_PARAGRAPH_CHARS = 30;
/** Story text (characters) that must be kept before a comments heading ends the body: above it, it is a label. */
export const MIN_STORY_CHARS_BEFORE_COMMENTS = 200;
/** A paragraph this short (characters) ending in a colon is a lead-in ("You might also like:"), not a sentence. */
export const MAX_LEAD_IN_CHARS = 80;
/**
 * Longest heading (characters) taken for the title of a box dropped right after it ("Mit Freunden teilen", "More
 * articles in News"); a longer one is a sentence: a standfirst set as a heading above the share or byline bar.
 */
export const MAX_BOX_TITLE_CHARS = 80;
/** Longest comments heading (characters). */
export const MAX_COMMENTS_HEADING_CHARS = 60;

// --- Block filters (filterReason, listOfSentences) ----------------------------------------------------------

/** Blocks whose link text exceeds this share of their text are link lists (navigation, teasers)... */
export const MAX_BLOCK_LINK_DENSITY = 0.5;
/** ...unless they are at least this long (characters): long prose with many inline links is still prose. */
export const LINK_LIST_MAX_CHARS = 600;
/** Bylines are short; a longer "By ..." line (characters) is a sentence of the article. */
export const MAX_BYLINE_CHARS = 80;
/** Longest dateline (characters). */
export const MAX_DATELINE_CHARS = 80;
/** Longest photo credit line (characters). */
export const MAX_CREDIT_LINE_CHARS = 120;
/** A line that starts like a credit but has this many words and ends as a sentence is the article's. */
export const MIN_CREDIT_SENTENCE_WORDS = 10;
/** Longest call to follow, subscribe or download (characters) that ends an article. */
export const MAX_CALL_TO_ACTION_CHARS = 240;
/** Longest sign-up pitch (characters): a longer paragraph that mentions a newsletter is article text. */
export const MAX_SIGN_UP_PITCH_CHARS = 240;
/** Tool words (print, permalink, e-mail...) a short block must hold to count as a tool bar. */
export const MIN_TOOL_WORDS = 3;
/** Longest tool bar (characters). */
export const MAX_TOOL_BAR_CHARS = 200;
/** Words one of a post's links to other sites needs to name a reference (a title), not label a profile ("Facebook"). */
export const MIN_REFERENCE_LINK_WORDS = 2;
/** Words each link of a reading list (a list of other sites' pages, see `filterReason`) names its page with. */
export const MIN_READING_LIST_TITLE_WORDS = 3;
/** ...and the links it holds at least. */
export const MIN_READING_LIST_LINKS = 3;
/** Words outside links a list item needs to be a sentence with inline links rather than a linked label. */
export const MIN_ITEM_PLAIN_WORDS = 4;
/** ...and the share of the item's text they must make up. */
export const MIN_ITEM_PLAIN_SHARE = 0.2;
/** Share of a list's items that must be such sentences for it to be prose, not a link list. */
export const MIN_SENTENCE_ITEM_SHARE = 0.6;
/** In a post's own text, a link-dense paragraph with this many words outside its links, some after the first link, is a sentence... */
export const MIN_SENTENCE_PLAIN_WORDS = 4;
/** ...as is one ending in a full stop with this many words, however much of it is one link. */
export const MIN_LINKED_SENTENCE_WORDS = 10;

// --- Confirming against the structured articleBody (repairFromArticleBody) ----------------------------------

/** A structured articleBody shorter than this (characters) is a teaser, not a body to compare against. */
export const MIN_ARTICLE_BODY_CHARS = 500;
/** The chosen body must contain at least this share of the articleBody's distinct words, or it is repaired. */
export const MIN_ARTICLE_BODY_COVERAGE = 0.5;
/** Words shorter than this (characters) are too common to tell two texts apart. */
export const MIN_COMPARED_WORD_CHARS = 4;
/** Verbatim samples (start, middle, end) of the articleBody that, all found in the body, confirm it at once. */
export const CONFIRMING_SAMPLES = 3;
/** Length of each sample (characters): long enough never to occur by chance. */
export const CONFIRMING_SAMPLE_CHARS = 80;

// --- The post the page marks (markedPost) and the safety net (safetyNet) ------------------------------------

/** A second marker outside the best one holding this share of its text makes the page a list of posts (ambiguous). */
export const AMBIGUOUS_MARKER_SHARE = 0.5;
/** A marker nested in the best one and holding this share of its text is the more exact body element. */
export const NESTED_MARKER_SHARE = 0.8;
/** Levels above a title heading searched for the container it shares with the post body. */
export const TITLE_CONTAINER_LEVELS = 4;
/** A title heading must have this many letters to be matched against the page title. */
export const MIN_TITLE_LETTERS = 8;
/** Characters of a heading read to match it against the title. */
export const MAX_TITLE_HEADING_CHARS = 400;
/**
 * A chosen body holding less than this share of the text of the element the page marks as the post, inside it,
 * was cut short.
 */
export const FAR_SHORTER_SHARE = 0.5;
/** A marked post elsewhere on the page wins over a chosen body at least this many times larger only with more evidence. */
export const ELSEWHERE_MIN_SHARE = 0.3;
/** Chosen bodies up to this long (non-space characters) are read for consent, byline or comment wording. */
export const MAX_FURNITURE_TEXT_CHARS = 800;
/** Paragraph text (non-space characters) the page must hold for the densest prose to replace an empty body. */
export const MIN_DENSEST_PROSE_CHARS = 200;

/** Classes WordPress themes and builders give the element around `the_content()`: the whole post is written inside them. */
export const THE_CONTENT_CLASSES = [
  'entry-content',
  'entry_content',
  'post-content',
  'post_content',
  'et_pb_post_content',
  'td-post-content',
  'post-entry',
  // Page builders' theme templates: Elementor's Post Content widget, the Beaver Builder theme's post body.
  'elementor-widget-theme-post-content',
  'fl-post-content',
] as const;

/**
 * Class names themes give the element that holds the post's own text: WordPress themes wrap `the_content()` in
 * `.entry-content` (hAtom) or `.post-content`, page builders in their post-content module; news CMSs name it
 * the article body. Independent of the scoring rules, so it can check what they chose.
 */
export const POST_BODY_CLASSES = [
  ...THE_CONTENT_CLASSES,
  'entry-body',
  'post-body',
  'article-content',
  'article-body',
  'articlebody',
  'single-content',
  // The same names in BEM (`article__body`) and in the other word order (`content-article`).
  'article__body',
  'article__content',
  'content-article',
] as const;

/**
 * Elementor writes a post built with it inside `<div class="elementor elementor-123" data-elementor-type="wp-post">`
 * (`wp-page` for pages), from the_content(): on a theme that marks nothing else (Hello Elementor) it is the marker.
 */
export const ELEMENTOR_CONTENT_TYPES: ReadonlySet<string> = new Set(['wp-post', 'wp-page']);
export const ELEMENTOR_CONTENT_LABEL = '[data-elementor-type=wp-post]';

/** How `removed`/`explain` name the post's element: its marking class, the microdata property, or Elementor's attribute. */
export const POST_MARKER_LABELS = [...POST_BODY_CLASSES.map((name) => `.${name}` as const), '[itemprop=articleBody]', ELEMENTOR_CONTENT_LABEL] as const;
export type PostMarkerLabel = (typeof POST_MARKER_LABELS)[number];

// --- Listing pages (readListing) ------------------------------------------------------------------------------

/** Levels above a headline where a link wrapping its whole card (`<a><figure/><h2/><p/></a>`) may sit. */
export const MAX_CARD_LINK_LEVELS = 3;

/** A section front, archive or search page announces at least this many stories with headline cards... */
export const MIN_LISTING_CARDS = 6;
/**
 * ...and holds at most this much text (non-space characters, outside links) beside them: labels such as
 * "Advertisement" or a section's name, less than one sentence of an article of its own.
 */
export const MAX_LISTING_OWN_TEXT_CHARS = 120;

/** An author box after the post with no telling class (body/dropAuthorBox): at most this many lines under the name... */
export const MAX_AUTHOR_BOX_BLOCKS = 3;
/** ...holding at most this share of the body's text. */
export const MAX_AUTHOR_BOX_SHARE = 1 / 2;

/** A heading named like a box ("Related posts") over a link-free paragraph of at least this much text heads prose. */
export const MIN_SECTION_PROSE_CHARS = 40;

/** Words a headline of another story on the page has at least (a one-word h1 heads a section of the page). */
export const MIN_HEADLINE_WORDS = 4;
/** A title box's text is at least this share of the title's letters (the title may carry the site name with no separator). */
export const MIN_TITLE_BOX_SHARE = 0.4;
/** Elements after the next story's headline searched for the first block of that story. */
export const MAX_NEXT_STORY_LOOKAHEAD = 60;
