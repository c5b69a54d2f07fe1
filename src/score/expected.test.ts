/**
 * An inject's expected level declaration is judged against what was declared when the inject came (found in a real
 * `drill serve` run of leak-escalation-iv-to-ii: i4 asks to step down from II to III, and the III declared at 8:04 —
 * long before i4 — was counted as meeting it).
 */
import { describe, expect, it } from 'vitest';
import { runScripted } from '../drill/engine.js';
import { loadDrill } from '../drill/scenario.js';
import type { DrillEvent } from '../drill/types.js';
import { scoreDrill } from './index.js';

const d = loadDrill(new URL('../../scenarios/leak-escalation-iv-to-ii.yaml', import.meta.url).pathname);
const events = runScripted(d.plan!, d.scenario!);
const expectedOf = (ev: DrillEvent[], inject: string, step: string) =>
  scoreDrill(d.plan!, ev, { scenario: d.scenario! }).expected.find((x) => x.inject === inject && x.step === step)!;
const seqOf = (ev: DrillEvent[], pred: (e: DrillEvent) => boolean) => ev.find(pred)!.seq;

describe('expected level declarations', () => {
  const i4 = seqOf(events, (e) => e.type === 'inject' && e.inject === 'i4');
  const downTo3 = seqOf(events, (e) => e.type === 'level.declared' && e.level === 'III' && e.seq > i4);

  it('stepping down (II → III after i4) is met by the III declared after the inject, not the one before it', () => {
    expect(expectedOf(events, 'i4', 'level:III')).toMatchObject({ met: true, evidence: [i4, downTo3] });
  });

  it('… and not met when nobody steps down, although III was declared earlier', () => {
    const kept = events.filter((e) => e.seq !== downTo3);
    expect(kept.some((e) => e.type === 'level.declared' && e.level === 'III')).toBe(true);
    expect(expectedOf(kept, 'i4', 'level:III')).toMatchObject({ met: false });
  });

  it('escalating (i2 asks for III while IV is declared) is met by the first declaration at or above III after it', () => {
    const i2 = seqOf(events, (e) => e.type === 'inject' && e.inject === 'i2');
    const up = seqOf(events, (e) => e.type === 'level.declared' && e.level === 'III');
    expect(up).toBeGreaterThan(i2);
    expect(expectedOf(events, 'i2', 'level:III')).toMatchObject({ met: true, evidence: [i2, up] });
  });
});
