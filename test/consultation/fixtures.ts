/** Throwaway consultation records for the permission matrix (test/api/permissions.test.ts). */
import type { ItemView, RoundInviteResponse, RoundView } from '@shared/api/consultation.js';
import { handMadeTable, ok } from './helpers.js';

const OUTSIDE_UNIT = '权限测试外部单位';

export class ConsultationFixtures {
  roundId = '';
  /** A recipient whose organization is the drafter's (drafter@ answers for it online). */
  drafterUnitId = '';
  private outsideUnitId = '';
  private counter = 0;

  constructor(
    private readonly baseUrl: string,
    private readonly adminToken: () => string,
    private readonly drafterOrganizationId: string,
  ) {}

  async setup(projectId: string): Promise<void> {
    const view = await ok<RoundView>(this.baseUrl, 'POST', `/api/projects/${projectId}/rounds`, this.adminToken(), {
      deadline: '2026-06-30',
      recipients: [
        { unitName: '权限测试起草单位', contact: '联系人', organizationId: this.drafterOrganizationId },
        { unitName: OUTSIDE_UNIT, contact: '联系人' },
      ],
    });
    this.roundId = view.round.id;
    this.drafterUnitId = view.round.recipients[0]!.id;
    this.outsideUnitId = view.round.recipients[1]!.id;
  }

  /** A new recipient (of the drafter's organization, so drafter@ may reply for it). */
  async freshRecipient(): Promise<string> {
    const view = await ok<RoundView>(
      this.baseUrl,
      'POST',
      `/api/rounds/${this.roundId}/recipients`,
      this.adminToken(),
      {
        unitName: `权限测试单位${++this.counter}`,
        organizationId: this.drafterOrganizationId,
      },
    );
    return view.round.recipients.at(-1)!.id;
  }

  /** A new comment of the outside unit, recorded from a letter. */
  async freshItem(): Promise<string> {
    const item = await ok<ItemView>(this.baseUrl, 'POST', `/api/rounds/${this.roundId}/items`, this.adminToken(), {
      recipientId: this.outsideUnitId,
      clauseLabel: '5.1',
      comment: `权限测试意见${++this.counter}`,
    });
    return item.id;
  }

  /** The token of a new invitation for a contact of the drafter's unit (an e-mail nobody uses yet). */
  async freshRoundInvitation(): Promise<string> {
    const invited = await ok<RoundInviteResponse>(
      this.baseUrl,
      'POST',
      `/api/rounds/${this.roundId}/recipients/${this.drafterUnitId}/invitations`,
      this.adminToken(),
      {
        email: `round-contact${++this.counter}@example.com`,
      },
    );
    if (invited.kind !== 'invited') throw new Error('expected an invitation link');
    return invited.link.split('/round-invite/')[1] ?? '';
  }

  importFile(): Promise<Uint8Array> {
    return handMadeTable([['1', '5.2', `导入的意见${++this.counter}`, '', OUTSIDE_UNIT, '', '']]);
  }
}
