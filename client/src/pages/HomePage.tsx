import { Navigate } from 'react-router';
import { useCurrentUser } from '../features/auth/hooks/useAuth';
import { FullPageSpin } from '../features/auth/components/FullPageSpin';
import { useOrganizations } from '../features/organizations';

/** The first page: the dashboard for bureau staff, the project list for everyone else. */
export function HomePage() {
  const user = useCurrentUser();
  const organizations = useOrganizations();
  if (organizations.loading && !organizations.data) return <FullPageSpin />;
  const bureau = organizations.byId.get(user.organizationId)?.kind === 'market-supervision-bureau';
  return <Navigate to={bureau ? '/dashboard' : '/projects'} replace />;
}
