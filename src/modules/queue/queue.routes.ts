import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ServerResponse } from 'node:http';
import { Type } from 'typebox';
import { errors, IdParams, Nullable, Ok } from '../../server/schemas.ts';
import { handleWrite } from '../../server/write.ts';
import { AppError } from '../../server/errors.ts';
import { requireAccess } from '../../server/access.ts';
import { hallBoard } from './board.service.ts';
import { QueueHub, eventsAfter, type HallEvent, type HubMessage } from './live.ts';
import {
  actOnTicket,
  callNext,
  cancelOwnTicket,
  getTicket,
  issueTicket,
  loadSettingsOrThrow,
  myWindows,
  setWindowState,
  spendTicketRate,
  windowPanel,
  ticketApplicant,
} from './tickets.service.ts';
import {
  appointmentView,
  bookAppointment,
  bookMine,
  cancelAppointment,
  checkInAppointment,
  listSlots,
  myAppointments,
  rescheduleAppointment,
  spendBookingRate,
  sweepAppointmentNoShows,
} from './appointments.service.ts';
import {
  createCategory,
  deleteHallDay,
  getSettings,
  listCategories,
  listHallDays,
  listNotices,
  listQueueHalls,
  putHallDay,
  saveNotice,
  updateCategory,
  updateSettings,
} from './config.service.ts';
import { queueStatistics } from './stats.service.ts';
import { requireHallManager, requireStaffedWindow } from './queue-access.ts';
import { spendRate } from './protect.ts';
import {
  Appointment,
  Board,
  BookBody,
  BookMineBody,
  BookingCode,
  Category,
  CategoryCreate,
  CategoryUpdate,
  DateText,
  HoursSchema,
  IssuedTicket,
  Notice,
  NoticeBody,
  Settings,
  SettingsUpdate,
  Slots,
  Ticket,
  TicketActionBody,
  TicketCreate,
  WindowPanel,
} from './queue.schemas.ts';
import { hallClock, hallSettings } from './hall-time.ts';
import { ApplicantView } from '../identity/identity.schemas.ts';

const tags = ['queue'];
const HallParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2 ** 31 - 1 }) });
const publicWrite = { csrf: false };
const TokenBody = Type.Object({ token: Type.String({ minLength: 10, maxLength: 64 }) }, { additionalProperties: false });
const Stats = Type.Any();

