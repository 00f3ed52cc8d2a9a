export const ORGANIZATION_KINDS = [
  'enterprise',
  'technical-committee',
  'testing-body',
  'certification-body',
  'industry-association',
  'market-supervision-bureau',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const BUREAU_LEVELS = ['county', 'city', 'province'] as const;
export type BureauLevel = (typeof BUREAU_LEVELS)[number];

/** 单位 */
export interface Organization {
  id: string;
  name: string;
  /** 统一社会信用代码, 18 characters, GB 32100-2015 check character. */
  creditCode: string;
  kind: OrganizationKind;
  /** Only for market supervision bureaus. */
  bureauLevel?: BureauLevel;
  createdAt: string;
}
