import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  FIELD_MESSAGES,
  type ApplicantMemberRole,
  type ApplicantView,
  type RegisterApplicantInput,
} from '@portal/contracts';
import { checkEnterpriseNumber, isNisCode, normalizeIban } from '@portal/domain';
import { AppException, ApplicantEntity, AuditRepository } from '@portal/server';
import { DataSource, QueryFailedError } from 'typeorm';
import type { AuthContext } from '../common/request-context';
import { ApplicantRepository } from './applicant.repository';

export function toApplicantView(applicant: ApplicantEntity, myRole: ApplicantMemberRole): ApplicantView {
  return {
    id: applicant.id,
    kind: applicant.kind,
    legalName: applicant.legalName,
    enterpriseNumber: applicant.enterpriseNumber,
    nisCode: applicant.nisCode,
    policyDomains: applicant.policyDomains,
    address: applicant.address,
    iban: applicant.iban,
    contactName: applicant.contactName,
    contactEmail: applicant.contactEmail,
    contactPhone: applicant.contactPhone,
    myRole,
    verificationStatus: applicant.verificationStatus,
    verificationMotivation: applicant.verificationMotivation,
  };
}

const fieldError = (field: string, code: string, nl: string, en: string) => ({ field, code, message: { nl, en } });

@Injectable()
export class ApplicantsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly applicants: ApplicantRepository,
    private readonly audit: AuditRepository,
  ) {}

  async register(auth: AuthContext, input: RegisterApplicantInput, requestId: string | null): Promise<ApplicantView> {
    let enterpriseNumber: string | null = null;
    let enterpriseNumberShown = '';
    let nisCode: string | null = null;
    if (input.kind === 'organisation') {
      const check = checkEnterpriseNumber(input.enterpriseNumber ?? '');
      if (!check.valid) {
        throw new AppException('INVALID_ENTERPRISE_NUMBER', {
          errors: [
            fieldError('enterpriseNumber', check.reason, 'Ongeldig ondernemingsnummer.', 'Invalid enterprise number.'),
          ],
        });
      }
      enterpriseNumber = check.normalized;
      enterpriseNumberShown = check.formatted;
    } else {
      if (!isNisCode(input.nisCode ?? '')) {
        throw new AppException('INVALID_NIS_CODE', {
          errors: [fieldError('nisCode', 'format', 'Geef 5 cijfers.', 'Enter 5 digits.')],
        });
      }
      nisCode = input.nisCode!;
    }
    const iban = normalizeIban(input.iban);
    if (!iban)
      throw new AppException('INVALID_IBAN', {
        errors: [fieldError('iban', 'invalid', 'Ongeldig IBAN.', 'Invalid IBAN.')],
      });

    try {
      return await this.dataSource.transaction(async (manager) => {
        const applicant = await this.applicants.insertWithAdmin(
          {
            kind: input.kind,
            legalName: input.legalName.trim(),
            enterpriseNumber,
            nisCode,
            policyDomains: [...new Set(input.policyDomains)],
            address: {
              street: input.address.street.trim(),
              postalCode: input.address.postalCode.trim(),
              city: input.address.city.trim(),
            },
            iban,
            contactName: input.contactName.trim(),
            contactEmail: input.contactEmail.trim().toLowerCase(),
            contactPhone: input.contactPhone?.trim() || null,
          },
          auth.user.id,
          manager,
        );
        await this.audit.record(
          {
            actorUserId: auth.user.id,
            action: 'applicant.registered',
            entityType: 'applicant',
            entityId: applicant.id,
            after: {
              kind: applicant.kind,
              legalName: applicant.legalName,
              enterpriseNumber,
              nisCode,
              verificationStatus: applicant.verificationStatus,
            },
            requestId,
          },
          manager,
        );
        return toApplicantView(applicant, 'admin');
      });
    } catch (error) {
      const constraint =
        error instanceof QueryFailedError ? (error.driverError as { constraint?: string }).constraint : undefined;
      // Only the number the person typed is repeated: never who holds it (a stranger learns nothing more).
      if (constraint === 'applicants_enterprise_number_unique') {
        throw new AppException('ENTERPRISE_NUMBER_TAKEN', {
          params: { enterpriseNumber: enterpriseNumberShown },
          errors: [{ field: 'enterpriseNumber', code: 'taken', message: FIELD_MESSAGES.applicantNumberTaken() }],
        });
      }
      if (constraint === 'applicants_nis_code_unique')
        throw new AppException('NIS_CODE_TAKEN', {
          params: { nisCode: nisCode! },
          errors: [{ field: 'nisCode', code: 'taken', message: FIELD_MESSAGES.applicantNumberTaken() }],
        });
      throw error;
    }
  }

  async mine(auth: AuthContext): Promise<ApplicantView[]> {
    const rows = await this.applicants.findForUser(auth.user.id);
    return rows.map(({ applicant, role }) => toApplicantView(applicant, role));
  }
}
