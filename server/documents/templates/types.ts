/** What a document template needs to know about a new project. */
export interface TemplateInput {
  /** Chinese title of the standard, e.g. 轻量化不锈钢真空保温杯. */
  nameZh: string;
  /** English title of the standard. */
  nameEn: string;
  /** 主要起草单位 (the lead drafting unit). */
  leadOrganizationName: string;
  /**
   * 参与起草单位: the other units of the drafting group, in the order they were added. Used by the
   * drafting explanation's table of units; the standard's foreword generates its credits lines from
   * the drafting group itself (`draftingCredits`).
   */
  participatingOrganizationNames: string[];
  /** 主要起草人 (pre-filled in the drafting explanation's table of drafters). */
  drafterNames: string[];
  /** The standard's own number once known, e.g. `T/ZZB 0123—2026`; the cover field stays `''` without it. */
  standardNumber?: string;
  /** The year the standard is expected to be published (used in numbers and dates). */
  year: number;
  /** The publishing body (a project setting; it has changed over the years). */
  publishingBody: string;
  /** Who proposed the standard and is responsible for it (提出并归口); defaults to the publishing body. */
  proposer?: string;
}
