/**
 * The jurisdiction of a market supervision bureau: which projects its staff follow (the bureau
 * dashboard, reading the projects as reviewers). A county bureau follows the projects it supervises;
 * a city bureau those it supervises and those of the county bureaus of its city; the provincial
 * bureau every project. Where a bureau is comes from its unified social credit code: characters 3–8
 * are the administrative division code of the authority that registered it (GB 32100-2015, GB/T
 * 2260: `33` Zhejiang, `3307` Jinhua, `330784` Yongkang), so no extra setting can go stale.
 */
import type { BureauLevel, Organization } from './organization.js';

export type BureauInfo = Pick<Organization, 'id' | 'creditCode' | 'kind' | 'bureauLevel'>;

/** Digits of the division code that name the area a bureau of this level covers. */
const AREA_DIGITS: Record<BureauLevel, number> = { province: 2, city: 4, county: 6 };

/** The 6-digit administrative division code in a credit code ('' when there is none). */
export function divisionOf(creditCode: string): string {
  const division = creditCode.slice(2, 8);
  return /^\d{6}$/.test(division) ? division : '';
}

/** The part of the division code naming the bureau's area (`33`, `3307`, `330784`). */
export function areaOf(bureau: BureauInfo): string {
  return divisionOf(bureau.creditCode).slice(0, AREA_DIGITS[bureau.bureauLevel ?? 'county']);
}

/**
 * Whether `bureau`'s staff follow a project supervised by `supervising` (one of its supervising
 * bureaus): it is their own bureau, or a county bureau in their city, or they are the province.
 */
export function oversees(bureau: BureauInfo, supervising: BureauInfo): boolean {
  if (bureau.kind !== 'market-supervision-bureau') return false;
  if (bureau.id === supervising.id || bureau.bureauLevel === 'province') return true;
  if (bureau.bureauLevel !== 'city' || supervising.bureauLevel !== 'county') return false;
  const area = areaOf(bureau);
  return area.length === AREA_DIGITS.city && divisionOf(supervising.creditCode).startsWith(area);
}

/** Whether a project with these supervising bureaus is in `bureau`'s jurisdiction. */
export function inJurisdiction(bureau: BureauInfo, supervisingBureaus: readonly BureauInfo[]): boolean {
  if (bureau.kind !== 'market-supervision-bureau') return false;
  return bureau.bureauLevel === 'province' || supervisingBureaus.some((s) => oversees(bureau, s));
}

/** Local bureaus (city, county) check a submission first; the province after them. */
export function isLocalBureau(bureau: Pick<Organization, 'kind' | 'bureauLevel'>): boolean {
  return bureau.kind === 'market-supervision-bureau' && bureau.bureauLevel !== 'province';
}

export function isProvincialBureau(bureau: Pick<Organization, 'kind' | 'bureauLevel'>): boolean {
  return bureau.kind === 'market-supervision-bureau' && bureau.bureauLevel === 'province';
}
