import { useState } from 'react';
import { Descriptions, Form, Input, Modal, Radio, Typography } from 'antd';
import { useT } from '../../i18n/index.tsx';
import { useSetDays, type CalendarDay, type DayKind } from '../../api/calendar.ts';
import { useFeedback } from '../../components/feedback-context.tsx';
import { isWeekend, weekdayName } from './dates.ts';

type Choice = DayKind | 'clear';

/**
 * Set one day of the calendar being viewed (national, or a region's) to a holiday or a make-up working
 * day, or clear this calendar's setting for it. Open deadlines are recomputed by the server.
 */
export function DayEditModal({
  date,
  day,
  region,
  onClose,
}: {
  date: string;
  /** the day's effective setting, from whichever calendar it comes */
  day: CalendarDay | undefined;
  region: { code: string; name: string } | null;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = useFeedback();
  const save = useSetDays();
  // a setting this calendar owns can be cleared; one inherited from a parent calendar can only be overridden
  const own = !!day && (region ? day.source === 'regional' && day.sourceName === region.name : day.source === 'national');
  const [choice, setChoice] = useState<Choice>(day?.kind === 'holiday' ? 'makeup_workday' : 'holiday');
  const [name, setName] = useState(day?.name ?? '');
  const current = day
    ? t('svc.paren', { a: day.name, b: t(day.kind === 'holiday' ? 'cal.legend.holiday' : 'cal.legend.makeup') })
    : t(isWeekend(date) ? 'cal.edit.weekend' : 'cal.edit.workday');
  const defaultName = choice === 'holiday' ? t('cal.edit.defaultHoliday') : t('cal.edit.defaultMakeup');
  const submit = () => {
    const body =
      choice === 'clear'
        ? { region: region?.code ?? null, days: [], remove: [date] }
        : { region: region?.code ?? null, days: [{ date, kind: choice, name: name.trim() || defaultName }] };
    save.mutate(body, {
      onSuccess: (r) => {
        void message.success(t('cal.saved', { days: r.diff.length, moved: r.movedClocks }));
        onClose();
      },
    });
  };
  return (
    <Modal
      open
      title={t('cal.edit.title', { date: `${date} ${weekdayName(t, date)}` })}
      okText={t('action.save')}
      cancelText={t('action.cancel')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={save.isPending}
      okButtonProps={{ disabled: choice === 'clear' && !own }}
      destroyOnHidden
    >
      <Descriptions
        size="small"
        column={1}
        className="block-gap"
        items={[
          { key: 'current', label: t('cal.edit.current'), children: current },
          ...(day ? [{ key: 'source', label: t('cal.edit.source'), children: day.sourceName }] : []),
          { key: 'target', label: t('cal.edit.target'), children: region ? region.name : t('cal.national') },
        ]}
      />
      <Form layout="vertical">
        <Form.Item label={t('cal.edit.kind')}>
          <Radio.Group
            value={choice}
            onChange={(e) => setChoice(e.target.value as Choice)}
            options={[
              { value: 'holiday', label: t('cal.edit.holiday') },
              { value: 'makeup_workday', label: t('cal.edit.makeup') },
              { value: 'clear', label: t('cal.edit.clear'), disabled: !own },
            ]}
            data-testid="day-kind"
          />
        </Form.Item>
        {choice === 'clear' ? (
          <Typography.Paragraph type="secondary">{own ? t('cal.edit.clearHint') : t('cal.edit.nothing')}</Typography.Paragraph>
        ) : (
          <Form.Item label={t('cal.edit.name')}>
            <Input value={name} onChange={(e) => setName(e.target.value)} placeholder={defaultName} maxLength={100} data-testid="day-name" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
