import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { localize, type Diagnostic } from '../src/diagnostics.js';
import { formatPlace } from '../src/model/place.js';
import { msg, type MessageArgs, type MessageId } from '../src/i18n/index.js';
import type { Lang } from './i18n.js';

/** Exit codes: 0 ok, 1 diagnostics (errors, or warnings over a limit), 2 usage or I/O problem. */
export const EXIT = { ok: 0, diagnostics: 1, usage: 2 } as const;

/** One line per diagnostic, `file:line:col-line:col severity message rule` (used where no formatter is chosen). */
export function printCompact(diagnostics: Diagnostic[], lang: Lang, stream: NodeJS.WritableStream = process.stderr): void {
  for (const d of diagnostics) {
    stream.write(`${d.file}:${formatPlace(d.place)} ${d.severity} ${localize(d, lang)} ${d.ruleId}\n`);
  }
}

/** Writes to a file when given, else to stdout. */
export function emit(text: string, outputFile?: string): void {
  if (outputFile) mkdirSync(dirname(outputFile), { recursive: true });
  if (outputFile) writeFileSync(outputFile, text.endsWith('\n') ? text : `${text}\n`);
  else process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** Writes a catalogue message, in `lang`, as a line on stderr (usage errors, notes). */
export function say<Id extends MessageId>(lang: Lang, id: Id, ...data: MessageArgs<Id>): void {
  process.stderr.write(`${msg(lang, id, ...data)}\n`);
}
