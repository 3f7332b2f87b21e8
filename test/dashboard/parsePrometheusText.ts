/** One sample of Prometheus text exposition format 0.0.4. */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The parsed exposition: samples and the declared type of each metric family. */
export interface Exposition {
  samples: Sample[];
  types: Map<string, string>;
}

const METRIC_NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const SAMPLE_LINE = new RegExp(`^(${METRIC_NAME})(?:\\{(.*)\\})?\\s+(\\S+)(?:\\s+-?\\d+)?$`);
const LABEL_PAIR = /\s*([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"\s*(,|$)/y;
const HISTOGRAM_SUFFIXES = ['_bucket', '_sum', '_count'];

/** A strict little parser: throws on any line that is not a comment, a blank or a well-formed sample. */
export function parsePrometheusText(text: string): Exposition {
  const samples: Sample[] = [];
  const types = new Map<string, string>();
  for (const [index, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    if (line.startsWith('#')) {
      const type = /^# TYPE (\S+) (counter|gauge|histogram|summary|untyped)$/.exec(line);
      if (type?.[1] && type[2]) types.set(type[1], type[2]);
      else if (!/^# HELP \S+ /.test(line)) throw new Error(`line ${index + 1}: bad comment: ${line}`);
      continue;
    }
    const match = SAMPLE_LINE.exec(line);
    if (!match?.[1] || match[3] === undefined) throw new Error(`line ${index + 1}: not a sample: ${line}`);
    const value = parseValue(match[3], index);
    const name = match[1];
    if (!types.has(familyOf(name, types))) throw new Error(`line ${index + 1}: sample ${name} before its # TYPE`);
    samples.push({ name, labels: parseLabels(match[2] ?? '', index), value });
  }
  return { samples, types };
}

function parseValue(raw: string, index: number): number {
  if (raw === '+Inf') return Infinity;
  if (raw === '-Inf') return -Infinity;
  const value = Number(raw);
  if (raw !== 'NaN' && Number.isNaN(value)) throw new Error(`line ${index + 1}: bad value ${raw}`);
  return value;
}

function parseLabels(body: string, index: number): Record<string, string> {
  const labels: Record<string, string> = {};
  LABEL_PAIR.lastIndex = 0;
  while (LABEL_PAIR.lastIndex < body.length) {
    const start = LABEL_PAIR.lastIndex;
    const pair = LABEL_PAIR.exec(body);
    if (!pair?.[1] || pair[2] === undefined || LABEL_PAIR.lastIndex === start) throw new Error(`line ${index + 1}: bad labels {${body}}`);
    labels[pair[1]] = pair[2].replace(/\\(.)/g, (_all, char: string) => (char === 'n' ? '\n' : char));
  }
  return labels;
}

function familyOf(name: string, types: Map<string, string>): string {
  if (types.has(name)) return name;
  const suffix = HISTOGRAM_SUFFIXES.find((s) => name.endsWith(s));
  return suffix ? name.slice(0, -suffix.length) : name;
}

/** The value of the one sample with this name and exactly these labels; throws when absent. */
export function sampleValue(exposition: Exposition, name: string, labels: Record<string, string> = {}): number {
  const wanted = JSON.stringify(Object.entries(labels).sort());
  const found = exposition.samples.filter((s) => s.name === name && JSON.stringify(Object.entries(s.labels).sort()) === wanted);
  if (found.length !== 1 || !found[0]) throw new Error(`expected one sample ${name}${wanted}, found ${found.length}`);
  return found[0].value;
}
