import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

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
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  displayName: string;

  @ApiPropertyOptional({ enum: ['nl', 'en'] })
  @IsOptional()
  @IsIn(['nl', 'en'])
  locale?: 'nl' | 'en';
}
