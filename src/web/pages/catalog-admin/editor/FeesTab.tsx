import { Alert, Button, Card, Col, Input, InputNumber, Radio, Row, Space, Switch, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useT } from '../../../i18n/index.tsx';
import type { Fee } from '../../../api/catalog-admin.ts';
import { move } from './list-ops.ts';

/** 收费: whether the item is charged for, and each fee with its standard, basis and reduction. */
export function FeesTab({
  isChargeable,
  fees,
  readOnly,
  onChange,
}: {
  isChargeable: boolean;
  fees: Fee[];
  readOnly: boolean;
  onChange: (patch: { isChargeable?: boolean; fees?: Fee[] }) => void;
}) {
  const t = useT();
  const set = (i: number, patch: Partial<Fee>) => onChange({ fees: fees.map((f, j) => (j === i ? { ...f, ...patch } : f)) });
  return (
    <div data-testid="fees-tab">
      <Space className="block-gap" size={12}>
        <Typography.Text strong>{t('ca.item.isChargeable')}</Typography.Text>
        <Switch
          checked={isChargeable}
          disabled={readOnly}
          checkedChildren={t('ca.fee.charged')}
          unCheckedChildren={t('ca.fee.free')}
          // a free item lists no fees: switching it off clears the list, switching it on starts one
          onChange={(on) => onChange({ isChargeable: on, fees: on ? (fees.length ? fees : [{ name: '', standard: '', basis: '', reducible: false }]) : [] })}
          data-testid="fee-chargeable"
        />
      </Space>
      {!isChargeable && <Alert type="info" showIcon title={t('ca.fee.freeHint')} className="block-gap" />}
      {fees.map((f, i) => (
        <Card
          key={i}
          size="small"
          className="block-gap"
          title={t('ca.fee.n', { n: i + 1 })}
          extra={
            !readOnly && (
              <Space size={0}>
                <Button
                  type="text"
                  size="small"
                  icon={<ArrowUpOutlined />}
                  disabled={i === 0}
                  onClick={() => onChange({ fees: move(fees, i, i - 1) })}
                  aria-label={t('ca.moveUp')}
                />
                <Button
                  type="text"
                  size="small"
                  icon={<ArrowDownOutlined />}
                  disabled={i === fees.length - 1}
                  onClick={() => onChange({ fees: move(fees, i, i + 1) })}
                  aria-label={t('ca.moveDown')}
                />
                <Button
                  type="text"
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  onClick={() => onChange({ fees: fees.filter((_x, j) => j !== i) })}
                  aria-label={t('action.remove')}
                />
              </Space>
            )
          }
        >
          <Row gutter={[16, 12]}>
            <Col xs={24} lg={12}>
              <div className="ca-field-label ca-required">{t('ca.fee.name')}</div>
              <Input
                value={f.name}
                maxLength={200}
                disabled={readOnly}
                status={f.name.trim() ? undefined : 'warning'}
                onChange={(e) => set(i, { name: e.target.value })}
              />
            </Col>
            <Col xs={24} lg={12}>
              <div className="ca-field-label ca-required">{t('ca.fee.standard')}</div>
              <Input
                value={f.standard}
                maxLength={500}
                disabled={readOnly}
                placeholder={t('ca.fee.standardPlaceholder')}
                status={f.standard.trim() ? undefined : 'warning'}
                onChange={(e) => set(i, { standard: e.target.value })}
              />
            </Col>
            <Col span={24}>
              <div className="ca-field-label">{t('ca.fee.basis')}</div>
              <Input.TextArea
                value={f.basis}
                maxLength={500}
                autoSize={{ minRows: 1, maxRows: 4 }}
                disabled={readOnly}
                onChange={(e) => set(i, { basis: e.target.value })}
              />
            </Col>
            <Col xs={24} lg={12}>
              <div className="ca-field-label">{t('ca.fee.amount')}</div>
              <InputNumber
                value={f.amountCents === undefined ? null : f.amountCents / 100}
                min={0}
                max={10_000_000}
                precision={2}
                disabled={readOnly}
                placeholder={t('ca.fee.amountHint')}
                style={{ width: '100%' }}
                onChange={(v) => set(i, { amountCents: v === null || v === undefined ? undefined : Math.round(Number(v) * 100) })}
                data-testid="fee-amount"
              />
            </Col>
            <Col xs={24} lg={12}>
              <div className="ca-field-label">{t('ca.fee.chargeAt')}</div>
              <Radio.Group
                value={f.chargeAt ?? 'decision'}
                disabled={readOnly}
                optionType="button"
                onChange={(e) => set(i, { chargeAt: e.target.value as 'acceptance' | 'decision' })}
                options={[
                  { value: 'acceptance', label: t('ca.fee.chargeAt.acceptance') },
                  { value: 'decision', label: t('ca.fee.chargeAt.decision') },
                ]}
              />
            </Col>
            <Col xs={24} lg={6}>
              <div className="ca-field-label">{t('ca.fee.reducible')}</div>
              <Switch
                checked={f.reducible}
                disabled={readOnly}
                onChange={(reducible) =>
                  onChange({ fees: fees.map((x, j) => (j === i ? (reducible ? { ...x, reducible } : { ...x, reducible, reductionBasis: undefined }) : x)) })
                }
              />
            </Col>
            {f.reducible && (
              <Col xs={24} lg={18}>
                <div className="ca-field-label">{t('ca.fee.reductionBasis')}</div>
                <Input
                  value={f.reductionBasis ?? ''}
                  maxLength={500}
                  disabled={readOnly}
                  onChange={(e) => set(i, { reductionBasis: e.target.value || undefined })}
                />
              </Col>
            )}
          </Row>
        </Card>
      ))}
      {!readOnly && isChargeable && (
        <Button
          type="dashed"
          block
          icon={<PlusOutlined />}
          disabled={fees.length >= 30}
          onClick={() => onChange({ fees: [...fees, { name: '', standard: '', basis: '', reducible: false }] })}
          data-testid="fee-add"
        >
          {t('ca.fee.add')}
        </Button>
      )}
    </div>
  );
}
