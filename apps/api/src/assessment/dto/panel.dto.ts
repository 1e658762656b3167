import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsInt, IsISO8601, IsUUID, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { IsEmailAddress } from '../../common/validation';

export class PanelSettingsDto {
  @ApiProperty({ minimum: 1, maximum: 10, description: 'Reviewers per admissible dossier (automatic assignment)' })
  @IsInt()
  @Min(1)
  @Max(10)
  perDossier: number;

  @ApiProperty({
    nullable: true,
    description: 'When the reviews are due (ISO 8601); reminders go out before and after',
  })
  @IsDefined()
  @ValidateIf((dto: PanelSettingsDto) => dto.dueAt !== null)
  @MaxLength(40)
  @IsISO8601({ strict: true })
  dueAt: string | null;
}

export class PanelMemberDto {
  @ApiProperty()
  @IsUUID()
  userId: string;
}

export class InviteExpertDto {
  @ApiProperty()
  @IsEmailAddress()
  email: string;
}
