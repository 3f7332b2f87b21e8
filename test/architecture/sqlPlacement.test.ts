import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Where SQL may be written: the `*Queries.ts` modules, and `src/db` (the pool, transactions, locks and
 * migrations keep their own low-level statements).
 */
const SQL_HOMES = [/Queries\.ts$/, /^src\/db\//];

const SQL_KEYWORD = /\b(SELECT |INSERT INTO|UPDATE |DELETE FROM)/;
const QUERY_CALL = /\.query\s*(<[^>]*>)?\s*\(/;

/** A file's code (comments and literals blanked) and its string and template literals. */
function splitSource(source: string): { code: string; literals: string[] } {
  let code = '';
  const literals: string[] = [];
  // Each open `${` of a template literal: the brace depth at which the template resumes.
  const templateResume: number[] = [];
  let depth = 0;
  let i = 0;
  const readTemplate = (): void => {
    let text = '';
    for (; i < source.length; i++) {
      const c = source[i]!;
      if (c === '\\') {
        text += c + (source[i + 1] ?? '');
        i++;
      } else if (c === '`') {
        i++;
        literals.push(text);
        return;
      } else if (c === '$' && source[i + 1] === '{') {
        literals.push(text);
        templateResume.push(depth);
        depth++;
        i += 2;
        code += '${';
        return;
      } else text += c;
    }
    literals.push(text);
  };
  while (i < source.length) {
    const c = source[i]!;
    const next = source[i + 1];
    if (c === '/' && next === '/') {
      while (i < source.length && source[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      i = end < 0 ? source.length : end + 2;
    } else if (c === "'" || c === '"') {
      let text = '';
      for (i++; i < source.length && source[i] !== c && source[i] !== '\n'; i++) {
        if (source[i] === '\\') i++;
        text += source[i];
      }
      i++;
      literals.push(text);
      code += '""';
    } else if (c === '`') {
      i++;
      readTemplate();
      code += '``';
    } else if (c === '/' && /[(,=:[!&|?{};]\s*$|^\s*$|\breturn\s*$/.test(code.slice(-20))) {
      // A regular expression literal: skipped, so a quote inside one is not read as a string.
      let inClass = false;
      for (i++; i < source.length && source[i] !== '\n'; i++) {
        if (source[i] === '\\') i++;
        else if (source[i] === '[') inClass = true;
        else if (source[i] === ']') inClass = false;
        else if (source[i] === '/' && !inClass) break;
      }
      i++;
      code += '/re/';
    } else if (c === '{') {
      depth++;
      code += c;
      i++;
    } else if (c === '}') {
      depth--;
      i++;
      if (templateResume.length > 0 && templateResume.at(-1) === depth) {
        templateResume.pop();
        code += '}';
        readTemplate();
      } else code += c;
    } else {
      code += c;
      i++;
    }
  }
  return { code, literals };
}

/** Every `.ts` file under `dir`, as paths relative to the repository root with `/` separators. */
function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

/** `file: what` for each `.query(` call and SQL-looking literal of the file. */
function sqlOutsideQueryModules(file: string, source: string): string[] {
  const { code, literals } = splitSource(source);
  const found: string[] = [];
  if (QUERY_CALL.test(code)) found.push(`${file}: a .query( call`);
  for (const literal of literals) if (SQL_KEYWORD.test(literal)) found.push(`${file}: ${literal.trim().slice(0, 80)}`);
  return found;
}

describe('SQL placement', () => {
  it('writes every SQL statement in a *Queries.ts module (or src/db)', () => {
    const files = [...sourceFiles('src'), ...sourceFiles('workers')].filter((file) => !SQL_HOMES.some((home) => home.test(file)));
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((file) => sqlOutsideQueryModules(file, readFileSync(join(ROOT, file), 'utf8')));
    expect(found).toEqual([]);
  });

  it('finds a query call and SQL in strings and templates, not in comments', () => {
    const source = [
      '/** Runs `SELECT 1` on Postgres. */',
      '// UPDATE sites later',
      'const re = /["`]/g;',
      "await pool.query<{ id: number }>('SELECT id FROM sites WHERE id = $1', [1]);",
      'const text = `INSERT INTO runs ${kind === `a` ? `x` : "y"} VALUES ($1)`;',
    ].join('\n');
    expect(sqlOutsideQueryModules('f.ts', source)).toEqual(['f.ts: a .query( call', 'f.ts: SELECT id FROM sites WHERE id = $1', 'f.ts: INSERT INTO runs']);
    expect(sqlOutsideQueryModules('g.ts', "const note = 'Updated sites'; queryOne(pool, siteById(1));")).toEqual([]);
  });
});
