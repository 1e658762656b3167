import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CallInformation, RepaymentView } from '@portal/contracts';
import {
  DossierSettlementEntity,
  memberOfApplicant,
  RecoveryCaseEntity,
  RecoveryRepaymentEntity,
} from '@portal/server';
import { DataSource, EntityManager } from 'typeorm';

/** What the settlement, the recovery letter and its mails need to know of a dossier. */
export interface SettlementDossier {
  id: string;
  callId: string;
  reference: string | null;
  title: string;
  callCode: string;
  callTitle: string;
  callInformation: CallInformation;
  /** The lowest approved change's granted_cents_after, else the minister's granted_cents (ADR 0024). */
  effectiveGrantCents: number;
  applicant: { legalName: string; contactName: string; address: { street: string; postalCode: string; city: string } };
  creator: { email: string; displayName: string; locale: 'nl' | 'en' };
}

const EFFECTIVE_GRANT = `coalesce(
  (SELECT min(cr.granted_cents_after) FROM change_requests cr
    WHERE cr.dossier_id = d.id AND cr.status = 'approved' AND cr.granted_cents_after IS NOT NULL),
  d.granted_cents, 0)`;

/** Settlements and recoveries (ADR 0025): every query of the module that writes them. */
@Injectable()
export class SettlementRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The dossier as the settlement needs it; with `userId`, only when that user is a member of its applicant. */
  async dossier(
    dossierId: string,
    userId: string | null,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<SettlementDossier | null> {
    const rows = await manager.query<
      Array<{
        id: string;
        call_id: string;
        reference: string | null;
        title: string | null;
        call_code: string;
        call_title: string;
        information: CallInformation | null;
        effective_cents: string;
        legal_name: string;
        contact_name: string;
        address: { street: string; postalCode: string; city: string } | null;
        email: string;
        display_name: string;
        locale: 'nl' | 'en';
      }>
    >(
      `SELECT d.id, d.call_id, d.reference, coalesce(s.content ->> 'title', d.title) AS title, c.code AS call_code,
              c.title AS call_title, c.information, ${EFFECTIVE_GRANT} AS effective_cents,
              ap.legal_name, ap.contact_name, ap.address, u.email, u.display_name, u.locale
         FROM dossiers d
         JOIN calls c ON c.id = d.call_id
         JOIN applicants ap ON ap.id = d.applicant_id
         JOIN users u ON u.id = d.created_by
         LEFT JOIN LATERAL (SELECT content FROM dossier_submissions x WHERE x.dossier_id = d.id
                             ORDER BY x.number DESC LIMIT 1) s ON true
        WHERE d.id = $1 AND ($2::uuid IS NULL OR ${memberOfApplicant('d.applicant_id', '$2')})`,
      [dossierId, userId],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      id: r.id,
      callId: r.call_id,
      reference: r.reference,
      title: r.title ?? '',
      callCode: r.call_code,
      callTitle: r.call_title,
      callInformation: r.information ?? {},
      effectiveGrantCents: Number(r.effective_cents),
      applicant: {
        legalName: r.legal_name,
        contactName: r.contact_name,
        address: r.address ?? { street: '', postalCode: '', city: '' },
      },
      creator: { email: r.email, displayName: r.display_name, locale: r.locale },
    };
  }

  /**
   * The call's payment lock (the payments' triggers and compiling a batch take the same one): while the settlement
   * holds it, no payment of the call is written, so the paid sum it reads is the one it stores.
   */
  async lockCall(callId: string, manager: EntityManager): Promise<void> {
    await manager.query('SELECT 1 FROM calls WHERE id = $1 FOR NO KEY UPDATE', [callId]);
  }

  /** Committed payments of the dossier: rows of approved batches, executed or not (ADR 0025). */
  async paidCents(dossierId: string, manager: EntityManager): Promise<number> {
    const [row] = await manager.query<Array<{ paid: string }>>(
      'SELECT coalesce(sum(amount_cents), 0) AS paid FROM payments WHERE dossier_id = $1',
      [dossierId],
    );
    return Number(row.paid);
  }

  async insertSettlement(
    row: Omit<DossierSettlementEntity, 'id' | 'computedAt'>,
    manager: EntityManager,
  ): Promise<DossierSettlementEntity> {
    const result = await manager.insert(DossierSettlementEntity, row);
    return manager.findOneByOrFail(DossierSettlementEntity, { id: result.identifiers[0].id as string });
  }

  async insertRecovery(
    row: Pick<RecoveryCaseEntity, 'dossierId' | 'callId' | 'settlementId' | 'amountCents' | 'dueOn'>,
    manager: EntityManager,
  ): Promise<RecoveryCaseEntity> {
    const result = await manager.insert(RecoveryCaseEntity, row);
    return manager.findOneByOrFail(RecoveryCaseEntity, { id: result.identifiers[0].id as string });
  }

  settlementOf(dossierId: string, manager: EntityManager = this.dataSource.manager) {
    return manager.findOneBy(DossierSettlementEntity, { dossierId });
  }

  recoveryOf(dossierId: string, manager: EntityManager = this.dataSource.manager) {
    return manager.findOneBy(RecoveryCaseEntity, { dossierId });
  }

  recoveryById(id: string, manager: EntityManager = this.dataSource.manager) {
    return manager.findOneBy(RecoveryCaseEntity, { id });
  }

  /**
   * Records a repayment. Its trigger locks the case row, refuses more than is open (PL409 RECOVERY_ABOVE_OPEN) and adds
   * it to the case, closing it when the sum reaches the amount: two repayments at once are summed one after the other.
   */
  async insertRepayment(
    row: Pick<RecoveryRepaymentEntity, 'caseId' | 'amountCents' | 'paidOn' | 'recordedBy'>,
    manager: EntityManager,
  ): Promise<RecoveryRepaymentEntity> {
    const result = await manager.insert(RecoveryRepaymentEntity, row);
    return manager.findOneByOrFail(RecoveryRepaymentEntity, { id: result.identifiers[0].id as string });
  }

  async repayments(caseId: string, manager: EntityManager = this.dataSource.manager): Promise<RepaymentView[]> {
    const rows = await manager.query<
      Array<{ id: string; amount_cents: string; paid_on: string; display_name: string | null; recorded_at: Date }>
    >(
      `SELECT r.id, r.amount_cents, to_char(r.paid_on, 'YYYY-MM-DD') AS paid_on, u.display_name, r.recorded_at
         FROM recovery_repayments r LEFT JOIN users u ON u.id = r.recorded_by
        WHERE r.case_id = $1 ORDER BY r.recorded_at, r.id`,
      [caseId],
    );
    return rows.map((r) => ({
      id: r.id,
      amountCents: Number(r.amount_cents),
      paidOn: r.paid_on,
      recordedByName: r.display_name ?? '',
      recordedAt: r.recorded_at.toISOString(),
    }));
  }

  async remindersSent(caseId: string): Promise<number> {
    const [row] = await this.dataSource.query<Array<{ n: number }>>(
      'SELECT count(*)::int AS n FROM recovery_reminders WHERE case_id = $1',
      [caseId],
    );
    return row.n;
  }

  /** The recoveries of a call, open ones first. */
  async recoveriesOfCall(callId: string): Promise<RecoveryCaseEntity[]> {
    return this.dataSource.manager.find(RecoveryCaseEntity, {
      where: { callId },
      order: { status: 'ASC', dueOn: 'ASC' },
    });
  }

  async today(manager: EntityManager = this.dataSource.manager): Promise<string> {
    const [row] = await manager.query<Array<{ today: string }>>(
      `SELECT to_char((now() AT TIME ZONE 'Europe/Brussels')::date, 'YYYY-MM-DD') AS today`,
    );
    return row.today;
  }
}
