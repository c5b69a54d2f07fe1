/** HTML escaping shared by every stage that writes HTML or SVG (reviewer packet, after-action report, live pages). */
import { stripIllegalXml } from './xml.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML/SVG text nodes and quoted attribute values; characters illegal in XML are dropped. */
export function escapeHtml(value: unknown): string {
  return stripIllegalXml(String(value ?? '')).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}
