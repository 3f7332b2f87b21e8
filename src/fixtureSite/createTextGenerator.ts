import type { Rng } from './createRng.js';
import type { Country, Topic } from './newsVocabulary.js';
import {
  ADJECTIVES,
  EXPERT_ROLES,
  FIRST_NAMES,
  INSTITUTIONS,
  LAST_NAMES,
  MODALS,
  MONTHS,
  ROLES,
  THINK_TANKS,
  VERBS_3,
  VERBS_INF,
  VERBS_PAST,
  WEEKDAYS,
} from './newsVocabulary.js';

/** Context of one article: its topic and two countries. */
export interface TextContext {
  topic: Topic;
  country: Country;
  other: Country;
}

/** Generates decoded news text (typographic quotes and apostrophes, never ASCII ones). */
export interface TextGenerator {
  person(): string;
  sentence(ctx: TextContext): string;
  paragraph(ctx: TextContext): string;
  headline(ctx: TextContext): string;
  summary(ctx: TextContext): string;
  subhead(ctx: TextContext): string;
  caption(ctx: TextContext, dateLabel: string): string;
}

const quote = (s: string): string => `\u201c${s}\u201d`;
const single = (s: string): string => `\u2018${s}\u2019`;
const possessive = (s: string): string => `${s}\u2019s`;
const upperFirst = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const article = (w: string): string => (/^[aeiou]/i.test(w) && !/^(uni|use|eu)/i.test(w) ? `an ${w}` : `a ${w}`);

