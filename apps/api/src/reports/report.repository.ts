import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CallInformation,
  CallQuestion,
  CostLine,
  ReportIndicatorDefinition,
  ReportIndicatorValue,
  ReportKind,
} from '@portal/contracts';
import type { SubmittedContent } from '@portal/domain';
import { CallReportSettingsEntity, DossierReportEntity, memberOfApplicant } from '@portal/server';
import { DataSource, EntityManager, In } from 'typeorm';

/** An awarded (or once awarded) dossier as the reports see it: its submitted version, call and applicant. */
export interface ReportDossier {
  id: string;
  callId: string;
  status: string;
  reference: string | null;
  title: string;
  grantedCents: number;
  callTitle: string;
  callInformation: CallInformation;
  callQuestions: CallQuestion[];
  applicantName: string;
  creator: { email: string; displayName: string; locale: 'nl' | 'en' };
  submitted: SubmittedContent | null;
}

interface DossierRow {
  id: string;
  call_id: string;
  status: string;
  reference: string | null;
  title: string;
  granted_cents: string | null;
  call_title: string;
  call_information: CallInformation;
  call_questions: CallQuestion[];
  applicant_name: string;
  email: string;
  display_name: string;
  locale: 'nl' | 'en';
  submitted: SubmittedContent | null;
}

const DOSSIER_SELECT = `
  SELECT d.id, d.call_id, d.status, d.reference, d.granted_cents,
         coalesce(s.content->>'title', d.title) AS title, s.content AS submitted,
         c.title AS call_title, c.information AS call_information, c.questions AS call_questions,
         a.legal_name AS applicant_name, u.email, u.display_name, u.locale
    FROM dossiers d
    JOIN calls c ON c.id = d.call_id
    JOIN applicants a ON a.id = d.applicant_id
    JOIN users u ON u.id = d.created_by
    LEFT JOIN LATERAL (SELECT content FROM dossier_submissions x WHERE x.dossier_id = d.id
                        ORDER BY x.number DESC LIMIT 1) s ON true`;

function toDossier(row: DossierRow): ReportDossier {
  return {
    id: row.id,
    callId: row.call_id,
    status: row.status,
    reference: row.reference,
    title: row.title,
    grantedCents: Number(row.granted_cents ?? 0),
    callTitle: row.call_title,
    callInformation: row.call_information,
    callQuestions: row.call_questions,
    applicantName: row.applicant_name,
    creator: { email: row.email, displayName: row.display_name, locale: row.locale },
    submitted: row.submitted,
  };
}

