import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class ConfirmEmailDto {
  @ApiProperty({ description: 'The token from the link in the confirmation mail' })
  @Matches(/^[A-Za-z0-9_-]{20,100}$/, { message: 'token: invalid format' })
  token: string;
}
