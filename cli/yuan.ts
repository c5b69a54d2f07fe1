#!/usr/bin/env node
import { CommanderError } from 'commander';
import { langArg, pickLang } from './i18n.js';
import { EXIT } from './output.js';
import { createProgram } from './program.js';

const program = createProgram(pickLang(langArg()));

// `yuan … | head` closes stdout early: that is the reader's choice, not an error worth a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => { if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0); else throw err; });

// No top-level await: the bundled CLI (scripts/bundle.ts) is a CommonJS file.
program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof CommanderError) {
    process.exitCode = err.exitCode === 0 || err.code === 'commander.helpDisplayed' || err.code === 'commander.version' ? EXIT.ok : EXIT.usage;
  } else {
    process.stderr.write(`yuan: ${(err as Error).message}\n`);
    process.exitCode = EXIT.usage;
  }
});
