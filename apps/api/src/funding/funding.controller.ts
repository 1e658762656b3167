import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AcceptanceOverviewRow, AcceptanceView, PaymentScheduleView } from '@portal/contracts';
import { RequiresVerifiedEmail } from '../auth/verified-email.guard';
import { Public, Roles } from '../common/access.decorators';
import { CurrentAuth } from '../common/current-auth.decorator';
import { type AuthContext } from '../common/request-context';
import { UUID_PIPE } from '../common/uuid.pipe';
import { AcceptanceService } from './acceptance.service';
import { AcceptanceDto, PaymentScheduleDto } from './dto/funding.dto';
import { PaymentScheduleService } from './payment-schedule.service';

/** After the decision (ADR 0023): the organisation's acceptance, and the call's payment schedule. */
@ApiTags('funding')
@Controller({ version: '1' })
export class FundingController {
  constructor(
    private readonly acceptances: AcceptanceService,
    private readonly schedules: PaymentScheduleService,
  ) {}

  @Roles('applicant', 'admin')
  @Get('dossiers/:id/acceptance')
  @ApiOperation({ summary: 'The award to accept: conditions (text and SHA-256), tranches, and the answer if given' })
  acceptance(@CurrentAuth() auth: AuthContext, @Param('id', UUID_PIPE) id: string): Promise<AcceptanceView> {
    return this.acceptances.view(auth, id);
  }

  @Roles('applicant')
  @RequiresVerifiedEmail()
  @Post('dossiers/:id/acceptance')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept the award and its conditions (with the account to pay to), or decline it' })
  answer(
    @CurrentAuth() auth: AuthContext,
    @Param('id', UUID_PIPE) id: string,
    @Body() dto: AcceptanceDto,
  ): Promise<AcceptanceView> {
    return this.acceptances.answer(auth, id, dto, auth.requestId);
  }

  @Roles('admin')
  @Get('calls/:id/acceptances')
  @ApiOperation({ summary: "Every awarded dossier of the call and the organisation's answer (or none yet)" })
  overview(@Param('id', UUID_PIPE) id: string): Promise<AcceptanceOverviewRow[]> {
    return this.acceptances.overview(id);
  }

  @Public()
  @Get('calls/:id/payment-schedule')
  @ApiOperation({ summary: "The call's payment schedule (tranches in basis points and their triggers)" })
  schedule(@Param('id', UUID_PIPE) id: string): Promise<PaymentScheduleView> {
    return this.schedules.view(id);
  }

  @Roles('admin')
  @Put('calls/:id/payment-schedule')
  @ApiOperation({ summary: "Set the call's payment schedule (until its first payment batch)" })
  setSchedule(
    @CurrentAuth() auth: AuthContext,
    @Param('id', UUID_PIPE) id: string,
    @Body() dto: PaymentScheduleDto,
  ): Promise<PaymentScheduleView> {
    return this.schedules.set(auth, id, dto.tranches, auth.requestId);
  }
}
