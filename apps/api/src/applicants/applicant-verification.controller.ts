import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ApplicantVerificationView } from '@portal/contracts';
import { Roles } from '../common/access.decorators';
import { CurrentAuth } from '../common/current-auth.decorator';
import type { AuthContext } from '../common/request-context';
import { UUID_PIPE } from '../common/uuid.pipe';
import { ApplicantVerificationService } from './applicant-verification.service';
import { VerificationDecisionDto, VerificationListQueryDto } from './dto/verification-decision.dto';

@ApiTags('applicants')
@Roles('admin')
@Controller({ version: '1' })
export class ApplicantVerificationController {
  constructor(private readonly verifications: ApplicantVerificationService) {}

  @Get('applicant-verifications')
  @ApiOperation({ summary: 'Organisations and local governments by verification status (default: to verify)' })
  list(@Query() query: VerificationListQueryDto): Promise<ApplicantVerificationView[]> {
    return this.verifications.list(query.status ?? 'to_verify');
  }

  @Post('applicants/:id/verification')
  @HttpCode(200)
  @ApiOperation({
    summary: "Verify or reject an applicant's claim to its number (once; motivation required to reject)",
  })
  decide(
    @CurrentAuth() auth: AuthContext,
    @Param('id', UUID_PIPE) id: string,
    @Body() dto: VerificationDecisionDto,
  ): Promise<ApplicantVerificationView> {
    return this.verifications.decide(auth, id, dto.decision, dto.motivation ?? null);
  }
}
