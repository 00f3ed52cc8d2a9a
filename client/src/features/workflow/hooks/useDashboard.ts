import { useEffect } from 'react';
import type { DashboardResponse } from '@shared/api/workflow';
import { useApiQuery } from '../../../hooks/useApiQuery';
import type { ApiQuery } from '../../../hooks/useApiQuery';
import { workflowApi } from '../api/workflowApi';

/** How often the dashboard refetches while it is open (its projects have no common event stream). */
const REFRESH_MS = 30_000;

/** The bureau dashboard, refreshed every half minute while the page is visible. */
export function useDashboard(): ApiQuery<DashboardResponse> {
  const query = useApiQuery((signal) => workflowApi.dashboard(signal), []);
  const { reload } = query;
  useEffect(() => {
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') reload();
    }, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [reload]);
  return query;
}
