import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { HumanText, IsCalendarDate, IsRecordOf } from '../../common/validation';

const CODE = /^[A-Z0-9][A-Z0-9_-]{0,59}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class AdmissibilityDto {
  @ApiProperty({ enum: ['admissible', 'inadmissible'] })
  @IsIn(['admissible', 'inadmissible'])
  decision: 'admissible' | 'inadmissible';

  @ApiProperty({ description: 'Readable by the applicant when the dossier is inadmissible' })
  @HumanText({ multiline: true, min: 3, max: 5000 })
  motivation: string;
}

export class BulkAdmissibilityDto extends AdmissibilityDto {
  @ApiPropertyOptional({
    description:
      'The dossiers to decide; absent: every undecided dossier (for "admissible": only those passing every automatic check)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5000)
  @IsUUID('all', { each: true })
  dossierIds?: string[];
}

export class AssignDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  dossierId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  reviewerId?: string;

  @ApiPropertyOptional({ description: 'Automatic: this many reviewers per admissible dossier, load spread evenly' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10)
  perDossier?: number;
}

export class ConflictDto {
  @HumanText({ multiline: true, min: 3, max: 2000 })
  reason: string;
}

export class ScoreDto {
  @Matches(CODE)
  criterionCode: string;

  @IsNumber({ allowNaN: false, allowInfinity: false })
  score: number;

  @IsOptional()
  @HumanText({ multiline: true, max: 5000 })
  comment?: string | null;
}

export class ScoresDto {
  @ApiProperty({ type: [ScoreDto] })
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => ScoreDto)
  scores: ScoreDto[];

  @ApiPropertyOptional({ description: 'true to submit the review (final); false to save a draft' })
  @IsBoolean()
  submit: boolean;
}

export class ConsensusItemDto {
  @Matches(CODE)
  criterionCode: string;

  @IsNumber({ allowNaN: false, allowInfinity: false })
  score: number;

  @HumanText({ multiline: true, min: 3, max: 5000 })
  motivation: string;
}

export class ConsensusDto {
  @ApiProperty({ type: [ConsensusItemDto] })
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => ConsensusItemDto)
  scores: ConsensusItemDto[];
}

export class EnvelopeDto {
  @Matches(CODE)
  code: string;

  @IsInt()
  @Min(1)
  budgetCents: number;
}

export class OverrideDto {
  @IsUUID()
  dossierId: string;

  @IsIn(['select', 'exclude'])
  decision: 'select' | 'exclude';

  @HumanText({ multiline: true, min: 3, max: 2000 })
  motivation: string;
}

export class AdjustmentDto {
  @IsUUID()
  dossierId: string;

  @IsInt()
  @Min(1)
  adjustedCents: number;

  @HumanText({ multiline: true, min: 3, max: 2000 })
  motivation: string;
}

export class ProposalDto {
  @ApiProperty({ enum: ['skip', 'partial'] })
  @IsIn(['skip', 'partial'])
  marginRule: 'skip' | 'partial';

  @ApiPropertyOptional({ type: [EnvelopeDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => EnvelopeDto)
  envelopes?: EnvelopeDto[];

  /** Envelope code per dossier, when envelopes are used. */
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' } })
  @IsOptional()
  @IsRecordOf({ key: UUID, value: CODE, maxEntries: 5000 })
  envelopeOf?: Record<string, string>;

  @ApiPropertyOptional({ type: [OverrideDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => OverrideDto)
  overrides?: OverrideDto[];

  @ApiPropertyOptional({ type: [AdjustmentDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => AdjustmentDto)
  adjustments?: AdjustmentDto[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  reserveSize?: number;
}

export class ReturnProposalDto {
  @HumanText({ multiline: true, min: 3, max: 5000 })
  remarks: string;
}

export class ApproveProposalDto {
  @ApiProperty({ example: '2020-06-08' })
  @IsCalendarDate()
  decisionDate: string;

  @ApiProperty({ example: 'MB-2020-CJM-0608' })
  @HumanText({ min: 3, max: 100 })
  decisionReference: string;
}

export class DeclineDto {
  @ApiProperty({ description: 'Why the organisation gives up the awarded subsidy' })
  @HumanText({ multiline: true, min: 3, max: 5000 })
  motivation: string;
}

export class ProposePromotionDto {
  @ApiProperty()
  @IsUUID()
  dossierId: string;

  @ApiProperty({ description: 'Why this reserve dossier is proposed (e.g. which awarded applicant declined)' })
  @HumanText({ multiline: true, min: 3, max: 5000 })
  motivation: string;
}

/** A motivated budget raise (ADR 0009); after the decision it is the minister's, with date and reference. */
export class BudgetDecisionDto {
  @ApiProperty({ description: 'The new budget in cents: higher than the current one', example: 250000000 })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  budgetCents: number;

  @ApiProperty({ description: 'Why the budget is raised' })
  @HumanText({ multiline: true, min: 3, max: 5000 })
  motivation: string;

  @ApiPropertyOptional({ example: '2020-09-15' })
  @IsOptional()
  @IsCalendarDate()
  decisionDate?: string;

  @ApiPropertyOptional({ example: 'MB-2020-CJM-0915' })
  @IsOptional()
  @HumanText({ min: 3, max: 100 })
  decisionReference?: string;
}
