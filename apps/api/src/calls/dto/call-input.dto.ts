import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  APPLICANT_KINDS,
  QUESTION_TYPES,
  TIE_BREAK_STEPS,
  type ApplicantKind,
  type QuestionType,
  type TieBreakStep,
} from '@portal/contracts';
import { HumanText, IsCalendarDate, IsEmailAddress } from '../../common/validation';

const CODE = /^[A-Z0-9][A-Z0-9_-]{0,59}$/;
const MAX_CENTS = 1_000_000_000_000; // EUR 10 billion: far above any call

export class CallQuestionDto {
  @Matches(CODE, { message: 'code: use capitals, digits, - or _' })
  code: string;

  @HumanText({ min: 1, max: 300 })
  label: string;

  @IsIn(QUESTION_TYPES)
  type: QuestionType;

  @IsBoolean()
  required: boolean;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  maxLength?: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  minLength?: number;

  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  min?: number;

  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  max?: number;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @HumanText({ max: 200 }, { each: true })
  options?: string[];

  @IsOptional()
  @HumanText({ multiline: true, max: 1000 })
  help?: string;
}

export class CallAttachmentRequirementDto {
  @Matches(CODE, { message: 'code: use capitals, digits, - or _' })
  code: string;

  @HumanText({ min: 1, max: 300 })
  label: string;

  @IsBoolean()
  required: boolean;
}

export class CallCriterionDto {
  @Matches(CODE, { message: 'code: use capitals, digits, - or _' })
  code: string;

  @HumanText({ min: 1, max: 300 })
  label: string;

  @IsNumber({ allowNaN: false, allowInfinity: false })
  scaleMin: number;

  @IsNumber({ allowNaN: false, allowInfinity: false })
  scaleMax: number;

  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Max(1000)
  weight: number;

  @IsNumber({ allowNaN: false, allowInfinity: false })
  threshold: number;
}

/** What the call is about and what its letters quote; every text optional, an empty text removes it. */
export class CallInformationDto {
  @IsOptional()
  @HumanText({ multiline: true, max: 10_000 })
  objectives?: string;

  @IsOptional()
  @HumanText({ multiline: true, max: 5_000 })
  targetGroup?: string;

  @IsOptional()
  @HumanText({ multiline: true, max: 10_000 })
  assessmentMethod?: string;

  @IsOptional()
  @HumanText({ max: 200 })
  contactName?: string;

  @IsOptional()
  @ValidateIf((info: CallInformationDto) => info.contactEmail !== '')
  @IsEmailAddress()
  contactEmail?: string;

  @IsOptional()
  @HumanText({ max: 40 })
  contactPhone?: string;

  @IsOptional()
  @HumanText({ max: 500 })
  @Matches(/^(https:\/\/[^\s]+)?$/, { message: 'regulationUrl: give a link that starts with https://' })
  regulationUrl?: string;

  @IsOptional()
  @HumanText({ multiline: true, max: 5_000 })
  appealRoute?: string;

  @IsOptional()
  @HumanText({ multiline: true, max: 10_000 })
  awardConditions?: string;
}

export class CallInputDto {
  @ApiProperty({ example: 'GV-CONNECT-2020' })
  @Matches(CODE, { message: 'code: use capitals, digits, - or _' })
  code: string;

  @ApiProperty()
  @HumanText({ min: 1, max: 300 })
  title: string;

  @ApiProperty()
  @HumanText({ multiline: true, max: 20_000 })
  description: string;

  @ApiProperty({ enum: APPLICANT_KINDS, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(APPLICANT_KINDS, { each: true })
  applicantKinds: ApplicantKind[];

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(30)
  @HumanText({ max: 60 }, { each: true })
  policyDomains: string[];

  @ApiProperty({ example: '2026-12-22T23:59:59', description: 'ISO with offset, or Brussels wall-clock time' })
  @HumanText({ max: 40 })
  opensAt: string;

  @ApiProperty({ example: '2026-12-22T23:59:59' })
  @HumanText({ max: 40 })
  closesAt: string;

  @ApiProperty({ description: 'euro cents' })
  @IsInt()
  @Min(1)
  @Max(MAX_CENTS)
  maxRequestedCents: number;

  @ApiProperty({ description: 'euro cents' })
  @IsInt()
  @Min(1)
  @Max(MAX_CENTS)
  budgetCents: number;

  @ApiProperty({ example: '2026-01-01' })
  @IsCalendarDate()
  projectStart: string;

  @ApiProperty({ example: '2026-12-31' })
  @IsCalendarDate()
  projectEnd: string;

  @ApiProperty()
  @IsBoolean()
  oneDossierPerApplicant: boolean;

  @ApiProperty({ type: [CallAttachmentRequirementDto] })
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => CallAttachmentRequirementDto)
  attachments: CallAttachmentRequirementDto[];

  @ApiProperty({ type: [CallQuestionDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => CallQuestionDto)
  questions: CallQuestionDto[];

  @ApiProperty({ type: [CallCriterionDto] })
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => CallCriterionDto)
  criteria: CallCriterionDto[];

  @ApiPropertyOptional({ enum: TIE_BREAK_STEPS, isArray: true })
  @IsArray()
  @IsIn(TIE_BREAK_STEPS, { each: true })
  tieBreak: TieBreakStep[];

  @ApiPropertyOptional({ type: CallInformationDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => CallInformationDto)
  information?: CallInformationDto;

  @ApiPropertyOptional({ type: [Number], example: [10080, 1440, 120], description: 'minutes before closing' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsInt({ each: true })
  @Min(5, { each: true })
  @Max(60 * 24 * 90, { each: true })
  reminderOffsetsMinutes?: number[];
}

export class CallPatchDto extends PartialType(CallInputDto) {}

export class CallListQueryDto {
  @IsOptional()
  @IsIn(['drafts'])
  include?: 'drafts';
}
