import type { FastifyPluginAsync } from 'fastify';
import { identityRoutes } from './identity/identity.routes.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { orgRoutes } from './org/org.routes.ts';
import { notifyRoutes } from './notify/notify.routes.ts';
import { calendarRoutes } from './calendar/calendar.routes.ts';
import { catalogRoutes } from './catalog/catalog.routes.ts';
import { casesRoutes } from './cases/cases.routes.ts';
import { filesRoutes } from './files/files.routes.ts';
import { queueRoutes } from './queue/queue.routes.ts';
import { metricsRoutes } from './metrics/metrics.routes.ts';
import { registerCaseNotifications } from './cases/cases.notifications.ts';
import { caseFeesRoutes } from './cases/fees.routes.ts';
import { registerCaseDocuments } from './cases/documents.ts';
import { registerFiscalBills } from './cases/fiscal-bills.ts';
import { registerNotifyHandlers } from './notify/notify.handlers.ts';
import { supervisionRoutes } from './supervision/supervision.routes.ts';
import { registerSupervisionHandlers } from './supervision/supervision.handlers.ts';

/** The one list of modules the server registers (routes under /api/v1). */
export const registerModules: FastifyPluginAsync = async (app) => {
  registerNotifyHandlers(app.deps);
  registerCaseNotifications(app.deps);
  registerCaseDocuments(app.deps);
  registerFiscalBills(app.deps);
  registerSupervisionHandlers();
  await app.register(identityRoutes);
  await app.register(auditRoutes);
  await app.register(orgRoutes);
  await app.register(notifyRoutes);
  await app.register(calendarRoutes);
  await app.register(catalogRoutes);
  await app.register(casesRoutes);
  await app.register(caseFeesRoutes);
  await app.register(filesRoutes);
  await app.register(queueRoutes);
  await app.register(metricsRoutes);
  await app.register(supervisionRoutes);
};
