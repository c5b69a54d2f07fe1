/**
 * Message templates: text with named `{placeholders}` filled from data, as ESLint fills `{{ name }}` in a rule's
 * `meta.messages`. Kept free of any catalogue so the catalogue test and the reverse matcher share one parser.
 */

/** The placeholder names of a template literal type: `'no file {file}'` → `'file'`. */
export type Placeholders<S extends string> = S extends `${string}{${infer K}}${infer Rest}` ? K | Placeholders<Rest> : never;

/** Values a placeholder accepts. */
export type MessageValue = string | number;

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9_]*)\}/g;

/** The placeholder names of a template, in order of first appearance. */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}

/** Fills a template; a placeholder without data stays visible as `{name}` rather than vanishing. */
export function fill(template: string, data: Readonly<Record<string, MessageValue>> = {}): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => (name in data ? String(data[name]) : whole));
}

/**
 * The data a text was made from by `template`, or undefined when it does not fit: the inverse of `fill`, used to
 * translate text that a library (commander) wrote in English.
 */
export function unfill(template: string, text: string): Record<string, string> | undefined {
  const names: string[] = [];
  const source = template.split(PLACEHOLDER).map((part, i) => {
    if (i % 2 === 0) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    names.push(part);
    return '([\\s\\S]*?)';
  }).join('');
  const m = new RegExp(`^${source}$`).exec(text);
  return m ? Object.fromEntries(names.map((n, i) => [n, m[i + 1]])) : undefined;
}

/** The English plural ending for a count, to fill a `{s}` or `{<count>_s}` placeholder: `1 plan`, `2 plans`. */
export function plural(count: number): string {
  return count === 1 ? '' : 's';
}
