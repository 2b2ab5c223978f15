import { Type, type Static } from 'typebox';
import { Nullable } from '../../server/schemas.ts';

const strict = { additionalProperties: false } as const;
export const DateText = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
export const HoursSchema = Type.Array(Type.Tuple([Type.Integer({ minimum: 0, maximum: 1440 }), Type.Integer({ minimum: 0, maximum: 1440 })]), { maxItems: 6 });
const IdNumber = Type.String({ minLength: 15, maxLength: 18, pattern: '^[0-9]{17}[0-9Xx]$|^[0-9]{15}$' });
const Phone = Type.String({ minLength: 11, maxLength: 11, pattern: '^1[0-9]{10}$' });

export const TicketCreate = Type.Object(
  {
    hallId: Type.Integer({ minimum: 1 }),
    categoryId: Type.Integer({ minimum: 1 }),
    channel: Type.Union([Type.Literal('kiosk'), Type.Literal('phone')]),
    idNumber: Type.Optional(IdNumber),
    phone: Type.Optional(Phone),
  },
  strict,
);
export type TicketCreate = Static<typeof TicketCreate>;

const ticketFields = {
  id: Type.Integer(),
  hallId: Type.Integer(),
  hallName: Type.String(),
  day: Type.String(),
  categoryId: Type.Integer(),
  categoryPrefix: Type.String(),
  categoryName: Type.String(),
  categoryNameEn: Type.String(),
  number: Type.Integer(),
  code: Type.String(),
  channel: Type.String(),
  status: Type.String(),
  isGreen: Type.Boolean(),
  appointmentFrom: Nullable(Type.String()),
  appointmentUntil: Nullable(Type.String()),
  issuedAt: Type.String(),
  calledAt: Nullable(Type.String()),
  callCount: Type.Integer(),
  windowId: Nullable(Type.Integer()),
  windowNumber: Nullable(Type.String()),
  ahead: Type.Integer(),
  estimatedWaitMinutes: Type.Integer(),
  isNear: Type.Boolean(),
  nearThreshold: Type.Integer(),
  idNumber: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  caseId: Nullable(Type.Integer()),
  version: Type.Integer(),
};
export const Ticket = Type.Object(ticketFields);
export const IssuedTicket = Type.Object({ ...ticketFields, token: Type.String() });

export const TicketActionBody = Type.Object(
  {
    windowId: Type.Integer({ minimum: 1 }),
    action: Type.Union([
      Type.Literal('recall'),
      Type.Literal('start'),
      Type.Literal('no_show'),
      Type.Literal('skip'),
      Type.Literal('transfer'),
      Type.Literal('finish'),
      Type.Literal('link_case'),
    ]),
    categoryId: Type.Optional(Type.Integer({ minimum: 1 })),
    toWindowId: Type.Optional(Type.Integer({ minimum: 1 })),
    caseId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
    expectedVersion: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  strict,
);
export type TicketActionBody = Static<typeof TicketActionBody>;

const WaitingTicket = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  categoryId: Type.Integer(),
  isGreen: Type.Boolean(),
  isAppointment: Type.Boolean(),
  isTransferredHere: Type.Boolean(),
  queuedAt: Type.String(),
  idNumber: Nullable(Type.String()),
});
export const WindowPanel = Type.Object({
  windowId: Type.Integer(),
  hallId: Type.Integer(),
  hallName: Type.String(),
  number: Type.String(),
  name: Type.String(),
  state: Type.String(),
  current: Nullable(Ticket),
  categories: Type.Array(Type.Object({ id: Type.Integer(), prefix: Type.String(), name: Type.String(), nameEn: Type.String(), isGreen: Type.Boolean() })),
  waiting: Type.Array(WaitingTicket),
  servedToday: Type.Integer(),
});

export const Category = Type.Object({
  id: Type.Integer(),
  hallId: Type.Integer(),
  prefix: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  isGreen: Type.Boolean(),
  dailyLimit: Nullable(Type.Integer()),
  avgServiceMinutes: Type.Integer(),
  slotCapacityPerWindow: Type.Integer(),
  isBookable: Type.Boolean(),
  isActive: Type.Boolean(),
  sort: Type.Integer(),
  windows: Type.Array(Type.Object({ id: Type.Integer(), number: Type.String() })),
  version: Type.Integer(),
});

const categoryFields = {
  prefix: Type.String({ pattern: '^[A-Z]$' }),
  name: Type.String({ minLength: 1, maxLength: 50 }),
  nameEn: Type.Optional(Type.String({ maxLength: 80 })),
  isGreen: Type.Optional(Type.Boolean()),
  dailyLimit: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 9999 }))),
  avgServiceMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 240 })),
  slotCapacityPerWindow: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
  isBookable: Type.Optional(Type.Boolean()),
  isActive: Type.Optional(Type.Boolean()),
  sort: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
  windowIds: Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 200 }),
};
export const CategoryCreate = Type.Object(categoryFields, strict);
export const CategoryUpdate = Type.Object(
  {
    ...categoryFields,
    prefix: Type.Optional(categoryFields.prefix),
    name: Type.Optional(categoryFields.name),
    windowIds: Type.Optional(categoryFields.windowIds),
    version: Type.Integer({ minimum: 1 }),
  },
  strict,
);

