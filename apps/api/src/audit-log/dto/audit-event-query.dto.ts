import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { HumanText } from '../../common/validation';

/** The filters of the audit log; the export takes the same ones (plus `format`). */
export class AuditEventFilterDto {
  /** `dossier`, `call`, `user`, ... */
  @IsOptional()
  @IsString()
  @Matches(/^[a-z_]{1,50}$/)
  entityType?: string;

  @IsOptional()
  @HumanText({ max: 100 })
  entityId?: string;

  /** The actor's e-mail address or user id. */
  @IsOptional()
  @HumanText({ max: 254 })
  actor?: string;

  /** An action (`dossier.submitted`) or the start of one (`dossier.`). */
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9_.]{1,100}$/i)
  action?: string;

  /** Brussels date (`2026-03-29`) or moment (`2026-03-29T14:30`): first moment included. */
  @IsOptional()
  @HumanText({ max: 19 })
  from?: string;

  /** Brussels date or moment: last day (or minute) included. */
  @IsOptional()
  @HumanText({ max: 19 })
  to?: string;
}

export class AuditEventQueryDto extends AuditEventFilterDto {
  /** `nextCursor` of the previous page. */
  @IsOptional()
  @HumanText({ max: 200 })
  cursor?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class AuditExportQueryDto extends AuditEventFilterDto {
  @IsOptional()
  @IsIn(['csv', 'xlsx'])
  format?: 'csv' | 'xlsx';
}
