import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApplicantEntity, AppException, DossierEntity, memberOfApplicant } from '@portal/server';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthContext } from '../common/request-context';

/** What an applicant (or the administration) may read of a decided dossier. */
@Injectable()
export class OutcomeRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The dossier, when the user is the administration or a member of the applicant; otherwise 404. */
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

  applicant(id: string): Promise<ApplicantEntity> {
    return this.dataSource.manager.findOneByOrFail(ApplicantEntity, { id });
  }
}
