import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  currentPassword: string;

  /** Length and the list of common passwords are checked by the service (WEAK_PASSWORD, PASSWORD_BREACHED). */
  @ApiProperty({ minLength: 12 })
  @IsString()
  @MaxLength(1024)
  newPassword: string;
}
