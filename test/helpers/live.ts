/** What the live-server tests share: the escalation scenario, its roles, and cleanup of served drills and temp folders. */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { ServedDrill } from '../../src/live/serve.js';

/** The bundled escalation drill (IV → III → II) and the three roles the tests play. */
export const SCENARIO = join(import.meta.dirname, '../../scenarios/leak-escalation-iv-to-ii.yaml');
export const ROLES = ['operator', 'duty-officer', 'commander'];

/** Served drills and folders registered here are closed and removed after each test. */
export function liveCleanup(): { open: ServedDrill[]; dirs: string[] } {
  const open: ServedDrill[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    for (const s of open.splice(0)) await s.server.close();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  return { open, dirs };
}
