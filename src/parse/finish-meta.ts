import type { PlanMeta, PlanSource } from '../model/index.js';
import { pendingDuration } from './duration.js';
import { parseAdjustment, parseGrading, parseLevelOrder, parseRegime, parseYesNo } from './fields.js';
import type { Reporter } from './finish.js';

type Raw = Record<string, unknown>;

const INCLUSIVE = /^(inclusive|含本数|包括本数|包含本数|包括|含|included)$/iu;
const EXCLUSIVE = /^(exclusive|不含本数|不包括本数|不包含本数|不包括|不含|excluded)$/iu;

/**
 * Normalises the meta conventions both syntaxes give as text (levelOrder, grading, regime, adjustment, bounds, source), reporting
 * a value it cannot read at its place and leaving that field out (the default applies, and the finding says so).
 */
export function finishMeta(meta: PlanMeta, report: Reporter): void {
  const raw = meta as unknown as Raw;
  const field = (key: string, parse: (t: string) => string | undefined, expected: string, expectedZh: string) => {
    const v = raw[key];
    if (v === undefined) return;
    const parsed = typeof v === 'string' ? parse(v) : undefined;
    if (parsed !== undefined) { raw[key] = parsed; return; }
    delete raw[key];
    report('meta/invalid', 'error', `Unexpected \`${key}: ${String(v)}\`, expected ${expected}`, `\`${key}: ${String(v)}\` 无法识别，应为 ${expectedZh}`, meta.fields?.[key] ?? meta.place);
  };
  field('levelOrder', parseLevelOrder, '`1-highest` (Level 1 is the most severe) or `1-lowest` (the highest number is the most severe)',
    '`1-highest`（1级最高）或 `1-lowest`（数字最大者最高）');
  field('grading', parseGrading, '`highest` (the most severe level met applies) or `exclusive`', '`highest`（就高不就低）或 `exclusive`（互斥）');
  field('regime', parseRegime, '`enterprise`, `government` or `international`', '`enterprise`（企业）、`government`（政府）或 `international`（国际）');
  field('adjustment', parseAdjustment, '`judgement` (根据事态发展调整响应级别) or `rules` (only the escalation table)',
    '`judgement`（根据事态发展调整响应级别）或 `rules`（只按升级降级表）');
  if (typeof raw.immediate === 'string') meta.immediate = pendingDuration(raw.immediate, meta.fields?.immediate ?? meta.place);
  if (raw.bounds !== undefined) meta.bounds = readBounds(raw.bounds, meta, report);
  if (meta.bounds === undefined) delete raw.bounds;
  if (raw.scope !== undefined) meta.scope = readScope(raw.scope, meta, report);
  if (meta.scope === undefined) delete raw.scope;
  if (raw.source !== undefined && (typeof raw.source !== 'object' || raw.source === null)) {
    report('meta/invalid', 'error', 'Unexpected `source` text, expected a map with title, issuer, number, date, url',
      '`source` 应为包含 title、issuer、number、date、url 的映射', meta.fields?.source ?? meta.place);
    delete raw.source;
  } else if (raw.source) {
    const excerpt = (raw.source as Raw).excerpt;
    meta.source = pickSource(raw.source as Raw);
    if (excerpt !== undefined) {
      const yes = typeof excerpt === 'boolean' ? excerpt : typeof excerpt === 'string' ? parseYesNo(excerpt) : undefined;
      if (yes !== undefined) meta.source.excerpt = yes;
      else report('meta/invalid', 'error', `Unexpected \`source.excerpt: ${String(excerpt)}\`, expected true or false`,
        `\`source.excerpt: ${String(excerpt)}\` 无法识别，应为 true（摘录）或 false`, meta.fields?.source ?? meta.place);
    }
  }
}

function readScope(v: unknown, meta: PlanMeta, report: Reporter): PlanMeta['scope'] {
  const s = (typeof v === 'object' && v !== null ? v : {}) as Raw;
  const below = s.below ?? s['以下'];
  const handledBy = s.handledBy ?? s['由'];
  if (typeof below === 'string' && below.trim()) return { below: below.trim(), ...(typeof handledBy === 'string' && handledBy.trim() ? { handledBy: handledBy.trim() } : {}) };
  report('meta/invalid', 'error', 'Unexpected `scope`, expected `{ below: <level id or condition>, handledBy: <who handles smaller incidents> }`',
    '`scope` 无法识别，应为 `{ below: <级别或条件>, handledBy: <由谁处置更小的事件> }`', meta.fields?.scope ?? meta.place);
  return undefined;
}

function readBounds(v: unknown, meta: PlanMeta, report: Reporter): PlanMeta['bounds'] {
  const b = (typeof v === 'object' && v !== null ? v : {}) as Raw;
  const one = (x: unknown) => (typeof x === 'string' ? (INCLUSIVE.test(x.trim()) ? 'inclusive' : EXCLUSIVE.test(x.trim()) ? 'exclusive' : undefined) : undefined);
  const above = one(b.above ?? b['以上']);
  const below = one(b.below ?? b['以下']);
  if (above && below) return { above, below };
  report('meta/invalid', 'error', 'Unexpected `bounds`, expected `{ above: inclusive|exclusive, below: inclusive|exclusive }` (以上 / 以下: 含本数 or 不含本数)',
    '`bounds` 无法识别，应为 `{ 以上: 含本数|不含本数, 以下: 含本数|不含本数 }`', meta.fields?.bounds ?? meta.place);
  return undefined;
}

function pickSource(raw: Raw): PlanSource {
  const out: PlanSource = {};
  for (const k of ['title', 'issuer', 'number', 'date', 'note'] as const) {
    const v = raw[k];
    if (typeof v === 'string' && v.trim()) out[k] = v.trim();
  }
  const urls = (Array.isArray(raw.url) ? raw.url : [raw.url]).filter((u): u is string => typeof u === 'string' && !!u.trim()).map((u) => u.trim());
  if (urls.length) out.url = urls.length === 1 ? urls[0] : urls;
  return out;
}
