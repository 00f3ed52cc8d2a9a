/**
 * The workflow on live documents: every change of a project's document drops the gate facts cached
 * for it and, shortly after edits pause, tells the project's open pages that the checklist may have
 * changed (`gates-changed`, also after each drafting check); it records the project's last editing
 * activity for the dashboard (at most once a minute per project).
 */
import type { ProjectEvent } from '@shared/api/events.js';
import { projectOfDocument } from '../access/projectAccess.js';
import type { DocumentCheckedPayload, Extension, OnChangePayload } from '../collab/hooks.js';
import { KeyedDebouncedTasks } from '../lib/DebouncedTask.js';
import type { Logger } from '../logger.js';
import type { MetadataStore } from '../storage/types.js';
import type { DocumentFactsCache } from '../workflow/documentFacts.js';

const ACTIVITY_INTERVAL_MS = 60_000;

/** Where the project's live events go (the project event hub). */
export interface ProjectEventSink {
  publish(projectId: string, event: ProjectEvent): void;
}

export class WorkflowExtension implements Extension {
  readonly name = 'workflow';
  readonly priority = 210;
  private readonly announcements = new KeyedDebouncedTasks({ debounceMs: 1000, maxWaitMs: 3000 });
  /** Documents never move between projects: each document's project, looked up once. */
  private readonly projectOf = new Map<string, string | null>();
  private readonly activityWritten = new Map<string, number>();

  constructor(
    private readonly store: MetadataStore,
    private readonly facts: DocumentFactsCache,
    private readonly hub: ProjectEventSink,
    private readonly log: Logger,
  ) {}

  private projectIdOf(documentId: string): string | null {
    let projectId = this.projectOf.get(documentId);
    if (projectId === undefined) {
      projectId = projectOfDocument(this.store, documentId)?.id ?? null;
      this.projectOf.set(documentId, projectId);
    }
    return projectId;
  }

  private announce(projectId: string): void {
    this.announcements.schedule(projectId, () => this.hub.publish(projectId, { type: 'gates-changed' }));
  }

  onChange({ documentId, userId, context }: OnChangePayload): void {
    this.facts.invalidate(documentId);
    const projectId = context?.projectId ?? this.projectIdOf(documentId);
    if (!projectId) return;
    this.announce(projectId);
    void this.recordActivity(projectId, userId);
  }

  onDocumentChecked({ projectId }: DocumentCheckedPayload): void {
    this.announce(projectId);
  }

  private async recordActivity(projectId: string, userId: string): Promise<void> {
    const now = Date.now();
    if (now - (this.activityWritten.get(projectId) ?? 0) < ACTIVITY_INTERVAL_MS) return;
    this.activityWritten.set(projectId, now);
    const activity = this.store.collection('projectActivity');
    const at = new Date(now).toISOString();
    try {
      if (activity.get(projectId)) await activity.update(projectId, { at, userId });
      else await activity.insert({ id: projectId, at, userId });
    } catch (error) {
      this.log.error({ err: error, projectId }, 'project activity not recorded');
    }
  }

  async onDestroy(): Promise<void> {
    this.announcements.cancelAll();
  }
}
