import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { NOTIFICATION_STATUSES, NOTIFICATION_TEMPLATES, type NotificationStatus } from '@portal/contracts';
import { HumanText } from '../../common/validation';

export class NotificationQueryDto {
  @IsOptional()
  @IsIn(NOTIFICATION_STATUSES)
  status?: NotificationStatus;

  @IsOptional()
  @IsIn(NOTIFICATION_TEMPLATES)
  template?: string;

  @IsOptional()
  @HumanText({ max: 254 })
  recipient?: string;

  @IsOptional()
  @HumanText({ max: 100 })
  subjectRef?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  page?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;
}
