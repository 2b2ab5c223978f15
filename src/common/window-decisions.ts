/**
 * The stages a window clerk (综合窗口人员) may act at. A clerk receives and delivers; of an immediate item
 * (即办件) whose department authorized the window to decide it on the spot (窗口授权办理), the clerk also
 * decides and concludes — the item's process names the clerk at those stages. Review, and the decisions
 * of committed items, belong to the department's approvers and heads.
 */
export function clerkMayActAt(stage: string, caseKind: 'immediate' | 'committed'): boolean {
  return stage === 'receive' || stage === 'deliver' || (caseKind === 'immediate' && (stage === 'decide' || stage === 'conclude'));
}
