import type { ErrorCode } from '@portal/contracts';
import {
  APPROVAL_STEPS,
  approvalStep,
  formatEuro,
  type ApprovalStatus,
  type ApprovalStep,
  type CallAct,
} from '@portal/domain';
import {
  AppException,
  type AuditRepository,
  type CallEntity,
  type CallLifecycleRepository,
  type DatabaseClock,
  type NotificationRepository,
  type UserEntity,
} from '@portal/server';
import type { DataSource, EntityManager } from 'typeorm';

export interface Approvable {
  id: string;
  status: ApprovalStatus;
  fingerprint: string | null;
  grantedCents: number;
  remarks: string | null;
  decisionDate: string | null;
  decisionReference: string | null;
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
  /** The audit event `proposal.sent`, `allocation.approved`, ... of the step, in the same transaction. */
  audit: {
    repository: AuditRepository;
    kind: 'proposal' | 'allocation';
    actorUserId: string;
    requestId: string | null;
  };
}): Promise<{ row: T; call: CallEntity }> {
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
  const { audit } = options;
  await audit.repository.record(
    {
      actorUserId: audit.actorUserId,
      action: `${audit.kind}.${saved.status}`,
      entityType: 'call',
      entityId: callId,
      before: { status: before },
      after: {
        status: saved.status,
        [`${audit.kind}Id`]: saved.id,
        grantedCents: saved.grantedCents,
        remarks: saved.remarks,
        decisionDate: saved.decisionDate,
        decisionReference: saved.decisionReference,
      },
      requestId: audit.requestId,
    },
    manager,
  );
  return { row: saved, call };
}

/** The mail to every minister that a proposal or allocation waits for their decision (in the sending transaction). */
export async function notifyMinisters(
  notifications: NotificationRepository,
  ministers: readonly UserEntity[],
  call: CallEntity,
  sent: { grantedCents: number; count: number },
  manager: EntityManager,
): Promise<void> {
  for (const minister of ministers) {
    await notifications.enqueue(
      {
        template: 'proposal.sent',
        recipient: minister.email,
        locale: minister.locale,
        subjectRef: call.code,
        payload: {
          recipientName: minister.displayName,
          callTitle: call.title,
          grantedEuro: formatEuro(sent.grantedCents),
          budgetEuro: formatEuro(call.budgetCents),
          count: sent.count,
        },
      },
      manager,
    );
  }
}

/** The work of one step on the locked row: before the new status (apply), or after the call's new stage. */
export type StepWork<T> = (row: T, call: CallEntity, manager: EntityManager) => Promise<void>;

/** What differs between selection proposals and catalogue allocations in the approval workflow. */
export interface ApprovalKind<T extends Approvable, V> {
  kind: 'proposal' | 'allocation';
  stateCode: Extract<ErrorCode, 'PROPOSAL_STATE' | 'ALLOCATION_STATE'>;
  latest: (callId: string, manager: EntityManager) => Promise<T | null>;
  save: (row: T, manager: EntityManager) => Promise<T>;
  view: (call: CallEntity, row: T, manager: EntityManager) => Promise<V> | V;
  /** Who is told that a proposal waits for them, and how many dossiers or subscriptions it funds. */
  ministers: (manager: EntityManager) => Promise<UserEntity[]>;
  fundedCount: (row: T) => number;
}

/** One approval step in its own transaction, answered with the kind's view of the saved row. */
export function runApprovalTransaction<T extends Approvable & { sentAt: Date | null }, V>(
  deps: {
    dataSource: DataSource;
    lifecycle: CallLifecycleRepository;
    audit: AuditRepository;
    notifications: NotificationRepository;
    clock: DatabaseClock;
  },
  kind: ApprovalKind<T, V>,
  request: {
    actorUserId: string;
    callId: string;
    step: ApprovalStep;
    requestId: string | null;
    apply: StepWork<T>;
    afterStage?: StepWork<T>;
  },
): Promise<V> {
  const { apply, afterStage } = request;
  return deps.dataSource.transaction(async (manager) => {
    const { row, call } = await runApprovalStep({
      manager,
      lifecycle: deps.lifecycle,
      callId: request.callId,
      step: request.step,
      stateCode: kind.stateCode,
      latest: (m) => kind.latest(request.callId, m),
      save: (row, m) => kind.save(row, m),
      apply: async (row, c) => {
        // Sending: the moment by the database clock, and every minister told, in the same transaction.
        if (request.step === 'send') row.sentAt = await deps.clock.now(manager);
        await apply(row, c, manager);
      },
      afterStage: async (row, c) => {
        if (request.step === 'send') {
          const funded = { grantedCents: row.grantedCents, count: kind.fundedCount(row) };
          await notifyMinisters(deps.notifications, await kind.ministers(manager), c, funded, manager);
        }
        await afterStage?.(row, c, manager);
      },
      audit: {
        repository: deps.audit,
        kind: kind.kind,
        actorUserId: request.actorUserId,
        requestId: request.requestId,
      },
    });
    return kind.view(call, row, manager);
  });
}

/**
 * The minister's approval written on the row, after what it grants is checked against the call's budget once more
 * (the database checks the dossiers' amounts again when they are written).
 */
export function recordApproval(
  row: Approvable & { approvedBy: string | null; approvedAt: Date | null },
  call: CallEntity,
  grantedCents: number,
  decision: { date: string; reference: string; by: string; at: Date },
): void {
  if (grantedCents > call.budgetCents) {
    throw new AppException('BUDGET_EXCEEDED', {
      params: { granted: formatEuro(grantedCents), budget: formatEuro(call.budgetCents) },
    });
  }
  Object.assign(row, {
    decisionDate: decision.date,
    decisionReference: decision.reference.trim(),
    approvedBy: decision.by,
    approvedAt: decision.at,
  });
}
