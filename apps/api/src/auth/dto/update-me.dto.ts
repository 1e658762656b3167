import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { HumanText } from '../../common/validation';

export class UpdateMeDto {
  @ApiPropertyOptional()
  @IsOptional()
  @HumanText({ min: 2, max: 200 })
  displayName?: string;

  /** The language of the e-mails the person receives. */
  @ApiPropertyOptional({ enum: ['nl', 'en'] })
  @IsOptional()
  @IsIn(['nl', 'en'])
  locale?: 'nl' | 'en';
}
