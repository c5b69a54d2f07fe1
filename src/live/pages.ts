/**
 * The live pages: the participant page (参演席位), the facilitator console (导调台) and the projector view (投屏看板).
 * Each lives in its own module (page-*.ts) on the shared shell (page-shell.ts); the words are in ui-text.ts.
 */
export { facilitatorPage } from './page-facilitator.js';
export { participantPage } from './page-participant.js';
export { projectorPage } from './page-projector.js';
export { CSS, page, scriptJson } from './page-shell.js';
