import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsObject,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import type { AnswerValue } from '@portal/contracts';
import { HumanText, IsCalendarDate, IsDeclared } from '../../common/validation';

const MAX_CENTS = 1_000_000_000_000;

export class StartDossierDto {
  @IsUUID()
  applicantId: string;
}

export class BudgetLineDto {
  @HumanText({ max: 300 })
  description: string;

  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  amountCents: number;
}

export class DossierDraftDto {
  @ApiPropertyOptional()
  @IsOptional()
  @HumanText({ max: 300 })
  title?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @HumanText({ multiline: true, max: 5000 })
  summary?: string;

  /** Answers keyed by question code; values are checked against the call's questions by the domain rules. */
  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @IsOptional()
  @IsObject()
  answers?: Record<string, AnswerValue>;

  @ApiPropertyOptional({ nullable: true, example: '2026-05-01' })
  @IsOptional()
  @ValidateIf((_object, value) => value !== null)
  @IsCalendarDate()
  projectStart?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '2026-12-31' })
  @IsOptional()
  @ValidateIf((_object, value) => value !== null)
  @IsCalendarDate()
  projectEnd?: string | null;

  @ApiPropertyOptional({ type: [BudgetLineDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => BudgetLineDto)
  budgetLines?: BudgetLineDto[];

  @ApiPropertyOptional({ description: 'euro cents' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  ownContributionCents?: number;

  @ApiPropertyOptional({ description: 'euro cents' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  otherIncomeCents?: number;

  @ApiPropertyOptional({ description: 'euro cents' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  requestedCents?: number;
}

export class AttachmentUploadDto {
  @Matches(/^[A-Z0-9][A-Z0-9_-]{0,59}$/, { message: "kind: the code of one of the call's attachments" })
  kind: string;
}

/** POST /dossiers/:id/submit: nothing is submitted unless the declaration on honour is accepted. */
export class SubmitDossierDto {
  @ApiProperty({ enum: [true], description: 'The declaration on honour, accepted (true)' })
  @IsDeclared()
  declaration: true;
}
