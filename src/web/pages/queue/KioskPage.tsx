import { useEffect, useState } from 'react';
import { Alert, Button, Input, QRCode, Segmented, Spin } from 'antd';
import { useParams } from 'react-router';
import { idOf } from '../../components/address.ts';
import { useT } from '../../i18n/index.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { useAppointmentCommands, useBoard, useCategories, useTakeTicket, type IssuedTicket, type QueueCategory } from './queue-api.ts';
import { HallNotFound, errorText, isNotFound, useCategoryName } from './queue-shared.tsx';

/** 取号机: a touch screen in the hall — pick a category (optionally an ID number or phone), or check in a booking. */
export function KioskPage() {
  const t = useT();
  const hallId = idOf(useParams().hallId);
  // a kiosk stays on all day and overnight: its day (and whether it issues) follows the clock
  const board = useBoard(hallId, 60_000);
  const categories = useCategories(hallId);
  const take = useTakeTicket();
  const { checkIn } = useAppointmentCommands();
  const nameOf = useCategoryName();
  const [mode, setMode] = useState<'ticket' | 'checkin'>('ticket');
  const [idNumber, setIdNumber] = useState('');
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [ticket, setTicket] = useState<IssuedTicket | null>(null);
  usePageTitle(t('q.kiosk.title'));

  useEffect(() => {
    if (!ticket) return;
    const timer = setTimeout(() => setTicket(null), 30_000);
    return () => clearTimeout(timer);
  }, [ticket]);

  const reset = () => {
    setTicket(null);
    setIdNumber('');
    setPhone('');
    setCode('');
    take.reset();
    checkIn.reset();
  };
  const pick = (c: QueueCategory) =>
    take.mutate(
      { hallId, categoryId: c.id, channel: 'kiosk', idNumber: idNumber.trim() || undefined, phone: phone.trim() || undefined },
      { onSuccess: setTicket },
    );
  const error = take.error ?? checkIn.error;
  const origin = window.location.origin;
  const missing = !hallId || isNotFound(board.error) || isNotFound(categories.error);
  // no tickets today (a closed day, and the hall keeps to its hours): nothing to press
  const closed = board.data?.issuing === false;

  return (
    <div className="q-kiosk" data-testid="queue-kiosk">
      <header className="q-kiosk-head">
        <div>
          <div className="q-kiosk-hall">{board.data?.hallName ?? ' '}</div>
          <div className="q-kiosk-sub">{t('q.kiosk.title')}</div>
        </div>
        <LanguageSwitch />
      </header>
      {missing ? (
        <HallNotFound />
      ) : ticket ? (
        <div className="q-kiosk-ticket" data-testid="kiosk-ticket">
          <div className="q-ticket-label">{t('q.ticket.yourNumber')}</div>
          <div className="q-ticket-code">{ticket.code}</div>
          <div className="q-ticket-cat">{nameOf({ name: ticket.categoryName, nameEn: ticket.categoryNameEn })}</div>
          <div className="q-ticket-facts">
            <span>{t('q.ticket.ahead', { n: ticket.ahead })}</span>
            <span>{t('q.ticket.wait', { n: ticket.estimatedWaitMinutes })}</span>
          </div>
          {ticket.idNumber && <div className="q-muted">{t('q.ticket.id', { id: ticket.idNumber })}</div>}
          <div className="q-kiosk-qr">
            <QRCode value={`${origin}/queue/ticket/${ticket.id}?t=${ticket.token}`} size={160} bordered={false} />
            <div>{t('q.kiosk.scanToFollow')}</div>
          </div>
          <Button type="primary" size="large" onClick={reset} data-testid="kiosk-done">
            {t('q.kiosk.done')}
          </Button>
        </div>
      ) : (
        <main className="q-kiosk-main">
          <Segmented
            size="large"
            value={mode}
            onChange={(v) => setMode(v as 'ticket' | 'checkin')}
            options={[
              { value: 'ticket', label: t('q.kiosk.takeTicket') },
              { value: 'checkin', label: t('q.kiosk.checkIn') },
            ]}
          />
          {error && <Alert type="error" showIcon message={errorText(t, error)} className="q-gap" data-testid="kiosk-error" />}
          {closed && <Alert type="warning" showIcon message={t('q.kiosk.closedToday')} className="q-gap" data-testid="kiosk-closed" />}
          {mode === 'ticket' ? (
            <>
              <div className="q-kiosk-inputs">
                <Input
                  size="large"
                  value={idNumber}
                  onChange={(e) => setIdNumber(e.target.value)}
                  placeholder={t('q.kiosk.idOptional')}
                  maxLength={18}
                  inputMode="text"
                  aria-label={t('q.idNumber')}
                />
                <Input
                  size="large"
                  value={phone}
                  onChange={(e) => setPhone(e.target.value)}
                  placeholder={t('q.kiosk.phoneOptional')}
                  maxLength={11}
                  inputMode="numeric"
                  aria-label={t('q.phone')}
                />
              </div>
              {categories.isPending ? (
                <Spin size="large" />
              ) : categories.isError ? (
                <Alert
                  type="error"
                  message={errorText(t, categories.error)}
                  action={<Button onClick={() => void categories.refetch()}>{t('action.retry')}</Button>}
                />
              ) : categories.data.length === 0 ? (
                <Alert type="info" message={t('q.noCategories')} />
              ) : (
                <div className="q-kiosk-grid">
                  {categories.data.map((c) => {
                    const waiting = board.data?.categories.find((b) => b.id === c.id)?.waiting;
                    return (
                      <button
                        key={c.id}
                        type="button"
                        className={`q-kiosk-cat${c.isGreen ? ' is-green' : ''}${closed ? ' is-closed' : ''}`}
                        disabled={take.isPending || closed}
                        onClick={() => pick(c)}
                        data-testid={`kiosk-cat-${c.prefix}`}
                      >
                        <span className="q-kiosk-prefix">{c.prefix}</span>
                        <span className="q-kiosk-name">{nameOf(c)}</span>
                        {waiting !== undefined && <span className="q-kiosk-waiting">{t('q.waitingN', { n: waiting })}</span>}
                      </button>
                    );
                  })}
                </div>
              )}
              {!closed && (
                <div className="q-kiosk-phoneqr">
                  <QRCode value={`${origin}/queue/take/${hallId}`} size={96} bordered={false} />
                  <span>{t('q.kiosk.scanToTake')}</span>
                </div>
              )}
            </>
          ) : (
            <div className="q-kiosk-checkin">
              <Input
                size="large"
                value={code}
                onChange={(e) => setCode(e.target.value.toUpperCase())}
                placeholder={t('q.kiosk.bookingCode')}
                maxLength={10}
                aria-label={t('q.bookingCode')}
                data-testid="kiosk-code"
              />
              <Button
                type="primary"
                size="large"
                disabled={!/^[0-9A-Z]{10}$/.test(code)}
                loading={checkIn.isPending}
                onClick={() => checkIn.mutate(code, { onSuccess: (r) => setTicket(r.ticket) })}
                data-testid="kiosk-checkin"
              >
                {t('q.kiosk.checkInNow')}
              </Button>
            </div>
          )}
        </main>
      )}
    </div>
  );
}
