/** A small seeded pseudo-random generator (sfc32), deterministic across processes and platforms. */
export interface Rng {
  /** uniform float in [0, 1) */
  next(): number;
  /** uniform integer in [min, max] (both inclusive) */
  int(min: number, max: number): number;
  /** true with probability p */
  chance(p: number): boolean;
  /** one element of a non-empty array */
  pick<T>(items: readonly T[]): T;
  /** k distinct elements in random order */
  sample<T>(items: readonly T[], k: number): T[];
  /** a version-5-looking uuid string */
  uuid(): string;
}

/** 32-bit string hash (xmur3 mixing) used to derive independent streams from labels. */
export function hashString(text: string): number {
  let h = 1779033703 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  h = Math.imul(h ^ (h >>> 16), 2246822507);
  h = Math.imul(h ^ (h >>> 13), 3266489909);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Deterministic uniform [0, 1) for a label, without building a generator (hot-path friendly). */
export function hashUnit(label: string): number {
  return hashString(label) / 4294967296;
}

class Sfc32 implements Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(key: string) {
    this.a = hashString(key);
    this.b = hashString(`${key}\u0001`);
    this.c = hashString(`${key}\u0002`);
    this.d = hashString(`${key}\u0003`);
    for (let i = 0; i < WARMUP_ROUNDS; i++) this.next();
  }

  next(): number {
    const t0 = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    const t = (t0 + this.d) | 0;
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  sample<T>(items: readonly T[], k: number): T[] {
    const copy = items.slice();
    const count = Math.min(k, copy.length);
    for (let i = 0; i < count; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      const tmp = copy[i] as T;
      copy[i] = copy[j] as T;
      copy[j] = tmp;
    }
    copy.length = count;
    return copy;
  }

  uuid(): string {
    const hex = (n: number): string => {
      let out = '';
      for (let i = 0; i < n; i++) out += Math.floor(this.next() * 16).toString(16);
      return out;
    };
    return `${hex(8)}-${hex(4)}-5${hex(3)}-${(8 + this.int(0, 3)).toString(16)}${hex(3)}-${hex(12)}`;
  }
}

const WARMUP_ROUNDS = 12;

/** Creates an independent generator for `seed` and any number of labels (e.g. 'post', 17). */
export function createRng(seed: string | number, ...labels: Array<string | number>): Rng {
  return new Sfc32(labels.length === 0 ? String(seed) : `${seed}\u0000${labels.join('\u0000')}`);
}
