/**
 * The metadata of a province-sized workspace, for the metadata benchmark: 2,000 projects with their
 * drafting groups, audit logs, comment threads and consultation tables (≈10⁵ audit entries, 10⁵
 * comments, 10⁵ consultation items), written as a plain metadata file (one JSON object of
 * collections — the layout every version of the embedded store reads). Records are synthetic but
 * typed as the server's own and of realistic size (Chinese text of the lengths users write).
 */
import { writeFile } from 'node:fs/promises';
import type { Organization } from '@shared/domain/organization.js';
import type { AuditEntry, Project } from '@shared/domain/project.js';
import type { Comment, CommentThread } from '@shared/domain/comments.js';
import type { ConsultationItem, ConsultationRound } from '@shared/domain/consultation.js';
import type { MemberRecord, MetadataSchema, SessionRecord, UserRecord } from '../../server/storage/types.js';

export interface VolumeShape {
  projects: number;
  /** Per project. */
  auditEntries: number;
  threads: number;
  commentsPerThread: number;
  consultationItems: number;
  members: number;
}

export const PROVINCE: VolumeShape = {
  projects: 2000,
  auditEntries: 50,
  threads: 25,
  commentsPerThread: 2,
  consultationItems: 50,
  members: 8,
};

const PHRASES = [
  '建议将本条中的“应”改为“宜”，与GB/T 1.1—2020的表述一致',
  '表1中的检验方法与第6章不一致，请核对后统一',
  '术语“智能控制器”的定义过窄，未覆盖远程控制的情形',
  '此处引用的标准已作废，请改为现行版本',
  '建议增加出厂检验中的抽样方案，明确批量与判定规则',
  '附录A的试验条件缺少环境温度要求',
];

function text(seed: number, phrases: number): string {
  const parts: string[] = [];
  for (let i = 0; i < phrases; i++) parts.push(PHRASES[(seed + i) % PHRASES.length]!);
  return parts.join('；');
}

function isoDay(offset: number): string {
  return new Date(Date.UTC(2024, 0, 1) + (offset % 700) * 86_400_000).toISOString();
}

export type Volume = Pick<
  MetadataSchema,
  | 'organizations'
  | 'users'
  | 'sessions'
  | 'projects'
  | 'members'
  | 'audit'
  | 'commentThreads'
  | 'comments'
  | 'consultationRounds'
  | 'consultationItems'
>;

