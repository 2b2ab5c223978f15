import { useEffect, useState, type ReactNode } from 'react';
import { Alert, Button, Card, Descriptions, Input, Result, Spin, Typography, Upload } from 'antd';
import {
  CheckCircleFilled,
  ClockCircleFilled,
  CloseCircleFilled,
  FilePdfOutlined,
  SafetyCertificateOutlined,
  StopFilled,
  SwapOutlined,
} from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { isLicensing } from '../../../common/decisions.ts';
import { useLocale } from '../../i18n/index.tsx';
import { useLicT, type LicT } from '../../i18n/licenses.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { isApiError } from '../../api/client.ts';
import { licenseNumberPattern, useVerifyLicense, type VerifiedLicense } from '../../api/licenses.ts';
import { ErrorState } from '../../components/PageState.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { cancelGroundLabel, dayOf, validUntilText } from '../cases/shared/Licenses.tsx';
import './licenses-admin.css';

type Verdict = VerifiedLicense['state'];

/** How each answer looks: green holds, amber holds while the renewal is decided, red no longer holds, grey replaced. */
const tone: Record<Verdict, 'ok' | 'amber' | 'bad' | 'grey'> = {
  valid: 'ok',
  deemed_renewed: 'amber',
  expired: 'bad',
  revoked: 'bad',
  cancelled: 'bad',
  superseded: 'grey',
};
const icon: Record<Verdict, ReactNode> = {
  valid: <CheckCircleFilled />,
  deemed_renewed: <ClockCircleFilled />,
  expired: <CloseCircleFilled />,
  revoked: <StopFilled />,
  cancelled: <StopFilled />,
  superseded: <SwapOutlined />,
};

/**
 * 证照核验 (public, no sign-in): anyone holding a license — a bank, an inspector, the next window — types its number
 * (or scans its QR code, which leads to /verify/<number>) and is told whether this platform issued it and whether it
 * still holds, with its public facts; a PDF copy can be compared with the one issued by its SHA-256, computed in the
 * browser (the file is not uploaded).
 */
export function VerifyLicensePage() {
  const t = useLicT();
  const navigate = useNavigate();
  const { number: param } = useParams<{ number?: string }>();
  const number = param?.trim() || undefined;
  usePageTitle(number ? `${t('licnav.verify')} ${number}` : t('licnav.verify'));
  const [text, setText] = useState(number ?? '');
  const [typedBad, setTypedBad] = useState(false);
  // the address is what is verified: a link followed (a new license's number) shows in the box
  useEffect(() => {
    setText(number ?? '');
    setTypedBad(false);
  }, [number]);
  const malformed = !!number && !licenseNumberPattern.test(number);
  const verified = useVerifyLicense(malformed ? undefined : number);

  const submit = (value: string) => {
    const n = value.trim();
    if (!n) return;
    if (!licenseNumberPattern.test(n)) {
      setTypedBad(true);
      return;
    }
    setTypedBad(false);
    if (n === number) void verified.refetch();
    else navigate(`/verify/${encodeURIComponent(n)}`);
  };

  return (
    <div className="portal-page verify-page" data-testid="verify-license">
      <div className="verify-head">
        <SafetyCertificateOutlined className="verify-head-icon" />
        <div>
          <Typography.Title level={2} className="verify-title">
            {t('licnav.verify')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('lic.ver.subtitle')}</Typography.Text>
        </div>
      </div>
      <Card className="block-gap">
        <Input.Search
          size="large"
          allowClear
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setTypedBad(false);
          }}
          onSearch={submit}
          placeholder={t('lic.ver.placeholder')}
          enterButton={
            <Button type="primary" icon={<SafetyCertificateOutlined />} data-testid="verify-submit">
              {t('lic.ver.submit')}
            </Button>
          }
          maxLength={60}
          status={typedBad ? 'error' : undefined}
          className="mono-input"
          aria-label={t('lic.ver.placeholder')}
          data-testid="verify-input"
        />
        {(typedBad || malformed) && (
          <Typography.Text type="danger" className="verify-input-error" data-testid="verify-bad-number">
            {t('lic.ver.badNumber')}
          </Typography.Text>
        )}
      </Card>

      {number && !malformed && (
        <div className="block-gap-top">
          {verified.isPending ? (
            <Card data-testid="verify-loading">
              <div className="verify-loading">
                <Spin size="large" />
                <Typography.Text type="secondary">{t('lic.ver.loading')}</Typography.Text>
              </div>
            </Card>
          ) : verified.isError ? (
            <VerifyFailed error={verified.error} onRetry={() => void verified.refetch()} retrying={verified.isFetching} />
          ) : (
            <Answer license={verified.data} />
          )}
        </div>
      )}
      <Typography.Paragraph type="secondary" className="block-gap-top cell-sub">
        {t('lic.ver.note')}
      </Typography.Paragraph>
    </div>
  );
}

