/**
 * One measurement of the limits benchmark, in a fresh process so its peak memory is its own:
 * `node limits-child.js <shape index> <n> subject|baseline`. Prints one JSON line: CPU and wall milliseconds of the
 * parse, the process's peak RSS (MB) and its RSS before parsing, and whether the text was refused.
 */
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parsePlanText } from '../src/parse/index.js';
import { SHAPES } from './limits-shapes.js';

const [index, n, mode] = process.argv.slice(2);
const shape = SHAPES[Number(index)];
const text = shape.text(Number(n));
// The baseline: remark alone on as many bytes of plain prose paragraphs (linear, no structure to speak of).
const prose = mode === 'baseline' ? '应急处置说明文字，'.repeat(Math.ceil(Buffer.byteLength(text) / 27 / 20)).replace(/((?:应急处置说明文字，){20})/g, '$1\n\n') : '';
const remark = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).freeze();
const before = process.memoryUsage().rss;
const c0 = process.cpuUsage();
const t0 = performance.now();
let refused = false;
if (mode === 'baseline') remark.parse(prose);
else refused = parsePlanText(text, shape.file).diagnostics.some((d) => d.ruleId.startsWith('parse/too') || d.ruleId === 'parse/line-too-long');
const wall = performance.now() - t0;
const cpu = process.cpuUsage(c0);
process.stdout.write(`${JSON.stringify({ cpuMs: (cpu.user + cpu.system) / 1000, wallMs: wall, peakMB: process.resourceUsage().maxRSS / 1024, startMB: before / 1024 / 1024, bytes: Buffer.byteLength(text), refused })}\n`);
