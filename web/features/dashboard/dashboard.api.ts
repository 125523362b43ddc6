import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  AreaOverview,
  Dashboard,
  DashboardQuery,
  MatrixCell,
  PublicDashboard,
} from '../../../common/contracts/dashboard.ts';
import { buildQuery, requestJson } from '../../app/http.ts';

/** The workspace's figures, or the portal's over published records (no commitments). */
export type DashboardFigures = Omit<PublicDashboard, 'matrix'> &
  Partial<Pick<Dashboard, 'commitmentsByStatus' | 'commitmentsByOwner'>> & {
    matrix: Omit<Dashboard['matrix'], 'cells'> & { cells: DashboardCell[] };
  };
export type DashboardCell = Omit<MatrixCell, 'openCommitments'> & { openCommitments?: number };

export function useDashboard(filters: Partial<DashboardQuery>, isPublic: boolean) {
  const path = isPublic ? '/api/public/dashboard' : '/api/v1/dashboard';
  return useQuery({
    queryKey: ['dashboard', isPublic ? 'public' : 'workspace', filters],
    queryFn: () => requestJson<DashboardFigures>(`${path}${buildQuery(filters)}`),
    // Changing a timeline filter keeps the map and charts drawn while the new answer comes.
    placeholderData: keepPreviousData,
  });
}

export function useAreaOverview(id: string) {
  return useQuery({
    queryKey: ['areas', 'overview', id],
    queryFn: () => requestJson<AreaOverview>(`/api/v1/areas/${encodeURIComponent(id)}/overview`),
  });
}
