import { useState } from 'react';
import { Button, Form, Input, Modal, Popconfirm, Space, Tag } from 'antd';
import { CheckOutlined, FileSearchOutlined, RollbackOutlined, SaveOutlined, SendOutlined, StopOutlined, BranchesOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useT } from '../../../i18n/index.tsx';
import { useFeedback } from '../../../components/feedback-context.tsx';
import { useConflictHandler } from '../../../components/conflict.tsx';
import { can } from '../../../api/auth.ts';
import type { Me } from '../../../api/types.ts';
import { catalogAdminApi, catalogAdminKeys, type AdminItem, type Problem } from '../../../api/catalog-admin.ts';
import type { DraftState } from './useItemDraft.ts';
import { problemsOfError } from './ProblemsPanel.tsx';

/** A note or reason asked for before an action (退回 needs a note, 取消 a reason). */
function NoteModal({
  title,
  label,
  okText,
  min,
  danger,
  loading,
  onOk,
  onClose,
  testId,
}: {
  title: string;
  label: string;
  okText: string;
  min: number;
  danger?: boolean;
  loading: boolean;
  onOk: (text: string) => void;
  onClose: () => void;
  testId: string;
}) {
  const t = useT();
  const [form] = Form.useForm<{ text: string }>();
  return (
    <Modal
      open
      title={title}
      okText={okText}
      cancelText={t('action.cancel')}
      okButtonProps={{ danger, loading, id: `${testId}-ok` }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => onOk(v.text.trim())}>
        <Form.Item
          name="text"
          label={label}
          rules={[
            { required: true, whitespace: true, message: t('form.required', { label }) },
            { min, message: t('ca.action.noteMin', { n: min }) },
          ]}
        >
          <Input.TextArea rows={4} maxLength={min > 1 ? 500 : 1000} showCount data-testid={testId} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * The action bar: 保存草稿, 检查, 送审 for the editor of a draft; 审核通过 / 退回 for a reviewer who did
 * not submit it; 发起变更 on a published item; 取消事项.
 */
export function ItemActions({
  item,
  draft,
  me,
  onSaved,
  onProblems,
  onReload,
}: {
  item: AdminItem;
  draft: DraftState;
  me: Me;
  onSaved: (version: number) => void;
  onProblems: (problems: Problem[] | null) => void;
  onReload: () => void;
}) {
  const t = useT();
  const { message } = useFeedback();
  const queryClient = useQueryClient();
  const [onConflict, conflictHolder] = useConflictHandler();
  const [asking, setAsking] = useState<'reject' | 'cancel' | null>(null);
  const canManage = can(me, 'catalog.manage');
  const canReview = can(me, 'catalog.review');
  const open = item.open;
  const isDraft = open?.state === 'draft' && !item.delegatedFrom && item.status !== 'cancelled';
  const inReview = open?.state === 'in_review';
  const ownSubmission = inReview && open?.submittedBy === me.id;
  const refresh = () => queryClient.invalidateQueries({ queryKey: catalogAdminKeys.all });

  /** Save when there are edits; answers the version to submit with. */
  const saveIfDirty = async () => {
    if (!draft.content || draft.version === null) throw new Error('no draft');
    if (!draft.dirty) return draft.version;
    const r = await catalogAdminApi.saveDraft(item.id, draft.content, draft.version);
    onSaved(r.version);
    return r.version;
  };
  const fail = (error: Error) => {
    const problems = problemsOfError(error);
    if (problems) {
      onProblems(problems);
      message.error({ content: t('ca.action.hasProblems', { count: problems.length }), key: 'item-action' });
    } else onConflict(error, onReload);
  };

  const save = useMutation({
    meta: { silent: true },
    mutationFn: saveIfDirty,
    onSuccess: () => {
      message.success({ content: t('ca.action.saved'), key: 'item-action' });
      onProblems(null);
      return refresh();
    },
    onError: fail,
  });
  const check = useMutation({
    meta: { silent: true },
    mutationFn: () => catalogAdminApi.check(item.id, draft.content!),
    onSuccess: (r) => onProblems(r.problems),
    onError: fail,
  });
  const submit = useMutation({
    meta: { silent: true },
    mutationFn: async () => {
      await saveIfDirty();
      return catalogAdminApi.submit(item.id);
    },
    onSuccess: () => {
      message.success({ content: t('ca.action.submitted'), key: 'item-action' });
      onProblems(null);
      return refresh();
    },
    onError: fail,
  });
  const review = useMutation({
    meta: { silent: true },
    mutationFn: (v: { decision: 'approve' | 'reject'; note?: string }) => catalogAdminApi.review(item.id, v.decision, v.note),
    onSuccess: (_r, v) => {
      message.success({ content: v.decision === 'approve' ? t('ca.action.approved') : t('ca.action.rejected'), key: 'item-action' });
      setAsking(null);
      return refresh();
    },
    onError: fail,
  });
  const change = useMutation({
    meta: { silent: true },
    mutationFn: () => catalogAdminApi.startVersion(item.id),
    onSuccess: (r) => {
      message.success({ content: t('ca.action.changeStarted', { n: r.number }), key: 'item-action' });
      return refresh();
    },
    onError: fail,
  });
  const cancel = useMutation({
    meta: { silent: true },
    mutationFn: (reason: string) => catalogAdminApi.cancel(item.id, reason),
    onSuccess: (r) => {
      message.success({ content: t('ca.action.cancelled', { count: r.cancelled }), key: 'item-action' });
      setAsking(null);
      return refresh();
    },
    onError: fail,
  });
  const busy = save.isPending || check.isPending || submit.isPending || review.isPending || change.isPending || cancel.isPending;

  return (
    <Space wrap data-testid="item-actions">
      {conflictHolder}
      {isDraft && canManage && (
        <>
          <Button icon={<SaveOutlined />} onClick={() => save.mutate()} loading={save.isPending} disabled={busy && !save.isPending} data-testid="action-save">
            {t('ca.action.save')}
          </Button>
          <Button
            icon={<FileSearchOutlined />}
            onClick={() => check.mutate()}
            loading={check.isPending}
            disabled={busy && !check.isPending}
            data-testid="action-check"
          >
            {t('ca.action.check')}
          </Button>
          <Popconfirm title={t('ca.action.submitConfirm')} onConfirm={() => submit.mutate()} okText={t('ca.action.submit')} cancelText={t('action.cancel')}>
            <Button type="primary" icon={<SendOutlined />} loading={submit.isPending} disabled={busy && !submit.isPending} data-testid="action-submit">
              {t('ca.action.submit')}
            </Button>
          </Popconfirm>
        </>
      )}
      {inReview && ownSubmission && <Tag color="orange">{t('ca.action.awaitingOthers')}</Tag>}
      {inReview && canReview && !ownSubmission && (
        <>
          <Popconfirm
            title={t('ca.action.approveConfirm')}
            onConfirm={() => review.mutate({ decision: 'approve' })}
            okText={t('ca.action.approve')}
            cancelText={t('action.cancel')}
          >
            <Button type="primary" icon={<CheckOutlined />} loading={review.isPending && review.variables?.decision === 'approve'} data-testid="action-approve">
              {t('ca.action.approve')}
            </Button>
          </Popconfirm>
          <Button danger icon={<RollbackOutlined />} onClick={() => setAsking('reject')} data-testid="action-reject">
            {t('ca.action.reject')}
          </Button>
        </>
      )}
      {canManage && !open && item.status === 'published' && !item.delegatedFrom && (
        <Button type="primary" icon={<BranchesOutlined />} onClick={() => change.mutate()} loading={change.isPending} data-testid="action-change">
          {t('ca.action.change')}
        </Button>
      )}
      {canManage && item.status !== 'cancelled' && (
        <Button danger type="text" icon={<StopOutlined />} onClick={() => setAsking('cancel')} disabled={busy} data-testid="action-cancel">
          {t('ca.action.cancel')}
        </Button>
      )}
      {asking === 'reject' && (
        <NoteModal
          title={t('ca.action.rejectTitle')}
          label={t('ca.action.rejectNote')}
          okText={t('ca.action.reject')}
          min={1}
          danger
          loading={review.isPending}
          onOk={(note) => review.mutate({ decision: 'reject', note })}
          onClose={() => setAsking(null)}
          testId="reject-note"
        />
      )}
      {asking === 'cancel' && (
        <NoteModal
          title={t('ca.action.cancelTitle', { name: item.published?.content.name ?? item.open?.content.name ?? item.code })}
          label={t('ca.action.cancelReason')}
          okText={t('ca.action.cancelOk')}
          min={2}
          danger
          loading={cancel.isPending}
          onOk={(reason) => cancel.mutate(reason)}
          onClose={() => setAsking(null)}
          testId="cancel-reason"
        />
      )}
    </Space>
  );
}
