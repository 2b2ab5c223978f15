import { lazy, Suspense, type ComponentType } from 'react';
import { loadStaffMessages } from './i18n/index.tsx';
import { createBrowserRouter, Outlet } from 'react-router';
import { PortalLayout } from './layouts/PortalLayout.tsx';
import { HomePage } from './pages/portal/HomePage.tsx';
import { PageSpin } from './components/Feedback.tsx';
import { RouteError } from './pages/RouteError.tsx';

/** React.lazy for a named export: every page but the portal home loads on demand. */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  const Component = lazy(async (): Promise<{ default: ComponentType }> => {
    const [module] = await Promise.all([load(), loadStaffMessages()]);
    return { default: module[name] };
  });
  return <Component />;
}

function Root() {
  return (
    <Suspense fallback={<PageSpin />}>
      <Outlet />
    </Suspense>
  );
}

export const router = createBrowserRouter([
  {
    element: <Root />,
    errorElement: <RouteError />,
    children: [
      {
        element: <PortalLayout />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'login', element: page(() => import('./pages/portal/LoginPage.tsx'), 'LoginPage') },
          { path: 'register', element: page(() => import('./pages/portal/RegisterPage.tsx'), 'RegisterPage') },
          { path: 'services', element: page(() => import('./pages/catalog-portal/ServicesPage.tsx'), 'ServicesPage') },
          { path: 'services/:code', element: page(() => import('./pages/catalog-portal/ServiceGuidePage.tsx'), 'ServiceGuidePage') },
          { path: 'bundles', element: page(() => import('./pages/catalog-portal/BundlesPage.tsx'), 'BundlesPage') },
          { path: 'bundles/:code', element: page(() => import('./pages/catalog-portal/BundleDetailPage.tsx'), 'BundleDetailPage') },
          { path: 'power-list', element: page(() => import('./pages/catalog-portal/PowerListPage.tsx'), 'PowerListPage') },
          { path: 'appointments', element: page(() => import('./pages/queue/AppointmentPage.tsx'), 'AppointmentPage') },
          // 证照核验: public, no sign-in (a license's QR code leads to /verify/<number>)
          { path: 'verify', element: page(() => import('./pages/licenses/VerifyLicensePage.tsx'), 'VerifyLicensePage') },
          { path: 'verify/:number', element: page(() => import('./pages/licenses/VerifyLicensePage.tsx'), 'VerifyLicensePage') },
          {
            element: page(() => import('./layouts/AccountShell.tsx'), 'RequireSignIn'),
            children: [
              { path: 'my', element: page(() => import('./pages/portal/MyAccountPage.tsx'), 'MyAccountPage') },
              { path: 'my/cases', element: page(() => import('./pages/cases/portal/MyCasesPage.tsx'), 'MyCasesPage') },
              { path: 'my/cases/:id', element: page(() => import('./pages/cases/portal/MyCaseDetailPage.tsx'), 'MyCaseDetailPage') },
              { path: 'my/licenses', element: page(() => import('./pages/cases/portal/MyLicensesPage.tsx'), 'MyLicensesPage') },
              { path: 'apply/:code', element: page(() => import('./pages/cases/portal/ApplyPage.tsx'), 'ApplyPage') },
              { path: 'apply/bundle/:code', element: page(() => import('./pages/cases/portal/BundleApplyPage.tsx'), 'BundleApplyPage') },
            ],
          },
          { path: '*', element: page(() => import('./pages/NotFoundPage.tsx'), 'NotFoundPage') },
        ],
      },
      { path: 'queue/kiosk/:hallId', element: page(() => import('./pages/queue/KioskPage.tsx'), 'KioskPage') },
      { path: 'queue/take/:hallId', element: page(() => import('./pages/queue/PhoneTakePage.tsx'), 'PhoneTakePage') },
      { path: 'queue/ticket/:id', element: page(() => import('./pages/queue/TicketPage.tsx'), 'TicketPage') },
      { path: 'queue/display/:hallId', element: page(() => import('./pages/queue/DisplayPage.tsx'), 'DisplayPage') },
      { path: 'screen/metrics', element: page(() => import('./pages/metrics/BigScreenPage.tsx'), 'BigScreenPage') },
      {
        element: page(() => import('./layouts/AccountShell.tsx'), 'AccountShell'),
        children: [
          { path: 'messages', element: page(() => import('./pages/account/MessagesPage.tsx'), 'MessagesPage') },
          { path: 'profile', element: page(() => import('./pages/account/ProfilePage.tsx'), 'ProfilePage') },
        ],
      },
      {
        path: 'workbench',
        element: page(() => import('./layouts/WorkbenchLayout.tsx'), 'WorkbenchLayout'),
        children: [
          { index: true, element: page(() => import('./pages/workbench/WorkbenchHomePage.tsx'), 'WorkbenchHomePage') },
          { path: 'org/regions', element: page(() => import('./pages/workbench/RegionsPage.tsx'), 'RegionsPage') },
          { path: 'org/organizations', element: page(() => import('./pages/workbench/OrganizationsPage.tsx'), 'OrganizationsPage') },
          { path: 'org/halls', element: page(() => import('./pages/workbench/HallsPage.tsx'), 'HallsPage') },
          { path: 'org/halls/:id', element: page(() => import('./pages/workbench/HallDetailPage.tsx'), 'HallDetailPage') },
          { path: 'org/staff', element: page(() => import('./pages/workbench/StaffPage.tsx'), 'StaffPage') },
          { path: 'audit', element: page(() => import('./pages/workbench/AuditPage.tsx'), 'AuditPage') },
          { path: 'notify/deliveries', element: page(() => import('./pages/workbench/DeliveriesPage.tsx'), 'DeliveriesPage') },
          { path: 'intake', element: page(() => import('./pages/cases/workbench/IntakePage.tsx'), 'IntakePage') },
          { path: 'tasks', element: page(() => import('./pages/cases/workbench/InboxPage.tsx'), 'InboxPage') },
          { path: 'cases', element: page(() => import('./pages/cases/workbench/CaseSearchPage.tsx'), 'CaseSearchPage') },
          { path: 'cases/:id', element: page(() => import('./pages/cases/workbench/CaseWorkPage.tsx'), 'CaseWorkPage') },
          { path: 'licenses', element: page(() => import('./pages/licenses/IssuedLicensesPage.tsx'), 'IssuedLicensesPage') },
          { path: 'catalog/items', element: page(() => import('./pages/catalog-admin/ItemListPage.tsx'), 'ItemListPage') },
          { path: 'catalog/items/:id', element: page(() => import('./pages/catalog-admin/ItemEditorPage.tsx'), 'ItemEditorPage') },
          { path: 'catalog/bundles', element: page(() => import('./pages/catalog-admin/bundles/BundlesPage.tsx'), 'BundlesPage') },
          { path: 'catalog/import', element: page(() => import('./pages/catalog-admin/ImportPage.tsx'), 'ImportPage') },
          { path: 'queue/calling', element: page(() => import('./pages/queue/CallingPanelPage.tsx'), 'CallingPanelPage') },
          { path: 'queue/board', element: page(() => import('./pages/queue/QueueBoardPage.tsx'), 'QueueBoardPage') },
          { path: 'queue/config', element: page(() => import('./pages/queue/QueueConfigPage.tsx'), 'QueueConfigPage') },
          { path: 'queue/stats', element: page(() => import('./pages/queue/QueueStatsPage.tsx'), 'QueueStatsPage') },
          { path: 'calendar', element: page(() => import('./pages/calendar/CalendarYearPage.tsx'), 'CalendarYearPage') },
          { path: 'metrics', element: page(() => import('./pages/metrics/MetricsDashboardPage.tsx'), 'MetricsDashboardPage') },
          { path: 'metrics/windows', element: page(() => import('./pages/metrics/WindowsPage.tsx'), 'WindowsPage') },
          { path: 'calendar/deadline', element: page(() => import('./pages/calendar/DeadlinePage.tsx'), 'DeadlinePage') },
          { path: 'supervision', element: page(() => import('./pages/supervision/SupervisionConsolePage.tsx'), 'SupervisionConsolePage') },
          { path: 'supervision/orders', element: page(() => import('./pages/supervision/OrdersPage.tsx'), 'OrdersPage') },
          { path: 'supervision/orders/:id', element: page(() => import('./pages/supervision/OrderDetailPage.tsx'), 'OrderDetailPage') },
          { path: 'supervision/inbox', element: page(() => import('./pages/supervision/OrdersPage.tsx'), 'DepartmentOrdersPage') },
          { path: 'supervision/inbox/:id', element: page(() => import('./pages/supervision/OrderDetailPage.tsx'), 'DepartmentOrderPage') },
          { path: 'supervision/settings', element: page(() => import('./pages/supervision/ThresholdsPage.tsx'), 'ThresholdsPage') },
          { path: '*', element: page(() => import('./pages/NotFoundPage.tsx'), 'NotFoundPage') },
        ],
      },
    ],
  },
]);
