import { ApiProperty } from '@nestjs/swagger';
import { IsEmailAddress } from '../../common/validation';

export class InviteColleagueDto {
  @ApiProperty()
  @IsEmailAddress()
  email: string;
}
