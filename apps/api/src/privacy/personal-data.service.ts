import { Injectable } from '@nestjs/common';
import type { PersonalDataExport } from '@portal/contracts';
import { AppException, AuditRepository } from '@portal/server';
import type { AuthContext } from '../common/request-context';
import { PersonalDataRepository } from './personal-data.repository';

/** Payload members that hold a live secret (a reset or invitation link): never handed out again, not even to the owner. */
const SECRET_KEY = /token|resetUrl|acceptUrl/i;

function withoutSecrets(payload: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(payload).filter(([key]) => !SECRET_KEY.test(key)));
}

const iso = (value: Date | null): string | null => value?.toISOString() ?? null;

/** A person's own data in one document (GDPR right of access and portability). */
@Injectable()
export class PersonalDataService {
  constructor(
    private readonly repository: PersonalDataRepository,
    private readonly audit: AuditRepository,
  ) {}

  async export(auth: AuthContext, requestId: string | null): Promise<PersonalDataExport> {
    const userId = auth.user.id;
    const document = await this.repository.snapshot(async (manager) => {
      const user = await this.repository.user(userId, manager);
      if (!user) throw new AppException('NOT_FOUND');
      const [sessions, memberships, assignments, notifications, auditEvents] = [
        await this.repository.sessions(userId, manager),
        await this.repository.memberships(userId, manager),
        await this.repository.assignments(userId, manager),
        await this.repository.notifications(user.email, manager),
        await this.repository.auditEvents(userId, manager),
      ];
      const identities = await this.repository.identities(userId, manager);
      const dossiers = await this.repository.dossiers(
        memberships.map((m) => m.applicantId),
        manager,
      );
      const dossierIds = dossiers.map((d) => d.id);
      const submissions = await this.repository.submissions(dossierIds, manager);
      const attachments = await this.repository.attachments(dossierIds, manager);
      const scores = await this.repository.scores(
        assignments.map((a) => a.id),
        manager,
      );
      const exported: PersonalDataExport = {
        format: 'grant-portal.personal-data',
        version: 1,
        exportedAt: new Date().toISOString(),
        account: {
          id: user.id,
          email: user.email,
          displayName: user.displayName,
          roles: user.roles,
          locale: user.locale,
          createdAt: user.createdAt.toISOString(),
          updatedAt: user.updatedAt.toISOString(),
        },
        sessions: sessions.map((s) => ({
          createdAt: s.createdAt.toISOString(),
          expiresAt: s.expiresAt.toISOString(),
          revokedAt: iso(s.revokedAt),
          ip: s.ip,
          userAgent: s.userAgent,
        })),
        identities: identities.map((i) => ({
          issuer: i.issuer,
          subject: i.subject,
          email: i.email,
          represents: i.represents,
          linkedAt: i.createdAt.toISOString(),
          lastLoginAt: i.lastLoginAt.toISOString(),
        })),
        memberships: memberships.map((m) => ({
          applicantId: m.applicantId,
          legalName: m.applicant!.legalName,
          kind: m.applicant!.kind,
          enterpriseNumber: m.applicant!.enterpriseNumber,
          nisCode: m.applicant!.nisCode,
          role: m.role,
          since: m.createdAt.toISOString(),
          contactName: m.applicant!.contactName,
          contactEmail: m.applicant!.contactEmail,
          contactPhone: m.applicant!.contactPhone,
        })),
        dossiers: dossiers.map((d) => ({
          id: d.id,
          reference: d.reference,
          status: d.status,
          callCode: d.call!.code,
          callTitle: d.call!.title,
          applicantId: d.applicantId,
          title: d.title,
          summary: d.summary,
          answers: d.answers,
          projectStart: d.projectStart,
          projectEnd: d.projectEnd,
          budgetLines: d.budgetLines,
          requestedCents: d.requestedCents,
          ownContributionCents: d.ownContributionCents,
          otherIncomeCents: d.otherIncomeCents,
          grantedCents: d.grantedCents,
          createdByMe: d.createdBy === userId,
          createdAt: d.createdAt.toISOString(),
          updatedAt: d.updatedAt.toISOString(),
          submissions: submissions
            .filter((s) => s.dossierId === d.id)
            .map((s) => ({
              number: s.number,
              submittedAt: s.submittedAt.toISOString(),
              contentHash: s.contentHash,
              submittedByMe: s.submittedBy === userId,
            })),
          attachments: attachments
            .filter((a) => a.dossierId === d.id)
            .map((a) => ({
              kind: a.kind,
              filename: a.filename,
              contentType: a.contentType,
              sizeBytes: a.sizeBytes,
              sha256: a.sha256,
              uploadedAt: a.createdAt.toISOString(),
              removedAt: iso(a.removedAt),
            })),
        })),
        reviews: assignments.map((a) => ({
          assignmentId: a.id,
          dossierId: a.dossierId,
          reference: a.dossier?.reference ?? null,
          status: a.status,
          conflictReason: a.conflictReason,
          assignedAt: a.createdAt.toISOString(),
          submittedAt: iso(a.submittedAt),
          scores: scores
            .filter((s) => s.assignmentId === a.id)
            .map((s) => ({ criterionCode: s.criterionCode, score: s.score, comment: s.comment })),
        })),
        notifications: notifications.map((n) => ({
          id: n.id,
          template: n.template,
          locale: n.locale,
          status: n.status,
          subjectRef: n.subjectRef,
          createdAt: n.createdAt.toISOString(),
          sentAt: iso(n.sentAt),
          payload: withoutSecrets(n.payload ?? {}),
        })),
        auditEvents: auditEvents.map((e) => ({
          occurredAt: e.occurredAt.toISOString(),
          action: e.action,
          entityType: e.entityType,
          entityId: e.entityId,
          before: e.before,
          after: e.after,
        })),
      };
      return exported;
    });
    await this.audit.record({
      actorUserId: userId,
      action: 'user.data_exported',
      entityType: 'user',
      entityId: userId,
      after: {
        dossiers: document.dossiers.length,
        notifications: document.notifications.length,
        auditEvents: document.auditEvents.length,
      },
      requestId,
    });
    return document;
  }
}
