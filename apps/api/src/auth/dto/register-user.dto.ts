import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { HumanText, IsEmailAddress } from '../../common/validation';

export class RegisterUserDto {
  @ApiProperty()
  @IsEmailAddress()
  email: string;

  /** Length is checked by the service (WEAK_PASSWORD), so the applicant gets one clear message. */
  @ApiProperty({ minLength: 12 })
  @IsString()
  @MaxLength(1024)
  password: string;

  @ApiProperty()
  @HumanText({ min: 2, max: 200 })
  displayName: string;

  @ApiPropertyOptional({ enum: ['nl', 'en'] })
  @IsOptional()
  @IsIn(['nl', 'en'])
  locale?: 'nl' | 'en';
}
