import { AttachmentEntity, DossierEntity } from '@portal/server';
import { IsNull } from 'typeorm';
import { SubmissionRepository } from '../../apps/api/src/dossiers/submission.repository';
import { seedAssessmentDemo } from '../../apps/api/src/seed/demo-assessment';
import { startServices, type Services } from '../support/medium';

/**
 * The submit reads its dossier, call and applicant with one prepared statement that returns the rows as JSON and
 * hydrates them itself (ADR 0026). They must be exactly the entities TypeORM builds from the same rows: same
 * properties, same types (dates as Date, cents as numbers, `date` columns as YYYY-MM-DD, jsonb as objects).
 */
describe('the submit reads what TypeORM reads (medium tier)', () => {
  let services: Services;

  beforeAll(async () => {
    services = await startServices();
    await seedAssessmentDemo(services.app);
  }, 120_000);

  afterAll(async () => {
    await services.close();
  });

  it('hydrates every demo dossier, with its call, applicant and attachments, exactly as TypeORM does', async () => {
    const rows = await services.dataSource.query<Array<{ id: string; user_id: string }>>(
      `SELECT DISTINCT ON (d.id) d.id, m.user_id FROM dossiers d
         JOIN applicant_members m ON m.applicant_id = d.applicant_id ORDER BY d.id`,
    );
    // The demo has drafts and submitted dossiers of project and catalogue calls, with and without attachments.
    expect(rows.length).toBeGreaterThan(5);
    const repository = services.get(SubmissionRepository);
    let withAttachments = 0;
    for (const { id, user_id } of rows) {
      await services.dataSource.transaction(async (manager) => {
        const found = await repository.findForSubmit(id, user_id, null, manager);
        const expected = await manager.findOneOrFail(DossierEntity, {
          where: { id },
          relations: { call: true, applicant: true },
        });
        expect(found?.dossier).toEqual(expected);
        expect(found?.dossier.call).toBeInstanceOf(Object);
        expect(found?.dossier.createdAt).toBeInstanceOf(Date);
        const attachments = await manager.find(AttachmentEntity, {
          where: { dossierId: id, removedAt: IsNull() },
          order: { createdAt: 'ASC' },
        });
        expect(found?.attachments).toEqual(attachments);
        if (attachments.length > 0) withAttachments += 1;
      });
    }
    expect(withAttachments).toBeGreaterThan(0);
  });

  it('finds nothing for a user who is not a member of the applicant', async () => {
    const [row] = await services.dataSource.query<Array<{ id: string }>>('SELECT id FROM dossiers LIMIT 1');
    const [stranger] = await services.dataSource.query<Array<{ id: string }>>(
      `SELECT u.id FROM users u WHERE NOT EXISTS (
         SELECT 1 FROM applicant_members m JOIN dossiers d ON d.applicant_id = m.applicant_id
          WHERE m.user_id = u.id AND d.id = $1) LIMIT 1`,
      [row.id],
    );
    await services.dataSource.transaction(async (manager) => {
      expect(await services.get(SubmissionRepository).findForSubmit(row.id, stranger.id, null, manager)).toBeNull();
    });
  });
});
