/**
 * Live and blind drills (实时与双盲演练): the incremental engine, the durable group-committed log, the wall clock,
 * the web server (SSE + JSON POST, per-role tokens) and the terminal mode. See docs/drills.md.
 */
export { checkSpeed, LiveClock, MAX_SPEED, SPEEDS } from './clock.js';
export { DrillError, LiveDrill, parseFacts, type ClockView, type DrillMessage, type LiveDrillOptions } from './drill.js';
export { clockAtEnd, clockNote, liveEvents, readClock, sanitizeNote, type ClockEvent, type ClockOp, type ClockState, type LiveEvent } from './events.js';
export { facilitatorPage, participantPage } from './pages.js';
export { liveFiles, loadLiveInput, loadTokens, serveDrill, type LiveInput, type ServeDrillOptions, type ServedDrill } from './serve.js';
export { newTokens, startServer, type LiveServer, type ServeOptions, type Tokens } from './server.js';
export { DrillSession, type LiveAction, type ManualInject, type StartInfo } from './session.js';
export { LiveStore } from './store.js';
export { facilitatorEvent, participantEvent, planForms, upcomingView, type PublicEvent } from './view.js';
