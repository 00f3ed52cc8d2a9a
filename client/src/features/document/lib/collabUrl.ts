import { COLLAB_PATH } from '@shared/collab/closeCodes';

/** The collaboration endpoint on the page's own host: ws: for http pages, wss: for https pages. */
export function collabServerUrl(location: Location = window.location): string {
  const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${protocol}//${location.host}${COLLAB_PATH}`;
}
