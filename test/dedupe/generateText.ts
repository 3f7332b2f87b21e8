/** Seeded, news-like English text for similarity tests: realistic word frequencies, no external data. */

const NAMES = [
  'Kallas',
  'Costa',
  'Meloni',
  'Aliyev',
  'Brussels',
  'Baku',
  'Yerevan',
  'Ankara',
  'Berlin',
  'Warsaw',
  'Lisbon',
  'Kyiv',
  'Tehran',
  'Madrid',
  'Rome',
  'Vienna',
];
const NOUNS = [
  'minister',
  'government',
  'talks',
  'agreement',
  'border',
  'energy',
  'gas',
  'pipeline',
  'summit',
  'election',
  'parliament',
  'coalition',
  'vote',
  'budget',
  'tariff',
  'trade',
  'market',
  'price',
  'inflation',
  'court',
  'police',
  'investigation',
  'report',
  'officials',
  'spokesperson',
  'statement',
  'region',
  'corridor',
  'transport',
  'route',
  'security',
  'defence',
  'army',
  'ceasefire',
  'strike',
  'attack',
  'refugees',
  'migration',
  'policy',
  'reform',
  'union',
  'partner',
  'partnership',
  'cooperation',
  'investment',
  'company',
  'workers',
  'union',
  'hospital',
  'virus',
  'vaccine',
  'ship',
  'port',
  'harbour',
  'storm',
  'flood',
  'climate',
  'emissions',
  'target',
  'deal',
  'sanctions',
  'embassy',
  'delegation',
  'president',
  'leader',
  'opposition',
  'protest',
  'crowd',
  'city',
  'capital',
  'village',
  'farmers',
  'prices',
  'schools',
  'teachers',
  'students',
  'data',
  'platform',
  'network',
  'satellite',
  'drone',
  'missile',
  'oil',
  'tanker',
  'strait',
  'negotiations',
  'framework',
  'dialogue',
  'rights',
  'law',
  'judges',
  'prosecutors',
  'witnesses',
  'evidence',
];
const VERBS = [
  'said',
  'announced',
  'rejected',
  'approved',
  'warned',
  'confirmed',
  'denied',
  'signed',
  'visited',
  'discussed',
  'proposed',
  'criticised',
  'welcomed',
  'launched',
  'suspended',
  'expanded',
  'reduced',
  'increased',
  'delayed',
  'blocked',
  'praised',
  'questioned',
  'urged',
  'promised',
  'agreed',
];
const ADJECTIVES = [
  'strategic',
  'historic',
  'new',
  'major',
  'key',
  'European',
  'regional',
  'national',
  'local',
  'former',
  'senior',
  'joint',
  'urgent',
  'fragile',
  'significant',
  'annual',
  'early',
  'final',
  'public',
  'private',
  'economic',
  'political',
  'military',
  'diplomatic',
  'fresh',
];
const FUNCTION_WORDS = [
  'the',
  'the',
  'the',
  'a',
  'of',
  'of',
  'to',
  'in',
  'and',
  'on',
  'for',
  'with',
  'that',
  'by',
  'at',
  'from',
  'as',
  'after',
  'over',
  'its',
  'their',
  'this',
  'which',
  'while',
  'amid',
];

/** A deterministic pseudo-random generator in [0, 1) (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick(random: () => number, words: readonly string[]): string {
  return words[Math.floor(random() * words.length)] ?? '';
}

/** One sentence of 12–24 words shaped like news prose. */
export function generateSentence(random: () => number): string {
  const length = 12 + Math.floor(random() * 13);
  const words: string[] = [pick(random, NAMES), pick(random, VERBS)];
  while (words.length < length) {
    const roll = random();
    if (roll < 0.4) words.push(pick(random, FUNCTION_WORDS));
    else if (roll < 0.75) words.push(pick(random, NOUNS));
    else if (roll < 0.9) words.push(pick(random, ADJECTIVES));
    else words.push(roll < 0.95 ? pick(random, NAMES) : String(Math.floor(random() * 2030)));
  }
  const text = words.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** Paragraphs of whole sentences until at least `minWords` words are written. */
export function generateParagraphs(seed: number, minWords: number): string[] {
  const random = seededRandom(seed);
  const paragraphs: string[] = [];
  let words = 0;
  while (words < minWords) {
    const sentences = Array.from({ length: 2 + Math.floor(random() * 3) }, () => generateSentence(random));
    const paragraph = sentences.join(' ');
    paragraphs.push(paragraph);
    words += paragraph.split(' ').length;
  }
  return paragraphs;
}
