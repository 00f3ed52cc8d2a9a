/** Readable audit details: plan edits as “field: old → new”, member entries without raw ids. */
import type { TFunction } from 'i18next';
import type { AuditView } from '@shared/api/types';

/** Plan fields (as recorded by the server) and their labels. */
const FIELD_LABELS: Record<string, string> = {
  nameZh: 'projects.nameZh',
  nameEn: 'projects.nameEn',
  standardType: 'projects.standardType',
  publicationCategory: 'projects.category',
  planBatch: 'projects.planBatch',
  planNumber: 'projects.planNumber',
  supervisingBureauIds: 'projects.supervisingBureaus',
  startDate: 'projects.startDate',
  dueDate: 'projects.dueDate',
  publishingBody: 'projects.publishingBody',
  stage: 'projects.stage',
};

/** Labels of the other recorded details. */
const KEY_LABELS: Record<string, string> = {
  email: 'members.email',
  role: 'members.role',
  relation: 'members.relation',
  name: 'projects.name',
};

/** Enumerated values shown through their translations. */
const VALUE_ENUMS: Record<string, string> = {
  standardType: 'enums.standardType',
  publicationCategory: 'enums.category',
  stage: 'enums.stage',
  role: 'enums.role',
  fromRole: 'enums.role',
  toRole: 'enums.role',
  relation: 'enums.relation',
  fromRelation: 'enums.relation',
};

function shown(t: TFunction, key: string, value: string | number | boolean | null): string {
  if (value === null || value === '') return '—';
  const prefix = VALUE_ENUMS[key];
  return prefix && typeof value === 'string' ? t(`${prefix}.${value}`, { defaultValue: value }) : String(value);
}

export function describeAuditDetail(t: TFunction, entry: AuditView): string {
  const { detail } = entry;
  const parts: string[] = [];
  if (entry.subjectName) parts.push(`${t('audit.member')}: ${entry.subjectName}`);
  if (entry.action === 'project.updated' && typeof detail.fields === 'string') {
    for (const field of detail.fields.split(',').filter(Boolean)) {
      const label = FIELD_LABELS[field] ? t(FIELD_LABELS[field], { defaultValue: field }) : field;
      const from = detail[`${field}.from`];
      const to = detail[`${field}.to`];
      // Older entries recorded only the field names.
      parts.push(
        from === undefined && to === undefined
          ? label
          : `${label}: ${shown(t, field, from ?? null)} → ${shown(t, field, to ?? null)}`,
      );
    }
    return parts.join('; ');
  }
  const change = (
    label: string,
    key: string,
    from: string | number | boolean | null | undefined,
    to: string | number | boolean | null | undefined,
  ) => {
    if (from === undefined || to === undefined) return false;
    parts.push(
      from === to ? `${label}: ${shown(t, key, to)}` : `${label}: ${shown(t, key, from)} → ${shown(t, key, to)}`,
    );
    return true;
  };
  const roleShown = change(t('members.role'), 'role', detail.fromRole, detail.toRole);
  const relationShown = change(t('members.relation'), 'relation', detail.fromRelation, detail.relation);
  for (const [key, value] of Object.entries(detail)) {
    if (key === 'userId' || (roleShown && (key === 'fromRole' || key === 'toRole'))) continue;
    if (relationShown && (key === 'fromRelation' || key === 'relation')) continue;
    const label = KEY_LABELS[key] ? t(KEY_LABELS[key], { defaultValue: key }) : key;
    parts.push(`${label}: ${shown(t, key, value)}`);
  }
  return parts.join('; ');
}
