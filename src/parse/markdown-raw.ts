import type { Root } from 'mdast';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import type { Diagnostic } from '../diagnostics.js';
import type { Plan } from '../model/plan.js';
import { buildPlan } from './markdown-build.js';
import { parseInChunks } from './markdown-chunks.js';
import { at1, report, type Ctx } from './markdown-context.js';
import { prescanMarkdown } from './prescan.js';

/**
 * GitHub-flavoured Markdown as remark-gfm reads it (tables, footnotes, strikethrough, task lists), without autolink
 * literals: they only wrap bare URLs and e-mail addresses in link nodes, whose text a plan reads the same (see
 * `plainText`), and finding them costs about a quarter of the whole parse.
 */
function gfmWithoutAutolinks(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push(gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown());
}

/** One frozen remark processor for every file (parse only: no transforms, no stringify). */
const processor = unified().use(remarkParse).use(gfmWithoutAutolinks).use(remarkFrontmatter, ['yaml']).freeze();

const parse = (text: string): Root => processor.parse(text);

/**
 * The remark tree yuan reads a Markdown plan from (parsed in parts of about `chunkNodes` nodes where the pre-scan
 * allows). Throws a RangeError
 * with the pre-scan's message when the text is over a limit (`prescanMarkdown`).
 */
export function parseMarkdownTree(source: string, chunkNodes?: number): Root {
  const scan = prescanMarkdown(source, '', undefined, chunkNodes);
  if (scan.diagnostics.length) throw new RangeError(scan.diagnostics[0].message);
  return parseInChunks(parse, source, scan.chunks, scan.tableHeads);
}

/**
 * Reads a Markdown plan WITHOUT the finish pass: durations (`seconds: 0`), triggers (no `ast`), level specs
 * (`levelsText`, `levels: []`) and role references stay as written. A text over a pre-scan limit is refused unparsed
 * (one located diagnostic). Never throws.
 */
export function parseMarkdownRaw(source: string, file: string): { plan?: Plan; diagnostics: Diagnostic[] } {
  const scan = prescanMarkdown(source, file);
  if (scan.diagnostics.length) return { diagnostics: scan.diagnostics };
  const diagnostics: Diagnostic[] = [];
  const ctx: Ctx = { source, file, diagnostics };
  try {
    return { plan: buildPlan(parseInChunks(parse, source, scan.chunks, scan.tableHeads), ctx), diagnostics };
  } catch (err) {
    internalError(ctx, err);
    return { diagnostics };
  }
}

/** Reports an unexpected failure as a diagnostic at 1:1 (stack exhaustion as `parse/too-deep`). */
export function internalError(ctx: Ctx, err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  if (err instanceof RangeError && /call stack/i.test(message)) {
    report(ctx, 'parse/too-deep', 'error', 'Unexpected nesting too deep to read, expected a plan with ordinary nesting',
      '文档嵌套层级过深，无法解析', at1());
    return;
  }
  report(ctx, 'parse/syntax', 'error', `Unexpected failure while reading Markdown: ${message}`, `读取 Markdown 时出错：${message}`, at1());
}
