import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'aanvrager@demo.subsidieportaal.be' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'Demo-wachtwoord-2026' })
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  password: string;
}