/** Queue calling (叫号), appointments (预约) and the hall display's live stream. */
export const queueRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;
  const { db } = deps;
  const url = deps.config.databaseUrl ?? `postgres://postgres:postgres@127.0.0.1:${deps.config.embeddedPgPort}/postgres`;
  const hub = new QueueHub(url, (hallId) => hallBoard(db, hallId), app.log);
  const streams = new Set<ServerResponse>();
  const sweep = setInterval(() => void sweepAppointmentNoShows(db).catch((error) => app.log.error({ err: error }, 'appointment no-show sweep failed')), 60_000);
  sweep.unref();
  app.addHook('preClose', async () => {
    clearInterval(sweep);
    for (const s of streams) s.end();
    streams.clear();
  });
  app.addHook('onClose', async () => hub.stop());

  // ---- public: the kiosk, the phone page, the display ----

  app.get(
    '/queue/halls',
    {
      schema: {
        tags,
        summary: 'Halls that run a queue',
        response: {
          200: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), address: Nullable(Type.String()), openingHours: Nullable(Type.String()) })),
        },
      },
    },
    async () => listQueueHalls(db),
  );

  app.get(
    '/queue/halls/:id/categories',
    {
      schema: {
        tags,
        summary: 'Business categories of a hall (managers may ask for inactive ones too)',
        params: HallParams,
        querystring: Type.Object({ all: Type.Optional(Type.Boolean()) }),
        response: { 200: Type.Array(Category), ...errors },
      },
    },
    async (req) => {
      await loadSettingsOrThrow(db, req.params.id);
      if (req.query.all) await requireHallManager(db, req.actor, req.params.id);
      return listCategories(db, req.params.id, !!req.query.all);
    },
  );

  app.get(
    '/queue/halls/:id/board',
    { schema: { tags, summary: 'The hall display: waiting numbers, latest calls, windows, notices', params: HallParams, response: { 200: Board, ...errors } } },
    async (req) => hallBoard(db, req.params.id),
  );

  app.get(
    '/queue/halls/:id/events',
    {
      schema: {
        tags,
        summary: 'Server-Sent Events of a hall: `hall` events (calls, recalls, outcomes; with ids) and `board` snapshots. Send Last-Event-ID to catch up.',
        params: HallParams,
        querystring: Type.Object({ lastEventId: Type.Optional(Type.Integer({ minimum: 0 })) }),
        response: { ...errors },
      },
    },
    async (req, reply) => {
      const hallId = req.params.id;
      await loadSettingsOrThrow(db, hallId);
      const header = req.headers['last-event-id'];
      const fromHeader = typeof header === 'string' && /^\d{1,15}$/.test(header) ? Number(header) : undefined;
      const last = fromHeader ?? req.query.lastEventId;
      await hub.ensureListening();
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      raw.write('retry: 3000\n\n');
      streams.add(raw);
      let sent = last ?? 0;
      let ready = false;
      const buffered: HubMessage[] = [];
      const sendEvent = (e: HallEvent) => {
        if (e.id <= sent) return;
        sent = e.id;
        raw.write(`id: ${e.id}\nevent: hall\ndata: ${JSON.stringify(e)}\n\n`);
      };
      const send = (m: HubMessage) => {
        if (m.type === 'event') sendEvent(m.event);
        else raw.write(`event: board\ndata: ${JSON.stringify(m.board)}\n\n`);
      };
      const unsubscribe = hub.subscribe(hallId, (m) => (ready ? send(m) : buffered.push(m)));
      const heartbeat = setInterval(() => raw.write(': ping\n\n'), 20_000);
      heartbeat.unref();
      const cleanup = () => {
        clearInterval(heartbeat);
        unsubscribe();
        streams.delete(raw);
      };
      req.raw.on('close', cleanup);
      try {
        if (last !== undefined) for (const e of await eventsAfter(db, hallId, last)) sendEvent(e);
        const board = await hallBoard(db, hallId);
        if (last === undefined) {
          sent = board.lastEventId;
          raw.write(`id: ${board.lastEventId}\n`);
        }
        raw.write(`event: board\ndata: ${JSON.stringify(board)}\n\n`);
        ready = true;
        for (const m of buffered.splice(0)) send(m);
      } catch (error) {
        app.log.error({ err: error }, 'queue stream failed');
        raw.end();
      }
    },
  );

  app.post(
    '/queue/tickets',
    {
      config: publicWrite,
      schema: {
        tags,
        summary: 'Take a ticket at the kiosk or on a phone; keep `token` to follow it. Rate-limited per address and phone.',
        body: TicketCreate,
        response: { 201: IssuedTicket, ...errors, 429: errors[409] },
      },
    },
    async (req, reply) => {
      const s = await loadSettingsOrThrow(db, req.body.hallId);
      await spendTicketRate(deps, s, req.ip, req.body.phone);
      return handleWrite(db, req, reply, (ctx) => issueTicket(ctx, deps, req.body, { ip: req.ip }), 201);
    },
  );

  app.get(
    '/queue/tickets/:id/applicant',
    {
      schema: {
        tags,
        summary: '叫号到收件: the applicant a ticket the caller’s window called belongs to, by the ID number it was taken with (masked; null when none)',
        params: IdParams,
        response: {
          200: Type.Object({
            ticketId: Type.Integer(),
            code: Type.String(),
            windowId: Type.Integer(),
            status: Type.String(),
            hasIdNumber: Type.Boolean(),
            applicant: Nullable(ApplicantView),
          }),
          ...errors,
        },
      },
    },
    async (req) => ticketApplicant(deps, req.actor, req.params.id),
  );

  app.get(
    '/queue/tickets/:id',
    {
      schema: {
        tags,
        summary: "A ticket: its holder's view with the token, or the hall staff's",
        params: IdParams,
        querystring: Type.Object({ token: Type.Optional(Type.String({ maxLength: 64 })) }),
        response: { 200: Ticket, ...errors },
      },
    },
    async (req) => getTicket(db, req.actor, req.params.id, req.query.token),
  );

  app.post(
    '/queue/tickets/:id/cancel',
    {
      config: publicWrite,
      schema: { tags, summary: 'The holder gives a waiting ticket up', params: IdParams, body: TokenBody, response: { 200: Ticket, ...errors } },
    },
    async (req, reply) => handleWrite(db, req, reply, (ctx) => cancelOwnTicket(ctx, req.params.id, req.body.token)),
  );

  // ---- appointments (public) ----

  app.get(
    '/appointments/slots',
    {
      schema: {
        tags,
        summary: 'Bookable slots of a category on a date (closed on holidays)',
        querystring: Type.Object({ hall: Type.Integer({ minimum: 1 }), category: Type.Integer({ minimum: 1 }), date: DateText }),
        response: { 200: Slots, ...errors, 429: errors[409] },
      },
    },
    async (req) => {
      await spendRate(db, `slots:ip:${req.ip}`, 60, 300);
      return listSlots(db, { hallId: req.query.hall, categoryId: req.query.category, date: req.query.date });
    },
  );

  app.post(
    '/appointments',
    {
      config: publicWrite,
      schema: {
        tags,
        summary: 'Book a slot; the answer carries the booking code',
        body: BookBody,
        response: { 201: Appointment, ...errors, 429: errors[409] },
      },
    },
    async (req, reply) => {
      const s = await loadSettingsOrThrow(db, req.body.hallId);
      await spendBookingRate(deps, s, req.ip, req.body.phone);
      return handleWrite(db, req, reply, (ctx) => bookAppointment(ctx, deps, req.body, { ip: req.ip }), 201);
    },
  );

  // 我的预约: a signed-in applicant's bookings (a cookie write: CSRF-checked, unlike the public booking)
  app.post(
    '/appointments/mine',
    {
      schema: {
        tags,
        summary: 'Book a slot signed in: for oneself by one’s real-name identity, or naming who comes; listed under 我的预约',
        body: BookMineBody,
        response: { 201: Appointment, ...errors, 429: errors[409] },
      },
    },
    async (req, reply) => {
      const s = await loadSettingsOrThrow(db, req.body.hallId);
      await spendRate(db, `book:account:${req.actor?.accountId ?? req.ip}`, 3600, s.ipBookingsPerHour);
      return handleWrite(db, req, reply, (ctx) => bookMine(ctx, deps, req.body, { ip: req.ip }), 201);
    },
  );

  app.get(
    '/appointments/mine',
    {
      schema: {
        tags,
        summary: 'The signed-in applicant’s bookings: made by the account or under its ID number, the latest days first (at most 50)',
        response: { 200: Type.Array(Appointment), ...errors },
      },
    },
    async (req) => myAppointments(db, deps, req.actor),
  );

  app.get(
    '/appointments/:code',
    {
      schema: {
        tags,
        summary: 'A booking by its code (personal data masked)',
        params: BookingCode,
        response: { 200: Appointment, ...errors, 429: errors[409] },
      },
    },
    async (req) => {
      await spendRate(db, `lookup:ip:${req.ip}`, 60, 60);
      return appointmentView(db, req.params.code);
    },
  );

  app.post(
    '/appointments/:code/cancel',
    { config: publicWrite, schema: { tags, summary: 'Cancel a booking', params: BookingCode, response: { 200: Appointment, ...errors } } },
    async (req, reply) => handleWrite(db, req, reply, (ctx) => cancelAppointment(ctx, req.params.code)),
  );

  app.post(
    '/appointments/:code/reschedule',
    {
      config: publicWrite,
      schema: {
        tags,
        summary: 'Move a booking to another slot',
        params: BookingCode,
        body: Type.Object({ date: DateText, startMinute: Type.Integer({ minimum: 0, maximum: 1439 }) }, { additionalProperties: false }),
        response: { 200: Appointment, ...errors },
      },
    },
    async (req, reply) => handleWrite(db, req, reply, (ctx) => rescheduleAppointment(ctx, req.params.code, req.body)),
  );

  app.post(
    '/appointments/:code/check-in',
    {
      config: publicWrite,
      schema: {
        tags,
        summary: 'Check in at the kiosk: an appointment ticket',
        params: BookingCode,
        response: { 201: Type.Object({ appointment: Appointment, ticket: IssuedTicket }), ...errors },
      },
    },
    async (req, reply) => handleWrite(db, req, reply, (ctx) => checkInAppointment(ctx, deps, req.params.code, { ip: req.ip }), 201),
  );

  // ---- the window clerk ----

  app.get(
    '/queue/my-windows',
    {
      schema: {
        tags,
        summary: 'Windows the caller staffs (A or B post)',
        response: {
          200: Type.Array(
            Type.Object({
              windowId: Type.Integer(),
              number: Type.String(),
              name: Type.String(),
              post: Type.String(),
              hallId: Type.Integer(),
              hallName: Type.String(),
            }),
          ),
          ...errors,
        },
      },
    },
    async (req) => {
      requireAccess(req.actor, 'queue.call');
      return myWindows(db, req.actor);
    },
  );

  app.get(
    '/queue/windows/:id',
    { schema: { tags, summary: "A window's calling panel", params: IdParams, response: { 200: WindowPanel, ...errors } } },
    async (req) => {
      await requireStaffedWindow(db, req.actor, req.params.id);
      return windowPanel(db, req.params.id);
    },
  );

  app.post(
    '/queue/windows/:id/call-next',
    {
      schema: {
        tags,
        summary: 'Call the next ticket: green channel, appointments in their slot, then arrival order',
        params: IdParams,
        response: { 200: Type.Object({ ticket: Nullable(Ticket) }), ...errors },
      },
    },
    async (req, reply) =>
      handleWrite(db, req, reply, async (ctx) => {
        const w = await requireStaffedWindow(ctx.tx, ctx.actor, req.params.id);
        return callNext(ctx, w);
      }),
  );

  app.post(
    '/queue/windows/:id/state',
    {
      schema: {
        tags,
        summary: 'Open, pause, resume or close a window for calling',
        params: IdParams,
        body: Type.Object(
          { action: Type.Union([Type.Literal('open'), Type.Literal('pause'), Type.Literal('resume'), Type.Literal('close')]) },
          { additionalProperties: false },
        ),
        response: { 200: WindowPanel, ...errors },
      },
    },
    async (req, reply) =>
      handleWrite(db, req, reply, async (ctx) => {
        const w = await requireStaffedWindow(ctx.tx, ctx.actor, req.params.id);
        return setWindowState(ctx, w, req.body.action);
      }),
  );

  app.post(
    '/queue/tickets/:id/actions',
    {
      schema: {
        tags,
        summary: 'Recall, start, no-show, skip, transfer, finish (with the case filed) or link a case, at the window that called it',
        params: IdParams,
        body: TicketActionBody,
        response: { 200: Ticket, ...errors },
      },
    },
    async (req, reply) =>
      handleWrite(db, req, reply, async (ctx) => {
        const w = await requireStaffedWindow(ctx.tx, ctx.actor, req.body.windowId);
        const b = req.body;
        const action =
          b.action === 'transfer'
            ? { action: 'transfer' as const, categoryId: b.categoryId, windowId: b.toWindowId }
            : b.action === 'finish'
              ? { action: 'finish' as const, caseId: b.caseId ?? null }
              : b.action === 'link_case'
                ? (() => {
                    if (!b.caseId) throw new AppError('VALIDATION_FAILED', { field: 'caseId', reason: 'required' });
                    return { action: 'link_case' as const, caseId: b.caseId };
                  })()
                : { action: b.action };
        return actOnTicket(ctx, deps, w, req.params.id, action, b.expectedVersion);
      }),
  );

  // ---- the center administrator ----

  app.post(
    '/queue/halls/:id/categories',
    { schema: { tags, summary: 'Add a business category', params: HallParams, body: CategoryCreate, response: { 201: Category, ...errors } } },
    async (req, reply) => handleWrite(db, req, reply, (ctx) => createCategory(ctx, req.params.id, req.body), 201),
  );

  app.patch(
    '/queue/categories/:id',
    {
      schema: {
        tags,
        summary: 'Change a business category (windows, limits, capacity)',
        params: IdParams,
        body: CategoryUpdate,
        response: { 200: Category, ...errors },
      },
    },
    async (req, reply) => handleWrite(db, req, reply, (ctx) => updateCategory(ctx, req.params.id, req.body)),
  );

  app.get(
    '/queue/halls/:id/settings',
    { schema: { tags, summary: "A hall's queue settings", params: HallParams, response: { 200: Settings, ...errors } } },
    async (req) => getSettings(db, req.actor, req.params.id),
  );

  app.put(
    '/queue/halls/:id/settings',
    {
      schema: {
        tags,
        summary: "Change a hall's queue settings (version 0 the first time)",
        params: HallParams,
        body: SettingsUpdate,
        response: { 200: Settings, ...errors },
      },
    },
    async (req, reply) => handleWrite(db, req, reply, (ctx) => updateSettings(ctx, req.params.id, req.body)),
  );

  const Day = Type.Object({
    date: Type.String(),
    hours: HoursSchema,
    note: Type.String(),
    isHoliday: Type.Boolean(),
    holidayName: Nullable(Type.String()),
    isWorkday: Type.Boolean(),
  });
  app.get(
    '/queue/halls/:id/days',
    {
      schema: {
        tags,
        summary: 'Days with their own hours (extended service, shorter days)',
        params: HallParams,
        response: { 200: Type.Array(Day), ...errors },
      },
    },
    async (req) => listHallDays(db, req.actor, req.params.id),
  );

  const DayParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2 ** 31 - 1 }), date: DateText });
  app.put(
    '/queue/halls/:id/days/:date',
    {
      schema: {
        tags,
        summary: "Set a day's hours; [] closes it; holidays stay closed",
        params: DayParams,
        body: Type.Object({ hours: HoursSchema, note: Type.Optional(Type.String({ maxLength: 100 })) }, { additionalProperties: false }),
        response: { 200: Type.Any(), ...errors },
      },
    },
    async (req, reply) => handleWrite(db, req, reply, (ctx) => putHallDay(ctx, req.params.id, req.params.date, req.body)),
  );

  app.delete(
    '/queue/halls/:id/days/:date',
    { schema: { tags, summary: "Back to the hall's usual hours on a day", params: DayParams, response: { 200: Ok, ...errors } } },
    async (req, reply) => handleWrite(db, req, reply, (ctx) => deleteHallDay(ctx, req.params.id, req.params.date)),
  );

  app.get(
    '/queue/halls/:id/notices',
    { schema: { tags, summary: 'Notices of a hall (all, for its managers)', params: HallParams, response: { 200: Type.Array(Notice), ...errors } } },
    async (req) => {
      await requireHallManager(db, req.actor, req.params.id);
      return listNotices(db, req.params.id, false);
    },
  );

  app.post(
    '/queue/halls/:id/notices',
    { schema: { tags, summary: 'Add a notice to the hall display', params: HallParams, body: NoticeBody, response: { 201: Notice, ...errors } } },
    async (req, reply) => handleWrite(db, req, reply, (ctx) => saveNotice(ctx, req.params.id, null, req.body), 201),
  );

  app.put(
    '/queue/halls/:id/notices/:noticeId',
    {
      schema: {
        tags,
        summary: 'Change a notice',
        params: Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2 ** 31 - 1 }), noticeId: Type.Integer({ minimum: 1 }) }),
        body: NoticeBody,
        response: { 200: Notice, ...errors },
      },
    },
    async (req, reply) => handleWrite(db, req, reply, (ctx) => saveNotice(ctx, req.params.id, req.params.noticeId, req.body)),
  );

  app.get(
    '/queue/halls/:id/tickets',
    {
      schema: {
        tags,
        summary: "The live queue board: today's open tickets of a hall",
        params: HallParams,
        querystring: Type.Object({ status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('all')])) }),
        response: { 200: Type.Array(Type.Any()), ...errors },
      },
    },
    async (req) => {
      await requireHallManager(db, req.actor, req.params.id);
      const s = (await hallSettings(db, req.params.id))!;
      const { todayText } = await hallClock(db, s);
      let q = db
        .selectFrom('queue_ticket as t')
        .innerJoin('queue_category as c', 'c.id', 't.category_id')
        .leftJoin('service_window as w', 'w.id', 't.window_id')
        .select([
          't.id',
          't.code',
          't.status',
          't.channel',
          't.is_green',
          't.issued_at',
          't.called_at',
          't.id_mask',
          'c.prefix',
          'c.name as category_name',
          'w.number as window_number',
        ])
        .where('t.hall_id', '=', req.params.id)
        .where('t.day', '=', todayText);
      if (req.query.status !== 'all') q = q.where('t.status', 'in', ['waiting', 'called', 'serving']);
      const rows = await q.orderBy('t.issued_at').limit(1000).execute();
      return rows.map((r) => ({
        id: r.id,
        code: r.code,
        status: r.status,
        channel: r.channel,
        isGreen: r.is_green,
        issuedAt: r.issued_at.toISOString(),
        calledAt: r.called_at?.toISOString() ?? null,
        idNumber: r.id_mask,
        categoryPrefix: r.prefix,
        categoryName: r.category_name,
        windowNumber: r.window_number,
      }));
    },
  );

  app.get(
    '/queue/halls/:id/statistics',
    {
      schema: {
        tags,
        summary: 'Tickets per category and hour, average and P90 wait, service time per window, no-show rate, appointment uptake',
        params: HallParams,
        querystring: Type.Object({ from: DateText, to: DateText }),
        response: { 200: Stats, ...errors },
      },
    },
    async (req) => queueStatistics(db, req.actor, { hallId: req.params.id, ...req.query }),
  );
};
