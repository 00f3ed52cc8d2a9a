/** Turns any thrown value into a message for the user, in the current language. */
import type { TFunction } from 'i18next';
import { ApiRequestError, NETWORK_ERROR_STATUS } from '../api/http';

function statusMessage(status: number, t: TFunction): string {
  if (status === NETWORK_ERROR_STATUS) return t('errors.network');
  if (status === 400 || status === 422) return t('errors.badRequest');
  if (status === 401) return t('errors.unauthenticated');
  if (status === 403) return t('errors.forbidden');
  if (status === 404) return t('errors.notFound');
  if (status === 409) return t('errors.conflict');
  if (status === 429) return t('errors.tooMany');
  if (status === 503) return t('errors.unavailable');
  if (status >= 500) return t('errors.server');
  return t('errors.unknown');
}

/** A localized summary followed by the server's own words (which name the exact problem). */
export function describeError(error: unknown, t: TFunction): string {
  if (error instanceof ApiRequestError) {
    const summary = statusMessage(error.status, t);
    if (error.status === NETWORK_ERROR_STATUS) return summary;
    const detail = error.detail;
    return detail.length > 0 && detail !== summary ? `${summary}：${detail}` : summary;
  }
  if (error instanceof Error) return `${t('errors.unknown')}：${error.message}`;
  return t('errors.unknown');
}

export function isStatus(error: unknown, ...statuses: number[]): boolean {
  return error instanceof ApiRequestError && statuses.includes(error.status);
}
