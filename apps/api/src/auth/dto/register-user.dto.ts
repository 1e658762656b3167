import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { HumanText } from '../../common/validation';

export class RegisterUserDto {
  @ApiProperty()
  @IsEmail()
  @MaxLength(254)
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
