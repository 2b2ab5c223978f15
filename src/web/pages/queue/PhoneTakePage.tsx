import { useState } from 'react';
import { Alert, Button, Input, Spin } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { idOf } from '../../components/address.ts';
import { useT } from '../../i18n/index.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { useBoard, useCategories, useTakeTicket } from './queue-api.ts';
import { HallNotFound, errorText, isNotFound, useCategoryName } from './queue-shared.tsx';

export const ticketStorageKey = 'onewindow.queue.tickets';

/** 扫码取号: the page behind the hall's QR code, for a phone. */
export function PhoneTakePage() {
  const t = useT();
  const hallId = idOf(useParams().hallId);
  const navigate = useNavigate();
  const board = useBoard(hallId);
  const categories = useCategories(hallId);
  const take = useTakeTicket();
  const nameOf = useCategoryName();
  const [phone, setPhone] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [categoryId, setCategoryId] = useState<number | null>(null);
  usePageTitle(t('q.phone.title'));
  const missing = !hallId || isNotFound(board.error) || isNotFound(categories.error);
  const closed = board.data?.issuing === false;

  const submit = () => {
    if (!categoryId) return;
    take.mutate(
      { hallId, categoryId, channel: 'phone', phone: phone.trim() || undefined, idNumber: idNumber.trim() || undefined },
      {
        onSuccess: (ticket) => {
          try {
            const kept = JSON.parse(localStorage.getItem(ticketStorageKey) ?? '[]') as { id: number; token: string }[];
            localStorage.setItem(ticketStorageKey, JSON.stringify([{ id: ticket.id, token: ticket.token }, ...kept].slice(0, 5)));
          } catch {}
          void navigate(`/queue/ticket/${ticket.id}?t=${encodeURIComponent(ticket.token)}`);
        },
      },
    );
  };

  return (
    <div className="q-phone" data-testid="queue-phone-take">
      <header className="q-phone-head">
        <div>
          <div className="q-phone-hall">{board.data?.hallName ?? ' '}</div>
          <div className="q-muted">{t('q.phone.title')}</div>
        </div>
        <LanguageSwitch />
      </header>
      {missing ? (
        <HallNotFound />
      ) : (
        <>
          {closed && <Alert type="warning" showIcon message={t('q.kiosk.closedToday')} className="q-gap-bottom" data-testid="phone-closed" />}
          {take.error && <Alert type="error" showIcon message={errorText(t, take.error)} className="q-gap" data-testid="phone-error" />}
          {categories.isPending ? (
            <Spin />
          ) : categories.isError ? (
            <Alert type="error" message={errorText(t, categories.error)} />
          ) : (
            <div className="q-phone-list" role="radiogroup" aria-label={t('q.category')}>
              {categories.data.map((c) => {
                const b = board.data?.categories.find((x) => x.id === c.id);
                return (
                  <button
                    key={c.id}
                    type="button"
                    role="radio"
                    aria-checked={categoryId === c.id}
                    className={`q-phone-cat${categoryId === c.id ? ' is-selected' : ''}${c.isGreen ? ' is-green' : ''}`}
                    onClick={() => setCategoryId(c.id)}
                    data-testid={`phone-cat-${c.prefix}`}
                  >
                    <span className="q-kiosk-prefix">{c.prefix}</span>
                    <span className="q-phone-name">{nameOf(c)}</span>
                    {b && <span className="q-muted">{t('q.waitingN', { n: b.waiting })}</span>}
                  </button>
                );
              })}
            </div>
          )}
          <div className="q-phone-form">
            <label className="q-phone-field">
              <span>{t('q.kiosk.phoneOptional')}</span>
              <Input value={phone} onChange={(e) => setPhone(e.target.value)} maxLength={11} inputMode="numeric" autoComplete="tel" />
            </label>
            <label className="q-phone-field">
              <span>{t('q.kiosk.idOptional')}</span>
              <Input value={idNumber} onChange={(e) => setIdNumber(e.target.value)} maxLength={18} />
            </label>
            <Button type="primary" size="large" block disabled={!categoryId || closed} loading={take.isPending} onClick={submit} data-testid="phone-take">
              {t('q.kiosk.takeTicket')}
            </Button>
          </div>
        </>
      )}
    </div>
  );
}
