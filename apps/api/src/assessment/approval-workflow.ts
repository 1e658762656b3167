import type { ErrorCode } from '@portal/contracts';
import { APPROVAL_STEPS, approvalStep, type ApprovalStatus, type ApprovalStep, type CallAct } from '@portal/domain';
import { AppException, type CallEntity, type CallLifecycleRepository } from '@portal/server';
import type { EntityManager } from 'typeorm';

export interface Approvable {
  id: string;
  status: ApprovalStatus;
  fingerprint: string | null;
}

const ACT_OF_STEP: Record<ApprovalStep, CallAct> = {
  send: 'proposal.send',
  return: 'proposal.return',
  approve: 'proposal.approve',
};

/**
 * One step of the approval workflow (domain `APPROVAL_STEPS`), shared by selection proposals and catalogue
 * allocations, inside the caller's transaction: the call row locked FOR UPDATE and its phase checked, the latest
 * proposal locked, its status checked, a stale proposal or open reviews refused; then `apply`, the new status, the
 * call's new stage and `afterStage` (the decision's own writes, which need the decided stage).
 */
export async function runApprovalStep<T extends Approvable>(options: {
  manager: EntityManager;
  lifecycle: CallLifecycleRepository;
  callId: string;
  step: ApprovalStep;
  stateCode: Extract<ErrorCode, 'PROPOSAL_STATE' | 'ALLOCATION_STATE'>;
  latest: (manager: EntityManager) => Promise<T | null>;
  save: (row: T, manager: EntityManager) => Promise<T>;
  apply?: (row: T, call: CallEntity) => Promise<void> | void;
  afterStage?: (row: T, call: CallEntity) => Promise<void>;
}): Promise<{ row: T; call: CallEntity; before: ApprovalStatus }> {
  const { manager, lifecycle, callId, step } = options;
  const act = ACT_OF_STEP[step];
  if (!(await lifecycle.lock(callId, 'update', manager))) throw new AppException('NOT_FOUND');
  const row = await options.latest(manager);
  if (!row) throw new AppException('NOT_FOUND');
  const before = row.status;
  const to = approvalStep(row.status, step);
  if (!to) throw new AppException(options.stateCode, { params: { status: row.status } });
  const { call } =
    step === 'send'
      ? await lifecycle.enterAssessment(callId, act, manager)
      : await lifecycle.require(callId, act, manager, 'update');
  if (step !== 'return') {
    const open = (await lifecycle.openReviews(callId, manager)).length;
    if (open > 0) throw new AppException('REVIEWS_OPEN', { params: { count: open } });
    if (row.fingerprint !== (await lifecycle.fingerprint(callId, manager))) throw new AppException('PROPOSAL_STALE');
  }
  await options.apply?.(row, call);
  row.status = to;
  const saved = await options.save(row, manager);
  await lifecycle.setStage(call, APPROVAL_STEPS[step].stage, manager);
  await options.afterStage?.(saved, call);
  return { row: saved, call, before };
}
