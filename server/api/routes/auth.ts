import { Hono } from 'hono';
import type { MeResponse } from '@shared/api/types.js';
import { loginBody } from '@shared/validation/requests.js';
import { clientAddress, consumeAttempt } from '../attemptLimit.js';
import type { ApiEnv, AppServices } from '../context.js';
import { requireUser } from '../guards.js';
import { parseBody } from '../validation.js';
import { clearSessionCookie, setSessionCookie } from '../sessionCookie.js';

/** Failed sign-ins allowed per IP address (any email) for each per-(IP, email) allowance: against password spraying. */
const IP_LIMIT_FACTOR = 3;

const TOO_MANY = 'too many sign-in attempts; try again later';

export function authRoutes(services: AppServices): Hono<ApiEnv> {
  const { accounts } = services;
  const { points, durationSeconds } = services.loginLimit;
  // Per (IP, email): a guessed password for one account. Per IP: many emails tried from one address.
  const perAccount = services.attemptLimiters('sign-in-account', { points, durationSeconds });
  const perIp = services.attemptLimiters('sign-in-address', { points: points * IP_LIMIT_FACTOR, durationSeconds });
  return new Hono<ApiEnv>()
    .post('/auth/login', async (c) => {
      const body = await parseBody(c, loginBody);
      const ip = clientAddress(c);
      await consumeAttempt(c, perIp, ip, TOO_MANY);
      await consumeAttempt(c, perAccount, `${ip}|${body.email}`, TOO_MANY);
      const user = await accounts.signIn(body.email, body.password);
      // Only failures count: a successful sign-in gives its attempts back.
      await perAccount.delete(`${ip}|${body.email}`);
      await perIp.reward(ip, 1);
      const response = await accounts.startSession(user);
      setSessionCookie(c, response.token);
      services.log.info({ userId: user.id, client: ip }, 'signed in');
      return c.json(response);
    })
    .post('/auth/logout', async (c) => {
      requireUser(c);
      const token = c.get('token');
      if (token) await services.sessions.revoke(token);
      clearSessionCookie(c);
      return c.body(null, 204);
    })
    .get('/auth/me', (c) => {
      const response: MeResponse = { user: accounts.view(requireUser(c)) };
      return c.json(response);
    });
}
