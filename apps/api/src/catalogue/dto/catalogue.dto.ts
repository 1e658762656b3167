import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsObject, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { HumanText } from '../../common/validation';
import { REPORT_PARTS, type ReportPart } from '../report-export';

const MAX_CENTS = 1_000_000_000_000;
const MAX_REACH = 1_000_000_000;

export class SetCatalogueDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'objectives[].actions[].rows[] with unit, maxUnits and eurPerUnit (or centsPerUnit); optional code per item and budgetEur/budgetCents per action',
  })
  @IsObject()
  catalogue: Record<string, unknown>;
}

export class SubscriptionLineDto {
  @HumanText({ max: 60 })
  rowCode: string;

  @IsInt()
  @Min(0)
  @Max(MAX_REACH)
  currentReach: number;

  @IsInt()
  @Min(0)
  @Max(MAX_REACH)
  plannedExtraReach: number;
}

export class SubscriptionDto {
  @ApiProperty({ type: [SubscriptionLineDto] })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => SubscriptionLineDto)
  lines: SubscriptionLineDto[];

  /** Action code -> priority 1..n; the values are checked by the domain rules (distinct, no gaps). */
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, example: { 'O4.A1': 1, 'O3.A2': 2 } })
  @IsObject()
  priorities: Record<string, number>;

  @ApiProperty({ description: 'euro cents' })
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  ownContributionCents: number;
}

export class ReportExportQueryDto {
  @IsOptional()
  @IsIn(['csv', 'xlsx'])
  format?: 'csv' | 'xlsx';

  /** CSV holds one table: which one (the XLSX workbook holds all three). */
  @IsOptional()
  @IsIn(REPORT_PARTS)
  part?: ReportPart;
}