/** Builds a text generator drawing from `rng`. */
export function createTextGenerator(rng: Rng): TextGenerator {
  const pick = <T>(items: readonly T[]): T => rng.pick(items);
  const person = (): string => `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`;
  const official = (c: Country): string => `${c[1]} ${pick(ROLES)} ${person()}`;
  const expert = (): string => `${person()}, ${pick(EXPERT_ROLES)} ${pick(THINK_TANKS)}`;

  const clause = (t: Topic, c: Country): string => {
    switch (rng.int(0, 7)) {
      case 0:
        return `${c[0]} ${pick(MODALS)} ${pick(VERBS_INF)} ${pick(t.things)}`;
      case 1:
        return `the ${pick(t.policies)} ${pick(MODALS)} ${pick(VERBS_INF)} support for ${pick(t.groups)}`;
      case 2:
        return `${pick(t.issues)} had forced governments to ${pick(VERBS_INF)} ${pick(t.things)}`;
      case 3:
        return `talks on ${pick(t.things)} were making ${pick(['slow', 'steady', 'little', 'real', 'uneven'])} progress`;
      case 4:
        return `${pick(t.groups)} in ${c[3]} ${pick([
          'stand to gain most',
          'remain the most exposed',
          'want clearer rules',
          'are still waiting for details',
          'fear higher costs',
        ])}`;
      case 5:
        return `${pick(INSTITUTIONS)} was ready to ${pick(VERBS_INF)} ${pick(t.things)} in ${c[0]}`;
      case 6:
        return `the ${pick(ADJECTIVES)} deal on ${pick(t.things)} ${pick([
          'was within reach',
          'could still unravel',
          'would be signed by the end of the year',
          'needed broader backing',
        ])}`;
      default:
        return `${possessive(c[0])} approach to ${pick(t.things)} ${pick([
          'had shifted markedly',
          'remained unchanged',
          'was under review',
          'divided its partners',
        ])}`;
    }
  };

  const sentence = ({ topic: t, country: c, other: c2 }: TextContext): string => {
    switch (rng.int(0, 13)) {
      case 0:
        return `${official(c)} said on ${pick(WEEKDAYS)} that ${clause(t, c)}.`;
      case 1:
        return `${upperFirst(pick(INSTITUTIONS))} ${pick(VERBS_PAST)} plans on ${pick(t.things)} ${pick([
          'last week',
          'earlier this month',
          `on ${pick(WEEKDAYS)}`,
          'in a statement',
          'after months of negotiations',
        ])}.`;
      case 2:
        return `The ${pick(t.policies)} is expected to ${pick(VERBS_INF)} ${pick(t.things)} for ${pick(t.groups)} in ${c[0]} and beyond.`;
      case 3:
        return `${quote(
          `We are ready to ${pick(VERBS_INF)} ${pick(t.things)} together with our partners${rng.chance(0.5) ? ', and we expect the same in return' : ''},`,
        )} ${person()} told Euronews in ${c[2]}.`;
      case 4:
        return `According to ${pick([
          'officials familiar with the talks',
          `a statement from ${pick(INSTITUTIONS)}`,
          'diplomatic sources',
          'figures published by Eurostat',
          'a draft document seen by Euronews',
        ])}, ${clause(t, c)}.`;
      case 5:
        return `${possessive(c[0])} government has repeatedly ${pick([
          'called for',
          'resisted',
          'questioned',
          'championed',
        ])} ${pick(t.things)}, citing ${pick(t.issues)}.`;
      case 6:
        return `Analysts say ${clause(t, c)}, although ${clause(t, c2)}.`;
      case 7: {
        const x = rng.sample(t.things, 3);
        return `The talks covered ${x[0]}, ${x[1]} and ${x[2]}, as well as ${pick([
          'regional connectivity',
          'human rights',
          'visa facilitation',
          'investment protection',
          'people-to-people contacts',
        ])}.`;
      }
      case 8:
        return `${rng.int(12, 78)} per cent of ${pick(t.groups)} surveyed in ${c[0]} said ${clause(t, c)}.`;
      case 9:
        return `In ${pick(MONTHS)}, ${pick(INSTITUTIONS)} ${pick(VERBS_PAST)} ${article(pick(ADJECTIVES))} package worth \u20ac${rng.int(
          2,
          95,
        )} billion to ${pick(VERBS_INF)} ${pick(t.things)}.`;
      case 10:
        return `Critics, including ${expert()}, argue that ${clause(t, c)}.`;
      case 11:
        return `The meeting in ${c[2]} came ${pick(['two', 'three', 'five', 'ten', 'just a few'])} days after ${pick([
          `a summit in ${c2[2]}`,
          `talks with ${c2[0]}`,
          `a visit by a delegation from ${pick(INSTITUTIONS)}`,
        ])}.`;
      case 12:
        return `${quote(`This is ${article(pick(ADJECTIVES))} moment for ${c[3]}, and it\u2019s clear that ${clause(t, c2)}`)}, said ${expert()}.`;
      default:
        return `${upperFirst(pick(t.issues))} ${pick(['weighed on', 'complicated', 'overshadowed', 'added urgency to'])} ${pick(t.things)} across ${c[3]}.`;
    }
  };

  const headline = ({ topic: t, country: c, other: c2 }: TextContext): string => {
    switch (rng.int(0, 9)) {
      case 0:
        return `EU\u2019s ${person()} visits ${c[2]} to advance ${single(`${pick(ADJECTIVES)} partnership`)} with ${c[0]}`;
      case 1:
        return `${c[0]} ${pick(VERBS_3)} ${pick(t.things)} amid ${pick(t.issues)}`;
      case 2:
        return `${upperFirst(pick(INSTITUTIONS))} warns of ${pick(t.issues)} in ${c[3]}`;
      case 3:
        return `${possessive(c[0])} ${pick(ROLES).toLowerCase()} ${pick(['survives', 'faces', 'loses'])} ${pick([
          'no-confidence vote',
          `backlash over ${pick(t.things)}`,
          `protests over ${pick(t.things)}`,
        ])}`;
      case 4:
        return `What ${possessive(c[0])} new ${pick(t.policies)} means for ${pick(t.groups)}`;
      case 5:
        return `${c[0]} and ${c2[0]} ${pick(['agree', 'clash', 'hold talks', 'sign deal'])} on ${pick(t.things)}`;
      case 6:
        return `${rng.int(3, 40)} ${pick(['countries', 'cities', 'regions', 'companies'])} ${pick([
          'join',
          'sign up to',
          'pull out of',
          'back',
        ])} ${pick(ADJECTIVES)} plan on ${pick(t.things)}`;
      case 7:
        return `${single(`${upperFirst(pick(ADJECTIVES))} moment`)}: ${c[0]} ${pick(VERBS_3)} ${pick(t.things)}`;
      case 8:
        return `${upperFirst(pick(t.groups))} in ${c[0]} ${pick(['brace for', 'push back against', 'welcome', 'warn over'])} ${pick(t.things)}`;
      default:
        return `${c[2]} ${pick(['hosts', 'rejects', 'braces for', 'prepares for'])} ${pick([
          'summit on',
          'talks on',
          'vote on',
          'protests over',
        ])} ${pick(t.things)}`;
    }
  };

  return {
    person,
    sentence,
    paragraph: (ctx) => Array.from({ length: rng.int(2, 4) }, () => sentence(ctx)).join(' '),
    headline,
    summary: ({ topic: t, country: c, other: c2 }) =>
      `${official(c2)} met ${possessive(c[0])} leadership in ${c[2]} for talks on ${rng.sample(t.things, 2).join(' and ')}, in what officials called ${quote(
        `${article(pick(ADJECTIVES))} step`,
      )} for ${c[3]}.`,
    subhead: ({ topic: t }) => {
      switch (rng.int(0, 4)) {
        case 0:
          return `${upperFirst(pick(t.things))} on the agenda`;
        case 1:
          return single(`${upperFirst(pick(ADJECTIVES))} signal of ${pick(['joint vision', 'unity', 'intent', 'trust'])}`);
        case 2:
          return 'What happens next?';
        case 3:
          return `${upperFirst(pick(t.issues))} loom${rng.chance(0.5) ? ' large' : ''}`;
        default:
          return single(pick(['A historic opportunity', 'Not the end of the road', 'We need clarity', 'A turning point', 'Time is running out']));
      }
    },
    caption: ({ country: c }, dateLabel) => {
      switch (rng.int(0, 4)) {
        case 0:
          return `${official(c)} in ${c[2]}, ${dateLabel}`;
        case 1:
          return `Protesters gather outside parliament in ${c[2]}, ${dateLabel}`;
        case 2:
          return `Delegations meet for talks in ${c[2]}, ${dateLabel}`;
        case 3:
          return `A general view of the port in ${c[2]}, ${dateLabel}`;
        default:
          return `Flags outside the ${pick(['European Commission', 'European Parliament', 'Council building'])} in Brussels, ${dateLabel}`;
      }
    },
  };
}
