import { describe, expect, it } from 'vitest';
import { decisionText, decisionWording, isLicensing, itemTypes } from './decisions.ts';

describe('decisionWording', () => {
  it('keeps 准予许可 / 不予许可 and their 决定书 for a 行政许可 only', () => {
    const w = decisionWording('licensing');
    expect([w.grant[0], w.deny[0], w.grantDocument, w.denyDocument]).toEqual(['准予许可', '不予许可', '准予许可决定书', '不予许可决定书']);
    for (const type of itemTypes.filter((t) => t !== 'licensing')) {
      const other = decisionWording(type);
      expect(JSON.stringify(other), type).not.toContain('许可');
    }
  });

  it('words each type as a center does: 予以确认, 准予给付, 给予奖励, and 准予办理 for services and other powers', () => {
    const words = (type: string) => {
      const w = decisionWording(type);
      return [w.grant[0], w.deny[0], w.grantDocument, w.denyDocument];
    };
    expect(words('confirmation')).toEqual(['予以确认', '不予确认', '行政确认决定书', '不予确认决定书']);
    expect(words('payment')).toEqual(['准予给付', '不予给付', '准予给付决定书', '不予给付决定书']);
    expect(words('reward')).toEqual(['给予奖励', '不予奖励', '奖励决定书', '不予奖励决定书']);
    for (const type of ['public_service', 'other_power', 'levy', 'adjudication', 'inspection'])
      expect(words(type), type).toEqual(['准予办理', '不予办理', '办理结果通知书', '不予办理通知书']);
    // a bundle application has no type of its own
    expect(words('')).toEqual(words('public_service'));
    expect(decisionWording(null).granted).toEqual(['准予办理', 'Approved']);
  });

  it('words a permit’s 延续, 变更 and 注销 as such', () => {
    expect(decisionWording('licensing', 'renew').grantDocument).toBe('准予延续行政许可决定书');
    expect(decisionWording('licensing', 'change').deny).toEqual(['不予变更', 'Deny the change']);
    expect(decisionWording('licensing', 'cancel').granted).toEqual(['准予注销', 'Cancellation granted']);
  });

  it('says a decision in either language', () => {
    expect(decisionText(decisionWording('confirmation'), 'granted', 'zh-CN')).toBe('予以确认');
    expect(decisionText(decisionWording('confirmation'), 'denied', 'en')).toBe('Not confirmed');
    expect(isLicensing('licensing')).toBe(true);
    expect(isLicensing('confirmation')).toBe(false);
    expect(isLicensing(null)).toBe(false);
  });
});
