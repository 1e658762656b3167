import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';

/** A code from the app (six digits, spaces allowed). */
const TOTP_CODE = /^\s*\d{3}\s?\d{3}\s*$/;

export class TotpLoginDto {
  @ApiProperty({ description: 'The challenge from POST /auth/login' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  challenge: string;

  @ApiProperty({ example: '123456', description: 'A code from the authenticator app, or a recovery code' })
  @IsString()
  @MinLength(1)
  @MaxLength(32)
  code: string;
}

export class ConfirmEnrolmentDto {
  @ApiProperty({ example: '123456' })
  @IsString()
  @Matches(TOTP_CODE, { message: 'code must be the six digits the app shows' })
  code: string;
}

/** Either a current code from the app or the password. */
export class SecondFactorProofDto {
  @ApiPropertyOptional({ example: '123456' })
  @ValidateIf((dto: SecondFactorProofDto) => dto.password === undefined || dto.code !== undefined)
  @IsString()
  @Matches(TOTP_CODE, { message: 'code must be the six digits the app shows' })
  code?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  password?: string;
}
