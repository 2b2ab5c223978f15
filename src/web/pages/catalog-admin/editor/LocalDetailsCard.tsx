import { Button, Card, Col, Form, Input, Row } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useT } from '../../../i18n/index.tsx';
import { useFeedback } from '../../../components/feedback-context.tsx';
import { useConflictHandler } from '../../../components/conflict.tsx';
import { catalogAdminApi, catalogAdminKeys, type AdminItem, type LocalDetails } from '../../../api/catalog-admin.ts';

const localFields = ['location', 'hours', 'consultPhone', 'complaintPhone'] as const;

/** A delegated item's own details — place, hours, phones — the only part that is not the unified standard. */
export function LocalDetailsCard({ item, canEdit }: { item: AdminItem; canEdit: boolean }) {
  const t = useT();
  const { message } = useFeedback();
  const [form] = Form.useForm<LocalDetails>();
  const queryClient = useQueryClient();
  const [onConflict, conflictHolder] = useConflictHandler();
  const content = item.published?.content;
  const initial = Object.fromEntries(localFields.map((f) => [f, item.local[f] ?? content?.[f] ?? ''])) as LocalDetails;
  const reload = async () => {
    await queryClient.invalidateQueries({ queryKey: catalogAdminKeys.item(item.id) });
    message.info(t('conflict.reloaded'));
  };
  const save = useMutation({
    meta: { silent: true },
    mutationFn: (v: LocalDetails) =>
      catalogAdminApi.setLocal(item.id, Object.fromEntries(localFields.filter((f) => v[f]?.trim()).map((f) => [f, v[f]!.trim()])), item.version),
    onSuccess: async () => {
      message.success(t('ca.local.saved'));
      await queryClient.invalidateQueries({ queryKey: catalogAdminKeys.item(item.id) });
    },
    onError: (error) => onConflict(error, () => void reload()),
  });
  const label = {
    location: t('ca.item.location'),
    hours: t('ca.item.hours'),
    consultPhone: t('ca.item.consultPhone'),
    complaintPhone: t('ca.item.complaintPhone'),
  };
  return (
    <Card size="small" title={t('ca.local.title')} className="block-gap" data-testid="local-details">
      {conflictHolder}
      <Form form={form} name="local" layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)} disabled={!canEdit} key={item.version}>
        <Row gutter={16}>
          {localFields.map((f) => (
            <Col key={f} xs={24} lg={12}>
              <Form.Item name={f} label={label[f]} rules={[{ max: f.endsWith('Phone') ? 50 : 300 }]}>
                <Input maxLength={f.endsWith('Phone') ? 50 : 300} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        {/* saved where the form ends, after what was typed */}
        {canEdit && (
          <div className="ca-form-actions">
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="local-save">
              {t('ca.local.save')}
            </Button>
          </div>
        )}
      </Form>
    </Card>
  );
}
