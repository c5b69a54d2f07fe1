import type { Located } from './place.js';

/** What a deadline counts from: incident start (alarm), activation of the current level, or completion of a named step. */
export type Anchor =
  | { kind: 'incident' }
  | { kind: 'level' }
  | { kind: 'step'; step: string };

/** A time limit such as 3分钟内 / 1 h / PT15M, normalised to seconds, with the text the author wrote. */
export interface Duration extends Located {
  seconds: number;
  /** Exactly as written (kept so that export is lossless). */
  text: string;
  anchor: Anchor;
}
