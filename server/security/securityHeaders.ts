/**
 * Security headers on every answer (Hono's secure-headers middleware), with a Content-Security-Policy
 * that the built client works with:
 * - scripts only from the app itself (the Vite build has no inline script);
 * - styles from the app and inline: antd's CSS-in-JS writes `<style>` elements at run time and the
 *   editor sets `style` attributes (table widths, caret colours) — the one relaxation;
 * - images and fonts from the app, `data:` (the icon) and `blob:`;
 * - connections to the app itself, its websocket origins included (`connect-src` names the ws/wss
 *   origins of the app's own origins explicitly, for browsers that do not match 'self' to ws:);
 * - no plugins, no `<base>` elsewhere, forms only to the app, never framed by another page.
 */
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { OriginPolicy } from './origins.js';

export function securityHeaders(policy: OriginPolicy): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'", (c) => policy.websocketOrigins(c.req.header('host')).join(' ')],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    // The full URL never leaves the app (invitation links carry their token in the path), and
    // same-origin requests keep their Origin header, which the cross-site check reads.
    referrerPolicy: 'same-origin',
    permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [], usb: [] },
  });
}
