import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ApplicantView } from '@portal/contracts';
import { RequiresVerifiedEmail } from '../auth/verified-email.guard';
import { Roles } from '../common/access.decorators';
import { CurrentAuth } from '../common/current-auth.decorator';
import { type AuthContext } from '../common/request-context';
import { ApplicantsService } from './applicants.service';
import { RegisterApplicantDto } from './dto/register-applicant.dto';

@ApiTags('applicants')
@Controller({ path: 'applicants', version: '1' })
export class ApplicantsController {
  constructor(private readonly applicants: ApplicantsService) {}

  @Roles('applicant')
  @RequiresVerifiedEmail()
  @Post()
  @ApiOperation({ summary: 'Register an organisation (KBO) or a local government (NIS); the caller becomes its admin' })
  register(@CurrentAuth() auth: AuthContext, @Body() dto: RegisterApplicantDto): Promise<ApplicantView> {
    return this.applicants.register(auth, dto, auth.requestId);
  }

  @Roles('applicant')
  @Get('mine')
  @ApiOperation({ summary: 'The applicants I act for' })
  mine(@CurrentAuth() auth: AuthContext): Promise<ApplicantView[]> {
    return this.applicants.mine(auth);
  }
}