/** Reports after the award (ADR 0024): every query of the reports module. */
@Injectable()
export class ReportRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get manager(): EntityManager {
    return this.dataSource.manager;
  }

  settings(callId: string, manager: EntityManager = this.manager): Promise<CallReportSettingsEntity | null> {
    return manager.findOneBy(CallReportSettingsEntity, { callId });
  }

  async saveSettings(
    row: {
      callId: string;
      interimRequired: boolean;
      interimDueAt: Date | null;
      finalDueAt: Date;
      indicators: ReportIndicatorDefinition[];
      updatedBy: string;
    },
    manager: EntityManager,
  ): Promise<CallReportSettingsEntity> {
    await manager.query(
      `INSERT INTO call_report_settings (call_id, interim_required, interim_due_at, final_due_at, indicators, updated_by)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6)
       ON CONFLICT (call_id) DO UPDATE SET interim_required = $2, interim_due_at = $3, final_due_at = $4,
         indicators = $5::jsonb, updated_by = $6, updated_at = now()`,
      [
        row.callId,
        row.interimRequired,
        row.interimDueAt,
        row.finalDueAt,
        JSON.stringify(row.indicators),
        row.updatedBy,
      ],
    );
    return manager.findOneByOrFail(CallReportSettingsEntity, { callId: row.callId });
  }

  /** The dossier when `userId` is null (the administration) or a member of its applicant; null otherwise. */
  async dossier(
    dossierId: string,
    userId: string | null,
    manager: EntityManager = this.manager,
  ): Promise<ReportDossier | null> {
    const rows = await manager.query<DossierRow[]>(
      `${DOSSIER_SELECT} WHERE d.id = $1 AND ($2::uuid IS NULL OR ${memberOfApplicant('d.applicant_id', '$2')})`,
      [dossierId, userId],
    );
    return rows[0] ? toDossier(rows[0]) : null;
  }

  /** The awarded dossiers of a call (declined ones keep their reports' history but ask for no new ones). */
  async awardedDossiers(callId: string): Promise<ReportDossier[]> {
    const rows = await this.manager.query<DossierRow[]>(
      `${DOSSIER_SELECT} WHERE d.call_id = $1 AND d.status = 'awarded' ORDER BY d.reference`,
      [callId],
    );
    return rows.map(toDossier);
  }

  /** Who receives a mail about a report: the person who submitted it. */
  async user(
    id: string,
    manager: EntityManager = this.manager,
  ): Promise<{ email: string; displayName: string; locale: 'nl' | 'en' } | null> {
    const rows = await manager.query<Array<{ email: string; display_name: string; locale: 'nl' | 'en' }>>(
      'SELECT email, display_name, locale FROM users WHERE id = $1 AND deactivated_at IS NULL',
      [id],
    );
    return rows[0] ? { email: rows[0].email, displayName: rows[0].display_name, locale: rows[0].locale } : null;
  }

  report(
    dossierId: string,
    kind: ReportKind,
    manager: EntityManager = this.manager,
  ): Promise<DossierReportEntity | null> {
    return manager.findOneBy(DossierReportEntity, { dossierId, kind });
  }

  reportById(id: string, manager: EntityManager = this.manager): Promise<DossierReportEntity | null> {
    return manager.findOneBy(DossierReportEntity, { id });
  }

  reportsOf(dossierIds: string[]): Promise<DossierReportEntity[]> {
    if (dossierIds.length === 0) return Promise.resolve([]);
    return this.manager.findBy(DossierReportEntity, { dossierId: In(dossierIds) });
  }

  /**
   * Starts the report unless it exists (two first saves at once start one), at version 0: the version a client has
   * seen of a report never saved; the first save makes it 1. True when this call started it.
   */
  async start(
    row: { dossierId: string; kind: ReportKind; plannedCostsCents: number; grantedCents: number; createdBy: string },
    manager: EntityManager,
  ): Promise<boolean> {
    const inserted = await manager.query<unknown[]>(
      `INSERT INTO dossier_reports (dossier_id, kind, planned_costs_cents, granted_cents, created_by, version)
       VALUES ($1, $2, $3, $4, $5, 0) ON CONFLICT (dossier_id, kind) DO NOTHING RETURNING id`,
      [row.dossierId, row.kind, row.plannedCostsCents, row.grantedCents, row.createdBy],
    );
    return inserted.length > 0;
  }

  /** The report row, locked until the transaction ends: every change of a report holds it. */
  lock(dossierId: string, kind: ReportKind, manager: EntityManager): Promise<DossierReportEntity | null> {
    return manager
      .createQueryBuilder(DossierReportEntity, 'r')
      .setLock('pessimistic_write')
      .where('r.dossier_id = :dossierId AND r.kind = :kind', { dossierId, kind })
      .getOne();
  }

  lockById(id: string, manager: EntityManager): Promise<DossierReportEntity | null> {
    return manager
      .createQueryBuilder(DossierReportEntity, 'r')
      .setLock('pessimistic_write')
      .where('r.id = :id', { id })
      .getOne();
  }

  async saveDraft(
    id: string,
    fields: { narrative: string; indicators: ReportIndicatorValue[]; costLines: CostLine[] },
    manager: EntityManager,
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(DossierReportEntity)
      .set({
        narrative: fields.narrative,
        indicators: fields.indicators,
        costLines: fields.costLines,
        version: () => 'version + 1',
        updatedAt: () => 'now()',
      })
      .where(`id = :id AND status IN ('draft','changes_requested')`, { id })
      .execute();
  }

  /** Draft or changes requested -> submitted; false when the report was not in one of those (a race lost). */
  async submit(id: string, by: string, declaration: string, manager: EntityManager): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(DossierReportEntity)
      .set({
        status: 'submitted',
        submittedAt: () => 'now()',
        submittedBy: by,
        declaration,
        version: () => 'version + 1',
        updatedAt: () => 'now()',
      })
      .where(`id = :id AND status IN ('draft','changes_requested')`, { id })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** Submitted -> approved or changes requested, in one conditional statement: of two deciders one wins. */
  async decide(
    id: string,
    decision: {
      status: 'approved' | 'changes_requested';
      by: string;
      motivation: string | null;
      acceptedCostsCents: number | null;
      costLines?: CostLine[];
    },
    manager: EntityManager,
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(DossierReportEntity)
      .set({
        status: decision.status,
        decidedAt: () => 'now()',
        decidedBy: decision.by,
        motivation: decision.motivation,
        acceptedCostsCents: decision.acceptedCostsCents,
        ...(decision.costLines ? { costLines: decision.costLines } : {}),
        version: () => 'version + 1',
        updatedAt: () => 'now()',
      })
      .where(`id = :id AND status = 'submitted'`, { id })
      .execute();
    return (result.affected ?? 0) > 0;
  }
}
