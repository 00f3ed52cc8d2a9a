/**
 * Authentication and authorization of collaboration connections: the only way in. A session comes
 * from the browser's cookie or the `token` parameter; the document's project decides the role.
 * Read-only roles are enforced by the connection itself (CollabConnection drops their updates).
 * When a member's access changes, their live connections are closed with 4000 so that the client
 * reconnects and is authorized again. When a session ends (sign-out, disabled user, new password),
 * its live connections are closed with 4401 so that the client goes to sign-in.
 */
import { CloseCode } from '@shared/collab/closeCodes.js';
import { accessFor, projectOfDocument } from '../access/projectAccess.js';
import type { SessionService } from '../auth/SessionService.js';
import { tokenFromCookieHeader } from '../auth/SessionService.js';
import type { DomainEventBus } from '../events.js';
import type { MetadataStore } from '../storage/types.js';
import { ConnectionRejected } from '../collab/hooks.js';
import type { ConnectionContext, Extension, OnAuthenticatePayload, OnConfigurePayload } from '../collab/hooks.js';

export class AuthenticationExtension implements Extension {
  readonly name = 'authentication';
  readonly priority = 0;
  /** The session each live connection was authenticated with. */
  private readonly sessionOf = new WeakMap<ConnectionContext, string | null>();

  constructor(
    private readonly metadata: MetadataStore,
    private readonly sessions: SessionService,
    private readonly events: DomainEventBus,
  ) {}

  onConfigure({ server }: OnConfigurePayload): void {
    this.events.on('access-changed', ({ userId, projectId }) => {
      server.closeConnections(
        (context) => context.user.id === userId && (projectId === null || context.projectId === projectId),
        CloseCode.AccessChanged,
        'access changed; reconnect',
      );
    });
    this.sessions.onEnded(({ userId, sessionId }) => {
      server.closeConnections(
        (context) => context.user.id === userId && (sessionId === null || this.sessionOf.get(context) === sessionId),
        CloseCode.Unauthenticated,
        'session ended',
      );
    });
  }

  async onAuthenticate({ documentId, request, parameters }: OnAuthenticatePayload): Promise<ConnectionContext> {
    const token = parameters.get('token') ?? tokenFromCookieHeader(request.headers.cookie);
    const user = this.sessions.resolve(token);
    if (!user) throw new ConnectionRejected(CloseCode.Unauthenticated, 'not signed in');
    const project = projectOfDocument(this.metadata, documentId);
    const access = project ? accessFor(this.metadata, user, project) : null;
    if (!project || !access?.canView) throw new ConnectionRejected(CloseCode.Forbidden, 'no access to this document');
    const organization = this.metadata.collection('organizations').get(user.organizationId);
    const context: ConnectionContext = {
      user: {
        id: user.id,
        name: user.name,
        organizationId: user.organizationId,
        organizationName: organization?.name ?? '',
      },
      projectId: project.id,
      role: access.role,
      readOnly: !access.canEdit,
    };
    this.sessionOf.set(context, this.sessions.sessionIdOf(token));
    return context;
  }
}
