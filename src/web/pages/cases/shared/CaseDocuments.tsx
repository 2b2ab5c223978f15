import { Button, Card, Col, Divider, Empty, List, Row, Tag, Tooltip, Typography } from 'antd';
import { FeesPanel } from './FeesPanel.tsx';
import { DownloadOutlined, FilePdfOutlined, LockOutlined } from '@ant-design/icons';
import { useFeesT } from '../../../i18n/case-fees.ts';
import { useLocale } from '../../../i18n/index.tsx';
import { formatDateTime } from '../../../i18n/format.ts';
import { useCaseDocuments, type CaseDocument } from '../../../api/case-fees.ts';
import { QueryState } from '../../../components/PageState.tsx';
import { useLicT } from '../../../i18n/licenses.ts';
import { validUntilText } from './Licenses.tsx';

/**
 * 文书与结果: the case's notices, decisions, license and receipts, each a PDF to open or download. A bundle
 * application's list goes on with its item cases' results (their decisions and licenses), each named by its item case.
 */
export function CaseDocuments({ caseId }: { caseId: number }) {
  const t = useFeesT();
  const docs = useCaseDocuments(caseId);
  return (
    <QueryState query={docs} rows={2}>
      {(data) => {
        if (data.items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('docs.none')} />;
        const own = data.items.filter((d) => !d.ofCase);
        const ofItemCases = data.items.filter((d) => d.ofCase);
        return (
          <>
            {own.length > 0 && <DocumentList items={own} testId="case-documents" />}
            {ofItemCases.length > 0 && (
              <>
                <Divider titlePlacement="start" plain>
                  {t('docs.ofItemCases')}
                </Divider>
                <DocumentList items={ofItemCases} testId="item-case-documents" />
              </>
            )}
          </>
        );
      }}
    </QueryState>
  );
}

/** A document as the server lists it: a license also says when its grant was revoked (撤销), if it was. */

function DocumentList({ items, testId }: { items: CaseDocument[]; testId: string }) {
  const t = useFeesT();
  const lt = useLicT();
  const { locale } = useLocale();
  return (
    <List
      size="small"
      dataSource={items}
      data-testid={testId}
      renderItem={(d) => (
        <List.Item
          actions={[
            d.url ? (
              <Button key="dl" size="small" icon={<DownloadOutlined />} href={d.url} target="_blank" data-testid={`document-${d.kind}`}>
                {t('docs.download')}
              </Button>
            ) : (
              // a result the applicant gets once what its delivery waits for is done
              <Tooltip key="held" title={t(`docs.withheld.${d.withheld ?? 'fees_unpaid'}.why`)}>
                <Tag icon={<LockOutlined />} color="warning" data-testid={`document-${d.kind}-withheld`}>
                  {t(`docs.withheld.${d.withheld ?? 'fees_unpaid'}`)}
                </Tag>
              </Tooltip>
            ),
          ]}
        >
          <List.Item.Meta
            avatar={<FilePdfOutlined style={{ fontSize: 22, color: '#cf1322' }} />}
            title={
              <>
                <Typography.Text strong>{d.title}</Typography.Text> {!d.title.startsWith(t(`docs.kind.${d.kind}`)) && <Tag>{t(`docs.kind.${d.kind}`)}</Tag>}
                {d.supersededAt && (
                  <Tag color="default" data-testid="document-superseded">
                    {lt('lic.doc.superseded')}
                  </Tag>
                )}
                {/* 注销: the issuing department cancelled the license */}
                {d.cancelledAt && (
                  <Tag color="red" data-testid="document-cancelled">
                    {lt('lic.doc.cancelled')}
                  </Tag>
                )}
                {/* 撤销: the grant was revoked (the commitment found false), and its license with it */}
                {d.kind === 'license' && d.revokedAt && (
                  <Tag color="red" variant="solid" data-testid="document-revoked">
                    {lt('lic.doc.revoked')}
                  </Tag>
                )}
              </>
            }
            description={
              <div className="cell-sub">
                {/* a bundle application's list: the item case whose result it is */}
                {d.ofCase && (
                  <div data-testid="document-of-case">
                    {d.ofCase.subject} · <span className="mono nowrap">{d.ofCase.number}</span>
                  </div>
                )}
                {/* the number and the moment each on one line, whatever the width the kind's tag leaves */}
                <span className="mono nowrap" data-testid="document-number">
                  {d.number}
                </span>{' '}
                <span className="nowrap">· {formatDateTime(d.createdAt, locale)}</span>
                {d.kind === 'license' && <LicenseValidity d={d} />}
              </div>
            }
          />
        </List.Item>
      )}
    />
  );
}

/**
 * A license's validity (证照有效期): until when it holds — or, once it no longer does, not as if it still ran: a revoked
 * license says when it was revoked, a cancelled or replaced one shows its last day struck through.
 */
function LicenseValidity({ d }: { d: CaseDocument }) {
  const lt = useLicT();
  const { locale } = useLocale();
  if (d.revokedAt)
    return (
      <div className="case-overdue keep-words" data-testid="document-valid-until" data-ended="revoked">
        {lt('lic.doc.revokedOn', { date: formatDateTime(d.revokedAt, locale) })}
      </div>
    );
  if (d.validUntil === undefined) return null;
  const text = d.validUntil ? lt('lic.doc.validUntil', { date: validUntilText(d.validUntil, locale, lt) }) : lt('lic.noEnd');
  const ended = d.cancelledAt ? 'cancelled' : d.supersededAt ? 'superseded' : undefined;
  return (
    <div className="keep-words" data-testid="document-valid-until" data-ended={ended}>
      {ended ? (
        <Typography.Text delete type="secondary">
          {text}
        </Typography.Text>
      ) : (
        text
      )}
    </div>
  );
}

/** The fees panel and the documents list side by side, as the case pages show them. */
export function FeesAndDocuments({ caseId, feesMode }: { caseId: number; feesMode: 'window' | 'applicant' | 'view' }) {
  const t = useFeesT();
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}>
        <Card title={t('fees.title')} className="block-gap" data-testid="fees-card">
          <FeesPanel caseId={caseId} mode={feesMode} />
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card title={t('docs.title')} className="block-gap" data-testid="documents-card">
          <CaseDocuments caseId={caseId} />
        </Card>
      </Col>
    </Row>
  );
}
