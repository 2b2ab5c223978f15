import { useState } from 'react';
import { Alert, Button, Form, Input, List, Modal, Radio, Space, Tag } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { maskIdNumber, maskPhone } from '../../../../common/validators.ts';
import { useCaseT } from '../../../i18n/cases-pages.ts';
import { useApplicantSearch, useRegisterApplicant, type Applicant, type NewApplicant } from '../../../api/cases.ts';
import { ApplicantCases } from '../shared/ApplicantCases.tsx';
import { nullIfEmpty, rules, showFieldError, useIdempotencyKey } from '../../../components/forms.ts';

/**
 * 申请人: find who stands at the window by name or by the full ID number / credit code (the list shows
 * masked identifiers), or register them on the spot.
 */
export function ApplicantPicker({ value, onChange }: { value: Applicant | null; onChange: (a: Applicant | null) => void }) {
  const t = useCaseT();
  const [text, setText] = useState('');
  const [registering, setRegistering] = useState(false);
  const found = useApplicantSearch(text);
  if (value)
    return (
      <div className="case-picked" data-testid="picked-applicant">
        <Space wrap>
          <Tag color={value.kind === 'enterprise' ? 'purple' : 'blue'}>{t(value.kind === 'enterprise' ? 'cases.enterprise' : 'cases.person')}</Tag>
          <strong>{value.name}</strong>
          <span className="mono cell-sub">{value.idNumber}</span>
          {value.phone && <span className="mono cell-sub">{value.phone}</span>}
          <Button size="small" onClick={() => onChange(null)}>
            {t('cases.changeApplicant')}
          </Button>
        </Space>
        <ApplicantCases applicantId={value.id} />
      </div>
    );
  return (
    <div>
      <Space wrap>
        <Input.Search
          allowClear
          placeholder={t('cases.applicantSearch')}
          onSearch={(q) => setText(q)}
          enterButton={t('action.search')}
          style={{ width: 360 }}
          data-testid="applicant-search"
        />
        <Button icon={<UserAddOutlined />} onClick={() => setRegistering(true)} data-testid="applicant-register">
          {t('cases.registerApplicant')}
        </Button>
      </Space>
      {text && (
        <List
          className="case-applicant-list"
          size="small"
          loading={found.isFetching}
          dataSource={found.data ?? []}
          locale={{ emptyText: t('cases.noApplicant') }}
          renderItem={(a) => (
            <List.Item
              actions={[
                <Button key="pick" type="link" onClick={() => onChange(a)} data-testid="applicant-pick">
                  {t('cases.pick')}
                </Button>,
              ]}
            >
              <Space wrap>
                <Tag color={a.kind === 'enterprise' ? 'purple' : 'blue'}>{t(a.kind === 'enterprise' ? 'cases.enterprise' : 'cases.person')}</Tag>
                <strong>{a.name}</strong>
                <span className="mono cell-sub">{a.idNumber}</span>
                {a.phone && <span className="mono cell-sub">{a.phone}</span>}
              </Space>
            </List.Item>
          )}
        />
      )}
      {registering && (
        <RegisterDialog
          onClose={() => setRegistering(false)}
          onRegistered={(a) => {
            setRegistering(false);
            onChange(a);
          }}
        />
      )}
    </div>
  );
}

function RegisterDialog({ onClose, onRegistered }: { onClose: () => void; onRegistered: (a: Applicant) => void }) {
  const t = useCaseT();
  const [form] = Form.useForm<NewApplicant>();
  const kind = Form.useWatch('kind', form) ?? 'person';
  const [key] = useIdempotencyKey();
  const [error, setError] = useState<string | null>(null);
  const register = useRegisterApplicant();
  const submit = async () => {
    const v = await form.validateFields();
    setError(null);
    const body: NewApplicant = {
      kind: v.kind,
      name: v.name.trim(),
      idNumber: v.idNumber.trim().toUpperCase(),
      phone: nullIfEmpty(v.phone),
      legalRepresentative: v.kind === 'enterprise' ? nullIfEmpty(v.legalRepresentative) : null,
      address: nullIfEmpty(v.address),
    };
    register.mutate(
      { body, key },
      {
        onSuccess: ({ id }) =>
          onRegistered({
            id,
            kind: body.kind,
            name: body.name,
            idNumber: maskIdNumber(body.idNumber),
            phone: body.phone ? maskPhone(body.phone) : null,
            legalRepresentative: body.legalRepresentative ?? null,
            hasAccount: false,
            createdAt: new Date().toISOString(),
          }),
        onError: (e) => {
          if (!showFieldError(form, e)) setError(e.message);
        },
      },
    );
  };
  return (
    <Modal
      open
      title={t('cases.registerApplicant')}
      okText={t('cases.registerAndPick')}
      okButtonProps={{ loading: register.isPending, 'data-testid': 'register-ok' }}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical" initialValues={{ kind: 'person' }}>
        <Form.Item name="kind" label={t('cases.applicantKind')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'person', label: t('cases.person') },
              { value: 'enterprise', label: t('cases.enterprise') },
            ]}
          />
        </Form.Item>
        <Form.Item name="name" label={t(kind === 'enterprise' ? 'cases.enterpriseName' : 'cases.personName')} rules={[rules.required(t, t('cases.name'))]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={t(kind === 'enterprise' ? 'cases.creditCode' : 'cases.idCard')}
          rules={[
            rules.required(t, t(kind === 'enterprise' ? 'cases.creditCode' : 'cases.idCard')),
            kind === 'enterprise' ? rules.creditCode(t) : rules.idCard(t),
          ]}
        >
          <Input maxLength={18} className="mono" />
        </Form.Item>
        <Form.Item name="phone" label={t('cases.phone')} rules={[rules.phone(t)]}>
          <Input maxLength={20} className="mono" />
        </Form.Item>
        {kind === 'enterprise' && (
          <Form.Item name="legalRepresentative" label={t('cases.legalRepresentative')}>
            <Input maxLength={100} />
          </Form.Item>
        )}
        <Form.Item name="address" label={t('cases.address')}>
          <Input maxLength={300} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
