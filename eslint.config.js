// Lint for yuan's own code (run by `npm test`): ESLint's and typescript-eslint's recommended rules plus a few that
// catch bugs or break the project's rules (no eval, no `new Function`). No stylistic rules: formatting is not linted.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'out/', 'coverage/', 'test/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        // Node and the browser globals the live pages' inline scripts use.
        process: 'readonly', Buffer: 'readonly', console: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly',
        setInterval: 'readonly', clearInterval: 'readonly', setImmediate: 'readonly', performance: 'readonly', URL: 'readonly',
        TextEncoder: 'readonly', TextDecoder: 'readonly', AbortController: 'readonly', fetch: 'readonly', structuredClone: 'readonly',
      },
    },
    rules: {
      // Correctness.
      'array-callback-return': 'error',
      'no-self-compare': 'error',
      'no-template-curly-in-string': 'error',
      'no-unmodified-loop-condition': 'error',
      'no-unreachable-loop': 'error',
      'no-constructor-return': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // The project's rules: user input is never code.
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // Control characters are matched on purpose: stripping them from output, ANSI codes in tests.
      'no-control-regex': 'off',
      // `any` is allowed where a test reads JSON back; the type checker covers the rest.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
);
