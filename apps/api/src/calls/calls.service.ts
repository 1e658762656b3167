import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CALL_INFORMATION_FIELDS,
  DEFAULT_REMINDER_OFFSETS_MINUTES,
  type CallInformation,
  type CallInput,
  type CallView,
  FIELD_MESSAGES,
} from '@portal/contracts';
import {
  callPhase,
  canonicalJson,
  callPublicationIssues,
  harmfulCallChanges,
  parseCallMoment,
  type CallPhase,
  type CallRulesInput,
} from '@portal/domain';
import { AppException, AuditRepository, CallEntity, DatabaseClock } from '@portal/server';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import type { AuthContext } from '../common/request-context';
import { throwIfIssues } from '../common/rule-issues';
import { CallRepository } from './call.repository';
import { toCallView } from './call-view';

type CallFields = Omit<
  CallEntity,
  | 'id'
  | 'status'
  | 'assessmentStage'
  | 'version'
  | 'dossierSeq'
  | 'publishedAt'
  | 'createdAt'
  | 'updatedAt'
  | 'kind'
  | 'catalogue'
>;

function moment(field: 'opensAt' | 'closesAt', value: string): Date {
  const parsed = parseCallMoment(value);
  if (!parsed) {
    throw new AppException('VALIDATION_FAILED', {
      errors: [
        {
          field,
          code: 'invalidMoment',
          message: FIELD_MESSAGES.invalidMoment(field),
        },
      ],
    });
  }
  return parsed;
}

/** The call's information without empty texts (an emptied field is removed, not stored as ""). */
function cleanInformation(information: CallInformation | undefined): CallInformation {
  const clean: CallInformation = {};
  for (const field of CALL_INFORMATION_FIELDS) {
    const value = information?.[field]?.trim();
    if (value) clean[field] = value;
  }
  return clean;
}

function toFields(input: CallInput): CallFields {
  return {
    code: input.code,
    title: input.title.trim(),
    description: input.description,
    applicantKinds: [...new Set(input.applicantKinds)],
    policyDomains: [...new Set(input.policyDomains)],
    opensAt: moment('opensAt', input.opensAt),
    closesAt: moment('closesAt', input.closesAt),
    maxRequestedCents: input.maxRequestedCents,
    budgetCents: input.budgetCents,
    projectStart: input.projectStart,
    projectEnd: input.projectEnd,
    oneDossierPerApplicant: input.oneDossierPerApplicant,
    attachments: input.attachments.map(({ code, label, required }) => ({ code, label, required })),
    questions: input.questions,
    criteria: input.criteria,
    tieBreak: input.tieBreak,
    information: cleanInformation(input.information),
    reminderOffsetsMinutes: [...new Set(input.reminderOffsetsMinutes ?? DEFAULT_REMINDER_OFFSETS_MINUTES)].sort(
      (a, b) => b - a,
    ),
  };
}

/** What the assessment may still change once it started (the ranking's rules); the rest is frozen (ADR 0009). */
const ASSESSMENT_RULES: ReadonlyArray<keyof CallFields> = [
  'information',
  'criteria',
  'tieBreak',
  'budgetCents',
  'reminderOffsetsMinutes',
];

/** Dates as ISO strings, objects compared by content whatever their key order (jsonb reorders keys). */
function toPlain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value ?? null)) as unknown;
}

function assertChangeAllowed(call: CallEntity, fields: CallFields, phase: CallPhase): void {
  const changed = (Object.keys(fields) as Array<keyof CallFields>).filter(
    (key) => canonicalJson(toPlain(fields[key])) !== canonicalJson(toPlain(call[key])),
  );
  if (changed.length === 0) return;
  if (phase === 'decided') throw new AppException('CALL_DECIDED', { params: { act: 'call.edit', phase } });
  const frozen =
    phase === 'proposal_sent'
      ? changed
      : phase === 'assessment'
        ? changed.filter((k) => !ASSESSMENT_RULES.includes(k))
        : [];
  if (frozen.length) {
    throw new AppException('CALL_PHASE_FORBIDS', {
      params: { act: `call.edit (${frozen.join(', ')})`, phase },
    });
  }
}

function rulesOf(call: CallFields): CallRulesInput {
  return call;
}

function snapshot(call: CallEntity): Record<string, unknown> {
  const { createdAt: _c, updatedAt: _u, ...rest } = call;
  return JSON.parse(JSON.stringify(rest)) as Record<string, unknown>;
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  return (
    error instanceof QueryFailedError &&
    (error.driverError as { code?: string; constraint?: string }).code === '23505' &&
    (error.driverError as { constraint?: string }).constraint === constraint
  );
}

