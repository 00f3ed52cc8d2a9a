/**
 * Helpers of the technical-review tests. The way to an accepted 送审稿 (gate, production check,
 * the bureaus' check) is tested end to end in test/workflow/submissionPath.test.ts; here the
 * accepted submission is recorded through the same services (frozen versions, stage log) in one step.
 */
import * as Y from 'yjs';
import type { ReviewView } from '@shared/api/reviews.js';
import type { GateChecklist } from '@shared/api/workflow.js';
import { CONTENT_FIELD } from '@shared/editor/extensions.js';
import type { Submission, SubmittedDocument } from '@shared/workflow/submissions.js';
import type { OpinionBody } from '@shared/validation/reviews.js';
import { DEMO_PASSWORD, login } from '../helpers/api.js';
import { connectSynced, presenceProbe, waitFor } from '../helpers/collab.js';
import type { TestServer } from '../helpers/server.js';
import { gates, ok } from '../workflow/helpers.js';

/** Records an accepted 送审稿 of the project (its three texts frozen now) and moves it into 技术审评. */
export async function acceptedReviewDraft(
  server: TestServer,
  projectId: string,
  leadEmail: string,
): Promise<Submission> {
  const { metadata, versions, workflow } = server.services;
  const project = metadata.collection('projects').get(projectId);
  const lead = metadata.collection('users').findOne({ email: leadEmail });
  if (!project || !lead) throw new Error('unknown project or lead');
  const id = `sub-review-${projectId}`;
  const number = metadata.collection('submissions').findMany({ projectId, stageLabel: '送审稿' }).length + 1;
  const documents: SubmittedDocument[] = [];
  for (const document of project.documents) {
    const { version } = await versions.create({
      projectId,
      documentId: document.id,
      kind: 'submission',
      name: `送审稿（第${number}次提交）`,
      userId: lead.id,
      submissionId: id,
    });
    documents.push({ documentId: document.id, kind: document.kind, versionId: version.id });
  }
  const now = new Date().toISOString();
  const submission: Submission = {
    id: `${id}-${number}`,
    projectId,
    stageLabel: '送审稿',
    number,
    fromStage: project.stage,
    status: 'accepted',
    documents,
    checklist: { target: '送审稿', passed: true, items: [], computedAt: now },
    submittedBy: lead.id,
    submittedAt: now,
    decisions: [],
    package: { status: 'failed', error: 'not built in this test' },
  };
  await metadata.collection('submissions').insert(submission);
  // The demo project is still drafting: the acceptance's move is recorded straight into 技术审评.
  await workflow.stages.reauthorizing(projectId, () =>
    workflow.stages.recordMove(
      projectId,
      { action: 'accept', actorId: lead.id, note: '送审稿受理', submissionId: submission.id },
      'technical-review',
    ),
  );
  workflow.stages.announce(projectId);
  return submission;
}

let expertCount = 0;

/** `n` more review experts of the project (new users of the expert's technical committee), signed in. */
export async function moreExperts(
  server: TestServer,
  admin: string,
  lead: string,
  projectId: string,
  n: number,
): Promise<{ userId: string; token: string }[]> {
  const organizationId = server.services.metadata
    .collection('users')
    .findOne({ email: 'expert@example.com' })?.organizationId;
  const experts: { userId: string; token: string }[] = [];
  for (let i = 0; i < n; i++) {
    const email = `expert${++expertCount}-${Date.now()}@example.com`;
    const user = await ok<{ id: string }>(server, admin, 'POST', '/api/users', {
      name: `评审专家${expertCount}`,
      email,
      organizationId,
      password: DEMO_PASSWORD,
    });
    await ok(server, lead, 'POST', `/api/projects/${projectId}/invitations`, {
      email,
      role: 'reviewer',
      relation: 'review-expert',
    });
    experts.push({ userId: user.id, token: await login(server.url, email) });
  }
  return experts;
}

export function opinion(vote: OpinionBody['vote'], rating: 'conforms' | 'nonconforming' = 'conforms'): OpinionBody {
  const dimension = { rating, remark: '' };
  return {
    dimensions: {
      compliance: dimension,
      necessity: dimension,
      advancement: dimension,
      economy: dimension,
      operability: dimension,
    },
    vote,
  };
}

export const getReview = (server: TestServer, token: string, reviewId: string) =>
  ok<ReviewView>(server, token, 'GET', `/api/reviews/${reviewId}`);

/** A live edit: appends `addition` to the text run of the document that contains `needle`. */
export async function appendToText(
  server: TestServer,
  token: string,
  documentId: string,
  needle: string,
  addition: string,
): Promise<void> {
  const client = await connectSynced(server.url, documentId, token);
  const other = await connectSynced(server.url, documentId, token);
  try {
    const plain = (text: Y.XmlText) =>
      text
        .toDelta()
        .map((op: { insert?: unknown }) => (typeof op.insert === 'string' ? op.insert : ''))
        .join('');
    const walker = client.doc
      .getXmlFragment(CONTENT_FIELD)
      .createTreeWalker((node) => node instanceof Y.XmlText && plain(node).includes(needle));
    const found = walker.next().value;
    if (!(found instanceof Y.XmlText)) throw new Error(`no text containing ${needle}`);
    found.insert(found.length, addition);
    await presenceProbe(client, other);
  } finally {
    client.destroy();
    other.destroy();
  }
}

/** Waits until the 报批稿 gate's item has the wanted outcome. */
export async function waitForApprovalItem(
  server: TestServer,
  token: string,
  projectId: string,
  id: string,
  passed: boolean,
): Promise<GateChecklist> {
  let last: GateChecklist | null = null;
  await waitFor(
    async () => {
      last = await gates(server, token, projectId, '报批稿');
      return last.items.find((i) => i.id === id)?.passed === passed;
    },
    `报批稿 gate item ${id} ${passed ? 'passes' : 'fails'}`,
  );
  if (!last) throw new Error('no checklist');
  return last;
}
