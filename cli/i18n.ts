import { envLang, langOf, type Lang } from '../src/i18n/index.js';

export type { Lang };

/** CLI message language: --lang wins, then YUAN_LANG, then the locale (LC_ALL, LC_MESSAGES, LANG; zh_* → zh), else en. */
export function pickLang(option?: string): Lang {
  return option ? langOf(option) : envLang();
}

/**
 * A message in both languages, written inline. Kept for the drill commands until they move onto the catalogue
 * (`src/i18n`, docs/i18n.md); new text goes into the catalogue.
 */
export const t = (lang: Lang, en: string, zh: string): string => (lang === 'zh' ? zh : en);

/** The language the user chose explicitly (--lang or YUAN_LANG), or undefined: documents then follow the plan. */
export function chosenLang(option?: string): Lang | undefined {
  const v = option ?? process.env.YUAN_LANG;
  return v ? langOf(v) : undefined;
}

/** The value of --lang as typed on the command line (undefined when it was not given). */
export function langArg(argv: string[] = process.argv): string | undefined {
  return argv.find((a, i) => argv[i - 1] === '--lang') ?? argv.find((a) => a.startsWith('--lang='))?.slice(7);
}
