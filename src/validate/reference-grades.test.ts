import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parsePlanText } from '../parse/index.js';
import { schemaValidator } from '../schema-validator.js';
import { gradesOf, levelDeviations, referenceGrades } from './reference-grades.js';

const plan = (file: string) => parsePlanText(readFileSync(file, 'utf8'), file).plan!;

describe('reference grades (data/reference-grades/)', () => {
  it('every file is valid against schemas/reference-grades.schema.json, named after its id, with a source', () => {
    const validate = schemaValidator('reference-grades');
    const files = readdirSync('data/reference-grades').filter((f) => f.endsWith('.yaml'));
    expect(files.sort()).toEqual(['disaster-relief-2016.yaml', 'earthquake-2012.yaml', 'env-2014.yaml', 'order-493.yaml']);
    for (const f of files) {
      const data = parseYaml(readFileSync(`data/reference-grades/${f}`, 'utf8'));
      expect(validate(data) ? [] : validate.errors, f).toEqual([]);
      expect(`${data.id}.yaml`).toBe(f);
      // The loader keeps exactly the files the schema accepts: all of them.
      expect(referenceGrades().map((r) => r.id)).toContain(data.id);
      // Every band parses against its indicators.
      for (const g of data.grades) for (const k of Object.keys(g.bands)) expect(data.indicators.map((i: { id: string }) => i.id), `${f} ${g.name}`).toContain(k);
    }
  });

  it('compares Order 493 Art. 3 with a municipal plan that cites it and adds 危及 bands (百色市)', () => {
    const p = plan('plans/real/cn-city-baise-safety.md');
    const order = referenceGrades().find((r) => r.id === 'order-493')!;
    expect(gradesOf(p).map((g) => `${g.ref.id} ${g.how}`)).toEqual(['order-493 cited']);
    const d = levelDeviations(p, order);
    expect(d.map((x) => x.grade)).toEqual(['特别重大', '重大', '较大']);
    expect(d[1].differences.map((x) => x.zh)).toEqual([
      '按"死亡人数（含失踪）"计，而 生产安全事故报告和调查处理条例 按"死亡人数"计',
      '增加了 `endangered 10人以上30人以下`（危及生命安全人数），生产安全事故报告和调查处理条例 不按此分级',
    ]);
  });

  it('never compares a plan with its own source, nor Order 493 with environmental incidents (Art. 2)', () => {
    expect(gradesOf(plan('plans/real/cn-national-environment-2014.md'))).toEqual([]);
    expect(gradesOf(plan('plans/real/cn-national-earthquake-2012.md'))).toEqual([]);
    expect(gradesOf(plan('plans/real/cn-sector-env-reporting-2011.md')).map((g) => `${g.ref.id} ${g.how}`)).toEqual(['env-2014 bound']);
  });

  it('reads thresholds in the plan\'s unit (元 / 万元) and accepts equal bands', () => {
    const md = readFileSync('plans/real/cn-city-baise-safety.md', 'utf8')
      .replace('| loss | 直接经济损失 | number | 元 |', '| loss | 直接经济损失 | number | 万元 |')
      .replace(/`endangered [^`]*`/gu, '`injured 1人以上`').replace('死亡人数（含失踪）', '死亡人数');
    const p = parsePlanText(md, 'baise.md').plan!;
    expect(levelDeviations(p, referenceGrades().find((r) => r.id === 'order-493')!).map((x) => x.differences.map((y) => y.en))).toEqual([
      ['has `injured 1人以上` where order-493 has serious injuries (including acute industrial poisoning) [100, ∞) 人'],
      ['has `injured 1人以上` where order-493 has serious injuries (including acute industrial poisoning) [50, 99] 人'],
      ['has `injured 1人以上` where order-493 has serious injuries (including acute industrial poisoning) [10, 49] 人'],
    ]);
  });
});
