/** The submission package API (docs/api.md, "Submission package"). */
import { http } from '../../../api/http';
import type { ExportFormatsView } from '@shared/api/exportFormats';
import type { PackageJobView } from '@shared/api/submissionPackage';
import type { PackageJobBody } from '@shared/validation/submissionPackage';

const enc = encodeURIComponent;
const jobs = (projectId: string) => `/api/projects/${enc(projectId)}/package-jobs`;

export const submissionPackageApi = {
  /** Starts building; the answer lists the parts (all pending). */
  start: (projectId: string, body: PackageJobBody) => http.post<PackageJobView>(jobs(projectId), body),
  job: (projectId: string, jobId: string, signal?: AbortSignal) =>
    http.get<PackageJobView>(`${jobs(projectId)}/${enc(jobId)}`, { signal }),
  /** Whether the server can make the PDF copies now (LibreOffice installed). */
  formats: (signal?: AbortSignal) => http.get<ExportFormatsView>('/api/export/formats', { signal }),
};

/** A plain link to the finished zip (the session cookie authorizes the download). */
export function packageDownloadUrl(projectId: string, jobId: string): string {
  return `${jobs(projectId)}/${enc(jobId)}/download`;
}
