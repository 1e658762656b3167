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
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

export class AdmissibilityDto {
  @ApiProperty({ enum: ['admissible', 'inadmissible'] })
  @IsIn(['admissible', 'inadmissible'])
  decision: 'admissible' | 'inadmissible';

  @ApiProperty({ description: 'Readable by the applicant when the dossier is inadmissible' })
  @IsString()
  @MinLength(3)
  @MaxLength(5000)
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
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason: string;
}

export class ScoreDto {
  @Matches(/^[A-Z0-9][A-Z0-9_-]{0,59}$/)
  criterionCode: string;

  @IsNumber({ allowNaN: false, allowInfinity: false })
  score: number;

  @IsOptional()
  @IsString()
  @MaxLength(5000)
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
  @Matches(/^[A-Z0-9][A-Z0-9_-]{0,59}$/)
  criterionCode: string;

  @IsNumber({ allowNaN: false, allowInfinity: false })
  score: number;

  @IsString()
  @MinLength(3)
  @MaxLength(5000)
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
  @Matches(/^[A-Z0-9][A-Z0-9_-]{0,59}$/)
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

  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  motivation: string;
}

export class AdjustmentDto {
  @IsUUID()
  dossierId: string;

  @IsInt()
  @Min(1)
  adjustedCents: number;

  @IsString()
  @MinLength(3)
  @MaxLength(2000)
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
  @IsString()
  @MinLength(3)
  @MaxLength(5000)
  remarks: string;
}

export class ApproveProposalDto {
  @ApiProperty({ example: '2020-06-08' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'decisionDate: expected YYYY-MM-DD' })
  decisionDate: string;

  @ApiProperty({ example: 'MB-2020-CJM-0608' })
  @IsString()
  @MinLength(3)
  @MaxLength(100)
  decisionReference: string;
}

export class DeclineDto {
  @ApiProperty({ description: 'Why the organisation gives up the awarded subsidy' })
  @IsString()
  @MinLength(3)
  @MaxLength(5000)
  motivation: string;
}

export class ProposePromotionDto {
  @ApiProperty()
  @IsUUID()
  dossierId: string;

  @ApiProperty({ description: 'Why this reserve dossier is proposed (e.g. which awarded applicant declined)' })
  @IsString()
  @MinLength(3)
  @MaxLength(5000)
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
  @IsString()
  @MinLength(3)
  @MaxLength(5000)
  motivation: string;

  @ApiPropertyOptional({ example: '2020-09-15' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'decisionDate: expected YYYY-MM-DD' })
  decisionDate?: string;

  @ApiPropertyOptional({ example: 'MB-2020-CJM-0915' })
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(100)
  decisionReference?: string;
}
