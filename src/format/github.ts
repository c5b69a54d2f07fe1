import { localize, type Diagnostic, type Severity } from '../diagnostics.js';
import { displayPath, location, sortForOutput, type FormatContext } from './context.js';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escapes the data (message) part of a workflow command: `%`, CR and LF (as @actions/core does). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value of a workflow command: as data, plus `:` and `,`. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub Actions workflow commands, one line per diagnostic, that GitHub shows as annotations on the
 * pull request diff: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=rule-id::message`.
 * Infos become `::notice`. Related places are appended to the message on their own lines.
 */
export const github = (diagnostics: Diagnostic[], ctx: FormatContext): string => {
  const lines = sortForOutput(diagnostics, ctx.cwd).map((d) => {
    const props: [string, string | number][] = [['file', displayPath(d.file, ctx.cwd)]];
    if (d.place) {
      const { start, end } = d.place;
      props.push(['line', start.line], ['col', start.column], ['endLine', end.line], ['endColumn', end.column]);
    }
    props.push(['title', d.ruleId]);
    const message = [localize(d, ctx.lang), ...(d.related ?? []).map((r) => `↳ ${localize(r, ctx.lang)}: ${location(r.file, r.place, ctx.cwd)}`)].join('\n');
    return `::${COMMAND[d.severity]} ${props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',')}::${escapeData(message)}`;
  });
  return lines.length ? `${lines.join('\n')}\n` : '';
};
