import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CallInformation, ChangeRequestView } from '@portal/contracts';
import { ChangeRequestEntity, memberOfApplicant } from '@portal/server';
import { DataSource, EntityManager } from 'typeorm';

export interface ChangeDossier {
  id: string;
  callId: string;
  status: string;
  reference: string | null;
  title: string;
  grantedCents: number;
  callTitle: string;
  callInformation: CallInformation;
  applicantName: string;
  creator: { email: string; displayName: string; locale: 'nl' | 'en' };
}

interface Row {
  id: string;
  dossier_id: string;
  reference: string | null;
  title: string;
  applicant_name: string;
  kind: ChangeRequestView['kind'];
  motivation: string;
  new_end_date: string | null;
  granted_cents_before: string;
  granted_cents_after: string | null;
  status: ChangeRequestView['status'];
  requested_at: Date;
  decided_at: Date | null;
  decision_motivation: string | null;
}

const SELECT = `
  SELECT r.id, r.dossier_id, d.reference, d.title, a.legal_name AS applicant_name, r.kind, r.motivation,
         to_char(r.new_end_date, 'YYYY-MM-DD') AS new_end_date, r.granted_cents_before, r.granted_cents_after,
         r.status, r.requested_at, r.decided_at, r.decision_motivation
    FROM change_requests r
    JOIN dossiers d ON d.id = r.dossier_id
    JOIN applicants a ON a.id = d.applicant_id`;

function toView(row: Row): ChangeRequestView {
  return {
    id: row.id,
    dossierId: row.dossier_id,
    dossierReference: row.reference,
    dossierTitle: row.title,
    applicantName: row.applicant_name,
    kind: row.kind,
    motivation: row.motivation,
    newEndDate: row.new_end_date,
    grantedCentsBefore: Number(row.granted_cents_before),
    grantedCentsAfter: row.granted_cents_after === null ? null : Number(row.granted_cents_after),
    status: row.status,
    requestedAt: row.requested_at.toISOString(),
    decidedAt: row.decided_at?.toISOString() ?? null,
    decisionMotivation: row.decision_motivation,
  };
}

/** Change requests after the award (ADR 0024): every query of the changes module. */
@Injectable()
export class ChangeRequestRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get manager(): EntityManager {
    return this.dataSource.manager;
  }

  /** The dossier when `userId` is null (the administration) or a member of its applicant; null otherwise. */
  async dossier(
    dossierId: string,
    userId: string | null,
    manager: EntityManager = this.manager,
  ): Promise<ChangeDossier | null> {
    const rows = await manager.query<
      Array<{
        id: string;
        call_id: string;
        status: string;
        reference: string | null;
        title: string;
        granted_cents: string | null;
        call_title: string;
        call_information: CallInformation;
        applicant_name: string;
        email: string;
        display_name: string;
        locale: 'nl' | 'en';
      }>
    >(
      `SELECT d.id, d.call_id, d.status, d.reference, d.title, d.granted_cents, c.title AS call_title,
              c.information AS call_information, a.legal_name AS applicant_name, u.email, u.display_name, u.locale
         FROM dossiers d JOIN calls c ON c.id = d.call_id JOIN applicants a ON a.id = d.applicant_id
         JOIN users u ON u.id = d.created_by
        WHERE d.id = $1 AND ($2::uuid IS NULL OR ${memberOfApplicant('d.applicant_id', '$2')})`,
      [dossierId, userId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      callId: row.call_id,
      status: row.status,
      reference: row.reference,
      title: row.title,
      grantedCents: Number(row.granted_cents ?? 0),
      callTitle: row.call_title,
      callInformation: row.call_information,
      applicantName: row.applicant_name,
      creator: { email: row.email, displayName: row.display_name, locale: row.locale },
    };
  }

  /** The dossier row held FOR SHARE: a change request is written against the granted amount it has. */
  async lockDossier(dossierId: string, manager: EntityManager): Promise<void> {
    await manager.query('SELECT 1 FROM dossiers WHERE id = $1 FOR SHARE', [dossierId]);
  }

  async insert(
    row: {
      dossierId: string;
      kind: string;
      motivation: string;
      newEndDate: string | null;
      grantedCentsBefore: number;
      grantedCentsAfter: number | null;
      requestedBy: string;
    },
    manager: EntityManager,
  ): Promise<string> {
    const result = await manager.insert(ChangeRequestEntity, row as Partial<ChangeRequestEntity>);
    return (result.identifiers[0] as { id: string }).id;
  }

  async view(id: string, manager: EntityManager = this.manager): Promise<ChangeRequestView | null> {
    const rows = await manager.query<Row[]>(`${SELECT} WHERE r.id = $1`, [id]);
    return rows[0] ? toView(rows[0]) : null;
  }

  async ofDossier(dossierId: string): Promise<ChangeRequestView[]> {
    const rows = await this.manager.query<Row[]>(`${SELECT} WHERE r.dossier_id = $1 ORDER BY r.requested_at DESC`, [
      dossierId,
    ]);
    return rows.map(toView);
  }

  async ofCall(callId: string): Promise<ChangeRequestView[]> {
    const rows = await this.manager.query<Row[]>(
      `${SELECT} WHERE d.call_id = $1 ORDER BY (r.status = 'requested') DESC, r.requested_at`,
      [callId],
    );
    return rows.map(toView);
  }

  /** Requested -> approved or refused, in one conditional statement: of two deciders one wins. */
  async decide(
    id: string,
    decision: { status: 'approved' | 'refused'; by: string; motivation: string },
    manager: EntityManager,
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(ChangeRequestEntity)
      .set({
        status: decision.status,
        decidedBy: decision.by,
        decisionMotivation: decision.motivation,
        decidedAt: () => 'now()',
      })
      .where(`id = :id AND status = 'requested'`, { id })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  async requestedBy(
    id: string,
    manager: EntityManager,
  ): Promise<{ email: string; displayName: string; locale: 'nl' | 'en' } | null> {
    const rows = await manager.query<Array<{ email: string; display_name: string; locale: 'nl' | 'en' }>>(
      `SELECT u.email, u.display_name, u.locale FROM change_requests r JOIN users u ON u.id = r.requested_by
        WHERE r.id = $1 AND u.deactivated_at IS NULL`,
      [id],
    );
    return rows[0] ? { email: rows[0].email, displayName: rows[0].display_name, locale: rows[0].locale } : null;
  }
}
