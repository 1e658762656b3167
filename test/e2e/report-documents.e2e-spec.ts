import type { INestApplicationContext } from '@nestjs/common';
import type { ReportDocumentView, ReportView } from '@portal/contracts';
import { createHash } from 'node:crypto';
import { chmodSync } from 'node:fs';
import { resolve } from 'node:path';
import { MAX_ATTACHMENT_BYTES } from '../../apps/api/src/dossiers/content-type';
import { RetentionService } from '../../apps/worker/src/privacy/retention.service';
import { acceptAward, approveReport, setUpReporting } from '../support/after-award';
import { pdfBuffer } from '../support/factories';
import { binary } from '../support/http';
import {
  approve,
  assessedCall,
  auditEvents,
  databaseError,
  sendProposal,
  type BuiltDossier,
} from '../support/lifecycle';
import { DEMO, session, startApi, startWorker, type Session, type TestApi } from '../support/test-app';

// The EICAR test file, assembled at run time (see abuse-limits), and the stand-in for clamscan that flags it.
const EICAR = ['X5O!P%@AP[4\\PZX54(P^)7CC)7}$', 'EICAR-STANDARD-ANTIVIRUS-TEST-FILE', '!$H+H*'].join('');
const FAKE_CLAMSCAN = resolve(__dirname, '../support/fake-clamscan.sh');
const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

