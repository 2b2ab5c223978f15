import { useState, type ReactNode } from 'react';
import { Alert, Button, Tooltip } from 'antd';
import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { useCaseT } from '../../../i18n/cases-pages.ts';
import { useRevealCase, type RevealedCase } from '../../../api/cases.ts';

/**
 * 显示完整信息: the case's masked numbers (the applicant's ID and phone, ID and mobile numbers in the form) in full
 * on request — each look is on the case's audit trail — and masked again. `inFull` is what to show while shown.
 */
export function useReveal(caseId: number): { inFull: RevealedCase | null; toggle: ReactNode; note: ReactNode } {
  const t = useCaseT();
  const reveal = useRevealCase(caseId);
  const [inFull, setInFull] = useState<RevealedCase | null>(null);
  const toggle = inFull ? (
    <Button size="small" type="text" icon={<EyeInvisibleOutlined />} onClick={() => setInFull(null)} data-testid="case-reveal-hide">
      {t('cases.revealHide')}
    </Button>
  ) : (
    <Tooltip title={t('cases.revealHint')}>
      <Button
        size="small"
        type="text"
        icon={<EyeOutlined />}
        loading={reveal.isPending}
        onClick={() => reveal.mutate(undefined, { onSuccess: setInFull })}
        data-testid="case-reveal"
      >
        {t('cases.reveal')}
      </Button>
    </Tooltip>
  );
  const note = inFull ? (
    <Alert type="info" showIcon banner message={t('cases.revealed')} className="case-reveal-note" data-testid="case-revealed" />
  ) : reveal.isError ? (
    <Alert type="error" showIcon banner message={reveal.error.message} className="case-reveal-note" />
  ) : null;
  return { inFull, toggle, note };
}
