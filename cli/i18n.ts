/** CLI message language: --lang wins, then YUAN_LANG, then LANG/LC_ALL (zh_* → zh), else en. */
export type Lang = 'zh' | 'en';

/** Picks the message language from an explicit option or the environment. */
export function pickLang(option?: string): Lang {
  const v = option ?? process.env.YUAN_LANG ?? process.env.LC_ALL ?? process.env.LANG ?? '';
  return /^zh/i.test(v) ? 'zh' : 'en';
}

/** A message in both languages. */
export const t = (lang: Lang, en: string, zh: string): string => (lang === 'zh' ? zh : en);

/** The language the user chose explicitly (--lang or YUAN_LANG), or undefined: documents then follow the plan. */
export function chosenLang(option?: string): Lang | undefined {
  const v = option ?? process.env.YUAN_LANG;
  return v ? (/^zh/i.test(v) ? 'zh' : 'en') : undefined;
}

/** The value of --lang as typed on the command line (undefined when it was not given). */
export function langArg(argv: string[] = process.argv): string | undefined {
  return argv.find((a, i) => argv[i - 1] === '--lang') ?? argv.find((a) => a.startsWith('--lang='))?.slice(7);
}
