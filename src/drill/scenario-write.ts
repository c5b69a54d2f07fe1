import { Document, isMap, isSeq, visit } from 'yaml';
import { formatOffset } from './scenario-time.js';
import type { DrillAction, ExpectedAction, Inject, Objective, Scenario } from './types.js';

/** Keys whose values are written on one line (`{ role: …, step: … }`, `[a, b]`) to keep scenarios MSEL-like and short. */
const FLOW_KEYS = new Set(['to', 'facts', 'steps', 'gaps', 'noGaps', 'weights']);
const FLOW_LISTS = new Set(['objectives', 'expected', 'actions']);

/**
 * Writes a scenario in its YAML form (the form `parseScenario` reads back to an equal model): times as written,
 * short items on one line, no line folding. `schemaPath` adds the `yaml-language-server` comment editors use.
 */
export function scenarioToYaml(scenario: Scenario, opts: { schemaPath?: string; comment?: string } = {}): string {
  const value: Record<string, unknown> = {
    scenario: {
      id: scenario.id, title: scenario.title, plan: scenario.plan, type: scenario.type, scope: scenario.scope, seed: scenario.seed,
    },
  };
  if (scenario.objectives.length) value.objectives = scenario.objectives.map(objective);
  value.injects = scenario.injects.map(inject);
  if (scenario.actions.length) value.actions = scenario.actions.map(action);
  if (scenario.expect) {
    const { level, score, gaps, noGaps, terminated } = scenario.expect;
    value.expect = clean({ level, score, gaps, noGaps, terminated });
  }
  if (scenario.weights) value.weights = clean({ ...scenario.weights });

  const doc = new Document(value);
  visit(doc, {
    Pair(_key, pair, path) {
      const key = String((pair.key as { value?: unknown })?.value ?? '');
      const parent = path[path.length - 1];
      if (FLOW_KEYS.has(key) && (isMap(pair.value) || isSeq(pair.value)) && isMap(parent)) pair.value.flow = true;
      if (FLOW_LISTS.has(key) && isSeq(pair.value)) for (const item of pair.value.items) if (isMap(item)) item.flow = true;
    },
  });
  const header = [
    ...(opts.schemaPath ? [`# yaml-language-server: $schema=${opts.schemaPath}`] : []),
    ...(opts.comment ? opts.comment.split('\n').map((l) => `# ${l}`.trimEnd()) : []),
  ];
  const body = doc.toString({ lineWidth: 0, flowCollectionPadding: true });
  return header.length ? `${header.join('\n')}\n${body}` : body;
}

/** A time as written: a number when it was one (`0`), else the text (`T+00:05`); `5min` when only seconds are known. */
function timeValue(text: string | undefined, seconds: number): string | number {
  const t = text ?? formatOffset(seconds);
  return /^\d+$/.test(t) ? Number(t) : t;
}

function objective(o: Objective): Record<string, unknown> {
  return clean({ id: o.id, text: o.text, steps: o.steps.length ? o.steps : undefined, within: o.within === undefined ? undefined : timeValue(undefined, o.within) });
}

function inject(i: Inject): Record<string, unknown> {
  return clean({
    id: i.id, at: timeValue(i.atText, i.at), from: i.from, to: i.to.length ? i.to : undefined, message: i.message,
    facts: i.facts && Object.keys(i.facts).length ? i.facts : undefined,
    expected: i.expected.length ? i.expected.map(expected) : undefined,
  });
}

function expected(x: ExpectedAction): Record<string, unknown> {
  const level = x.step?.startsWith('level:') ? x.step.slice(6) : undefined;
  return clean({
    role: x.role, step: level === undefined ? x.step : undefined, level, text: x.text,
    within: x.within === undefined ? undefined : timeValue(x.withinText, x.within),
  });
}

function action(a: DrillAction): Record<string, unknown> {
  const base = { at: timeValue(a.atText, a.at), role: a.role };
  switch (a.kind) {
    case 'level': return clean({ ...base, level: a.level, text: a.text });
    case 'notify': return clean({ ...base, notify: a.to, text: a.text });
    case 'ack': return clean({ ...base, ack: true, text: a.text });
    case 'terminate': return clean({ ...base, terminate: true, text: a.text });
    case 'note': return clean({ ...base, note: a.text });
    default: return clean({ ...base, step: a.step, text: a.text });
  }
}

/** Drops undefined values (the YAML writer would print them as null). */
function clean<T extends Record<string, unknown>>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}
