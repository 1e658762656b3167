import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  WEB_ROUTES,
  webUrl,
  type AcceptanceInput,
  type AcceptanceOverviewRow,
  type AcceptanceView,
} from '@portal/contracts';
import { formatDateTime, formatEuro, normalizeIban, trancheAmounts, trancheLabel } from '@portal/domain';
import { AppConfig, AppException, AuditRepository, NotificationRepository, type DossierEntity } from '@portal/server';
import { DataSource } from 'typeorm';
import { loadLetterSettings, type LetterSettings } from '../assessment/letters/letter-settings';
import type { AuthContext } from '../common/request-context';
import { mailSender } from '../notifications/mail-sender';
import { AcceptanceRepository } from './acceptance.repository';
import { awardConditions, sha256Hex } from './conditions';
import { PaymentScheduleRepository } from './payment-schedule.repository';
import { TranchesService } from './tranches.service';

function invalid(field: string, message: { nl: string; en: string }): AppException {
  return new AppException('VALIDATION_FAILED', { errors: [{ field, code: 'invalid', message }] });
}

/**
 * The organisation accepts its award and the conditions quoted in the award letter (their text and SHA-256 kept), or
 * declines it with a motivation (recorded and audited; it releases nothing by itself). One answer per dossier.
 */
@Injectable()
export class AcceptanceService {
  private readonly letterSettings: LetterSettings;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly acceptances: AcceptanceRepository,
    private readonly schedules: PaymentScheduleRepository,
    private readonly tranches: TranchesService,
    private readonly audit: AuditRepository,
    private readonly notifications: NotificationRepository,
    private readonly config: AppConfig,
  ) {
    this.letterSettings = loadLetterSettings(config.LETTER_SETTINGS_FILE);
  }

  async view(auth: AuthContext, dossierId: string): Promise<AcceptanceView> {
    const dossier = await this.acceptances.visibleDossier(auth, dossierId);
    const [call, acceptance, applicant] = await Promise.all([
      this.acceptances.call(dossier.callId),
      this.acceptances.acceptanceOf(dossier.id),
      this.acceptances.applicant(dossier.applicantId),
    ]);
    const conditionsText = awardConditions(call.information, this.letterSettings);
    const awarded = dossier.status === 'awarded' && (dossier.grantedCents ?? 0) > 0;
    return {
      dossierId: dossier.id,
      reference: dossier.reference,
      grantedCents: awarded ? (dossier.grantedCents ?? 0) : 0,
      status: acceptance ? acceptance.decision : awarded ? 'pending' : 'not_awarded',
      conditionsText: acceptance?.conditionsText ?? conditionsText,
      conditionsSha256: acceptance?.conditionsSha256 ?? sha256Hex(conditionsText),
      proposedIban: applicant.iban,
      acceptance: acceptance
        ? {
            decision: acceptance.decision,
            decidedAt: acceptance.decidedAt.toISOString(),
            decidedByName: await this.acceptances.userName(acceptance.decidedBy),
            conditionsSha256: acceptance.conditionsSha256,
            creditorIban: acceptance.creditorIban,
            motivation: acceptance.motivation,
          }
        : null,
      tranches: awarded ? await this.tranches.ofDossier(dossier) : [],
      canAnswer: awarded && !acceptance && auth.user.roles.includes('applicant'),
    };
  }

  async answer(
    auth: AuthContext,
    dossierId: string,
    input: AcceptanceInput,
    requestId: string | null,
  ): Promise<AcceptanceView> {
    const visible = await this.acceptances.visibleDossier(auth, dossierId);
    const iban = input.decision === 'accepted' ? normalizeIban(input.iban ?? '') : null;
    if (input.decision === 'accepted' && !iban)
      throw new AppException('INVALID_IBAN', {
        errors: [{ field: 'iban', code: 'invalid', message: { nl: 'Ongeldig IBAN.', en: 'Invalid IBAN.' } }],
      });
    const motivation = input.motivation?.trim() || null;
    if (input.decision === 'declined' && !motivation)
      throw invalid('motivation', {
        nl: 'Geef aan waarom je de subsidie niet aanvaardt.',
        en: 'Say why you decline the grant.',
      });
    await this.dataSource.transaction(async (manager) => {
      const dossier = (await this.acceptances.lockDossier(visible.id, manager)) as DossierEntity;
      if (dossier.status !== 'awarded' || !dossier.grantedCents)
        throw new AppException('NOT_AWARDED', { params: { status: dossier.status } });
      const call = await this.acceptances.call(dossier.callId, manager);
      const conditionsText = awardConditions(call.information, this.letterSettings);
      const conditionsSha256 = sha256Hex(conditionsText);
      if (input.conditionsSha256 !== conditionsSha256) throw new AppException('CONDITIONS_CHANGED');
      const saved = await this.acceptances.insert(
        {
          dossierId: dossier.id,
          callId: dossier.callId,
          decision: input.decision,
          conditionsText,
          conditionsSha256,
          motivation,
          creditorIban: iban,
          decidedBy: auth.user.id,
        },
        manager,
      );
      await this.audit.record(
        {
          actorUserId: auth.user.id,
          action: input.decision === 'accepted' ? 'award.accepted' : 'award.refused',
          entityType: 'dossier',
          entityId: dossier.id,
          before: { acceptance: null },
          after: {
            acceptance: saved.decision,
            decidedAt: saved.decidedAt.toISOString(),
            conditionsSha256,
            creditorIban: iban,
            motivation,
            grantedCents: dossier.grantedCents,
          },
          requestId,
        },
        manager,
      );
      const recipient = await this.acceptances.recipient(dossier.id, manager);
      const { tranches } = await this.schedules.schedule(dossier.callId, manager);
      const locale = recipient.locale;
      await this.notifications.enqueue(
        {
          template: 'award.acceptance_recorded',
          recipient: recipient.email,
          locale,
          subjectRef: recipient.reference,
          payload: {
            recipientName: recipient.displayName,
            reference: recipient.reference,
            callTitle: call.title,
            accepted: saved.decision === 'accepted',
            decidedAtBrussels: formatDateTime(saved.decidedAt, 'dateTime', locale),
            conditionsSha256,
            tranches:
              saved.decision === 'accepted'
                ? trancheAmounts(dossier.grantedCents, tranches).map(
                    (t) => `${trancheLabel(t, locale)}: ${formatEuro(t.amountCents, locale)}`,
                  )
                : [],
            dossierUrl: webUrl(this.config.APP_URL, WEB_ROUTES.applicantDossier(dossier.id)),
            sender: mailSender(call.information, this.config.LETTER_SETTINGS_FILE),
          },
        },
        manager,
      );
    });
    return this.view(auth, dossierId);
  }

  overview(callId: string): Promise<AcceptanceOverviewRow[]> {
    return this.acceptances.overview(callId);
  }
}
