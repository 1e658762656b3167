import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, Matches, MaxLength } from 'class-validator';

export class PasswordResetRequestDto {
  @ApiProperty()
  @IsEmail()
  @MaxLength(254)
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
