import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { HumanText } from '../../common/validation';

/** A new account from a staff invitation: the address is the invitation's. */
export class AcceptStaffInvitationDto {
  @ApiProperty()
  @Matches(/^[A-Za-z0-9_-]{20,100}$/, { message: 'token: invalid format' })
  token: string;

  @ApiProperty()
  @HumanText({ min: 2, max: 200 })
  displayName: string;

  /** Length and breach checks by the password policy (WEAK_PASSWORD, PASSWORD_BREACHED). */
  @ApiProperty({ minLength: 12 })
  @IsString()
  @MaxLength(1024)
  password: string;

  @ApiPropertyOptional({ enum: ['nl', 'en'] })
  @IsOptional()
  @IsIn(['nl', 'en'])
  locale?: 'nl' | 'en';
}
