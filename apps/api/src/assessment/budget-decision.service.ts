import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FIELD_MESSAGES, type BudgetDecisionInput, type BudgetDecisionView } from '@portal/contracts';
import { formatEuro, isActAllowed } from '@portal/domain';
import { AppException, AuditRepository, CallLifecycleRepository } from '@portal/server';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthContext } from '../common/request-context';
import { AssessmentRepository } from './assessment.repository';

function invalid(field: string, message: { nl: string; en: string }): AppException {
  return new AppException('VALIDATION_FAILED', { errors: [{ field, code: 'invalid', message }] });
}

/**
 * A motivated raise of a call's budget once the assessment started (ADR 0009): by the administration before the
 * decision (a computed proposal becomes stale), by the minister after it (a decision of its own, with date and
 * reference). Never below what is awarded, never lower than before: both held by the database too.
 */
@Injectable()
export class BudgetDecisionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: AssessmentRepository,
    private readonly lifecycle: CallLifecycleRepository,
    private readonly audit: AuditRepository,
  ) {}

  async list(callId: string, manager?: EntityManager): Promise<BudgetDecisionView[]> {
    const decisions = await this.lifecycle.budgetDecisions(callId, manager);
    const users = new Map(
      (await this.repository.usersById([...new Set(decisions.map((d) => d.decidedBy))], manager)).map((u) => [
        u.id,
        u.displayName,
      ]),
    );
    return decisions.map((d) => ({
      id: d.id,
      beforeCents: d.beforeCents,
      afterCents: d.afterCents,
      motivation: d.motivation,
      decidedRole: d.decidedRole,
      decidedByName: users.get(d.decidedBy) ?? '',
      decidedAt: d.decidedAt.toISOString(),
      decisionDate: d.decisionDate,
      decisionReference: d.decisionReference,
    }));
  }

  async decide(
    auth: AuthContext,
    callId: string,
    input: BudgetDecisionInput,
    requestId: string | null,
  ): Promise<BudgetDecisionView[]> {
    await this.dataSource.transaction(async (manager) => {
      const { call, phase } = await this.lifecycle.require(callId, 'budget.decide', manager, 'update');
      const role = phase === 'decided' ? 'minister' : 'admin';
      if (!auth.user.roles.includes(role) || !isActAllowed('budget.decide', phase, role)) {
        throw new AppException(phase === 'decided' ? 'CALL_DECIDED' : 'FORBIDDEN', {
          params: { act: 'budget.decide', phase },
        });
      }
      if (input.budgetCents <= call.budgetCents) {
        throw invalid(
          'budgetCents',
          FIELD_MESSAGES.budgetRaiseOnly({ nl: formatEuro(call.budgetCents, 'nl'), en: formatEuro(call.budgetCents, 'en') }),
        );
      }
      const awarded = await this.lifecycle.awardedCents(callId, manager);
      if (input.budgetCents < awarded) throw new AppException('BUDGET_BELOW_AWARDED');
      if (role === 'minister' && (!input.decisionDate || !input.decisionReference?.trim())) {
        throw invalid('decisionReference', FIELD_MESSAGES.budgetDecisionReference());
      }
      const before = call.budgetCents;
      const saved = await this.lifecycle.raiseBudget(
        call,
        {
          afterCents: input.budgetCents,
          motivation: input.motivation.trim(),
          decidedBy: auth.user.id,
          decidedRole: role,
          decisionDate: role === 'minister' ? input.decisionDate! : null,
          decisionReference: role === 'minister' ? input.decisionReference!.trim() : null,
        },
        manager,
      );
      await this.audit.record(
        {
          actorUserId: auth.user.id,
          action: 'call.budget_decided',
          entityType: 'call',
          entityId: callId,
          before: { budgetCents: before },
          after: {
            budgetCents: saved.afterCents,
            budgetDecisionId: saved.id,
            motivation: saved.motivation,
            role,
            decisionDate: saved.decisionDate,
            decisionReference: saved.decisionReference,
          },
          requestId,
        },
        manager,
      );
    });
    return this.list(callId);
  }
}
