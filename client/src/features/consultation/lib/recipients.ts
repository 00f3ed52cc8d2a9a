/** The units of the drafting group a round can be sent to, derived from the members. */
import type { MemberView } from '@shared/api/types';
import type { MemberRelation } from '@shared/domain/roles';
import { recipientBody } from '@shared/validation/consultation';
import type { RecipientBody } from '@shared/validation/consultation';
import { maxLengthOf } from '../../../lib/schemaLimits';

/** Members in these relations do not answer a consultation: the lead itself, bureaus and review experts. */
/** A unit's contact is its members' names, cut to what the server accepts. */
const CONTACT_MAX = maxLengthOf(recipientBody.shape.contact);

const NOT_CONSULTED: readonly MemberRelation[] = ['lead-unit', 'supervising-bureau', 'review-expert'];

export interface GroupUnit {
  organizationId: string;
  unitName: string;
  /** The unit's members, as the contact. */
  contact: string;
  relations: MemberRelation[];
  /** Preselected when opening a round. */
  consulted: boolean;
}

export function groupUnits(members: readonly MemberView[]): GroupUnit[] {
  const units = new Map<string, GroupUnit>();
  for (const m of members) {
    const unit = units.get(m.organizationId) ?? {
      organizationId: m.organizationId,
      unitName: m.organizationName,
      contact: '',
      relations: [],
      consulted: false,
    };
    unit.contact = unit.contact ? `${unit.contact}、${m.name}` : m.name;
    if (!unit.relations.includes(m.relation)) unit.relations.push(m.relation);
    unit.consulted = unit.relations.some((r) => !NOT_CONSULTED.includes(r)) && !unit.relations.includes('lead-unit');
    units.set(m.organizationId, unit);
  }
  return [...units.values()];
}

export function groupRecipient(unit: GroupUnit): RecipientBody {
  return { unitName: unit.unitName, contact: unit.contact.slice(0, CONTACT_MAX), organizationId: unit.organizationId };
}
