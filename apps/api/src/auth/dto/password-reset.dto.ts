import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { IsEmailAddress } from '../../common/validation';

export class PasswordResetRequestDto {
  @ApiProperty()
  @IsEmailAddress()
  email: string;
}

export class PasswordResetConfirmDto {
  @ApiProperty()
  @Matches(/^[A-Za-z0-9_-]{20,100}$/, { message: 'token: invalid format' })
  token: string;

  @ApiProperty({ minLength: 12 })
  @IsString()
  @MaxLength(1024)
  password: string;
}
