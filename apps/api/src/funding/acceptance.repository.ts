import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AcceptanceOverviewRow } from '@portal/contracts';
import { NO_TRANCHE_EVENTS, type TrancheEvents } from '@portal/domain';
import { AppException, AwardAcceptanceEntity, DossierEntity, memberOfApplicant, type CallEntity } from '@portal/server';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import type { AuthContext } from '../common/request-context';

export interface DossierRecipient {
  email: string;
  displayName: string;
  locale: 'nl' | 'en';
  reference: string;
}

/** The organisation's answer to its award, and what the payments read of it. */
@Injectable()
export class AcceptanceRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The dossier, when the user is the administration or a member of its applicant; otherwise 404. */
  async visibleDossier(
    auth: AuthContext,
    dossierId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<DossierEntity> {
    const query = manager.createQueryBuilder(DossierEntity, 'dossier').where('dossier.id = :id', { id: dossierId });
    if (!auth.user.roles.includes('admin'))
      query.andWhere(memberOfApplicant('dossier.applicant_id', ':userId'), { userId: auth.user.id });
    const dossier = await query.getOne();
    if (!dossier) throw new AppException('NOT_FOUND');
    return dossier;
  }

  /** The dossier's row, locked: two members answering at once are serialised (the unique index holds it too). */
  lockDossier(dossierId: string, manager: EntityManager): Promise<DossierEntity | null> {
    return manager
      .createQueryBuilder(DossierEntity, 'dossier')
      .where('dossier.id = :id', { id: dossierId })
      .setLock('pessimistic_write')
      .getOne();
  }

  call(callId: string, manager: EntityManager = this.dataSource.manager): Promise<CallEntity> {
    return manager
      .query<CallEntity[]>('SELECT id, title, code, information FROM calls WHERE id = $1', [callId])
      .then(([row]) => row);
  }

  async applicant(applicantId: string): Promise<{ legalName: string; iban: string | null }> {
    const [row] = await this.dataSource.query<Array<{ legal_name: string; iban: string | null }>>(
      'SELECT legal_name, iban FROM applicants WHERE id = $1',
      [applicantId],
    );
    return { legalName: row.legal_name, iban: row.iban };
  }

  acceptanceOf(dossierId: string, manager: EntityManager = this.dataSource.manager) {
    return manager.findOne(AwardAcceptanceEntity, { where: { dossierId } });
  }

  /** Records the answer; a second answer for the dossier (unique index) is ACCEPTANCE_EXISTS. */
  async insert(row: Omit<AwardAcceptanceEntity, 'id' | 'decidedAt'>, manager: EntityManager) {
    try {
      const result = await manager.insert(AwardAcceptanceEntity, row);
      return manager.findOneOrFail(AwardAcceptanceEntity, { where: { id: result.identifiers[0].id as string } });
    } catch (error) {
      const code = (error as QueryFailedError & { driverError?: { code?: string } }).driverError?.code;
      if (error instanceof QueryFailedError && code === '23505') throw new AppException('ACCEPTANCE_EXISTS');
      throw error;
    }
  }

  /**
   * What happened to each dossier that makes tranches due: THE event source of the payments (ADR 0023): the acceptance
   * and the approvals of the interim and final reports (dossier_reports, ADR 0024).
   */
  async trancheEvents(
    dossierIds: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, TrancheEvents>> {
    const rows = await manager.query<
      Array<{
        dossier_id: string;
        accepted_at: Date | null;
        interim_approved_at: Date | null;
        final_approved_at: Date | null;
      }>
    >(
      `SELECT d.id AS dossier_id, a.decided_at AS accepted_at,
              (SELECT r.decided_at FROM dossier_reports r
                WHERE r.dossier_id = d.id AND r.kind = 'interim' AND r.status = 'approved') AS interim_approved_at,
              (SELECT r.decided_at FROM dossier_reports r
                WHERE r.dossier_id = d.id AND r.kind = 'final' AND r.status = 'approved') AS final_approved_at
         FROM dossiers d
         LEFT JOIN award_acceptances a ON a.dossier_id = d.id AND a.decision = 'accepted'
        WHERE d.id = ANY($1::uuid[])`,
      [dossierIds],
    );
    return new Map(
      rows.map((r) => [
        r.dossier_id,
        {
          ...NO_TRANCHE_EVENTS,
          acceptedAt: r.accepted_at,
          interimApprovedAt: r.interim_approved_at,
          finalApprovedAt: r.final_approved_at,
        },
      ]),
    );
  }

  /** Every awarded dossier of the call with its answer (or none yet), the reminders sent and what was paid. */
  async overview(callId: string): Promise<AcceptanceOverviewRow[]> {
    const rows = await this.dataSource.query<
      Array<{
        dossier_id: string;
        reference: string | null;
        legal_name: string;
        granted_cents: string;
        decision: 'accepted' | 'declined' | null;
        decided_at: Date | null;
        decided_by_name: string | null;
        reminders: number;
        paid_cents: string;
      }>
    >(
      `SELECT d.id AS dossier_id, d.reference, ap.legal_name, d.granted_cents, a.decision, a.decided_at,
              u.display_name AS decided_by_name,
              (SELECT count(*)::int FROM acceptance_reminders r WHERE r.dossier_id = d.id) AS reminders,
              (SELECT coalesce(sum(p.amount_cents), 0) FROM payments p
                WHERE p.dossier_id = d.id AND p.paid_at IS NOT NULL) AS paid_cents
         FROM dossiers d
         JOIN applicants ap ON ap.id = d.applicant_id
         LEFT JOIN award_acceptances a ON a.dossier_id = d.id
         LEFT JOIN users u ON u.id = a.decided_by
        WHERE d.call_id = $1 AND d.status = 'awarded'
        ORDER BY (a.decision IS NOT NULL), d.reference`,
      [callId],
    );
    return rows.map((r) => ({
      dossierId: r.dossier_id,
      reference: r.reference,
      applicantName: r.legal_name,
      grantedCents: Number(r.granted_cents),
      status: r.decision ?? 'pending',
      decidedAt: r.decided_at ? r.decided_at.toISOString() : null,
      decidedByName: r.decided_by_name,
      remindersSent: r.reminders,
      paidCents: Number(r.paid_cents),
    }));
  }

  async userName(userId: string): Promise<string> {
    const [row] = await this.dataSource.query<Array<{ display_name: string }>>(
      'SELECT display_name FROM users WHERE id = $1',
      [userId],
    );
    return row?.display_name ?? '';
  }

  /** Whoever created the dossier: the person the decision mail went to. */
  async recipient(dossierId: string, manager: EntityManager): Promise<DossierRecipient> {
    const [row] = await manager.query<
      Array<{ email: string; display_name: string; locale: 'nl' | 'en'; reference: string }>
    >(
      `SELECT u.email, u.display_name, u.locale, d.reference
         FROM dossiers d JOIN users u ON u.id = d.created_by WHERE d.id = $1`,
      [dossierId],
    );
    return { email: row.email, displayName: row.display_name, locale: row.locale, reference: row.reference };
  }
}
