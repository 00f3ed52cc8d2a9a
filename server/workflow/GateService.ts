/**
 * The gates, computed on the server: gathers the facts (stored checker counts, the documents through
 * the facts cache, consultation rounds and items, the drafting group, production checks, the
 * technical review and its comments) and judges
 * them with the shared table (shared/workflow/gates.ts). At submission the standard text is checked
 * afresh, so the checklist stored with a submission lists the findings of the text that was sent.
 */
import type { DocumentKind, Project } from '@shared/domain/project.js';
import type { CheckerFacts, GateFacts, GroupUnitFact, ReviewFacts, RoundFacts } from '@shared/workflow/gateFacts.js';
import type { GateChecklist } from '@shared/workflow/gates.js';
import { evaluateGate } from '@shared/workflow/gates.js';
import { newestFirst } from '@shared/workflow/productionChecks.js';
import type { SubmissionStageLabel } from '@shared/workflow/stages.js';
import type { DocumentGrant } from '../access/commentAccess.js';
import type { ProjectGrant } from '../access/projectAccess.js';
import type { DocumentService } from '../services/DocumentService.js';
import type { MetadataStore } from '../storage/types.js';
import type { DocumentFactsCache } from './documentFacts.js';

export interface GateOptions {
  /** Run the drafting checker on the standard text now (its findings are listed), instead of the stored counts. */
  freshCheck?: boolean;
}

/** The project's document ids by kind. */
export function documentIds(project: Project): Record<DocumentKind, string> {
  const id = (kind: DocumentKind): string => project.documents.find((d) => d.kind === kind)?.id ?? '';
  return { standard: id('standard'), explanation: id('explanation'), 'application-report': id('application-report') };
}

export class GateService {
  constructor(
    private readonly store: MetadataStore,
    private readonly documents: DocumentFactsCache,
    private readonly documentService: DocumentService,
  ) {}

  private async checker(grant: ProjectGrant, documentId: string, fresh: boolean): Promise<CheckerFacts> {
    const stored = this.store.collection('documentChecks').get(documentId);
    if (stored && !fresh) {
      const { errors, warnings } = stored;
      return { documentId, counts: { errors, warnings }, checkedAt: stored.checkedAt, findings: null };
    }
    // Never checked yet (or asked to): check now; the stored counts follow.
    const documentGrant: DocumentGrant = { ...grant, documentId };
    const result = await this.documentService.check(documentGrant);
    return { documentId, counts: result.counts, checkedAt: result.checkedAt, findings: result.findings };
  }

  private rounds(projectId: string): RoundFacts[] {
    const items = this.store.collection('consultationItems');
    return this.store
      .collection('consultationRounds')
      .findMany({ projectId })
      .sort((a, b) => a.number - b.number)
      .map((round) => {
        const ofRound = items.findMany({ roundId: round.id }).sort((a, b) => a.seq - b.seq);
        const fact = ({ id, seq, clauseLabel }: { id: string; seq: number; clauseLabel: string }) => ({
          id,
          seq,
          clauseLabel,
        });
        return {
          id: round.id,
          number: round.number,
          closed: round.closedAt !== null,
          items: ofRound.length,
          undecided: ofRound.filter((i) => i.decision === null).map(fact),
          withoutReason: ofRound
            .filter((i) => i.decision !== null && i.decision !== 'accepted' && i.reason.trim() === '')
            .map(fact),
        };
      });
  }

  private group(projectId: string): GroupUnitFact[] {
    const organizations = this.store.collection('organizations');
    const units = new Map<string, GroupUnitFact>();
    for (const member of this.store.collection('members').findMany({ projectId })) {
      const key = `${member.organizationId}/${member.relation}`;
      if (units.has(key)) continue;
      units.set(key, {
        organizationId: member.organizationId,
        organizationName: organizations.get(member.organizationId)?.name ?? '',
        relation: member.relation,
      });
    }
    return [...units.values()];
  }

  private productionChecks(projectId: string): GateFacts['productionChecks'] {
    const organizations = this.store.collection('organizations');
    return newestFirst(this.store.collection('productionChecks').findMany({ projectId })).map((c) => ({
      id: c.id,
      date: c.date,
      result: c.result,
      bureauName: organizations.get(c.bureauId)?.name ?? '',
    }));
  }

  /** The latest closed technical review with its comments' decisions. */
  private review(projectId: string): ReviewFacts | null {
    const review = this.store
      .collection('technicalReviews')
      .findMany({ projectId })
      .filter((r) => r.closedAt !== null && r.conclusion !== null)
      .sort((a, b) => b.number - a.number)[0];
    if (!review?.conclusion) return null;
    const comments = this.store
      .collection('reviewComments')
      .findMany({ reviewId: review.id })
      .sort((a, b) => a.seq - b.seq);
    const fact = ({ id, seq, clauseLabel }: { id: string; seq: number; clauseLabel: string }) => ({
      id,
      seq,
      clauseLabel,
    });
    const { votes, experts, passed } = review.conclusion;
    return {
      id: review.id,
      number: review.number,
      passed,
      inFavour: votes.pass + votes['pass-with-changes'],
      experts,
      items: comments.length,
      undecided: comments.filter((c) => c.decision === null).map(fact),
      withoutReason: comments
        .filter((c) => c.decision !== null && c.decision !== 'accepted' && c.reason.trim() === '')
        .map(fact),
    };
  }

  async facts(grant: ProjectGrant, options: GateOptions = {}): Promise<GateFacts> {
    const { project } = grant;
    const documents = documentIds(project);
    const [standardChecker, standard, explanation, report] = await Promise.all([
      this.checker(grant, documents.standard, options.freshCheck ?? false),
      this.documents.standardText(documents.standard),
      this.documents.completenessOf(documents.explanation, 'explanation'),
      this.documents.completenessOf(documents['application-report'], 'application-report'),
    ]);
    return {
      projectId: project.id,
      documents,
      standardChecker,
      cover: standard.cover,
      rounds: this.rounds(project.id),
      explanation: { documentId: documents.explanation, ...explanation },
      applicationReport: { documentId: documents['application-report'], ...report },
      indicatorLinks: {
        total: explanation.indicatorTargets.length,
        resolved: explanation.indicatorTargets.filter((id) => standard.cellIds.has(id)).length,
      },
      group: this.group(project.id),
      productionChecks: this.productionChecks(project.id),
      review: this.review(project.id),
      explanationReview: { documentId: documents.explanation, ...explanation.reviewRecord },
    };
  }

  async checklist(
    grant: ProjectGrant,
    target: SubmissionStageLabel,
    options: GateOptions = {},
  ): Promise<GateChecklist> {
    return evaluateGate(target, await this.facts(grant, options), new Date().toISOString());
  }
}
