import { defineRule } from '../rule.js';

/** Public emergency numbers and the services they reach. */
const PUBLIC_NUMBERS: [string, RegExp][] = [
  ['110', /公安|派出所|警察|110|police/iu],
  // The public fire service, not an enterprise's own 义务消防队 / 专职消防队.
  ['119', /消防救援|消防大队|消防支队|消防站|119|fire (?:department|service|brigade|rescue)/iu],
  ['120', /急救|120|ambulance|\bems\b/iu],
  ['122', /交警|交通警察|122|traffic police/iu],
  ['999', /急救|红十字|999|ambulance|emergency services/iu],
  ['112', /112|emergency services/iu],
  ['911', /911|emergency services|dispatch/iu],
];

/**
 * A role's contact is not a public emergency number unless the role is that public service: the clinic reached "at
 * 120" (chem-injury 5.1: 卫生站 120) rings the city ambulance dispatch when dialled from outside, so the call meant for
 * the plant's own first-aid post may go to the wrong place.
 */
export default defineRule({
  meta: {
    id: 'contact-ambiguous',
    description: { en: 'A role\'s contact is not a public emergency number, unless the role is that service', zh: '角色的联系方式不应使用公共急救/报警号码（该公共服务本身除外）' },
    severity: 'warning',
    clause: 'GB/T 29639-2020 8.3（报警负责人与联系方式）',
  },
  check({ plan, report }) {
    for (const role of plan.roles) {
      const contact = role.contact?.trim();
      if (!contact) continue;
      const hit = PUBLIC_NUMBERS.find(([n]) => new RegExp(`^\\D*${n}\\D*$`, 'u').test(contact));
      if (!hit || hit[1].test(`${role.name} ${role.holder ?? ''}`)) continue;
      report({
        node: role, field: 'contact',
        message: `Unexpected public emergency number ${hit[0]} as the contact of \`${role.id}\` (${role.name}), expected the role's own number (an extension or direct line); ${hit[0]} reaches the public service`,
        messageZh: `角色 \`${role.id}\`（${role.name}）的联系方式为公共号码 ${hit[0]}，应填写本岗位自己的电话（分机或直线），${hit[0]} 会接通社会公共服务`,
      });
    }
  },
});
