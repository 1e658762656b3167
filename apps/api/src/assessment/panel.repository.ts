import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PanelCandidateView, PanelInvitationView, PanelMemberView } from '@portal/contracts';
import {
  ReviewAssignmentEntity,
  ReviewPanelEntity,
  ReviewPanelMemberEntity,
  StaffInvitationEntity,
} from '@portal/server';
import { DataSource, EntityManager, IsNull } from 'typeorm';

/**
 * The phases in which an external expert still reviews (ADR 0013): from the deadline until the minister decides.
 * The same list is written in `ofAssignment` of the attachment downloads.
 */
export const EXPERT_LIVE_PHASES = `('closed','assessment','proposal_sent')`;

/** A staff reviewer: the reviewer role, active, and not an external expert of any call. */
const STAFF_REVIEWER = `'reviewer' = ANY(u.roles) AND u.deactivated_at IS NULL
  AND NOT EXISTS (SELECT 1 FROM review_panel_members x WHERE x.user_id = u.id AND x.external)`;

export interface AssignmentContext {
  dossierId: string;
  callId: string;
  callTitle: string;
  title: string;
  legalName: string;
  enterpriseNumber: string | null;
  nisCode: string | null;
  dueAt: Date | null;
}

/** Review panels per call: settings, members, candidates, conflicts by membership of the applicant, expert access. */
@Injectable()
export class PanelRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get manager(): EntityManager {
    return this.dataSource.manager;
  }

  panel(callId: string, manager: EntityManager = this.manager): Promise<ReviewPanelEntity | null> {
    return manager.findOneBy(ReviewPanelEntity, { callId });
  }

  /** Creates the panel with the given settings, or changes them; returns the row as stored. */
  async savePanel(
    row: { callId: string; perDossier: number; dueAt: Date | null; updatedBy: string },
    manager: EntityManager,
  ): Promise<ReviewPanelEntity> {
    await manager.query(
      `INSERT INTO review_panels (call_id, per_dossier, due_at, updated_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (call_id) DO UPDATE SET per_dossier = $2, due_at = $3, updated_by = $4, updated_at = now()`,
      [row.callId, row.perDossier, row.dueAt, row.updatedBy],
    );
    return manager.findOneByOrFail(ReviewPanelEntity, { callId: row.callId });
  }

  /** The panel row with its defaults when the call has none yet (a member added before any setting). */
  async ensurePanel(callId: string, updatedBy: string, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO review_panels (call_id, updated_by) VALUES ($1, $2) ON CONFLICT (call_id) DO NOTHING`,
      [callId, updatedBy],
    );
  }

  /** Adds a member; false when already on the panel (primary key). */
  async addMember(
    row: { callId: string; userId: string; external: boolean; addedBy: string },
    manager: EntityManager,
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(ReviewPanelMemberEntity)
      .values(row)
      .orIgnore()
      .returning(['user_id'])
      .execute();
    return (result.raw as unknown[]).length > 0;
  }

  async removeMember(callId: string, userId: string, manager: EntityManager): Promise<ReviewPanelMemberEntity | null> {
    const member = await manager.findOneBy(ReviewPanelMemberEntity, { callId, userId });
    if (member) await manager.delete(ReviewPanelMemberEntity, { callId, userId });
    return member;
  }

  async openAssignmentsOf(callId: string, userId: string, manager: EntityManager): Promise<number> {
    const [{ open }] = await manager.query<Array<{ open: number }>>(
      `SELECT count(*)::int AS open FROM review_assignments r JOIN dossiers d ON d.id = r.dossier_id
        WHERE d.call_id = $1 AND r.reviewer_id = $2 AND r.status = 'assigned'`,
      [callId, userId],
    );
    return open;
  }

  /** The panel's members with their workload in this call, staff first, then by name. */
  async members(callId: string, manager: EntityManager = this.manager): Promise<PanelMemberView[]> {
    const rows = await manager.query<
      Array<{
        user_id: string;
        display_name: string;
        email: string;
        external: boolean;
        deactivated: boolean;
        open: number;
        submitted: number;
      }>
    >(
      `SELECT m.user_id, u.display_name, u.email, m.external, u.deactivated_at IS NOT NULL AS deactivated,
              count(r.id) FILTER (WHERE r.status = 'assigned')::int AS open,
              count(r.id) FILTER (WHERE r.status = 'submitted')::int AS submitted
         FROM review_panel_members m
         JOIN users u ON u.id = m.user_id
         LEFT JOIN review_assignments r ON r.reviewer_id = m.user_id
               AND r.dossier_id IN (SELECT id FROM dossiers WHERE call_id = m.call_id)
        WHERE m.call_id = $1
        GROUP BY m.user_id, u.display_name, u.email, m.external, u.deactivated_at
        ORDER BY m.external, u.display_name, u.email`,
      [callId],
    );
    return rows.map((r) => ({
      userId: r.user_id,
      displayName: r.display_name,
      email: r.email,
      external: r.external,
      deactivated: r.deactivated,
      open: r.open,
      submitted: r.submitted,
    }));
  }

  /** Active staff reviewers not on the panel. */
  async candidates(callId: string): Promise<PanelCandidateView[]> {
    const rows = await this.manager.query<Array<{ id: string; display_name: string; email: string }>>(
      `SELECT u.id, u.display_name, u.email FROM users u
        WHERE ${STAFF_REVIEWER}
          AND NOT EXISTS (SELECT 1 FROM review_panel_members m WHERE m.call_id = $1 AND m.user_id = u.id)
        ORDER BY u.display_name, u.email`,
      [callId],
    );
    return rows.map((r) => ({ userId: r.id, displayName: r.display_name, email: r.email }));
  }

  async isStaffReviewer(userId: string, manager: EntityManager): Promise<boolean> {
    const rows = await manager.query<unknown[]>(`SELECT 1 FROM users u WHERE u.id = $1 AND ${STAFF_REVIEWER}`, [
      userId,
    ]);
    return rows.length > 0;
  }

  /** Who automatic assignment draws from: the panel's active members with the reviewer role, by id. */
  async eligibleMembers(callId: string, manager: EntityManager): Promise<string[]> {
    const rows = await manager.query<Array<{ id: string }>>(
      `SELECT u.id FROM review_panel_members m JOIN users u ON u.id = m.user_id
        WHERE m.call_id = $1 AND 'reviewer' = ANY(u.roles) AND u.deactivated_at IS NULL ORDER BY u.id`,
      [callId],
    );
    return rows.map((r) => r.id);
  }

  /** Without a panel: every active staff reviewer (external experts only ever review their own call). */
  async staffReviewers(manager: EntityManager): Promise<string[]> {
    const rows = await manager.query<Array<{ id: string }>>(
      `SELECT u.id FROM users u WHERE ${STAFF_REVIEWER} ORDER BY u.id`,
    );
    return rows.map((r) => r.id);
  }

  /** `dossierId:userId` for every person acting for the applicant of a dossier of the call: never their reviewer. */
  async applicantMembers(callId: string, manager: EntityManager): Promise<Set<string>> {
    const rows = await manager.query<Array<{ dossier_id: string; user_id: string }>>(
      `SELECT d.id AS dossier_id, am.user_id FROM dossiers d
         JOIN applicant_members am ON am.applicant_id = d.applicant_id
        WHERE d.call_id = $1`,
      [callId],
    );
    return new Set(rows.map((r) => `${r.dossier_id}:${r.user_id}`));
  }

  /** The calls on which the user is an external expert, and whether the assessment still runs there. */
  async expertCalls(userId: string): Promise<Array<{ callId: string; live: boolean }>> {
    const rows = await this.manager.query<Array<{ call_id: string; live: boolean }>>(
      `SELECT m.call_id, call_phase(c) IN ${EXPERT_LIVE_PHASES} AS live
         FROM review_panel_members m JOIN calls c ON c.id = m.call_id
        WHERE m.user_id = $1 AND m.external`,
      [userId],
    );
    return rows.map((r) => ({ callId: r.call_id, live: r.live }));
  }

  /** What a reviewer sees of each dossier before scoring: call, title of the submitted version, applicant, due date. */
  async assignmentContext(dossierIds: string[], manager: EntityManager = this.manager) {
    if (dossierIds.length === 0) return new Map<string, AssignmentContext>();
    const rows = await manager.query<
      Array<{
        dossier_id: string;
        call_id: string;
        call_title: string;
        title: string;
        legal_name: string;
        enterprise_number: string | null;
        nis_code: string | null;
        due_at: Date | null;
      }>
    >(
      `SELECT d.id AS dossier_id, c.id AS call_id, c.title AS call_title,
              coalesce((SELECT s.content->>'title' FROM dossier_submissions s WHERE s.dossier_id = d.id
                         ORDER BY s.number DESC LIMIT 1), d.title, '') AS title,
              a.legal_name, a.enterprise_number, a.nis_code, p.due_at
         FROM dossiers d
         JOIN calls c ON c.id = d.call_id
         JOIN applicants a ON a.id = d.applicant_id
         LEFT JOIN review_panels p ON p.call_id = c.id
        WHERE d.id = ANY($1::uuid[])`,
      [dossierIds],
    );
    return new Map<string, AssignmentContext>(
      rows.map((r) => [
        r.dossier_id,
        {
          dossierId: r.dossier_id,
          callId: r.call_id,
          callTitle: r.call_title,
          title: r.title,
          legalName: r.legal_name,
          enterpriseNumber: r.enterprise_number,
          nisCode: r.nis_code,
          dueAt: r.due_at,
        },
      ]),
    );
  }

  /** Records the reviewer's "no conflict" statement on an open assignment; returns when it was stated. */
  async stateNoConflict(assignmentId: string, manager: EntityManager): Promise<Date> {
    await manager.update(
      ReviewAssignmentEntity,
      { id: assignmentId, status: 'assigned', noConflictStatedAt: IsNull() },
      { noConflictStatedAt: () => 'now()' },
    );
    const row = await manager.findOneByOrFail(ReviewAssignmentEntity, { id: assignmentId });
    return row.noConflictStatedAt!;
  }

  async referenceOf(dossierId: string, manager: EntityManager): Promise<string | null> {
    const [row] = await manager.query<Array<{ reference: string | null }>>(
      'SELECT reference FROM dossiers WHERE id = $1',
      [dossierId],
    );
    return row?.reference ?? null;
  }

  // ---- expert invitations (staff_invitations with the call) ----

  async emailTaken(email: string, manager: EntityManager): Promise<boolean> {
    const rows = await manager.query<unknown[]>('SELECT 1 FROM users WHERE lower(email) = lower($1)', [email]);
    return rows.length > 0;
  }

  async insertExpertInvitation(
    row: { email: string; tokenHash: string; invitedBy: string; callId: string },
    days: number,
    manager: EntityManager,
  ): Promise<StaffInvitationEntity> {
    const [{ expires_at }] = await manager.query<Array<{ expires_at: Date }>>(
      'SELECT now() + make_interval(days => $1) AS expires_at',
      [days],
    );
    return manager.save(
      StaffInvitationEntity,
      manager.create(StaffInvitationEntity, { ...row, roles: ['reviewer'], expiresAt: expires_at }),
    );
  }

  async openExpertInvitations(callId: string): Promise<PanelInvitationView[]> {
    const rows = await this.manager
      .createQueryBuilder(StaffInvitationEntity, 'i')
      .where('i.call_id = :callId', { callId })
      .andWhere('i.accepted_at IS NULL AND i.expires_at > now()')
      .orderBy('i.created_at', 'DESC')
      .getMany();
    return rows.map((i) => ({ id: i.id, email: i.email, expiresAt: i.expiresAt.toISOString() }));
  }
}
