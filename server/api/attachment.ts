/**
 * `Content-Disposition: attachment` for a download whose name may be Chinese: an ASCII fallback
 * name for old clients and the real name in RFC 5987 form (`filename*=UTF-8''…`).
 */
export function attachmentDisposition(fileName: string, fallbackBase: string): string {
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1] ?? 'bin';
  // encodeURIComponent leaves ' ( ) * as they are; RFC 5987 wants them encoded too.
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallbackBase}.${extension}"; filename*=UTF-8''${encoded}`;
}
