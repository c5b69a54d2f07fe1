/** The languages yuan speaks: every message, help text, report and page exists in both. */
export type Lang = 'zh' | 'en';

/** Every language, in the order documents list them. */
export const LANGS: readonly Lang[] = ['zh', 'en'];

/** `zh`, `zh_CN.UTF-8`, `zh-Hant` → zh; anything else (including empty) → en. */
export function langOf(value: string | undefined): Lang {
  return /^zh/i.test(value ?? '') ? 'zh' : 'en';
}

/** The user's language from the environment: YUAN_LANG, then the locale (LC_ALL, LC_MESSAGES, LANG); en when unset. */
export function envLang(env: NodeJS.ProcessEnv = process.env): Lang {
  return langOf(env.YUAN_LANG || env.LC_ALL || env.LC_MESSAGES || env.LANG);
}
