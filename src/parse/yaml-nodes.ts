import { isAlias, isMap, isScalar, isSeq, type Document, type Node as YamlNode, type YAMLMap } from 'yaml';
import type { Place } from '../model/index.js';
import type { LineIndex } from './position.js';

/** What reading nodes needs: the composed document (to follow aliases) and a line index (to place nodes). */
export interface NodeContext {
  doc: Document;
  lines: LineIndex;
}

/** Follows an alias to its anchored node (one hop; anchors cannot refer forward, so this terminates). */
export function resolveNode(node: unknown, doc: Document): YamlNode | null {
  let n = node as YamlNode | null | undefined;
  for (let hops = 0; n && isAlias(n) && hops < 100; hops++) n = n.resolve(doc) as YamlNode | undefined;
  return n && !isAlias(n) ? n : null;
}

/** The node at a path of keys/indexes (aliases followed), or the deepest node reached on the way. */
export function nodeAt(doc: Document, path: readonly (string | number)[]): { node: YamlNode | null; complete: boolean } {
  let node = resolveNode(doc.contents, doc);
  for (const seg of path) {
    const next = childOf(node, seg, doc);
    if (!next) return { node, complete: false };
    node = next.value;
  }
  return { node, complete: true };
}

/** The key node of `key` in the map at `path`, if any. */
export function keyNodeAt(doc: Document, path: readonly (string | number)[], key: string): YamlNode | null {
  const { node, complete } = nodeAt(doc, path);
  if (!complete || !isMap(node)) return null;
  const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
  return (pair?.key as YamlNode | undefined) ?? null;
}

function childOf(node: YamlNode | null, seg: string | number, doc: Document): { value: YamlNode } | undefined {
  if (isMap(node)) {
    const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(seg));
    const v = pair && resolveNode(pair.value, doc);
    return v ? { value: v } : undefined;
  }
  if (isSeq(node) && typeof seg === 'number') {
    const v = resolveNode(node.items[seg], doc);
    return v ? { value: v } : undefined;
  }
  return undefined;
}

/** The place of a node's value (`range[0]..range[1]`, without trailing comments/newlines). */
export function placeOfNode(node: YamlNode | null | undefined, lines: LineIndex): Place | undefined {
  const r = node?.range;
  return r ? lines.place(r[0], r[1]) : undefined;
}

/**
 * Reads the keys of one YAML map leniently, for building a model after schema validation: aliases are followed,
 * null values count as absent, and the typed getters skip values of the wrong type (the schema reported them).
 * Plans and scenarios each extend it with their own readers (lists, durations, times).
 */
export class MapEntries {
  readonly place: Place | undefined;
  /** The place of each present key's value as written (an alias points at its own text, not the anchored node's). */
  readonly fields: Record<string, Place> = {};
  /** The key node of each present key. */
  readonly keys = new Map<string, YamlNode>();
  protected readonly values = new Map<string, YamlNode>();

  constructor(protected readonly ctx: NodeContext, map: YAMLMap) {
    this.place = placeOfNode(map, ctx.lines);
    for (const pair of map.items) {
      if (!isScalar(pair.key) || pair.key.value === null || pair.key.value === undefined) continue;
      const key = String(pair.key.value);
      const value = resolveNode(pair.value, ctx.doc);
      if (!value || (isScalar(value) && value.value === null)) continue;
      this.values.set(key, value);
      this.keys.set(key, pair.key as YamlNode);
      const written = pair.value as YamlNode | null;
      const place = placeOfNode(written?.range ? written : value, ctx.lines);
      if (place) this.fields[key] = place;
    }
  }

  node(key: string): YamlNode | undefined {
    return this.values.get(key);
  }

  has(key: string): boolean {
    return this.values.has(key);
  }

  /** A trimmed, non-empty string. */
  str(key: string): string | undefined {
    const n = this.values.get(key);
    if (!isScalar(n) || typeof n.value !== 'string') return undefined;
    const s = n.value.trim();
    return s || undefined;
  }

  num(key: string): number | undefined {
    const n = this.values.get(key);
    return isScalar(n) && typeof n.value === 'number' && Number.isFinite(n.value) ? n.value : undefined;
  }

  bool(key: string): boolean | undefined {
    const n = this.values.get(key);
    return isScalar(n) && typeof n.value === 'boolean' ? n.value : undefined;
  }

  map(key: string): YAMLMap | undefined {
    const n = this.values.get(key);
    return isMap(n) ? n : undefined;
  }

  /** The maps of a sequence value (aliases followed; other items skipped). */
  items(key: string): YAMLMap[] {
    const n = this.values.get(key);
    if (!isSeq(n)) return [];
    return n.items.map((i) => resolveNode(i, this.ctx.doc)).filter((i): i is YAMLMap => isMap(i));
  }
}
