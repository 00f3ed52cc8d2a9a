/** Helpers of the workflow tests: the steps before a 送审稿 can pass its gate, done as users do them. */
import * as Y from 'yjs';
import type { DocumentContentResponse } from '@shared/api/types.js';
import type { GateChecklist } from '@shared/api/workflow.js';
import type { RoundView } from '@shared/api/consultation.js';
import { withCheckChar } from '@shared/domain/creditCode.js';
import { CONTENT_FIELD } from '@shared/editor/extensions.js';
import { NODE } from '@shared/editor/structure/names.js';
import { indicatorValues, numberedTables } from '@shared/editor/structure/tableCells.js';
import { DEMO_PASSWORD, login, request } from '../helpers/api.js';
import { connectSynced, presenceProbe, waitFor } from '../helpers/collab.js';
import type { TestServer } from '../helpers/server.js';

export const ZZB_NUMBER = 'T/ZZB 0123—2026';

export async function ok<T>(
  server: TestServer,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const result = await request<T>(server.url, method, path, { token, body });
  if (result.status >= 300) throw new Error(`${method} ${path} → ${result.status} ${JSON.stringify(result.body)}`);
  return result.body;
}

export function gates(server: TestServer, token: string, projectId: string, target = '送审稿'): Promise<GateChecklist> {
  return ok<GateChecklist>(
    server,
    token,
    'GET',
    `/api/projects/${projectId}/gates?target=${encodeURIComponent(target)}`,
  );
}

export const failingIds = (checklist: GateChecklist): string[] =>
  checklist.items.filter((i) => i.required && !i.passed).map((i) => i.id);

/** The lead fills in the cover's standard number in the editor (a live edit over the websocket). */
export async function fillStandardNumber(server: TestServer, token: string, standardId: string, number = ZZB_NUMBER) {
  const client = await connectSynced(server.url, standardId, token);
  const other = await connectSynced(server.url, standardId, token);
  try {
    const cover = client.doc
      .getXmlFragment(CONTENT_FIELD)
      .toArray()
      .find((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === NODE.standardCover);
    if (!cover) throw new Error('the standard text has no cover');
    cover.setAttribute('standardNumber', number);
    await presenceProbe(client, other);
  } finally {
    client.destroy();
    other.destroy();
  }
}

/** A cell id of the standard text's requirement tables (what a production check names). */
export async function someIndicatorCell(server: TestServer, token: string, standardId: string): Promise<string> {
  const { content, numbering } = await ok<DocumentContentResponse>(
    server,
    token,
    'GET',
    `/api/documents/${standardId}/content`,
  );
  const values = indicatorValues(numberedTables(content, numbering));
  const id = Object.keys(values).find((cellId) => /\d/.test(values[cellId]?.text ?? ''));
  if (!id) throw new Error('no indicator in the standard text');
  return id;
}

/**
 * Opens a consultation round with one comment per unit given, recorded by the lead from letters; the
 * silent units were sent the draft and never replied.
 */
export async function roundWithComments(
  server: TestServer,
  lead: string,
  projectId: string,
  units: string[],
  silentUnits: string[] = [],
): Promise<{ round: RoundView; itemIds: string[] }> {
  const round = await ok<RoundView>(server, lead, 'POST', `/api/projects/${projectId}/rounds`, {
    deadline: '2026-06-30',
    recipients: [...units, ...silentUnits].map((unitName) => ({ unitName, contact: '联系人' })),
  });
  const itemIds: string[] = [];
  for (const recipient of round.round.recipients.filter((r) => units.includes(r.unitName))) {
    const item = await ok<{ id: string }>(server, lead, 'POST', `/api/rounds/${round.round.id}/items`, {
      recipientId: recipient.id,
      clauseLabel: '5.2',
      comment: `${recipient.unitName}的意见`,
    });
    itemIds.push(item.id);
  }
  return { round, itemIds };
}

let staffCount = 0;

/** A new market supervision bureau (credit code in the given division) and one of its staff, signed in. */
export async function bureauStaff(
  server: TestServer,
  admin: string,
  name: string,
  division: string,
  level: 'county' | 'city' | 'province',
): Promise<{ organizationId: string; token: string }> {
  const n = ++staffCount;
  const organization = await ok<{ id: string }>(server, admin, 'POST', '/api/organizations', {
    name,
    creditCode: withCheckChar(`11${division}MB${String(100000 + n).padStart(7, '0')}`),
    kind: 'market-supervision-bureau',
    bureauLevel: level,
  });
  const email = `staff${n}-${Date.now()}@example.com`;
  await ok(server, admin, 'POST', '/api/users', {
    name: `${name}工作人员`,
    email,
    organizationId: organization.id,
    password: DEMO_PASSWORD,
  });
  return { organizationId: organization.id, token: await login(server.url, email) };
}

/** Waits until the gate's item has the wanted outcome (the facts follow live edits). */
export async function waitForItem(
  server: TestServer,
  token: string,
  projectId: string,
  id: string,
  passed: boolean,
): Promise<void> {
  await waitFor(
    async () => (await gates(server, token, projectId)).items.find((i) => i.id === id)?.passed === passed,
    `gate item ${id} ${passed ? 'passes' : 'fails'}`,
  );
}