/** 404: no such license here; 429: too many checks from this address; anything else: the server's word. */
function VerifyFailed({ error, onRetry, retrying }: { error: unknown; onRetry: () => void; retrying: boolean }) {
  const t = useLicT();
  if (isApiError(error) && error.status === 404)
    return (
      <Card>
        <Result status="warning" title={t('lic.ver.notFound')} subTitle={t('lic.ver.notFoundHint')} data-testid="verify-not-found" />
      </Card>
    );
  if (isApiError(error) && error.status === 429)
    return (
      <Card>
        <Result
          status="warning"
          title={t('lic.ver.tooMany')}
          data-testid="verify-too-many"
          extra={
            <Button onClick={onRetry} loading={retrying}>
              {t('action.retry')}
            </Button>
          }
        />
      </Card>
    );
  if (isApiError(error) && error.status === 400)
    return (
      <Card>
        <Result status="warning" title={t('lic.ver.badNumber')} data-testid="verify-bad-number" />
      </Card>
    );
  return (
    <Card>
      <ErrorState error={error} onRetry={onRetry} />
    </Card>
  );
}

/** What ended the license, said with its day: revoked, cancelled (and on which ground), replaced (and by which). */
function verdictText(l: VerifiedLicense, t: LicT, locale: 'zh-CN' | 'en'): string {
  switch (l.state) {
    case 'revoked':
      return t('lic.ver.say.revoked', { date: dayOf(l.revokedAt, locale) });
    case 'cancelled':
      return t('lic.ver.say.cancelled', { date: dayOf(l.cancelledAt, locale) });
    case 'superseded':
      return t('lic.ver.say.superseded', { date: dayOf(l.supersededAt, locale) });
    default:
      return t(`lic.ver.say.${l.state}`);
  }
}

function Answer({ license: l }: { license: VerifiedLicense }) {
  const t = useLicT();
  const { locale } = useLocale();
  const ground = l.cancelGround ? cancelGroundLabel(l.cancelGround, l.itemType, locale) : null;
  return (
    <>
      <div className={`verify-verdict verify-verdict-${tone[l.state]}`} data-testid="verify-verdict" data-state={l.state} role="status">
        <div className="verify-verdict-icon">{icon[l.state]}</div>
        <div className="verify-verdict-body">
          <div className="verify-verdict-word" data-testid="verify-verdict-word">
            {t(`lic.ver.verdict.${l.state}`)}
          </div>
          <div className="verify-verdict-text">{verdictText(l, t, locale)}</div>
          {l.state === 'cancelled' && ground && (
            <div className="verify-verdict-text" data-testid="verify-cancel-ground">
              {t('lic.ver.cancelGround')}
              {t('cases.colon')}
              {ground}
            </div>
          )}
          {l.state === 'superseded' && l.replacedBy && (
            <div className="verify-verdict-text" data-testid="verify-replaced-by">
              {t('lic.ver.newNumber')}
              {t('cases.colon')}
              <span className="mono">{l.replacedBy}</span>{' '}
              <Link to={`/verify/${encodeURIComponent(l.replacedBy)}`} data-testid="verify-new">
                {t('lic.ver.verifyNew')}
              </Link>
            </div>
          )}
        </div>
      </div>
      <Card className="block-gap-top" data-testid="verify-facts">
        <Descriptions
          bordered
          size="middle"
          column={{ xs: 1, md: 2 }}
          styles={{ label: { width: 150 } }}
          items={[
            { key: 'type', label: t('lic.ver.f.type'), children: <Typography.Text strong>{l.type}</Typography.Text> },
            { key: 'number', label: t('lic.ver.f.number'), children: <span className="mono">{l.number}</span> },
            {
              key: 'holder',
              label: t('lic.ver.f.holder'),
              children: (
                <span data-testid="verify-holder">
                  {l.holder}
                  {l.holderKind === 'person' && <span className="cell-sub"> {t('lic.ver.personMasked')}</span>}
                </span>
              ),
            },
            { key: 'issuer', label: t('lic.ver.f.issuer'), children: l.issuer },
            // as the license prints it: a permit's 许可事项, an ID card's or a service's 办理事项
            { key: 'subject', label: t(isLicensing(l.itemType) ? 'lic.ver.f.subject' : 'lic.ver.f.matter'), children: l.subject, span: 'filled' as const },
            { key: 'issuedAt', label: t('lic.ver.f.issuedAt'), children: dayOf(l.issuedAt, locale) },
            {
              key: 'validUntil',
              label: t('lic.ver.f.validUntil'),
              children: <span data-testid="verify-valid-until">{validUntilText(l.validUntil, locale, t)}</span>,
            },
            {
              key: 'sha256',
              label: t('lic.ver.f.sha256'),
              span: 'filled' as const,
              children: l.sha256 ? (
                <span className="mono verify-hash">{l.sha256}</span>
              ) : (
                <Typography.Text type="secondary">{t('lic.ver.noPdf')}</Typography.Text>
              ),
            },
            { key: 'checkedAt', label: t('lic.ver.f.checkedAt'), span: 'filled' as const, children: formatDateTime(l.checkedAt, locale) },
          ]}
        />
      </Card>
      <ComparePdf sha256={l.sha256} />
      <div className="block-gap-top">
        <Link to="/verify">{t('lic.ver.again')}</Link>
      </div>
    </>
  );
}

