import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, Popconfirm, Radio, Result, Select, Skeleton, Space, Table, Tag } from 'antd';
import { Link, useLocation, useSearchParams } from 'react-router';
import { useMe } from '../../api/auth.ts';
import { useLocale, useT, type TFunction } from '../../i18n/index.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyHint } from '../../components/Feedback.tsx';
import { useAppointment, useAppointmentCommands, useCategories, useMyAppointments, useQueueHalls, useSlots, type Appointment } from './queue-api.ts';
import { errorText, hhmm, todayInChina, useCategoryName } from './queue-shared.tsx';
import { formatDay } from '../../i18n/format.ts';

const weekdayKeys = ['q.wd.0', 'q.wd.1', 'q.wd.2', 'q.wd.3', 'q.wd.4', 'q.wd.5', 'q.wd.6'] as const;

/** Date buttons and the slot grid of one category: used to book and to reschedule. */
function SlotPicker({
  hallId,
  categoryId,
  value,
  onChange,
}: {
  hallId: number;
  categoryId: number;
  value: { date: string; start: number } | null;
  onChange(v: { date: string; start: number }): void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const [date, setDate] = useState(value?.date ?? todayInChina(1));
  const slots = useSlots({ hall: hallId, category: categoryId, date });
  const days = Array.from({ length: 8 }, (_, i) => todayInChina(i));
  return (
    <div>
      <div className="q-dates" role="radiogroup" aria-label={t('q.book.date')}>
        {days.map((d) => (
          <button
            key={d}
            type="button"
            role="radio"
            aria-checked={d === date}
            className={`q-date${d === date ? ' is-selected' : ''}`}
            onClick={() => setDate(d)}
            data-testid={`book-date-${d}`}
          >
            <span>{formatDay(d, locale, true)}</span>
            <span className="q-muted">{t(weekdayKeys[new Date(`${d}T00:00:00Z`).getUTCDay()]!)}</span>
          </button>
        ))}
      </div>
      {slots.isPending ? (
        <Skeleton active />
      ) : slots.isError ? (
        <Alert type="error" message={errorText(t, slots.error)} />
      ) : !slots.data.open ? (
        <Alert
          type="info"
          showIcon
          data-testid="book-closed"
          message={slots.data.closedReason === 'holiday' ? t('q.book.holiday', { name: slots.data.closedName ?? '' }) : t('q.book.closed')}
        />
      ) : (
        <>
          {slots.data.extended && <Tag color="purple">{t('q.book.extended')}</Tag>}
          <div className="q-slots" role="radiogroup" aria-label={t('q.book.slot')}>
            {slots.data.slots.map((s) => {
              const selected = value?.date === date && value.start === s.start;
              return (
                <button
                  key={s.start}
                  type="button"
                  role="radio"
                  aria-checked={selected}
                  disabled={s.available <= 0}
                  className={`q-slot${selected ? ' is-selected' : ''}`}
                  onClick={() => onChange({ date, start: s.start })}
                  data-testid={`slot-${hhmm(s.start)}`}
                >
                  <span>
                    {hhmm(s.start)}–{hhmm(s.end)}
                  </span>
                  <span className="q-muted">{s.isPast ? t('q.book.past') : s.available > 0 ? t('q.book.left', { n: s.available }) : t('q.book.full')}</span>
                </button>
              );
            })}
          </div>
        </>
      )}
    </div>
  );
}

/** A booking with its commands; `compact` (in the list of one's own) leaves out who comes and the check-in hint. */
function AppointmentCard({ a, onChanged, compact = false }: { a: Appointment; onChanged(a: Appointment): void; compact?: boolean }) {
  const t = useT();
  const { locale } = useLocale();
  const nameOf = useCategoryName();
  const { cancel, reschedule } = useAppointmentCommands();
  const [moving, setMoving] = useState(false);
  const [target, setTarget] = useState<{ date: string; start: number } | null>(null);
  const error = cancel.error ?? reschedule.error;
  return (
    <Card data-testid="appointment-card" size={compact ? 'small' : 'default'}>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('q.bookingCode')}>
          <strong className="q-code" data-testid="appointment-code">
            {a.code}
          </strong>
        </Descriptions.Item>
        <Descriptions.Item label={t('q.status')}>
          <Tag data-testid="appointment-status">{t(`q.appt.${a.status}`)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('q.hall')}>
          {a.hallName}
          {a.hallAddress && !compact ? ` · ${a.hallAddress}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('q.category')}>{nameOf({ name: a.categoryName, nameEn: a.categoryNameEn })}</Descriptions.Item>
        <Descriptions.Item label={t('q.book.time')}>
          {formatDay(a.date, locale)} {hhmm(a.startMinute)}–{hhmm(a.endMinute)}
        </Descriptions.Item>
        <Descriptions.Item label={t('q.book.name')}>{a.name}</Descriptions.Item>
        {!compact && <Descriptions.Item label={t('q.idNumber')}>{a.idNumber}</Descriptions.Item>}
        {!compact && <Descriptions.Item label={t('q.phone')}>{a.phone}</Descriptions.Item>}
        {a.ticketCode && <Descriptions.Item label={t('q.number')}>{a.ticketCode}</Descriptions.Item>}
      </Descriptions>
      {a.status === 'booked' && !compact && <Alert className="q-gap" type="info" showIcon message={t('q.book.checkInHint')} />}
      {error && <Alert className="q-gap" type="error" message={errorText(t, error)} />}
      {a.status === 'booked' && (
        <Space className="q-gap" wrap>
          <Button onClick={() => setMoving(!moving)} data-testid="appointment-reschedule">
            {t('q.book.reschedule')}
          </Button>
          <Popconfirm
            title={t('q.book.cancelConfirm')}
            // told once it is done even when the list it sits in has moved it meanwhile (a per-call onSuccess is not)
            onConfirm={() => cancel.mutateAsync(a.code).then(onChanged, () => undefined)}
            okText={t('q.confirm')}
            cancelText={t('action.cancel')}
          >
            <Button danger loading={cancel.isPending} data-testid="appointment-cancel">
              {t('q.book.cancel')}
            </Button>
          </Popconfirm>
        </Space>
      )}
      {moving && a.status === 'booked' && (
        <div className="q-gap">
          <SlotPicker hallId={a.hallId} categoryId={a.categoryId} value={target} onChange={setTarget} />
          <Button
            type="primary"
            className="q-gap"
            disabled={!target}
            loading={reschedule.isPending}
            onClick={() =>
              target &&
              reschedule.mutateAsync({ code: a.code, date: target.date, startMinute: target.start }).then(
                (r) => {
                  setMoving(false);
                  onChanged(r);
                },
                () => undefined,
              )
            }
          >
            {t('q.book.moveHere')}
          </Button>
        </div>
      )}
    </Card>
  );
}

/**
 * 我的预约: a signed-in applicant's bookings — what is still to come as cards to cancel or move, the rest in a table,
 * the latest days first.
 */
function MyBookings({ onChanged }: { onChanged(a: Appointment): void }) {
  const t = useT();
  const { locale } = useLocale();
  const nameOf = useCategoryName();
  // every booking, cancellation or move reloads the list (useAppointmentCommands)
  const mine = useMyAppointments(true);
  if (mine.isPending) return <Skeleton active />;
  if (mine.isError)
    return <Alert type="error" message={errorText(t, mine.error)} action={<Button onClick={() => void mine.refetch()}>{t('action.retry')}</Button>} />;
  const today = todayInChina(0);
  const list = mine.data;
  const coming = list.filter((a) => a.status === 'booked' && a.date >= today).reverse();
  const earlier = list.filter((a) => !coming.includes(a));
  return (
    <div data-testid="my-bookings">
      <p className="q-muted">{t('q.book.myHint')}</p>
      {list.length === 0 && <EmptyHint text={t('q.book.myEmpty')} />}
      <Space direction="vertical" className="q-full">
        {coming.map((a) => (
          <AppointmentCard key={a.code} a={a} onChanged={onChanged} compact />
        ))}
      </Space>
      {earlier.length > 0 && (
        <Table<Appointment>
          className="q-gap"
          size="small"
          rowKey="code"
          pagination={false}
          dataSource={earlier}
          title={() => t('q.book.myPast')}
          data-testid="my-bookings-past"
          columns={[
            {
              title: t('q.book.time'),
              key: 'time',
              // the day over its slot: neither breaks inside
              render: (_v, a) => (
                <>
                  <div className="q-nowrap">{formatDay(a.date, locale)}</div>
                  <div className="q-nowrap">
                    {hhmm(a.startMinute)}–{hhmm(a.endMinute)}
                  </div>
                </>
              ),
            },
            { title: t('q.category'), key: 'category', render: (_v, a) => nameOf({ name: a.categoryName, nameEn: a.categoryNameEn }) },
            { title: t('q.book.name'), dataIndex: 'name' },
            { title: t('q.status'), dataIndex: 'status', render: (v: Appointment['status']) => <Tag>{t(`q.appt.${v}`)}</Tag> },
            { title: t('q.bookingCode'), dataIndex: 'code', render: (v: string) => <span className="mono">{v}</span> },
          ]}
        />
      )}
    </div>
  );
}

/** Look a booking up by its code, to cancel or move it. */
function ByCode() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const [lookup, setLookup] = useState(params.get('code') ?? '');
  const found = useAppointment(params.get('code'));
  const [shown, setShown] = useState<Appointment | null>(null);
  return (
    <>
      <Space.Compact className="q-full">
        <Input
          value={lookup}
          onChange={(e) => setLookup(e.target.value.toUpperCase())}
          placeholder={t('q.bookingCode')}
          maxLength={10}
          data-testid="lookup-code"
        />
        <Button
          type="primary"
          onClick={() => {
            setShown(null);
            setParams({ code: lookup });
          }}
          disabled={!/^[0-9A-Z]{10}$/.test(lookup)}
          data-testid="lookup-submit"
        >
          {t('q.book.lookup')}
        </Button>
      </Space.Compact>
      <div className="q-gap">
        {found.isFetching && !found.data ? <Skeleton active /> : found.isError ? <Alert type="error" message={errorText(t, found.error)} /> : null}
        {(shown ?? found.data) && <AppointmentCard a={(shown ?? found.data)!} onChanged={setShown} />}
      </div>
    </>
  );
}

type Who = { name?: string; idNumber?: string; phone?: string };

/** The heading over the booking just made: it says what became of it since (cancelled from the list beside it, say). */
function bookedHeading(t: TFunction, status: Appointment['status']): { status: 'success' | 'info' | 'warning'; title: string; subTitle?: string } {
  switch (status) {
    case 'booked':
      return { status: 'success', title: t('q.book.done'), subTitle: t('q.book.doneText') };
    case 'cancelled':
      return { status: 'info', title: t('q.book.cancelledTitle'), subTitle: t('q.book.cancelledText') };
    case 'checked_in':
      return { status: 'success', title: t('q.book.checkedInTitle') };
    case 'no_show':
      return { status: 'warning', title: t('q.book.noShowTitle') };
  }
}

/** 预约办事: book a time at a hall; signed in, for oneself without typing and listed under 我的预约; else found by its code. */
export function AppointmentPage() {
  const t = useT();
  const location = useLocation();
  const me = useMe();
  const applicant = me.data?.kind === 'applicant' ? me.data.applicant : null;
  const halls = useQueueHalls();
  const [hallId, setHallId] = useState<number | undefined>();
  const hall = hallId ?? halls.data?.[0]?.id;
  const categories = useCategories(hall);
  const [categoryId, setCategoryId] = useState<number | undefined>();
  const [slot, setSlot] = useState<{ date: string; start: number } | null>(null);
  const { book, bookMine } = useAppointmentCommands();
  const booking = applicant ? bookMine : book;
  const [booked, setBooked] = useState<Appointment | null>(null);
  // signed in as a person: for oneself unless someone else is named; an enterprise names who comes
  const [forOther, setForOther] = useState(false);
  const self = !!applicant && applicant.kind === 'person' && !forOther;
  const nameOf = useCategoryName();
  const bookable = (categories.data ?? []).filter((c) => c.isBookable);

  const submit = (v: Who) => {
    if (!hall || !categoryId || !slot) return;
    const at = { hallId: hall, categoryId, date: slot.date, startMinute: slot.start };
    if (applicant) bookMine.mutate(self ? { ...at, phone: v.phone || undefined } : { ...at, ...v }, { onSuccess: setBooked });
    else book.mutate({ ...at, name: v.name!, idNumber: v.idNumber!, phone: v.phone! }, { onSuccess: setBooked });
  };

  return (
    <div className="q-book" data-testid="appointment-page">
      <PageHeader title={t('q.book.title')} subtitle={t('q.book.subtitle')} />
      <div className="q-book-cols">
        <Card title={t('q.book.new')}>
          {booked ? (
            <Result
              {...bookedHeading(t, booked.status)}
              extra={[
                <AppointmentCard key="card" a={booked} onChanged={setBooked} />,
                <Button
                  key="again"
                  onClick={() => {
                    setBooked(null);
                    setSlot(null);
                    booking.reset();
                  }}
                >
                  {t('q.book.another')}
                </Button>,
              ]}
            />
          ) : halls.isPending || me.isPending ? (
            <Skeleton active />
          ) : halls.isError ? (
            <Alert type="error" message={errorText(t, halls.error)} />
          ) : !halls.data.length ? (
            <EmptyHint text={t('q.noHalls')} />
          ) : (
            <Form layout="vertical" onFinish={submit} requiredMark={false}>
              {!me.data && (
                <Alert
                  type="info"
                  showIcon
                  className="q-gap-bottom"
                  data-testid="book-sign-in-hint"
                  message={t('q.book.signInHint')}
                  action={<Link to={`/login?next=${encodeURIComponent(location.pathname)}`}>{t('q.book.signIn')}</Link>}
                />
              )}
              <Form.Item label={t('q.hall')}>
                <Select
                  value={hall}
                  onChange={(v) => {
                    setHallId(v);
                    setCategoryId(undefined);
                    setSlot(null);
                  }}
                  options={halls.data.map((h) => ({ value: h.id, label: h.name }))}
                  data-testid="book-hall"
                />
              </Form.Item>
              <Form.Item label={t('q.category')}>
                <Select
                  value={categoryId}
                  onChange={(v) => {
                    setCategoryId(v);
                    setSlot(null);
                  }}
                  placeholder={t('q.book.pickCategory')}
                  loading={categories.isPending}
                  options={bookable.map((c) => ({ value: c.id, label: `${c.prefix} ${nameOf(c)}` }))}
                  data-testid="book-category"
                />
              </Form.Item>
              {hall && categoryId && (
                <Form.Item label={t('q.book.slot')}>
                  <SlotPicker hallId={hall} categoryId={categoryId} value={slot} onChange={setSlot} />
                </Form.Item>
              )}
              {applicant?.kind === 'person' && (
                <Form.Item label={t('q.book.who')}>
                  <Radio.Group value={forOther ? 'other' : 'self'} onChange={(e) => setForOther(e.target.value === 'other')} data-testid="book-who">
                    <Radio.Button value="self">{t('q.book.self')}</Radio.Button>
                    <Radio.Button value="other">{t('q.book.other')}</Radio.Button>
                  </Radio.Group>
                </Form.Item>
              )}
              {applicant && applicant.kind !== 'person' && <Alert type="info" className="q-gap-bottom" message={t('q.book.enterpriseWho')} />}
              {self ? (
                <>
                  <Descriptions column={1} size="small" bordered className="q-gap-bottom" data-testid="book-self">
                    <Descriptions.Item label={t('q.book.name')}>{applicant.name}</Descriptions.Item>
                    <Descriptions.Item label={t('q.idNumber')}>{applicant.idNumber}</Descriptions.Item>
                    {applicant.phone && <Descriptions.Item label={t('q.phone')}>{applicant.phone}</Descriptions.Item>}
                  </Descriptions>
                  <p className="q-muted">{t('q.book.selfText')}</p>
                  <Form.Item
                    name="phone"
                    label={applicant.phone ? t('q.book.selfPhone') : t('q.book.selfNoPhone')}
                    rules={[{ required: !applicant.phone, pattern: /^1\d{10}$/, message: t('q.book.phoneInvalid') }]}
                  >
                    <Input maxLength={11} inputMode="numeric" data-testid="book-phone" />
                  </Form.Item>
                </>
              ) : (
                <>
                  <Form.Item name="name" label={t('q.book.name')} rules={[{ required: true, message: t('q.book.nameRequired') }]}>
                    <Input maxLength={50} data-testid="book-name" />
                  </Form.Item>
                  <Form.Item name="idNumber" label={t('q.idNumber')} rules={[{ required: true, pattern: /^\d{17}[\dXx]$/, message: t('q.book.idInvalid') }]}>
                    <Input maxLength={18} data-testid="book-id" />
                  </Form.Item>
                  <Form.Item name="phone" label={t('q.phone')} rules={[{ required: true, pattern: /^1\d{10}$/, message: t('q.book.phoneInvalid') }]}>
                    <Input maxLength={11} inputMode="numeric" data-testid="book-phone" />
                  </Form.Item>
                </>
              )}
              {booking.error && <Alert type="error" showIcon message={errorText(t, booking.error)} className="q-gap" data-testid="book-error" />}
              <Button type="primary" htmlType="submit" disabled={!slot} loading={booking.isPending} data-testid="book-submit">
                {t('q.book.submit')}
              </Button>
            </Form>
          )}
        </Card>
        <Card title={applicant ? t('q.book.myBookings') : t('q.book.mine')}>
          {applicant ? (
            <>
              <MyBookings onChanged={(a) => setBooked((b) => (b?.code === a.code ? a : b))} />
              <h3 className="q-gap">{t('q.book.byCode')}</h3>
              <ByCode />
            </>
          ) : (
            <ByCode />
          )}
        </Card>
      </div>
    </div>
  );
}
