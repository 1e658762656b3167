import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { NOTIFICATION_STATUSES, NOTIFICATION_TEMPLATES, type NotificationStatus } from '@portal/contracts';

export class NotificationQueryDto {
  @IsOptional()
  @IsIn(NOTIFICATION_STATUSES)
  status?: NotificationStatus;

  @IsOptional()
  @IsIn(NOTIFICATION_TEMPLATES)
  template?: string;

  @IsOptional()
  @IsString()
  @MaxLength(254)
  recipient?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
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