/** The SHA-256 of a file, in hex, computed here (crypto.subtle: a secure context — HTTPS or this machine). */
async function sha256Hex(file: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

type Compared = { name: string; hash: string } | { name: string; failed: true };

/** 比对电子证照文件: the visitor picks the PDF they were given; its fingerprint is compared with the issued one's. */
function ComparePdf({ sha256 }: { sha256: string | null }) {
  const t = useLicT();
  const [busy, setBusy] = useState(false);
  const [compared, setCompared] = useState<Compared | null>(null);
  const supported = typeof crypto !== 'undefined' && !!crypto.subtle;
  const pick = async (file: File) => {
    setBusy(true);
    setCompared(null);
    try {
      setCompared({ name: file.name, hash: await sha256Hex(file) });
    } catch {
      setCompared({ name: file.name, failed: true });
    } finally {
      setBusy(false);
    }
  };
  const same = compared && 'hash' in compared ? compared.hash.toLowerCase() === sha256?.toLowerCase() : null;
  return (
    <Card title={t('lic.ver.cmp.title')} className="block-gap-top" data-testid="verify-compare-card">
      <Typography.Paragraph type="secondary">{t('lic.ver.cmp.hint')}</Typography.Paragraph>
      {!sha256 ? (
        <Alert type="info" showIcon title={t('lic.ver.cmp.unavailable')} data-testid="verify-compare-unavailable" />
      ) : !supported ? (
        <Alert type="warning" showIcon title={t('lic.ver.cmp.noCrypto')} />
      ) : (
        <>
          <div data-testid="verify-pdf">
            <Upload
              accept=".pdf,application/pdf"
              showUploadList={false}
              maxCount={1}
              beforeUpload={(file) => {
                void pick(file);
                return Upload.LIST_IGNORE;
              }}
            >
              <Button icon={<FilePdfOutlined />} loading={busy}>
                {t('lic.ver.cmp.pick')}
              </Button>
            </Upload>
          </div>
          {busy && (
            <Typography.Text type="secondary" className="block-gap-top">
              {t('lic.ver.cmp.computing')}
            </Typography.Text>
          )}
          {compared && 'failed' in compared && <Alert type="error" showIcon className="block-gap-top" title={t('lic.ver.cmp.readFailed')} />}
          {compared && 'hash' in compared && (
            <Alert
              type={same ? 'success' : 'error'}
              showIcon
              className="block-gap-top"
              data-testid="verify-compare"
              data-match={same ? 'true' : 'false'}
              title={
                <span className="verify-compare-word">
                  {t(same ? 'lic.ver.cmp.same' : 'lic.ver.cmp.differ')}
                  {t('cases.colon')}
                  {t(same ? 'lic.ver.cmp.sameText' : 'lic.ver.cmp.differText')}
                </span>
              }
              description={
                <div className="cell-sub">
                  <div>{t('lic.ver.cmp.file', { name: compared.name })}</div>
                  <div>
                    {t('lic.ver.cmp.fileHash')}
                    {t('cases.colon')}
                    <span className="mono verify-hash">{compared.hash}</span>
                  </div>
                </div>
              }
            />
          )}
        </>
      )}
    </Card>
  );
}