describe("a report's supporting documents (ADR 0024, stored as in ADR 0019)", () => {
  let api: TestApi;
  let worker: INestApplicationContext | undefined;
  let admin: Session;
  let d0: BuiltDossier;
  let d1: BuiltDossier;
  let reportId: string;

  beforeAll(async () => {
    chmodSync(FAKE_CLAMSCAN, 0o755);
    api = await startApi({
      overrides: { RETENTION_DAYS: '30', CLAMSCAN_PATH: FAKE_CLAMSCAN, CLAMSCAN_TIMEOUT_MS: '2000' },
    });
    admin = await session(api, DEMO.admin);
    const built = await assessedCall(api, admin, [28_000, 20_000], [5, 4.5], 10_000_000);
    await sendProposal(admin, built.callId);
    await approve(await session(api, DEMO.minister), built.callId).expect(200);
    await setUpReporting(admin, built.callId);
    [d0, d1] = built.dossiers;
    expect((await acceptAward(d0)).status).toBe(200);
    const path = `/api/v1/dossiers/${d0.id}/reports/final`;
    const saved = await d0.owner.agent
      .put(path)
      .set('If-Match', '0')
      .send({
        narrative: 'Twaalf buurtactiviteiten.',
        costLines: [{ description: 'Begeleiders', category: 'personnel', amountCents: 4_000_000 }],
      })
      .expect(200);
    reportId = (saved.body as ReportView).id!;
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  const documents = `/api/v1/reports/:id/documents`;
  const url = (suffix = '') => documents.replace(':id', reportId) + suffix;
  const upload = (who: Session, content: Buffer, name = 'factuur.pdf') =>
    who.agent.post(url()).attach('file', content, name);

  it('the organisation uploads an invoice while drafting; it and the administration download the same bytes', async () => {
    const invoice = pdfBuffer('Factuur 2026-017 begeleiders');
    const added = (await upload(d0.owner, invoice, 'factuur-017.pdf').expect(201)).body as ReportDocumentView;
    expect(added).toMatchObject({
      reportId,
      fileName: 'factuur-017.pdf',
      contentType: 'application/pdf',
      sizeBytes: invoice.length,
      sha256: sha256(invoice),
    });
    for (const who of [d0.owner, admin]) {
      const listed = (await who.agent.get(url()).expect(200)).body as ReportDocumentView[];
      expect(listed.map((d) => d.id)).toEqual([added.id]);
      const file = await binary(who.agent.get(url(`/${added.id}`))).expect(200);
      expect(sha256(file.body as Buffer)).toBe(sha256(invoice));
      expect(file.headers['content-disposition']).toContain('factuur-017.pdf');
    }
    const [event] = await auditEvents(api, { action: 'report.document_added', entityId: reportId });
    expect(event.after).toMatchObject({ documentId: added.id, sha256: sha256(invoice) });
  });

  it('another organisation neither sees, downloads, adds nor removes them (404)', async () => {
    const [document] = (await d0.owner.agent.get(url()).expect(200)).body as ReportDocumentView[];
    await d1.owner.agent.get(url()).expect(404);
    await d1.owner.agent.get(url(`/${document.id}`)).expect(404);
    await upload(d1.owner, pdfBuffer('vreemd')).expect(404);
    await d1.owner.agent.delete(url(`/${document.id}`)).expect(404);
  });

  it('refuses what a dossier attachment refuses: no file, a file that is not what it says, infected, too large', async () => {
    const empty = await d0.owner.agent.post(url()).field('note', 'geen bestand').expect(400);
    expect(empty.body.errors.map((e: { field: string }) => e.field)).toEqual(['file']);
    const fake = await upload(d0.owner, Buffer.from('MZ this is no pdf'), 'factuur.pdf').expect(415);
    expect(fake.body.code).toBe('ATTACHMENT_TYPE_REFUSED');
    const infected = await upload(d0.owner, pdfBuffer(EICAR), 'factuur.pdf').expect(422);
    expect(infected.body.code).toBe('ATTACHMENT_INFECTED');
    const large = await upload(d0.owner, Buffer.alloc(MAX_ATTACHMENT_BYTES + 1, 0x25), 'groot.pdf').expect(413);
    expect(large.body.code).toBe('ATTACHMENT_TOO_LARGE');
    expect(((await d0.owner.agent.get(url()).expect(200)).body as ReportDocumentView[]).length).toBe(1);
  });

  it('removes a document while drafting; once submitted the documents are frozen, also for the database', async () => {
    const extra = (await upload(d0.owner, pdfBuffer('loonbrief oktober'), 'loonbrief.pdf').expect(201))
      .body as ReportDocumentView;
    await d0.owner.agent.delete(url(`/${extra.id}`)).expect(204);
    expect(((await d0.owner.agent.get(url()).expect(200)).body as ReportDocumentView[]).length).toBe(1);
    expect(await auditEvents(api, { action: 'report.document_removed', entityId: reportId })).toHaveLength(1);

    await d0.owner.agent.post(`/api/v1/dossiers/${d0.id}/reports/final/submit`).send({ declaration: true }).expect(200);
    const [kept] = (await d0.owner.agent.get(url()).expect(200)).body as ReportDocumentView[];
    expect((await upload(d0.owner, pdfBuffer('te laat')).expect(409)).body.code).toBe('REPORT_NOT_EDITABLE');
    expect((await d0.owner.agent.delete(url(`/${kept.id}`)).expect(409)).body.code).toBe('REPORT_NOT_EDITABLE');
    // The database holds the rule too: no delete, no change, no insert past the service.
    const refused = await databaseError(api.dataSource.query('DELETE FROM report_documents WHERE id = $1', [kept.id]));
    expect(refused.message).toContain('REPORT_NOT_EDITABLE');
    const renamed = await databaseError(
      api.dataSource.query(`UPDATE report_documents SET file_name = 'x.pdf' WHERE id = $1`, [kept.id]),
    );
    expect(renamed.message).toContain('REPORT_NOT_EDITABLE');

    await approveReport(admin, reportId, 3_000_000).expect(200);
    const file = await binary(admin.agent.get(url(`/${kept.id}`))).expect(200);
    expect(sha256(file.body as Buffer)).toBe(kept.sha256);
  });

  it("the retention pass keeps a report document's content and purges what a removed document left unnamed", async () => {
    const [kept] = (await admin.agent.get(url()).expect(200)).body as ReportDocumentView[];
    const removed = sha256(pdfBuffer('loonbrief oktober'));
    await api.dataSource.query(
      `UPDATE attachment_blobs SET created_at = now() - interval '40 days' WHERE sha256 = ANY($1)`,
      [[kept.sha256, removed]],
    );
    worker = await startWorker(api.config);
    await worker.get(RetentionService).purgeOnce();
    const left = await api.dataSource.query<Array<{ sha256: string }>>(
      'SELECT sha256 FROM attachment_blobs WHERE sha256 = ANY($1)',
      [[kept.sha256, removed]],
    );
    expect(left.map((row) => row.sha256)).toEqual([kept.sha256]);
    const file = await binary(d0.owner.agent.get(url(`/${kept.id}`))).expect(200);
    expect(sha256(file.body as Buffer)).toBe(kept.sha256);
  });
});
