/** Only same-site paths are accepted as a place to return to after signing in. */
export function safeRedirect(next: string | null, fallback = '/projects'): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  if (next.startsWith('/login') || next.startsWith('/invite/')) return fallback;
  return next;
}
