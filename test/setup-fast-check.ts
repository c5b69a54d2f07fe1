/**
 * Property tests explore new random cases on every developer run (that is how `1e3万 kg` was found), but CI runs one
 * fixed seed (`YUAN_FC_SEED`, set by .ci/run) so a landing is never decided by the draw. A failure prints its seed:
 * rerun with `YUAN_FC_SEED=<seed> npx vitest run <file>` to reproduce it.
 */
import fc from 'fast-check';

const seed = Number(process.env.YUAN_FC_SEED);
if (process.env.YUAN_FC_SEED !== undefined && Number.isInteger(seed)) fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