@Injectable()
export class CallsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calls: CallRepository,
    private readonly clock: DatabaseClock,
    private readonly audit: AuditRepository,
  ) {}

  async list(includeDrafts: boolean): Promise<CallView[]> {
    const [calls, now, counts] = await Promise.all([
      this.calls.list(includeDrafts),
      this.clock.now(),
      includeDrafts ? this.calls.dossierCounts() : undefined,
    ]);
    return calls.map((call) => toCallView(call, now, counts ? (counts.get(call.id) ?? 0) : undefined));
  }

  /** Drafts are visible to admins only; to everyone else they do not exist. */
  async get(id: string, viewerIsAdmin: boolean): Promise<CallView> {
    const call = await this.calls.findById(id);
    if (!call || (call.status !== 'published' && !viewerIsAdmin)) throw new AppException('NOT_FOUND');
    const now = await this.clock.now();
    return toCallView(call, now, viewerIsAdmin ? await this.calls.countDossiers(id) : undefined);
  }

  async create(auth: AuthContext, input: CallInput, requestId: string | null): Promise<CallView> {
    const fields = toFields(input);
    throwIfIssues('CALL_INVALID', callPublicationIssues(rulesOf(fields)));
    try {
      return await this.dataSource.transaction(async (manager) => {
        const call = await this.calls.insert({ ...fields, status: 'draft', kind: 'project' }, manager);
        await this.audit.record(
          {
            actorUserId: auth.user.id,
            action: 'call.created',
            entityType: 'call',
            entityId: call.id,
            after: snapshot(call),
            requestId,
          },
          manager,
        );
        return toCallView(call, await this.clock.now(manager), 0);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'calls_code_unique'))
        throw new AppException('CALL_CODE_TAKEN', { params: { code: input.code } });
      throw error;
    }
  }

  async update(
    auth: AuthContext,
    id: string,
    version: number,
    patch: Partial<CallInput>,
    requestId: string | null,
  ): Promise<CallView> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const call = await this.lockForChange(id, version, manager);
        const before = snapshot(call);
        const current = this.asInput(call);
        const fields = toFields({ ...current, ...patch });
        assertChangeAllowed(call, fields, callPhase(call, await this.clock.now(manager)));
        throwIfIssues('CALL_INVALID', callPublicationIssues(rulesOf(fields)));
        const dossierCount = await this.calls.countDossiers(id, manager);
        if (dossierCount > 0)
          throwIfIssues('CALL_CHANGE_HURTS_APPLICANTS', harmfulCallChanges(rulesOf(call), rulesOf(fields)));
        Object.assign(call, fields, { version: call.version + 1 });
        const saved = await this.calls.save(call, manager);
        await this.audit.record(
          {
            actorUserId: auth.user.id,
            action: 'call.changed',
            entityType: 'call',
            entityId: id,
            before,
            after: snapshot(saved),
            requestId,
          },
          manager,
        );
        return toCallView(saved, await this.clock.now(manager), dossierCount);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'calls_code_unique'))
        throw new AppException('CALL_CODE_TAKEN', { params: { code: patch.code ?? '' } });
      throw error;
    }
  }

  async publish(auth: AuthContext, id: string, requestId: string | null): Promise<CallView> {
    return this.dataSource.transaction(async (manager) => {
      const call = await this.calls.findById(id, manager, true);
      if (!call) throw new AppException('NOT_FOUND');
      const now = await this.clock.now(manager);
      if (call.status === 'published') return toCallView(call, now);
      throwIfIssues('CALL_INVALID', callPublicationIssues(rulesOf(call)));
      const before = snapshot(call);
      call.status = 'published';
      call.publishedAt = now;
      call.version += 1;
      const saved = await this.calls.save(call, manager);
      await this.audit.record(
        {
          actorUserId: auth.user.id,
          action: 'call.published',
          entityType: 'call',
          entityId: id,
          before,
          after: snapshot(saved),
          requestId,
        },
        manager,
      );
      return toCallView(saved, now);
    });
  }

  private async lockForChange(id: string, version: number, manager: EntityManager): Promise<CallEntity> {
    const call = await this.calls.findById(id, manager, true);
    if (!call) throw new AppException('NOT_FOUND');
    if (call.version !== version)
      throw new AppException('VERSION_CONFLICT', {
        params: { current: call.version },
        extra: { currentVersion: call.version },
      });
    return call;
  }

  private asInput(call: CallEntity): CallInput {
    return {
      code: call.code,
      title: call.title,
      description: call.description,
      applicantKinds: call.applicantKinds,
      policyDomains: call.policyDomains,
      opensAt: call.opensAt.toISOString(),
      closesAt: call.closesAt.toISOString(),
      maxRequestedCents: call.maxRequestedCents,
      budgetCents: call.budgetCents,
      projectStart: call.projectStart,
      projectEnd: call.projectEnd,
      oneDossierPerApplicant: call.oneDossierPerApplicant,
      attachments: call.attachments,
      questions: call.questions,
      criteria: call.criteria,
      tieBreak: call.tieBreak,
      information: call.information,
      reminderOffsetsMinutes: call.reminderOffsetsMinutes,
    };
  }
}
