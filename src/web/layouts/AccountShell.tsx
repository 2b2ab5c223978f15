import { Suspense } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { isStaff, useMe } from '../api/auth.ts';
import { ErrorState, PageSpin } from '../components/PageState.tsx';
import { PortalLayout } from './PortalLayout.tsx';
import { WorkbenchLayout } from './WorkbenchLayout.tsx';

/** Pages every signed-in account has (messages, profile): in the workbench for staff, in the portal for applicants. */
export function AccountShell() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <PageSpin />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (isStaff(me.data)) return <WorkbenchLayout />;
  return <PortalLayout />;
}

/** For portal pages that need a signed-in applicant (inside the portal layout). */
export function RequireSignIn() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <PageSpin />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return (
    <Suspense fallback={<PageSpin />}>
      <Outlet />
    </Suspense>
  );
}