export const Settings = Type.Object({
  hallId: Type.Integer(),
  slotMinutes: Type.Integer(),
  bookingDays: Type.Integer(),
  nearThreshold: Type.Integer(),
  ipTicketsPerHour: Type.Integer(),
  phoneTicketsPerDay: Type.Integer(),
  ipBookingsPerHour: Type.Integer(),
  noShowLimit: Type.Integer(),
  officeHours: Nullable(HoursSchema),
  enforceHours: Type.Boolean(),
  version: Type.Integer(),
  calendarOfficeHours: HoursSchema,
  today: Type.String(),
});
export const SettingsUpdate = Type.Object(
  {
    slotMinutes: Type.Optional(Type.Union([Type.Literal(10), Type.Literal(15), Type.Literal(20), Type.Literal(30), Type.Literal(60)])),
    bookingDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 60 })),
    nearThreshold: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
    ipTicketsPerHour: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
    phoneTicketsPerDay: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
    ipBookingsPerHour: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
    noShowLimit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    officeHours: Type.Optional(Nullable(HoursSchema)),
    enforceHours: Type.Optional(Type.Boolean()),
    version: Type.Integer({ minimum: 0 }),
  },
  strict,
);

export const Notice = Type.Object({
  id: Type.Integer(),
  text: Type.String(),
  textEn: Type.String(),
  startsOn: Nullable(Type.String()),
  endsOn: Nullable(Type.String()),
  isActive: Type.Boolean(),
  version: Type.Integer(),
});
export const NoticeBody = Type.Object(
  {
    text: Type.String({ minLength: 1, maxLength: 300 }),
    textEn: Type.Optional(Type.String({ maxLength: 500 })),
    startsOn: Type.Optional(Nullable(DateText)),
    endsOn: Type.Optional(Nullable(DateText)),
    isActive: Type.Optional(Type.Boolean()),
    version: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  strict,
);

export const BookBody = Type.Object(
  {
    hallId: Type.Integer({ minimum: 1 }),
    categoryId: Type.Integer({ minimum: 1 }),
    date: DateText,
    startMinute: Type.Integer({ minimum: 0, maximum: 1439 }),
    name: Type.String({ minLength: 1, maxLength: 50 }),
    idNumber: IdNumber,
    phone: Phone,
  },
  strict,
);
export type BookBody = Static<typeof BookBody>;

/** 我的预约: who comes is the account's own person unless `name` and `idNumber` say otherwise; `phone` overrides its phone. */
export const BookMineBody = Type.Object(
  {
    hallId: Type.Integer({ minimum: 1 }),
    categoryId: Type.Integer({ minimum: 1 }),
    date: DateText,
    startMinute: Type.Integer({ minimum: 0, maximum: 1439 }),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    idNumber: Type.Optional(IdNumber),
    phone: Type.Optional(Phone),
  },
  strict,
);

export const Appointment = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  hallId: Type.Integer(),
  hallName: Type.String(),
  hallAddress: Nullable(Type.String()),
  categoryId: Type.Integer(),
  categoryPrefix: Type.String(),
  categoryName: Type.String(),
  categoryNameEn: Type.String(),
  date: Type.String(),
  startMinute: Type.Integer(),
  endMinute: Type.Integer(),
  status: Type.String(),
  name: Type.String(),
  idNumber: Type.String(),
  phone: Type.String(),
  ticketId: Nullable(Type.Integer()),
  ticketCode: Nullable(Type.String()),
  createdAt: Type.String(),
  version: Type.Integer(),
});

export const Slots = Type.Object({
  hallId: Type.Integer(),
  categoryId: Type.Integer(),
  date: Type.String(),
  slotMinutes: Type.Integer(),
  open: Type.Boolean(),
  closedReason: Nullable(Type.String()),
  closedName: Nullable(Type.String()),
  extended: Type.Boolean(),
  slots: Type.Array(
    Type.Object({
      start: Type.Integer(),
      end: Type.Integer(),
      capacity: Type.Integer(),
      booked: Type.Integer(),
      available: Type.Integer(),
      isPast: Type.Boolean(),
    }),
  ),
});

/** The hall display and the live board (`GET /queue/halls/{id}/board` and the stream's `board` events). */
export const Board = Type.Object({
  hallId: Type.Integer(),
  hallName: Type.String(),
  day: Type.String(),
  serverTime: Type.String(),
  /** The calendar (with the hall's own days) opens the hall today. */
  open: Type.Boolean(),
  /** Tickets are issued today: the hall is open, or it does not enforce its hours. */
  issuing: Type.Boolean(),
  hours: HoursSchema,
  closedReason: Nullable(Type.Union([Type.Literal('holiday'), Type.Literal('weekend'), Type.Literal('outside_calendar')])),
  closedName: Nullable(Type.String()),
  lastEventId: Type.Integer(),
  categories: Type.Array(
    Type.Object({
      id: Type.Integer(),
      prefix: Type.String(),
      name: Type.String(),
      nameEn: Type.String(),
      isGreen: Type.Boolean(),
      waiting: Type.Integer(),
      issued: Type.Integer(),
      lastCalled: Nullable(Type.String()),
    }),
  ),
  recentCalls: Type.Array(
    Type.Object({
      eventId: Type.Integer(),
      kind: Type.Union([Type.Literal('call'), Type.Literal('recall')]),
      ticketId: Type.Integer(),
      windowId: Type.Integer(),
      code: Type.String(),
      windowNumber: Type.String(),
      at: Type.String(),
    }),
  ),
  windows: Type.Array(
    Type.Object({
      id: Type.Integer(),
      number: Type.String(),
      name: Type.String(),
      state: Type.Union([Type.Literal('open'), Type.Literal('paused'), Type.Literal('closed')]),
      current: Nullable(Type.String()),
    }),
  ),
  notices: Type.Array(Type.Object({ id: Type.Integer(), text: Type.String(), textEn: Type.String() })),
});
export type Board = Static<typeof Board>;

export const BookingCode = Type.Object({ code: Type.String({ pattern: '^[0-9A-Z]{10}$' }) });
