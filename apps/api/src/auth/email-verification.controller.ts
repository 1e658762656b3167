import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EmailConfirmedResponse } from '@portal/contracts';
import { Authenticated, Public } from '../common/access.decorators';
import { CurrentAuth } from '../common/current-auth.decorator';
import { requestIdOf, type AuthContext, type PortalRequest } from '../common/request-context';
import { ConfirmEmailDto } from './dto/confirm-email.dto';
import { EmailVerificationService } from './email-verification.service';

@ApiTags('auth')
@Controller({ path: 'auth/email-verification', version: '1' })
export class EmailVerificationController {
  constructor(private readonly verifications: EmailVerificationService) {}

  @Authenticated()
  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'Mail me a new confirmation link (ends the earlier ones; rate-limited per person)' })
  async resend(@CurrentAuth() auth: AuthContext): Promise<{ status: 'accepted' }> {
    await this.verifications.resend(auth);
    return { status: 'accepted' };
  }

  @Public()
  @Post('confirm')
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirm an e-mail address with the single-use token from the mailed link' })
  async confirm(@Body() dto: ConfirmEmailDto, @Req() request: PortalRequest): Promise<EmailConfirmedResponse> {
    const user = await this.verifications.confirm(dto.token, requestIdOf(request));
    return { email: user.email, emailVerified: user.emailVerified };
  }
}
