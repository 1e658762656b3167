import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { IsCalendarDate } from '../../common/validation';

export class RecordRepaymentDto {
  @ApiProperty({ description: 'The amount repaid, in cents (at most what is still open)', example: 300000 })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  amountCents: number;

  @ApiProperty({ description: 'The day the money arrived on the account', example: '2026-12-10' })
  @IsCalendarDate()
  paidOn: string;
}
