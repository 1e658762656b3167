import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class UpdateMeDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  displayName?: string;

  /** The language of the e-mails the person receives. */
  @ApiPropertyOptional({ enum: ['nl', 'en'] })
  @IsOptional()
  @IsIn(['nl', 'en'])
  locale?: 'nl' | 'en';
}
