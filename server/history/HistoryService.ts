/**
 * The change history API: pages of a document's timeline (newest first) with filters, one entry,
 * and the filtered timeline as a spreadsheet for the bureau. Reads the history index once
 * everything stored so far is in it (changes typed in the last moments are stored first).
 */
import type { HistoryEntryView, HistoryPage } from '@shared/api/history.js';
import type { HistoryQuery } from '@shared/validation/history.js';
import { HISTORY_PAGE_SIZE } from '@shared/validation/history.js';
import type { Numbering } from '@shared/editor/structure/numbering.js';
import type { DocumentGrant } from '../access/commentAccess.js';
import { projectOfDocument } from '../access/projectAccess.js';
import type { CollabServer } from '../collab/CollabServer.js';
import { NotFound } from '../domain/errors.js';
import { describeFilters } from '../export/historySummary.js';
import { historyXlsx } from '../export/historyXlsx.js';
import type { ProjectEventHub } from '../realtime/ProjectEventHub.js';
import type { MetadataStore } from '../storage/types.js';
import type { StageLog } from '../workflow/StageLog.js';
import { consultationNotes } from './consultationNotes.js';
import { entryMatcher } from './entryFilter.js';
import { EntryViews } from './entryViews.js';
import { compareEntryIds } from './historyRecords.js';
import type { HistoryIndex, ListedEntry } from './HistoryIndex.js';
import type { HistoryIndexer } from './HistoryIndexer.js';
import { stagePeriods } from './stagePeriods.js';
import { NOW, numberingOf } from './yTree.js';

/** Everything a request reads from the index, taken in one go (the index goes on changing). */
interface IndexRead {
  entries: readonly ListedEntry[];
  views: EntryViews;
}

export class HistoryService {
  /** The current numbering per index, recomputed only when the index changed. */
  private readonly numberings = new WeakMap<HistoryIndex, { version: number; numbering: Numbering }>();

  constructor(
    private readonly metadata: MetadataStore,
    private readonly indexer: HistoryIndexer,
    private readonly collab: () => CollabServer,
    private readonly stageLog: StageLog,
    private readonly hub: ProjectEventHub,
  ) {}

  /** Tells the document's open pages that its history has new changes. */
  announce(documentId: string): void {
    const project = projectOfDocument(this.metadata, documentId);
    if (project) this.hub.publish(project.id, { type: 'history-changed', documentId });
  }

  /** One page of the timeline, newest first, after `query.cursor`. */
  async page(grant: DocumentGrant, query: HistoryQuery): Promise<HistoryPage> {
    const { entries, views, matches, periods } = await this.filtered(grant, query);
    const limit = query.limit ?? HISTORY_PAGE_SIZE;
    const page: HistoryEntryView[] = [];
    let more = false;
    for (const entry of entries) {
      if (query.cursor && compareEntryIds(entry.record.id, query.cursor) >= 0) continue;
      if (!matches(entry)) continue;
      if (page.length === limit) {
        more = true;
        break;
      }
      page.push(views.view(entry));
    }
    return {
      entries: page,
      nextCursor: more ? (page[page.length - 1]?.id ?? null) : null,
      authors: views.authors(entries),
      stages: periods,
    };
  }

  /** Every entry the query keeps (no paging), newest first. */
  async all(grant: DocumentGrant, query: HistoryQuery): Promise<HistoryEntryView[]> {
    const { entries, views, matches } = await this.filtered(grant, query);
    return entries.filter(matches).map((entry) => views.view(entry));
  }

  async entry(grant: DocumentGrant, entryId: string): Promise<HistoryEntryView> {
    const { entries, views } = await this.read(grant);
    const found = entries.find((entry) => entry.record.id === entryId);
    if (!found) throw new NotFound('history entry not found');
    return views.view(found);
  }

  /** The filtered timeline as .xlsx: time, person, organization, clause, summary. */
  async xlsx(grant: DocumentGrant, query: HistoryQuery): Promise<{ data: Uint8Array; fileName: string }> {
    const { entries, views, matches } = await this.filtered(grant, query);
    const kept = entries.filter(matches).map((entry) => views.view(entry));
    const document = grant.project.documents.find((d) => d.id === grant.documentId);
    const title = document?.title ?? grant.project.nameZh;
    const filters = describeFilters({
      clause: query.clauseId ? views.target(query.clauseId, '').label || query.clauseId : undefined,
      person: query.userId ? (this.metadata.collection('users').get(query.userId)?.name ?? query.userId) : undefined,
      organization: query.organizationId
        ? (this.metadata.collection('organizations').get(query.organizationId)?.name ?? query.organizationId)
        : undefined,
      stage: query.stage,
      from: query.from,
      to: query.to,
    });
    const data = await historyXlsx({ title, projectName: grant.project.nameZh, entries: kept, filters });
    return { data, fileName: `${title}-修改记录.xlsx` };
  }

  private async filtered(grant: DocumentGrant, query: HistoryQuery) {
    const read = await this.read(grant);
    const periods = stagePeriods(this.stageLog, grant.project);
    const numbering = read.numbering;
    const matcher = entryMatcher(query, { numbering, periods });
    return { ...read, periods, matches: (entry: ListedEntry) => matcher(entry.record) };
  }

  private async read(grant: DocumentGrant): Promise<IndexRead & { numbering: Numbering }> {
    // Changes accepted in the last moments are stored first, so that they are in the history.
    await this.collab().storePending(grant.documentId);
    const restores = this.metadata.collection('documentRestores').findMany({ documentId: grant.documentId });
    const consultation = consultationNotes(this.metadata, grant.project.id, grant.documentId);
    return this.indexer.read(grant.documentId, (index) => {
      const numbering = this.numberingOf(index);
      return {
        entries: index.entries(),
        numbering,
        views: new EntryViews(this.metadata, numbering, (id) => index.grave(id), restores, consultation),
      };
    });
  }

  private numberingOf(index: HistoryIndex): Numbering {
    const cached = this.numberings.get(index);
    if (cached?.version === index.version) return cached.numbering;
    // Read straight from the Yjs tree: the numbering reads only the structure and the titles, so a
    // clause holding a whole paper costs nothing here (converting the document would read all of it).
    const numbering = numberingOf(index.replica.doc, NOW);
    this.numberings.set(index, { version: index.version, numbering });
    return numbering;
  }
}
