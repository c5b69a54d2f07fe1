/** The trigger AST is part of the model (src/model/expr.ts, which the Plan's `Trigger.ast` uses); re-exported here for the expression stage. */
export * from '../model/expr.js';
