import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ApplicantEntity,
  CallEntity,
  CatalogueAllocationEntity,
  DossierEntity,
  DossierSubmissionEntity,
  UserEntity,
  type DossierSubscription,
  memberOfApplicant,
} from '@portal/server';
import { DataSource, EntityManager } from 'typeorm';

/** A submitted subscription as it was last submitted (the working copy may have moved on). */
export interface SubmittedSubscription {
  dossierId: string;
  status: string;
  reference: string;
  applicantId: string;
  legalName: string;
  nisCode: string | null;
  createdBy: string;
  submissionNumber: number;
  contentHash: string;
  subscription: DossierSubscription;
  ownContributionCents: number;
}

interface SubmittedRow {
  dossier_id: string;
  status: string;
  reference: string;
  applicant_id: string;
  legal_name: string;
  nis_code: string | null;
  created_by: string;
  number: number;
  content_hash: string;
  content: { subscription?: DossierSubscription; ownContributionCents?: number };
}

/** Queries of catalogue calls: the catalogue, subscriptions (dossiers of the call) and allocations. */
@Injectable()
export class CatalogueRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  findCall(id: string, manager: EntityManager = this.manager, lock = false): Promise<CallEntity | null> {
    return manager.findOne(CallEntity, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  saveCall(call: CallEntity, manager: EntityManager = this.manager): Promise<CallEntity> {
    return manager.save(CallEntity, call);
  }

  countDossiers(callId: string, manager: EntityManager = this.manager): Promise<number> {
    return manager.count(DossierEntity, { where: { callId } });
  }

  /** A dossier of an applicant the user acts for, with its applicant; anything else is "not found". */
  findDossierForMember(
    id: string,
    userId: string,
    manager: EntityManager = this.manager,
  ): Promise<DossierEntity | null> {
    return manager
      .createQueryBuilder(DossierEntity, 'dossier')
      .innerJoinAndSelect('dossier.applicant', 'applicant')
      .where('dossier.id = :id', { id })
      .andWhere(memberOfApplicant('dossier.applicant_id', ':userId'), { userId })
      .getOne();
  }

  findApplicant(id: string, manager: EntityManager = this.manager): Promise<ApplicantEntity | null> {
    return manager.findOne(ApplicantEntity, { where: { id } });
  }

  lastSubmission(dossierId: string, manager: EntityManager = this.manager): Promise<DossierSubmissionEntity | null> {
    return manager.findOne(DossierSubmissionEntity, { where: { dossierId }, order: { number: 'DESC' } });
  }

  /**
   * The subscriptions that take part: submitted (and possibly decided, not withdrawn), each in its last submitted
   * version, in reference order.
   */
  async submittedSubscriptions(
    callId: string,
    statuses: readonly string[],
    manager: EntityManager = this.manager,
  ): Promise<SubmittedSubscription[]> {
    const rows = await manager.query<SubmittedRow[]>(
      `SELECT d.id AS dossier_id, d.status, d.reference, d.applicant_id, a.legal_name, a.nis_code, d.created_by,
              s.number, s.content_hash, s.content
         FROM dossiers d
         JOIN applicants a ON a.id = d.applicant_id
         JOIN LATERAL (
           SELECT number, content_hash, content FROM dossier_submissions
            WHERE dossier_id = d.id ORDER BY number DESC LIMIT 1
         ) s ON true
        WHERE d.call_id = $1 AND d.submission_count > 0 AND d.status = ANY($2::text[])
        ORDER BY d.reference`,
      [callId, [...statuses]],
    );
    return rows.map((row) => ({
      dossierId: row.dossier_id,
      status: row.status,
      reference: row.reference,
      applicantId: row.applicant_id,
      legalName: row.legal_name,
      nisCode: row.nis_code,
      createdBy: row.created_by,
      submissionNumber: Number(row.number),
      contentHash: row.content_hash,
      subscription: row.content.subscription ?? { lines: [], priorities: {} },
      ownContributionCents: Number(row.content.ownContributionCents ?? 0),
    }));
  }

  latestAllocation(
    callId: string,
    manager: EntityManager = this.manager,
    lock = false,
  ): Promise<CatalogueAllocationEntity | null> {
    return manager.findOne(CatalogueAllocationEntity, {
      where: { callId },
      order: { createdAt: 'DESC' },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  approvedAllocation(callId: string, manager: EntityManager = this.manager): Promise<CatalogueAllocationEntity | null> {
    return manager.findOne(CatalogueAllocationEntity, { where: { callId, status: 'approved' } });
  }

  saveAllocation(
    allocation: Partial<CatalogueAllocationEntity>,
    manager: EntityManager = this.manager,
  ): Promise<CatalogueAllocationEntity> {
    return manager.save(CatalogueAllocationEntity, manager.create(CatalogueAllocationEntity, allocation));
  }

  ministers(manager: EntityManager = this.manager): Promise<UserEntity[]> {
    return manager.createQueryBuilder(UserEntity, 'u').where(`'minister' = ANY(u.roles)`).getMany();
  }

  /** Records the decision on each subscription; returns the sum awarded on the call, read back from the database. */
  async recordGrants(
    callId: string,
    grants: ReadonlyArray<{ dossierId: string; grantedCents: number }>,
    manager: EntityManager,
  ): Promise<number> {
    for (const grant of grants) {
      await manager.update(
        DossierEntity,
        { id: grant.dossierId, callId },
        { status: grant.grantedCents > 0 ? 'awarded' : 'rejected', grantedCents: grant.grantedCents },
      );
    }
    const [{ total }] = await manager.query<Array<{ total: string | null }>>(
      `SELECT sum(granted_cents) AS total FROM dossiers WHERE call_id = $1 AND status = 'awarded'`,
      [callId],
    );
    return Number(total ?? 0);
  }

  users(ids: readonly string[], manager: EntityManager = this.manager): Promise<UserEntity[]> {
    return ids.length
      ? manager
          .createQueryBuilder(UserEntity, 'u')
          .where('u.id = ANY(:ids)', { ids: [...ids] })
          .getMany()
      : Promise.resolve([]);
  }
}
