import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PaymentScheduleView, ScheduleTrancheInput } from '@portal/contracts';
import { scheduleProblem } from '@portal/domain';
import { AppException, AuditRepository, CallLifecycleRepository } from '@portal/server';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../common/request-context';
import { PaymentScheduleRepository } from './payment-schedule.repository';

const PROBLEM_TEXT: Record<string, { nl: string; en: string }> = {
  SCHEDULE_EMPTY: { nl: 'geef minstens één schijf', en: 'give at least one tranche' },
  SCHEDULE_TOO_MANY: { nl: 'hoogstens 6 schijven', en: 'at most 6 tranches' },
  SCHEDULE_SHARE_INVALID: {
    nl: 'elk aandeel ligt tussen 0,01 % en 100 % (1 tot 10 000 basispunten)',
    en: 'each share lies between 0.01% and 100% (1 to 10,000 basis points)',
  },
  SCHEDULE_TRIGGER_INVALID: { nl: 'onbekende aanleiding', en: 'unknown trigger' },
  SCHEDULE_SUM_NOT_100: {
    nl: 'de aandelen tellen op tot {sum} % in plaats van 100 %',
    en: 'the shares add up to {sum}% instead of 100%',
  },
};

/** The call's payment schedule: read by everyone who sees the call, set by the administration until a batch exists. */
@Injectable()
export class PaymentScheduleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly schedules: PaymentScheduleRepository,
    private readonly lifecycle: CallLifecycleRepository,
    private readonly audit: AuditRepository,
  ) {}

  async view(callId: string): Promise<PaymentScheduleView> {
    const found = await this.lifecycle.read(callId);
    if (!found) throw new AppException('NOT_FOUND');
    const [{ tranches, isDefault }, locked] = await Promise.all([
      this.schedules.schedule(callId),
      this.schedules.locked(callId),
    ]);
    return { callId, isDefault, editable: !locked, tranches };
  }

  async set(
    auth: AuthContext,
    callId: string,
    tranches: ScheduleTrancheInput[],
    requestId: string | null,
  ): Promise<PaymentScheduleView> {
    const problem = scheduleProblem(tranches);
    if (problem) {
      const index = 'index' in problem ? problem.index : null;
      const sum = 'sumBasisPoints' in problem ? String(problem.sumBasisPoints / 100) : '';
      const text = PROBLEM_TEXT[problem.code];
      throw new AppException('SCHEDULE_INVALID', {
        errors: [
          {
            field: index === null ? 'tranches' : `tranches.${index}`,
            code: problem.code.toLowerCase(),
            message: {
              nl: `Betalingsschema: ${text.nl.replace('{sum}', sum.replace('.', ','))}.`,
              en: `Payment schedule: ${text.en.replace('{sum}', sum)}.`,
            },
          },
        ],
      });
    }
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.lifecycle.read(callId, manager))) throw new AppException('NOT_FOUND');
      const before = await this.schedules.schedule(callId, manager);
      // The trigger takes the call row and refuses with SCHEDULE_LOCKED once a batch exists; this answers first.
      if (await this.schedules.locked(callId, manager)) throw new AppException('SCHEDULE_LOCKED');
      await this.schedules.replace(callId, tranches, auth.user.id, manager);
      await this.audit.record(
        {
          actorUserId: auth.user.id,
          action: 'payment_schedule.set',
          entityType: 'call',
          entityId: callId,
          before: { tranches: before.tranches, isDefault: before.isDefault },
          after: { tranches: tranches.map((t, i) => ({ position: i + 1, ...t })), isDefault: false },
          requestId,
        },
        manager,
      );
    });
    return this.view(callId);
  }
}
