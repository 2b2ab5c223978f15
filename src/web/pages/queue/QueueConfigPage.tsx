import { useState } from 'react';
import { Alert, Button, Card, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Switch, Table, Tabs, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { useLocale, useT } from '../../i18n/index.tsx';
import { useHalls, useWindows } from '../../api/org.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ErrorState, PageSpin } from '../../components/PageState.tsx';
import { useFeedback } from '../../components/feedback-context.tsx';
import { useAdminCommands, useCategories, useHallDays, useNotices, useSettings, type Notice, type QueueCategory, type QueueSettings } from './queue-api.ts';
import { errorText, HallPicker, hoursText, parseHours, useCategoryName } from './queue-shared.tsx';
import { formatDay } from '../../i18n/format.ts';

/** The hall a manager works on: `?hall=` or the first in scope. */
export function useManagedHall() {
  const halls = useHalls();
  const [params, setParams] = useSearchParams();
  const hallId = Number(params.get('hall')) || halls.data?.[0]?.id;
  return { halls, hallId, setHall: (id: number) => setParams({ hall: String(id) }) };
}

/** 排队配置: categories (prefix, windows, daily limit, green channel, appointment capacity), hours and extended days, notices. */
export function QueueConfigPage() {
  const t = useT();
  const { halls, hallId, setHall } = useManagedHall();
  return (
    <>
      <PageHeader
        title={t('q.nav.config')}
        subtitle={t('q.config.subtitle')}
        extra={halls.data && <HallPicker halls={halls.data} value={hallId} onChange={setHall} />}
      />
      {halls.isPending ? (
        <PageSpin />
      ) : halls.isError ? (
        <ErrorState error={halls.error} onRetry={() => void halls.refetch()} />
      ) : hallId ? (
        <Tabs
          items={[
            { key: 'categories', label: t('q.config.categories'), children: <Categories hallId={hallId} /> },
            { key: 'settings', label: t('q.config.settings'), children: <SettingsForm hallId={hallId} /> },
            { key: 'days', label: t('q.config.days'), children: <Days hallId={hallId} /> },
            { key: 'notices', label: t('q.notices'), children: <Notices hallId={hallId} /> },
          ]}
        />
      ) : null}
    </>
  );
}

function Categories({ hallId }: { hallId: number }) {
  const t = useT();
  const list = useCategories(hallId, true);
  const windows = useWindows(hallId);
  const { saveCategory } = useAdminCommands(hallId);
  const nameOf = useCategoryName();
  const { message } = useFeedback();
  const [editing, setEditing] = useState<QueueCategory | 'new' | null>(null);
  const [form] = Form.useForm();
  const open = (c: QueueCategory | 'new') => {
    setEditing(c);
    form.setFieldsValue(
      c === 'new'
        ? {
            prefix: '',
            name: '',
            nameEn: '',
            windowIds: [],
            dailyLimit: null,
            isGreen: false,
            isBookable: true,
            isActive: true,
            slotCapacityPerWindow: 2,
            avgServiceMinutes: 10,
            sort: 0,
          }
        : { ...c, windowIds: c.windows.map((w) => w.id) },
    );
  };
  const save = async () => {
    const v = await form.validateFields();
    saveCategory.mutate(editing === 'new' ? v : { ...v, id: (editing as QueueCategory).id, version: (editing as QueueCategory).version }, {
      onSuccess: () => {
        setEditing(null);
        message.success(t('q.saved'));
      },
    });
  };
  if (list.isPending) return <PageSpin />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Card
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')} data-testid="category-add">
          {t('q.config.addCategory')}
        </Button>
      }
    >
      <Table
        rowKey="id"
        size="middle"
        pagination={false}
        dataSource={list.data}
        data-testid="category-table"
        columns={[
          { title: t('q.prefix'), dataIndex: 'prefix', width: 70, render: (p: string, c) => <Tag color={c.isGreen ? 'green' : 'blue'}>{p}</Tag> },
          { title: t('q.category'), key: 'name', render: (_, c) => nameOf(c) },
          { title: t('q.config.windows'), key: 'windows', render: (_, c) => c.windows.map((w) => w.number).join('、') || '—' },
          { title: t('q.config.dailyLimit'), dataIndex: 'dailyLimit', render: (v: number | null) => v ?? t('q.config.unlimited') },
          { title: t('q.config.capacity'), dataIndex: 'slotCapacityPerWindow', render: (v: number, c) => (c.isBookable ? v : t('q.config.notBookable')) },
          {
            title: t('q.status'),
            dataIndex: 'isActive',
            render: (v: boolean) => (v ? <Tag color="green">{t('q.active')}</Tag> : <Tag>{t('q.inactive')}</Tag>),
          },
          {
            title: '',
            key: 'edit',
            render: (_, c) => (
              <Button type="link" onClick={() => open(c)} data-testid={`category-edit-${c.prefix}`}>
                {t('action.edit')}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('q.config.addCategory') : t('q.config.editCategory')}
        onCancel={() => setEditing(null)}
        onOk={() => void save()}
        okText={t('action.save')}
        cancelText={t('action.cancel')}
        confirmLoading={saveCategory.isPending}
        width={720}
      >
        {saveCategory.error && <Alert type="error" message={errorText(t, saveCategory.error)} className="q-gap" />}
        <Form form={form} layout="vertical">
          {/* the English name is the longer one: it gets the most room */}
          <div className="q-category-names">
            <Form.Item name="prefix" label={t('q.prefix')} rules={[{ required: true, pattern: /^[A-Z]$/, message: t('q.config.prefixRule') }]}>
              <Input maxLength={1} data-testid="category-prefix" />
            </Form.Item>
            <Form.Item name="name" label={t('q.config.nameZh')} rules={[{ required: true }]}>
              <Input maxLength={50} data-testid="category-name" />
            </Form.Item>
            <Form.Item name="nameEn" label={t('q.config.nameEn')}>
              <Input maxLength={80} data-testid="category-name-en" />
            </Form.Item>
          </div>
          <Form.Item name="windowIds" label={t('q.config.windows')}>
            <Select
              mode="multiple"
              options={(windows.data ?? []).map((w) => ({ value: w.id, label: `${t('q.windowN', { n: w.number })} ${w.name}` }))}
              data-testid="category-windows"
            />
          </Form.Item>
          <Space align="start" wrap>
            <Form.Item name="dailyLimit" label={t('q.config.dailyLimit')}>
              <InputNumber min={1} max={9999} placeholder={t('q.config.unlimited')} />
            </Form.Item>
            <Form.Item name="slotCapacityPerWindow" label={t('q.config.capacity')}>
              <InputNumber min={0} max={100} />
            </Form.Item>
            <Form.Item name="avgServiceMinutes" label={t('q.config.avgMinutes')}>
              <InputNumber min={1} max={240} />
            </Form.Item>
            <Form.Item name="sort" label={t('q.config.sort')}>
              <InputNumber min={0} max={1000} />
            </Form.Item>
          </Space>
          <Space>
            <Form.Item name="isGreen" valuePropName="checked">
              <Checkbox>{t('q.green')}</Checkbox>
            </Form.Item>
            <Form.Item name="isBookable" valuePropName="checked">
              <Checkbox>{t('q.config.bookable')}</Checkbox>
            </Form.Item>
            <Form.Item name="isActive" valuePropName="checked">
              <Checkbox>{t('q.active')}</Checkbox>
            </Form.Item>
          </Space>
        </Form>
      </Modal>
    </Card>
  );
}

function SettingsForm({ hallId }: { hallId: number }) {
  const t = useT();
  const settings = useSettings(hallId);
  if (settings.isPending) return <PageSpin />;
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  return <SettingsFields key={`${hallId}-${settings.data.version}`} hallId={hallId} s={settings.data} t={t} />;
}

function SettingsFields({ hallId, s, t }: { hallId: number; s: QueueSettings; t: ReturnType<typeof useT> }) {
  const { saveSettings } = useAdminCommands(hallId);
  const { message } = useFeedback();
  const [hours, setHours] = useState(s.officeHours ? hoursText(s.officeHours) : '');
  const parsed = hours.trim() ? parseHours(hours) : null;
  return (
    <Card>
      <Form
        layout="vertical"
        initialValues={s}
        onFinish={(v) =>
          saveSettings.mutate({ ...v, officeHours: hours.trim() ? parsed : null, version: s.version }, { onSuccess: () => message.success(t('q.saved')) })
        }
      >
        <Form.Item
          label={t('q.config.officeHours')}
          extra={t('q.config.officeHoursHint', { calendar: hoursText(s.calendarOfficeHours) })}
          validateStatus={hours.trim() && !parsed ? 'error' : undefined}
        >
          <Input value={hours} onChange={(e) => setHours(e.target.value)} placeholder={hoursText(s.calendarOfficeHours)} data-testid="settings-hours" />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="slotMinutes" label={t('q.config.slotMinutes')}>
            <Select style={{ width: 120 }} options={[10, 15, 20, 30, 60].map((m) => ({ value: m, label: t('q.minutes', { n: m }) }))} />
          </Form.Item>
          <Form.Item name="bookingDays" label={t('q.config.bookingDays')}>
            <InputNumber min={1} max={60} />
          </Form.Item>
          <Form.Item name="nearThreshold" label={t('q.config.nearThreshold')}>
            <InputNumber min={1} max={50} />
          </Form.Item>
          <Form.Item name="noShowLimit" label={t('q.config.noShowLimit')}>
            <InputNumber min={1} max={100} />
          </Form.Item>
        </Space>
        <Space wrap align="start">
          <Form.Item name="ipTicketsPerHour" label={t('q.config.ipLimit')}>
            <InputNumber min={1} />
          </Form.Item>
          <Form.Item name="phoneTicketsPerDay" label={t('q.config.phoneLimit')}>
            <InputNumber min={1} />
          </Form.Item>
          <Form.Item name="ipBookingsPerHour" label={t('q.config.bookLimit')}>
            <InputNumber min={1} />
          </Form.Item>
        </Space>
        <Form.Item name="enforceHours" label={t('q.config.enforceHours')} valuePropName="checked">
          <Switch />
        </Form.Item>
        {saveSettings.error && <Alert type="error" message={errorText(t, saveSettings.error)} className="q-gap" />}
        <Button type="primary" htmlType="submit" loading={saveSettings.isPending} disabled={!!hours.trim() && !parsed} data-testid="settings-save">
          {t('action.save')}
        </Button>
      </Form>
    </Card>
  );
}

function Days({ hallId }: { hallId: number }) {
  const t = useT();
  const { locale } = useLocale();
  const days = useHallDays(hallId);
  const { putDay, deleteDay } = useAdminCommands(hallId);
  const [date, setDate] = useState<string | null>(null);
  const [hours, setHours] = useState('09:00-12:00');
  const [note, setNote] = useState('');
  const parsed = parseHours(hours);
  if (days.isPending) return <PageSpin />;
  if (days.isError) return <ErrorState error={days.error} onRetry={() => void days.refetch()} />;
  return (
    <Card>
      <Alert type="info" showIcon message={t('q.config.daysHint')} className="q-gap" />
      <Space wrap className="q-gap">
        <DatePicker format="YYYY/MM/DD" onChange={(d) => setDate(d ? d.format('YYYY-MM-DD') : null)} aria-label={t('q.book.date')} />
        <Input
          value={hours}
          onChange={(e) => setHours(e.target.value)}
          style={{ width: 220 }}
          placeholder="09:00-12:00"
          status={parsed ? undefined : 'error'}
          aria-label={t('q.config.officeHours')}
        />
        <Input value={note} onChange={(e) => setNote(e.target.value)} style={{ width: 200 }} placeholder={t('q.config.note')} maxLength={100} />
        <Button
          type="primary"
          disabled={!date || parsed === null}
          loading={putDay.isPending}
          onClick={() => date && parsed && putDay.mutate({ date, hours: parsed, note })}
        >
          {t('q.config.setDay')}
        </Button>
        <Button disabled={!date} loading={putDay.isPending} onClick={() => date && putDay.mutate({ date, hours: [], note: note || t('q.config.closedDay') })}>
          {t('q.config.closeDay')}
        </Button>
      </Space>
      {(putDay.error ?? deleteDay.error) && <Alert type="error" message={errorText(t, putDay.error ?? deleteDay.error)} className="q-gap" />}
      <Table
        rowKey="date"
        size="small"
        pagination={false}
        dataSource={days.data}
        locale={{ emptyText: t('q.config.noDays') }}
        columns={[
          { title: t('q.book.date'), dataIndex: 'date', render: (d: string) => formatDay(d, locale) },
          {
            title: t('q.config.officeHours'),
            dataIndex: 'hours',
            render: (h: [number, number][]) => (h.length ? hoursText(h) : <Tag>{t('q.config.closedDay')}</Tag>),
          },
          { title: t('q.config.note'), dataIndex: 'note' },
          {
            title: '',
            key: 'kind',
            render: (_, d) => (d.isHoliday ? <Tag color="red">{d.holidayName}</Tag> : !d.isWorkday ? <Tag color="purple">{t('q.book.extended')}</Tag> : null),
          },
          {
            title: '',
            key: 'del',
            render: (_, d) => (
              <Popconfirm title={t('q.config.resetDay')} onConfirm={() => deleteDay.mutate(d.date)} okText={t('q.confirm')} cancelText={t('action.cancel')}>
                <Button type="link" danger>
                  {t('q.config.reset')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Card>
  );
}

function Notices({ hallId }: { hallId: number }) {
  const t = useT();
  const { locale } = useLocale();
  const notices = useNotices(hallId);
  const { saveNotice } = useAdminCommands(hallId);
  const [editing, setEditing] = useState<Notice | 'new' | null>(null);
  const [form] = Form.useForm();
  if (notices.isPending) return <PageSpin />;
  if (notices.isError) return <ErrorState error={notices.error} onRetry={() => void notices.refetch()} />;
  const open = (n: Notice | 'new') => {
    setEditing(n);
    form.setFieldsValue(n === 'new' ? { text: '', textEn: '', isActive: true } : n);
  };
  return (
    <Card
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>
          {t('q.config.addNotice')}
        </Button>
      }
    >
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={notices.data}
        locale={{ emptyText: t('q.config.noNotices') }}
        columns={[
          { title: t('q.config.noticeText'), dataIndex: 'text' },
          {
            title: t('q.config.period'),
            key: 'p',
            render: (_, n) => `${n.startsOn ? formatDay(n.startsOn, locale) : '…'} – ${n.endsOn ? formatDay(n.endsOn, locale) : '…'}`,
          },
          {
            title: t('q.status'),
            dataIndex: 'isActive',
            render: (v: boolean) => (v ? <Tag color="green">{t('q.active')}</Tag> : <Tag>{t('q.inactive')}</Tag>),
          },
          {
            title: '',
            key: 'e',
            render: (_, n) => (
              <Button type="link" onClick={() => open(n)}>
                {t('action.edit')}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={t('q.notices')}
        okText={t('action.save')}
        cancelText={t('action.cancel')}
        confirmLoading={saveNotice.isPending}
        onCancel={() => setEditing(null)}
        onOk={async () => {
          const f = await form.validateFields();
          const v = { ...f, startsOn: f.startsOn || null, endsOn: f.endsOn || null };
          saveNotice.mutate(editing === 'new' ? v : { ...v, id: (editing as Notice).id, version: (editing as Notice).version }, {
            onSuccess: () => setEditing(null),
          });
        }}
      >
        {saveNotice.error && <Alert type="error" message={errorText(t, saveNotice.error)} className="q-gap" />}
        <Form form={form} layout="vertical">
          <Form.Item name="text" label={t('q.config.noticeText')} rules={[{ required: true, max: 300 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="textEn" label={t('q.config.noticeTextEn')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
          <Space>
            <Form.Item name="startsOn" label={t('q.config.startsOn')}>
              <Input placeholder="YYYY-MM-DD" />
            </Form.Item>
            <Form.Item name="endsOn" label={t('q.config.endsOn')}>
              <Input placeholder="YYYY-MM-DD" />
            </Form.Item>
            <Form.Item name="isActive" label={t('q.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Space>
        </Form>
      </Modal>
    </Card>
  );
}
