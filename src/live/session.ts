/**
 * The live drill's engine is the drill stage's `DrillSession` (src/drill/session.ts): scripted, observed, live and
 * blind drills run the same session code. Re-exported here for the live modules.
 */
export { DrillSession, type EndReason, type InjectChange, type LiveAction, type ManualInject, type StartInfo } from '../drill/session.js';
