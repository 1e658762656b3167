import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { WEB_ROUTES, webUrl, type ChangeRequestInput, type ChangeRequestView } from '@portal/contracts';
import { AppConfig, AppException, AuditRepository, NotificationRepository } from '@portal/server';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthContext } from '../common/request-context';
import { mailSender } from '../notifications/mail-sender';
import { ChangeRequestRepository, type ChangeDossier } from './change-request.repository';

type Recipient = { email: string; displayName: string; locale: 'nl' | 'en' };

/**
 * Changes after the award (ADR 0024): the organisation asks (a longer period, a shift between budget lines, another
 * partner, something else) with a motivation; the administration approves or refuses with one. A change never raises
 * the granted amount: the service refuses it and the database does too (CHECK and trigger on change_requests).
 */
@Injectable()
export class ChangeRequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly changes: ChangeRequestRepository,
    private readonly audit: AuditRepository,
    private readonly notifications: NotificationRepository,
    private readonly config: AppConfig,
  ) {}

  async ofDossier(auth: AuthContext, dossierId: string): Promise<ChangeRequestView[]> {
    await this.visible(auth, dossierId);
    return this.changes.ofDossier(dossierId);
  }

  ofCall(callId: string): Promise<ChangeRequestView[]> {
    return this.changes.ofCall(callId);
  }

  async request(auth: AuthContext, dossierId: string, input: ChangeRequestInput): Promise<ChangeRequestView> {
    const visible = await this.visible(auth, dossierId);
    const id = await this.dataSource.transaction(async (manager) => {
      await this.changes.lockDossier(dossierId, manager);
      const dossier = (await this.changes.dossier(dossierId, null, manager))!;
      if (dossier.status !== 'awarded')
        throw new AppException('AWARDED_DOSSIERS_ONLY', { params: { status: dossier.status } });
      const after = input.grantedCentsAfter ?? null;
      if (after !== null && after > dossier.grantedCents) throw new AppException('GRANT_INCREASE_REFUSED');
      const row = {
        dossierId,
        kind: input.kind,
        motivation: input.motivation.trim(),
        newEndDate: input.kind === 'period' ? (input.newEndDate ?? null) : null,
        grantedCentsBefore: dossier.grantedCents,
        grantedCentsAfter: after,
        requestedBy: auth.user.id,
      };
      const created = await this.changes.insert(row, manager);
      await this.audit.record(
        {
          actorUserId: auth.user.id,
          action: 'change_request.submitted',
          entityType: 'change_request',
          entityId: created,
          after: { ...row, status: 'requested' },
          requestId: auth.requestId,
        },
        manager,
      );
      await this.mail(manager, 'change_request.submitted', auth.user, visible, input.kind);
      return created;
    });
    return (await this.changes.view(id))!;
  }

  approve(auth: AuthContext, id: string, motivation: string): Promise<ChangeRequestView> {
    return this.decide(auth, id, 'approved', motivation);
  }

  refuse(auth: AuthContext, id: string, motivation: string): Promise<ChangeRequestView> {
    return this.decide(auth, id, 'refused', motivation);
  }

  private async decide(
    auth: AuthContext,
    id: string,
    status: 'approved' | 'refused',
    rawMotivation: string,
  ): Promise<ChangeRequestView> {
    const motivation = rawMotivation.trim();
    await this.dataSource.transaction(async (manager) => {
      const before = await this.changes.view(id, manager);
      if (!before) throw new AppException('NOT_FOUND');
      // One statement decides (WHERE status = 'requested'): the loser of a race changes nothing and hears 409.
      if (!(await this.changes.decide(id, { status, by: auth.user.id, motivation }, manager))) {
        const now = await this.changes.view(id, manager);
        throw new AppException('CHANGE_REQUEST_DECIDED', { params: { status: now?.status ?? before.status } });
      }
      await this.audit.record(
        {
          actorUserId: auth.user.id,
          action: status === 'approved' ? 'change_request.approved' : 'change_request.refused',
          entityType: 'change_request',
          entityId: id,
          before: { status: 'requested' },
          after: {
            status,
            dossierId: before.dossierId,
            kind: before.kind,
            motivation,
            newEndDate: before.newEndDate,
            grantedCentsBefore: before.grantedCentsBefore,
            grantedCentsAfter: before.grantedCentsAfter,
          },
          requestId: auth.requestId,
        },
        manager,
      );
      const dossier = (await this.changes.dossier(before.dossierId, null, manager))!;
      const to = (await this.changes.requestedBy(id, manager)) ?? dossier.creator;
      await this.mail(manager, 'change_request.decided', to, dossier, before.kind, { decision: status, motivation });
    });
    return (await this.changes.view(id))!;
  }

  private async visible(auth: AuthContext, dossierId: string): Promise<ChangeDossier> {
    const admin = auth.user.roles.includes('admin');
    const dossier = await this.changes.dossier(dossierId, admin ? null : auth.user.id);
    if (!dossier) throw new AppException('NOT_FOUND');
    return dossier;
  }

  private async mail(
    manager: EntityManager,
    template: 'change_request.submitted' | 'change_request.decided',
    to: Recipient,
    dossier: ChangeDossier,
    changeKind: string,
    decision?: { decision: 'approved' | 'refused'; motivation: string },
  ): Promise<void> {
    const common = {
      recipientName: to.displayName,
      reference: dossier.reference ?? '',
      title: dossier.title,
      callTitle: dossier.callTitle,
      changeKind,
      dossierUrl: webUrl(this.config.APP_URL, WEB_ROUTES.dossierFollowUp(dossier.id)),
      sender: mailSender(dossier.callInformation, this.config.LETTER_SETTINGS_FILE),
    };
    await this.notifications.enqueue(
      template === 'change_request.decided'
        ? {
            template,
            recipient: to.email,
            locale: to.locale,
            subjectRef: dossier.reference,
            payload: { ...common, ...decision! },
          }
        : { template, recipient: to.email, locale: to.locale, subjectRef: dossier.reference, payload: common },
      manager,
    );
  }
}
