/**
 * The foreword's 主要起草单位 / 参与起草单位（排名不分先后） / 主要起草人 lines, generated from the
 * drafting group so that they stay in step with it. Supervising bureaus and review experts take
 * part in the group but are not drafting units or drafters.
 */
import type { MemberRelation, ProjectRole } from './roles.js';

export interface CreditMember {
  name: string;
  organizationName: string;
  relation: MemberRelation;
  role: ProjectRole;
  addedAt: string;
}

export interface DraftingCredits {
  leadUnits: string[];
  participatingUnits: string[];
  drafters: string[];
}

const NOT_DRAFTING: MemberRelation[] = ['supervising-bureau', 'review-expert'];

export function draftingCredits(members: CreditMember[]): DraftingCredits {
  const ordered = [...members].sort((a, b) => a.addedAt.localeCompare(b.addedAt));
  const unique = (values: string[]): string[] => [...new Set(values.filter((v) => v.length > 0))];
  const leadUnits = unique(ordered.filter((m) => m.relation === 'lead-unit').map((m) => m.organizationName));
  const participatingUnits = unique(
    ordered
      .filter((m) => m.relation !== 'lead-unit' && !NOT_DRAFTING.includes(m.relation))
      .map((m) => m.organizationName),
  ).filter((name) => !leadUnits.includes(name));
  const drafters = unique(
    [...ordered.filter((m) => m.role === 'lead'), ...ordered.filter((m) => m.role === 'drafter')]
      .filter((m) => !NOT_DRAFTING.includes(m.relation))
      .map((m) => m.name),
  );
  return { leadUnits, participatingUnits, drafters };
}

/** The three lines as printed in the foreword. */
export function draftingCreditLines(credits: DraftingCredits): string[] {
  const lines = [`本文件主要起草单位：${credits.leadUnits.join('、')}。`];
  if (credits.participatingUnits.length > 0)
    lines.push(`本文件参与起草单位（排名不分先后）：${credits.participatingUnits.join('、')}。`);
  lines.push(`本文件主要起草人：${credits.drafters.join('、')}。`);
  return lines;
}
