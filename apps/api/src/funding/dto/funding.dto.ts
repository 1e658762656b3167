import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { TRANCHE_TRIGGERS, type TrancheTrigger } from '@portal/domain';
import { HumanText, IsCalendarDate } from '../../common/validation';

export class AcceptanceDto {
  @ApiProperty({ enum: ['accepted', 'declined'] })
  @IsIn(['accepted', 'declined'])
  decision: 'accepted' | 'declined';

  @ApiProperty({ description: 'SHA-256 (hex) of the conditions as shown; refused when they changed since' })
  @Matches(/^[0-9a-f]{64}$/, { message: 'must be a SHA-256 in hexadecimal' })
  conditionsSha256: string;

  @ApiPropertyOptional({
    description: 'The account to pay to (required when accepting)',
    example: 'BE68 5390 0754 7034',
  })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  iban?: string;

  @ApiPropertyOptional({ description: 'Why the organisation does not accept (required when declining)' })
  @IsOptional()
  @HumanText({ multiline: true, min: 3, max: 5000 })
  motivation?: string;
}

export class ScheduleTrancheDto {
  @ApiProperty({ description: 'Share of the granted amount in basis points (8000 = 80 %)', example: 8000 })
  @IsInt()
  shareBasisPoints: number;

  @ApiProperty({ enum: TRANCHE_TRIGGERS })
  @IsIn(TRANCHE_TRIGGERS)
  trigger: TrancheTrigger;
}

export class PaymentScheduleDto {
  @ApiProperty({ type: [ScheduleTrancheDto] })
  @IsArray()
  @ArrayMaxSize(6)
  @ValidateNested({ each: true })
  @Type(() => ScheduleTrancheDto)
  tranches: ScheduleTrancheDto[];
}

export class MarkPaidDto {
  @ApiProperty({ description: 'The day the bank executed the transfers', example: '2026-12-04' })
  @IsCalendarDate()
  executionDate: string;
}
