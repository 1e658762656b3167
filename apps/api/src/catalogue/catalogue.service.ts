import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FIELD_MESSAGES } from '@portal/contracts';
import type { CallCatalogueView } from '@portal/contracts';
import { catalogueFromJson } from '@portal/domain';
import { AppException, AuditRepository, type CallEntity } from '@portal/server';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../common/request-context';
import { catalogueOfCall } from '../dossiers/subscription-rules';
import { CatalogueRepository } from './catalogue.repository';

export function catalogueView(call: CallEntity): CallCatalogueView {
  return {
    callId: call.id,
    code: call.code,
    title: call.title,
    version: call.version,
    budgetCents: call.budgetCents,
    closesAt: call.closesAt.toISOString(),
    catalogue: catalogueOfCall(call),
  };
}

/** The administration defines (or imports) the catalogue of a call; applicants read it. */
@Injectable()
export class CatalogueService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: CatalogueRepository,
    private readonly audit: AuditRepository,
  ) {}

  /** Published catalogue calls are public, like the calls themselves; drafts only for the administration. */
  async get(id: string, viewerIsAdmin: boolean): Promise<CallCatalogueView> {
    const call = await this.repository.findCall(id);
    if (!call || (call.status !== 'published' && !viewerIsAdmin)) throw new AppException('NOT_FOUND');
    return catalogueView(call);
  }

  /**
   * Makes the call a catalogue call with this catalogue (If-Match: the call's version). Refused once any dossier
   * exists: subscriptions refer to the catalogue's codes and amounts.
   */
  async set(
    auth: AuthContext,
    id: string,
    version: number,
    json: unknown,
    requestId: string | null,
  ): Promise<CallCatalogueView> {
    const parsed = catalogueFromJson(json);
    if (!parsed.ok) {
      throw new AppException('CATALOGUE_INVALID', {
        errors: parsed.issues.map(({ field, code, message }) => ({
          field: field ? `catalogue.${field}` : 'catalogue',
          code,
          message,
        })),
      });
    }
    return this.dataSource.transaction(async (manager) => {
      const call = await this.repository.findCall(id, manager, true);
      if (!call) throw new AppException('NOT_FOUND');
      if (call.version !== version) {
        throw new AppException('VERSION_CONFLICT', {
          params: { current: call.version },
          extra: { currentVersion: call.version },
        });
      }
      if ((await this.repository.countDossiers(id, manager)) > 0) {
        throw new AppException('CALL_CHANGE_HURTS_APPLICANTS', {
          errors: [
            {
              field: 'catalogue',
              code: 'catalogueFrozen',
              message: FIELD_MESSAGES.catalogueFrozen(),
            },
          ],
        });
      }
      const before = { kind: call.kind, catalogue: call.catalogue };
      call.kind = 'catalogue';
      call.catalogue = parsed.catalogue;
      call.version += 1;
      const saved = await this.repository.saveCall(call, manager);
      await this.audit.record(
        {
          actorUserId: auth.user.id,
          action: 'call.catalogue_set',
          entityType: 'call',
          entityId: id,
          before,
          after: { kind: saved.kind, catalogue: saved.catalogue },
          requestId,
        },
        manager,
      );
      return catalogueView(saved);
    });
  }
}
