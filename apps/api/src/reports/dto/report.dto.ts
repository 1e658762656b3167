import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { COST_CATEGORIES, type CostCategory } from '@portal/contracts';
import { HumanText, IsDeclared } from '../../common/validation';

const CODE = /^[A-Z0-9][A-Z0-9_-]{0,59}$/;
const MAX_CENTS = 1_000_000_000_000;
const MAX_COUNT = 1_000_000_000;

export class ReportIndicatorDefinitionDto {
  @Matches(CODE)
  code: string;

  @HumanText({ min: 1, max: 200 })
  label: string;

  @ApiPropertyOptional({ nullable: true, description: "The call's number question whose answer is the planned value" })
  @IsDefined()
  @ValidateIf((_o, value) => value !== null)
  @Matches(CODE)
  questionCode: string | null;
}

export class ReportSettingsDto {
  @IsBoolean()
  interimRequired: boolean;

  @ApiProperty({ nullable: true, description: 'ISO 8601 with an offset, or YYYY-MM-DDTHH:mm in Brussels time' })
  @IsDefined()
  @ValidateIf((_o, value) => value !== null)
  @IsString()
  @MaxLength(40)
  interimDueAt: string | null;

  @ApiProperty({ description: 'ISO 8601 with an offset, or YYYY-MM-DDTHH:mm in Brussels time' })
  @IsString()
  @MaxLength(40)
  finalDueAt: string;

  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ReportIndicatorDefinitionDto)
  indicators: ReportIndicatorDefinitionDto[];
}

export class IndicatorValueDto {
  @Matches(CODE)
  code: string;

  @IsDefined()
  @ValidateIf((_o, value) => value !== null)
  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  realised: number | null;
}

export class CostLineDto {
  @HumanText({ max: 300 })
  description: string;

  @ApiProperty({ enum: COST_CATEGORIES })
  @IsIn(COST_CATEGORIES)
  category: CostCategory;

  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  amountCents: number;
}

/** A draft save: whatever is storable is stored; what would stop a submission comes back as issues. */
export class ReportDraftDto {
  @ApiPropertyOptional()
  @IsOptional()
  @HumanText({ multiline: true, max: 20000 })
  narrative?: string;

  @ApiPropertyOptional({ type: [IndicatorValueDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => IndicatorValueDto)
  indicators?: IndicatorValueDto[];

  @ApiPropertyOptional({ type: [CostLineDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => CostLineDto)
  costLines?: CostLineDto[];
}

export class SubmitReportDto {
  @ApiProperty({ enum: [true], description: 'The declaration on honour, accepted (true)' })
  @IsDeclared()
  declaration: true;
}

export class ApproveReportDto {
  @ApiPropertyOptional({ description: 'Accepted costs in total (cents); or give them per line' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  acceptedTotalCents?: number;

  @ApiPropertyOptional({ description: 'Accepted costs per cost line (cents), in the order of the report' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsInt({ each: true })
  @Min(0, { each: true })
  @Max(MAX_CENTS, { each: true })
  acceptedLineCents?: number[];

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_o, value) => value !== null)
  @HumanText({ multiline: true, max: 2000 })
  motivation?: string | null;
}

export class RequestReportChangesDto {
  @ApiProperty({ description: 'What the organisation must change; it reads this' })
  @HumanText({ multiline: true, min: 3, max: 2000 })
  motivation: string;
}
