import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min, ValidateIf } from 'class-validator';
import { CHANGE_REQUEST_KINDS, type ChangeRequestKind } from '@portal/contracts';
import { HumanText, IsCalendarDate } from '../../common/validation';

export class ChangeRequestDto {
  @ApiProperty({ enum: CHANGE_REQUEST_KINDS })
  @IsIn(CHANGE_REQUEST_KINDS)
  kind: ChangeRequestKind;

  @HumanText({ multiline: true, min: 10, max: 5000 })
  motivation: string;

  @ApiPropertyOptional({ nullable: true, example: '2027-03-31', description: 'A longer period: the new end date' })
  @IsOptional()
  @ValidateIf((_o, value) => value !== null)
  @IsCalendarDate()
  newEndDate?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'A lower granted amount (cents); never more than granted' })
  @IsOptional()
  @ValidateIf((_o, value) => value !== null)
  @IsInt()
  @Min(0)
  @Max(1_000_000_000_000)
  grantedCentsAfter?: number | null;
}

export class DecideChangeRequestDto {
  @ApiProperty({ description: 'The motivation the organisation reads' })
  @HumanText({ multiline: true, min: 3, max: 2000 })
  motivation: string;
}
