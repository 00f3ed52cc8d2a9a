/**
 * Demo organizations: a drafting group around a Yongkang (永康, Jinhua) vacuum-cup maker, the
 * supervising bureaus and an unrelated company. Names are fictional except the two bureaus;
 * credit codes are made up but valid (GB 32100-2015 check character; the embedded 9-character
 * organization code also carries a valid GB 11714 check character).
 */
import { withCheckChar } from '@shared/domain/creditCode.js';
import type { Organization } from '@shared/domain/organization.js';

export const DEMO_ORGANIZATION_KEYS = [
  'lead-manufacturer',
  'peer-company',
  'steel-supplier',
  'technical-committee',
  'testing-institute',
  'certification-body',
  'county-bureau',
  'provincial-bureau',
  'outsider-company',
] as const;
export type DemoOrganizationKey = (typeof DEMO_ORGANIZATION_KEYS)[number];

/** An organization before the seeder assigns `id` and `createdAt`; referenced by `key`. */
export type DemoOrganization = Omit<Organization, 'id' | 'createdAt'> & { key: DemoOrganizationKey };

export const demoOrganizations: DemoOrganization[] = [
  {
    // 牵头起草单位: vacuum-cup manufacturer in Yongkang (division code 330784).
    key: 'lead-manufacturer',
    name: '浙江恒川杯业股份有限公司',
    creditCode: withCheckChar('91330784MA2HK7W32'),
    kind: 'enterprise',
  },
  {
    // 同类企业 in Wuyi county (330723), the other cup-making cluster of Jinhua.
    key: 'peer-company',
    name: '浙江晶盾日用品有限公司',
    creditCode: withCheckChar('91330723MA29Q1LP1'),
    kind: 'enterprise',
  },
  {
    // 上游企业: precision stainless steel strip, Ningbo Beilun (330206).
    key: 'steel-supplier',
    name: '宁波甬钢精密不锈钢有限公司',
    creditCode: withCheckChar('91330206796051232'),
    kind: 'enterprise',
  },
  {
    // 标准化技术委员会 (public institution code prefix 12, province level 330000).
    key: 'technical-committee',
    name: '浙江省日用金属制品标准化技术委员会',
    creditCode: withCheckChar('12330000470082610'),
    kind: 'technical-committee',
  },
  {
    // 检验检测机构 (public institution in Yongkang).
    key: 'testing-institute',
    name: '浙江永康五金产品质量检验研究院',
    creditCode: withCheckChar('12330784472035199'),
    kind: 'testing-body',
  },
  {
    // 认证认可机构, Hangzhou Xihu district (330106).
    key: 'certification-body',
    name: '浙江品信认证有限公司',
    creditCode: withCheckChar('91330106MA27WT5J8'),
    kind: 'certification-body',
  },
  {
    // 县级市场监管部门 (government organ code prefix 11).
    key: 'county-bureau',
    name: '永康市市场监督管理局',
    creditCode: withCheckChar('11330784002563018'),
    kind: 'market-supervision-bureau',
    bureauLevel: 'county',
  },
  {
    key: 'provincial-bureau',
    name: '浙江省市场监督管理局',
    creditCode: withCheckChar('11330000002482154'),
    kind: 'market-supervision-bureau',
    bureauLevel: 'province',
  },
  {
    // Not in any drafting group: the outsider's company (Ningbo Haishu, 330203).
    key: 'outsider-company',
    name: '宁波锦程塑料制品有限公司',
    creditCode: withCheckChar('91330203MA2GX0D83'),
    kind: 'enterprise',
  },
];

/** The demo organization with the given key (throws for an unknown key). */
export function demoOrganization(key: DemoOrganizationKey): DemoOrganization {
  const org = demoOrganizations.find((o) => o.key === key);
  if (!org) throw new Error(`unknown demo organization: ${key}`);
  return org;
}
