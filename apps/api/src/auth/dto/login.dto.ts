import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { IsEmailAddress } from '../../common/validation';

export class LoginDto {
  @ApiProperty({ example: 'aanvrager@demo.subsidieportaal.be' })
  @IsEmailAddress()
  email: string;

  @ApiProperty({ example: 'Demo-wachtwoord-2026' })
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  password: string;
}