export function buildVolume(shape: VolumeShape = PROVINCE): Volume {
  const organizations: Organization[] = [];
  const users: UserRecord[] = [];
  const sessions: SessionRecord[] = [];
  const projects: Project[] = [];
  const members: MemberRecord[] = [];
  const audit: AuditEntry[] = [];
  const commentThreads: CommentThread[] = [];
  const comments: Comment[] = [];
  const consultationRounds: ConsultationRound[] = [];
  const consultationItems: ConsultationItem[] = [];
  const orgCount = Math.max(10, Math.round(shape.projects / 2));
  for (let o = 0; o < orgCount; o++) {
    organizations.push({
      id: `org-${o}`,
      name: `浙江某某智能装备有限公司${o}`,
      creditCode: `91330000${String(o).padStart(10, '0')}`,
      kind: o % 10 === 0 ? 'market-supervision-bureau' : 'enterprise',
      ...(o % 10 === 0 ? { bureauLevel: 'city' as const } : {}),
      createdAt: isoDay(o),
    });
  }
  const userCount = shape.projects * 3;
  for (let u = 0; u < userCount; u++) {
    users.push({
      id: `user-${u}`,
      name: `起草人${u}`,
      email: `user${u}@example.com`,
      phone: `1380000${String(u).padStart(4, '0')}`,
      organizationId: `org-${u % orgCount}`,
      passwordHash: `scrypt$16384$8$1$${'s'.repeat(22)}$${'h'.repeat(86)}`,
      isAdmin: false,
      active: true,
      createdAt: isoDay(u),
    });
    if (u % 2 === 0) {
      sessions.push({
        id: `ses-${u}`,
        tokenHash: 'x'.repeat(64),
        userId: `user-${u}`,
        createdAt: isoDay(u),
        expiresAt: isoDay(u + 30),
      });
    }
  }
  for (let p = 0; p < shape.projects; p++) {
    const projectId = `prj-${p}`;
    const userOf = (i: number): string => `user-${(p * 3 + i) % userCount}`;
    projects.push({
      id: projectId,
      nameZh: `智能家居控制器第${p}号`,
      nameEn: `Smart home controller No. ${p}`,
      standardType: 'product',
      publicationCategory: 'T',
      planBatch: '2024年第一批',
      planNumber: `ZZB-2024-${String(p).padStart(4, '0')}`,
      leadOrganizationId: `org-${p % orgCount}`,
      supervisingBureauIds: ['org-0'],
      startDate: '2024-03-01',
      dueDate: '2024-12-31',
      publishingBody: '浙江省品牌建设联合会',
      stage: 'drafting',
      documents: [
        { id: `doc-${p}-s`, kind: 'standard', title: '标准文本' },
        { id: `doc-${p}-e`, kind: 'explanation', title: '编制说明' },
      ],
      createdAt: isoDay(p),
      updatedAt: isoDay(p + 1),
    });
    for (let m = 0; m < shape.members; m++) {
      members.push({
        id: `mem-${p}-${m}`,
        userId: userOf(m),
        projectId,
        organizationId: `org-${(p + m) % orgCount}`,
        relation: m === 0 ? 'lead-unit' : 'peer-company',
        role: m === 0 ? 'lead' : m < 5 ? 'drafter' : 'reviewer',
        addedAt: isoDay(p + m),
      });
    }
    for (let a = 0; a < shape.auditEntries; a++) {
      audit.push({
        id: `aud-${p}-${a}`,
        projectId,
        actorId: userOf(a % 3),
        action: a % 2 === 0 ? 'member.added' : 'project.updated',
        detail: { userId: userOf((a + 1) % 3), role: 'drafter' },
        at: isoDay(p + a),
      });
    }
    for (let t = 0; t < shape.threads; t++) {
      const threadId = `thr-${p}-${t}`;
      commentThreads.push({
        id: threadId,
        projectId,
        documentId: `doc-${p}-s`,
        anchorStart: 'AQLJ5eLOAQAA',
        anchorEnd: 'AQLJ5eLOAQkA',
        quote: text(t, 1),
        clauseId: `c-${t}`,
        status: t % 3 === 0 ? 'resolved' : 'open',
        authorId: userOf(t % 3),
        organizationId: `org-${p % orgCount}`,
        createdAt: isoDay(p + t),
        resolvedBy: null,
        resolvedAt: null,
      });
      for (let c = 0; c < shape.commentsPerThread; c++) {
        comments.push({
          id: `cmt-${p}-${t}-${c}`,
          threadId,
          authorId: userOf(c),
          body: text(t + c, 2),
          mentions: c === 0 ? [userOf(1)] : [],
          createdAt: isoDay(p + t + c),
          editedAt: null,
          deletedAt: null,
        });
      }
    }
    const roundId = `rnd-${p}`;
    consultationRounds.push({
      id: roundId,
      projectId,
      documentId: `doc-${p}-s`,
      number: 1,
      title: '第一轮征求意见',
      stageLabel: '征求意见稿',
      snapshotId: `snp-${p}`,
      deadline: '2024-06-30',
      openedAt: isoDay(p),
      openedBy: userOf(0),
      closedAt: null,
      handler: { name: '张三', phone: '13800000000' },
      recipients: Array.from({ length: 6 }, (_, r) => ({
        id: `rcp-${p}-${r}`,
        unitName: `征求意见单位${r}`,
        contact: `联系人${r}`,
        organizationId: null,
        inGroup: false,
        reply: 'with-comments' as const,
        repliedAt: isoDay(p + r),
      })),
    });
    for (let i = 0; i < shape.consultationItems; i++) {
      consultationItems.push({
        id: `itm-${p}-${i}`,
        roundId,
        seq: i + 1,
        clauseId: `c-${i % 40}`,
        clauseLabel: `${1 + (i % 9)}.${1 + (i % 5)}`,
        element: 'paragraph',
        commentType: 'technical',
        comment: text(i, 3),
        proposedChange: text(i + 2, 2),
        recipientId: `rcp-${p}-${i % 6}`,
        submitterName: `提出人${i}`,
        receivedDate: '2024-06-15',
        source: 'online',
        supporters: [],
        assigneeId: userOf(1),
        decision: i % 4 === 0 ? null : 'accepted',
        reason: i % 4 === 0 ? '' : '已按意见修改',
        implementedIn: null,
        createdBy: userOf(2),
        createdAt: isoDay(p + i),
        updatedAt: isoDay(p + i + 1),
      });
    }
  }
  return {
    organizations,
    users,
    sessions,
    projects,
    members,
    audit,
    commentThreads,
    comments,
    consultationRounds,
    consultationItems,
  };
}

/** Writes the volume as a metadata file; returns its size in bytes. */
export async function writeVolume(file: string, volume: Volume): Promise<number> {
  const json = JSON.stringify(volume);
  await writeFile(file, json);
  return Buffer.byteLength(json);
}

export function recordCount(volume: Volume): number {
  return Object.values(volume).reduce((n, rows: unknown[]) => n + rows.length, 0);
}
