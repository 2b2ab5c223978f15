import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Popconfirm, Spin, Tag } from 'antd';
import { SoundOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useParams, useSearchParams } from 'react-router';
import { idOf } from '../../components/address.ts';
import { NotFoundState } from '../../components/PageState.tsx';
import { api } from '../../api/client.ts';
import { useLocale, useT } from '../../i18n/index.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { useTicket, type Ticket } from './queue-api.ts';
import { errorText, isNotFound, useCategoryName, useHallStream } from './queue-shared.tsx';
import { formatDay, formatTime } from '../../i18n/format.ts';

/** A ticket on the holder's phone: live place in line, "your turn is near", and the call with the window number. */
export function TicketPage() {
  const t = useT();
  const { locale } = useLocale();
  const id = idOf(useParams().id);
  const [params] = useSearchParams();
  const token = params.get('t');
  const ticket = useTicket(id, token);
  const nameOf = useCategoryName();
  const [calledAt, setCalledAt] = useState<string | null>(null);
  const lastFetch = useRef(0);
  const refetch = ticket.refetch;
  usePageTitle(ticket.data ? ticket.data.code : t('q.ticket.title'));
  const cancel = useMutation({
    mutationFn: () => api.post<Ticket>(`/queue/tickets/${id}/cancel`, { token }, { idempotencyKey: true }),
    onSuccess: () => void refetch(),
  });

  const { connected } = useHallStream(ticket.data?.hallId, (e) => {
    if ((e.kind === 'call' || e.kind === 'recall') && e.ticketId === id) {
      setCalledAt(e.at);
      if ('vibrate' in navigator) navigator.vibrate?.([300, 150, 300]);
    }
    // the line moved: read the place again, at most every two seconds
    const now = Date.now();
    if (now - lastFetch.current > 2000) {
      lastFetch.current = now;
      void refetch();
    } else setTimeout(() => void refetch(), 2000);
  });

  const near = ticket.data?.isNear && ticket.data.status === 'waiting';
  useEffect(() => {
    if (near && 'vibrate' in navigator) navigator.vibrate?.(200);
  }, [near]);

  if (!token) return <TicketNotFound hint={t('q.ticket.noToken')} />;
  if (!id || isNotFound(ticket.error)) return <TicketNotFound hint={t('q.ticket.notFoundHint')} />;
  if (ticket.isPending) return <Spin className="q-center" size="large" />;
  if (ticket.isError)
    return (
      <Alert
        type="error"
        message={errorText(t, ticket.error)}
        action={<Button onClick={() => void ticket.refetch()}>{t('action.retry')}</Button>}
        className="q-gap"
      />
    );
  const tk = ticket.data;
  const called = tk.status === 'called' || tk.status === 'serving';
  // the call just heard, else the one the ticket remembers (the page opened after it)
  const calledTime = calledAt ?? tk.calledAt;
  return (
    <div className="q-phone" data-testid="queue-ticket">
      <header className="q-phone-head">
        <div>
          <div className="q-phone-hall">{tk.hallName}</div>
          <div className="q-muted">
            {nameOf({ name: tk.categoryName, nameEn: tk.categoryNameEn })} · {formatDay(tk.day, locale)}
          </div>
        </div>
        <LanguageSwitch />
      </header>
      <div className={`q-ticket-card${called ? ' is-called' : ''}`}>
        <div className="q-ticket-label">{t('q.ticket.yourNumber')}</div>
        <div className="q-ticket-code" data-testid="ticket-code">
          {tk.code}
        </div>
        <Tag color={called ? 'red' : tk.status === 'waiting' ? 'blue' : 'default'} data-testid="ticket-status">
          {t(`q.status.${tk.status}`)}
        </Tag>
        {tk.status === 'waiting' && (
          <div className="q-ticket-facts">
            <span data-testid="ticket-ahead">{t('q.ticket.ahead', { n: tk.ahead })}</span>
            <span>{t('q.ticket.wait', { n: tk.estimatedWaitMinutes })}</span>
          </div>
        )}
      </div>
      {called && (
        <Alert
          type="error"
          showIcon
          icon={<SoundOutlined />}
          className="q-called-alert"
          message={t('q.ticket.calledTo', { window: tk.windowNumber ?? '' })}
          data-testid="ticket-called"
          description={calledTime ? t('q.ticket.calledAt', { time: formatTime(calledTime, locale) }) : undefined}
        />
      )}
      {near && <Alert type="warning" showIcon message={t('q.ticket.near', { n: tk.ahead })} data-testid="ticket-near" />}
      {tk.appointmentFrom && <Alert type="info" message={t('q.ticket.appointment')} className="q-gap" />}
      <div className="q-muted q-phone-live">{connected ? t('q.live') : t('q.reconnecting')}</div>
      {tk.status === 'waiting' && (
        <Popconfirm title={t('q.ticket.cancelConfirm')} onConfirm={() => cancel.mutate()} okText={t('q.confirm')} cancelText={t('action.cancel')}>
          <Button danger block loading={cancel.isPending}>
            {t('q.ticket.cancel')}
          </Button>
        </Popconfirm>
      )}
      {cancel.error && <Alert type="error" message={errorText(t, cancel.error)} className="q-gap" />}
    </div>
  );
}

/** A ticket link that names no ticket, or lacks its token: said so, with the way to take a number again. */
function TicketNotFound({ hint }: { hint: string }) {
  const t = useT();
  return (
    <div className="q-phone" data-testid="queue-ticket">
      <header className="q-phone-head">
        <div className="q-phone-hall">{t('q.ticket.title')}</div>
        <LanguageSwitch />
      </header>
      <div className="q-missing">
        <NotFoundState title={t('q.ticket.notFound')} hint={hint} back={{ to: '/appointments', label: t('q.toAppointments') }} />
      </div>
    </div>
  );
}
