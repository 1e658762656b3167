import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { FIELD_MESSAGES, WEB_ROUTES, webUrl, type PanelInvitationView, type ReviewPanelView } from '@portal/contracts';
import { formatBrussels, parseCallMoment } from '@portal/domain';
import {
  AppConfig,
  AppException,
  AuditRepository,
  CallLifecycleRepository,
  hashToken,
  NotificationRepository,
  type PhasedCall,
} from '@portal/server';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthContext } from '../common/request-context';
import { PanelRepository } from './panel.repository';

const INVITATION_DAYS = 7;
const DEFAULT_PER_DOSSIER = 3;

/**
 * A call's review panel (ADR 0013): staff reviewers and external experts invited for this call only, how many review
 * each dossier and by when. Every change holds the call row FOR SHARE (automatic assignment holds it FOR UPDATE, so
 * the two never interleave) and is audited in its transaction.
 */
@Injectable()
export class PanelService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly panels: PanelRepository,
    private readonly lifecycle: CallLifecycleRepository,
    private readonly audit: AuditRepository,
    private readonly notifications: NotificationRepository,
    private readonly config: AppConfig,
  ) {}

  async view(callId: string): Promise<ReviewPanelView> {
    const found = await this.lifecycle.read(callId);
    if (!found) throw new AppException('NOT_FOUND');
    const panel = await this.panels.panel(callId);
    return {
      callId,
      configured: panel !== null,
      perDossier: panel?.perDossier ?? DEFAULT_PER_DOSSIER,
      dueAt: panel?.dueAt?.toISOString() ?? null,
      members: await this.panels.members(callId),
      candidates: await this.panels.candidates(callId),
      invitations: await this.panels.openExpertInvitations(callId),
    };
  }

  async saveSettings(
    auth: AuthContext,
    callId: string,
    input: { perDossier: number; dueAt: string | null },
  ): Promise<ReviewPanelView> {
    // Wall-clock time without offset is Brussels time, as for a call's deadline.
    const dueAt = input.dueAt === null ? null : parseCallMoment(input.dueAt);
    if (input.dueAt !== null && !dueAt) {
      throw new AppException('VALIDATION_FAILED', {
        errors: [{ field: 'dueAt', code: 'invalidMoment', message: FIELD_MESSAGES.invalidMoment('dueAt') }],
      });
    }
    await this.dataSource.transaction(async (manager) => {
      await this.lockOpenPanel(callId, manager);
      const before = await this.panels.panel(callId, manager);
      const saved = await this.panels.savePanel(
        { callId, perDossier: input.perDossier, dueAt, updatedBy: auth.user.id },
        manager,
      );
      await this.audit.record(
        {
          actorUserId: auth.user.id,
          action: 'panel.settings_changed',
          entityType: 'call',
          entityId: callId,
          before: before ? { perDossier: before.perDossier, dueAt: before.dueAt?.toISOString() ?? null } : null,
          after: { perDossier: saved.perDossier, dueAt: saved.dueAt?.toISOString() ?? null },
          requestId: auth.requestId,
        },
        manager,
      );
    });
    return this.view(callId);
  }

  /** A staff reviewer (reviewer role, active, not an external expert) joins the panel. */
  async addMember(auth: AuthContext, callId: string, userId: string): Promise<ReviewPanelView> {
    await this.dataSource.transaction(async (manager) => {
      await this.lockOpenPanel(callId, manager);
      if (!(await this.panels.isStaffReviewer(userId, manager))) throw new AppException('PANEL_MEMBER_NOT_REVIEWER');
      await this.panels.ensurePanel(callId, auth.user.id, manager);
      if (!(await this.panels.addMember({ callId, userId, external: false, addedBy: auth.user.id }, manager))) return;
      await this.audit.record(
        {
          actorUserId: auth.user.id,
          action: 'panel.member_added',
          entityType: 'call',
          entityId: callId,
          after: { userId, external: false },
          requestId: auth.requestId,
        },
        manager,
      );
    });
    return this.view(callId);
  }

  /** Leaves the panel; refused while the member still has open reviews in the call (reassign them first). */
  async removeMember(auth: AuthContext, callId: string, userId: string): Promise<ReviewPanelView> {
    await this.dataSource.transaction(async (manager) => {
      await this.lockOpenPanel(callId, manager);
      const open = await this.panels.openAssignmentsOf(callId, userId, manager);
      if (open > 0) throw new AppException('PANEL_MEMBER_HAS_OPEN_REVIEWS', { params: { open } });
      const removed = await this.panels.removeMember(callId, userId, manager);
      if (!removed) throw new AppException('NOT_FOUND');
      await this.audit.record(
        {
          actorUserId: auth.user.id,
          action: 'panel.member_removed',
          entityType: 'call',
          entityId: callId,
          before: { userId, external: removed.external },
          after: null,
          requestId: auth.requestId,
        },
        manager,
      );
    });
    return this.view(callId);
  }

  /**
   * An external expert for this call only: a staff invitation bound to the call (role reviewer), by a single-use link
   * valid 7 days; accepting it creates the expert's own account and its external panel membership.
   */
  async inviteExpert(auth: AuthContext, callId: string, rawEmail: string): Promise<PanelInvitationView> {
    const email = rawEmail.trim().toLowerCase();
    const token = randomBytes(32).toString('base64url');
    return this.dataSource.transaction(async (manager) => {
      const { call } = await this.lockOpenPanel(callId, manager);
      if (await this.panels.emailTaken(email, manager)) throw new AppException('EXPERT_ACCOUNT_EXISTS');
      await this.panels.ensurePanel(callId, auth.user.id, manager);
      const invitation = await this.panels.insertExpertInvitation(
        { email, tokenHash: hashToken(token), invitedBy: auth.user.id, callId },
        INVITATION_DAYS,
        manager,
      );
      await this.notifications.enqueue(
        {
          template: 'staff.invitation',
          recipient: email,
          locale: auth.user.locale,
          subjectRef: invitation.id,
          payload: {
            inviterName: auth.user.displayName,
            roles: ['reviewer'],
            acceptUrl: webUrl(this.config.APP_URL, WEB_ROUTES.staffInvitation(token)),
            expiresAtBrussels: formatBrussels(invitation.expiresAt, false),
            callTitle: call.title,
          },
        },
        manager,
      );
      await this.audit.record(
        {
          actorUserId: auth.user.id,
          action: 'panel.expert_invited',
          entityType: 'call',
          entityId: callId,
          after: { email, invitationId: invitation.id, expiresAt: invitation.expiresAt.toISOString() },
          requestId: auth.requestId,
        },
        manager,
      );
      return { id: invitation.id, email, expiresAt: invitation.expiresAt.toISOString() };
    });
  }

  /** The call, locked FOR SHARE; the panel changes until the proposal goes to the minister. */
  private async lockOpenPanel(callId: string, manager: EntityManager): Promise<PhasedCall> {
    const found = await this.lifecycle.lock(callId, 'share', manager);
    if (!found) throw new AppException('NOT_FOUND');
    if (found.phase === 'proposal_sent' || found.phase === 'decided') throw new AppException('PANEL_CLOSED');
    return found;
  }
}
