/** Formats seconds as minutes for messages ("15 min" / "15分钟"; "1 h 30 min" / "1小时30分钟"). */
export function minutes(seconds: number, lang: 'en' | 'zh'): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.round((seconds % 3600) / 60);
  if (lang === 'zh') return `${h ? `${h}小时` : ''}${m || !h ? `${m}分钟` : ''}`;
  return [h ? `${h} h` : '', m || !h ? `${m} min` : ''].filter(Boolean).join(' ');
}
