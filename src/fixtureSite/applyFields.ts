import type { JsonObject } from './toRestPost.js';

type FieldTree = Map<string, FieldTree | true>;

function fieldTree(fields: readonly string[]): FieldTree {
  const root: FieldTree = new Map();
  for (const field of fields) {
    let node = root;
    const parts = field.split('.');
    parts.forEach((part, k) => {
      const existing = node.get(part);
      if (existing === true) return;
      if (k === parts.length - 1) node.set(part, true);
      else {
        const child = existing ?? new Map();
        node.set(part, child);
        node = child;
      }
    });
  }
  return root;
}

function filter(obj: JsonObject, tree: FieldTree): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(obj)) {
    const want = tree.get(key);
    if (want === undefined) continue;
    if (want === true) out[key] = value;
    else if (value && typeof value === 'object' && !Array.isArray(value)) out[key] = filter(value as JsonObject, want);
  }
  return out;
}

/** Keeps only the `_fields` paths (`id`, `content.rendered`), in the object's own key order; unknown names are ignored. */
export function applyFields(obj: JsonObject, fields: readonly string[] | null): JsonObject {
  return fields ? filter(obj, fieldTree(fields)) : obj;
}
