import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsInt, IsString, IsUUID, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { IsEmailAddress } from '../../common/validation';

export class PanelSettingsDto {
  @ApiProperty({ minimum: 1, maximum: 10, description: 'Reviewers per admissible dossier (automatic assignment)' })
  @IsInt()
  @Min(1)
  @Max(10)
  perDossier: number;

  @ApiProperty({
    nullable: true,
    description:
      'When the reviews are due: ISO 8601 with an offset, or YYYY-MM-DDTHH:mm in Brussels time; reminders go out before and after',
  })
  @IsDefined()
  @ValidateIf((dto: PanelSettingsDto) => dto.dueAt !== null)
  @IsString()
  @MaxLength(40)
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
