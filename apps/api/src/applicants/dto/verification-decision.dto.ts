import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, ValidateIf } from 'class-validator';
import { HumanText } from '../../common/validation';

export class VerificationDecisionDto {
  @ApiProperty({ enum: ['verified', 'rejected'] })
  @IsIn(['verified', 'rejected'])
  decision: 'verified' | 'rejected';

  /** Required for a rejection (the applicant's admins read it); optional with a verification. */
  @ApiPropertyOptional({ description: 'Required when rejecting; mailed to the applicant’s admins' })
  @ValidateIf((dto: VerificationDecisionDto) => dto.decision === 'rejected' || dto.motivation != null)
  @HumanText({ multiline: true, min: 3, max: 2000 })
  motivation?: string | null;
}

export class VerificationListQueryDto {
  @ApiPropertyOptional({ enum: ['to_verify', 'verified', 'rejected'], default: 'to_verify' })
  @ValidateIf((dto: VerificationListQueryDto) => dto.status !== undefined)
  @IsIn(['to_verify', 'verified', 'rejected'])
  status?: 'to_verify' | 'verified' | 'rejected';
}
