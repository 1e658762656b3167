import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsUUID } from 'class-validator';
import { BULK_RESEND_MAX, type BulkResendRequest } from '@portal/contracts';

export class ResendNotificationsDto implements BulkResendRequest {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(BULK_RESEND_MAX)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  ids: string[];
}
