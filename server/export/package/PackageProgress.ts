/**
 * The parts of a package being built and their state (pending → running → done / failed / skipped),
 * reported to a listener on every change: the job API shows them as the dialog's progress.
 */
import type { PackageFailureCode, PackagePart } from '@shared/api/submissionPackage.js';

export type PlannedPart = Omit<PackagePart, 'status' | 'code' | 'reason' | 'files'>;

export class PackageProgress {
  private readonly parts: PackagePart[];

  constructor(
    planned: readonly PlannedPart[],
    private readonly listener: (parts: PackagePart[]) => void = () => undefined,
  ) {
    this.parts = planned.map((p) => ({ ...p, status: 'pending', code: null, reason: null, files: [] }));
    this.notify();
  }

  /** A copy of the parts as they are now. */
  snapshot(): PackagePart[] {
    return this.parts.map((p) => ({ ...p, files: [...p.files] }));
  }

  running(id: string): void {
    this.update(id, { status: 'running' });
  }

  done(id: string, files: string[]): void {
    this.update(id, { status: 'done', files });
  }

  failed(id: string, code: PackageFailureCode, reason: string, files: string[] = []): void {
    this.update(id, { status: 'failed', code, reason, files });
  }

  skipped(id: string, code: PackageFailureCode, reason: string): void {
    this.update(id, { status: 'skipped', code, reason });
  }

  private update(id: string, change: Partial<PackagePart>): void {
    const part = this.parts.find((p) => p.id === id);
    if (!part) throw new Error(`unknown package part ${id}`);
    Object.assign(part, change);
    this.notify();
  }

  private notify(): void {
    this.listener(this.snapshot());
  }
}
