/**
 * Load test through the LAN address (bench/live.ts `lanAddress`): 200 simulated participants × 50 actions against one live drill server. Every event is
 * stored exactly once, in order, nothing lost: the log's seqs are 1…N without gaps, every acknowledged seq holds the
 * action that was acknowledged, every action text is in the log once, and each participant's actions are in the
 * order it sent them.
 */
import { describe, expect, it } from 'vitest';
import { lanAddress, losses, runLoad } from '../bench/live.js';

describe('live drill under load', () => {
  it('stores 200 × 50 acknowledged actions exactly once, in order, with no gaps', async () => {
    const r = await runLoad({ participants: 200, actions: 50, concurrency: 64 });
    expect(new URL(r.url).hostname).toBe(lanAddress());
    expect(r.failures).toEqual([]);
    expect(losses(r)).toEqual([]);
    expect(r.acks).toHaveLength(200 * 50);

    const log = r.logged;
    expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
    for (let i = 1; i < log.length; i++) expect(log[i].t).toBeGreaterThanOrEqual(log[i - 1].t);
    const bySeq = new Map(log.map((e) => [e.seq, e] as const));

    const acked = new Set<number>();
    for (const a of r.acks) {
      expect(a.seqs.length).toBeGreaterThanOrEqual(1);
      for (const s of a.seqs) { expect(acked.has(s)).toBe(false); acked.add(s); }
      const e = bySeq.get(a.seqs[a.seqs.length - 1])! as unknown as Record<string, unknown>;
      expect(e).toBeDefined();
      expect(e.role).toBe(a.role);
      expect(e.source).toBe('participant');
      const type = a.kind === 'note' ? 'note' : a.kind === 'ack' ? 'ack' : 'step.done';
      expect(e.type).toBe(type);
      if (a.text) expect(e.text).toBe(a.text);
    }
    // Nothing stored that was not acknowledged: every participant event is an acknowledged one.
    const fromParticipants = log.filter((e) => (e as { source?: string }).source === 'participant');
    expect(fromParticipants).toHaveLength(200 * 50);
    expect(fromParticipants.every((e) => acked.has(e.seq))).toBe(true);
    // Each text exactly once.
    const texts = new Map<string, number>();
    for (const e of log) { const t = (e as { text?: string }).text; if (t?.startsWith('p')) texts.set(t, (texts.get(t) ?? 0) + 1); }
    expect([...texts.values()].every((n) => n === 1)).toBe(true);
    expect(texts.size).toBe(r.acks.filter((a) => a.text).length);
    // Per participant, in the order sent.
    const last = new Map<number, number>();
    for (const a of [...r.acks].sort((x, y) => x.participant - y.participant || x.index - y.index)) {
      expect(a.seqs[0]).toBeGreaterThan(last.get(a.participant) ?? 0);
      last.set(a.participant, a.seqs[a.seqs.length - 1]);
    }
  }, 60_000);
});
