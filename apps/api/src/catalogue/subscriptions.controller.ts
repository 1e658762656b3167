import { Body, Controller, Get, Headers, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SubscriptionAllocationView, SubscriptionView } from '@portal/contracts';
import { RequiresVerifiedEmail } from '../auth/verified-email.guard';
import { Roles } from '../common/access.decorators';
import { CurrentAuth } from '../common/current-auth.decorator';
import { versionFromIfMatch } from '../common/if-match';
import type { AuthContext } from '../common/request-context';
import { UUID_PIPE } from '../common/uuid.pipe';
import { SubscriptionDto } from './dto/catalogue.dto';
import { SubscriptionsService } from './subscriptions.service';

/**
 * A local government's subscription: the dossier of a catalogue call. Start, submit, withdraw and receipt are the
 * dossier routes; these routes read and autosave the subscription and show its allocation.
 */
@ApiTags('catalogue')
@Roles('applicant')
@RequiresVerifiedEmail()
@Controller({ version: '1' })
export class SubscriptionsController {
  constructor(private readonly subscriptions: SubscriptionsService) {}

  @Get('dossiers/:id/subscription')
  @ApiOperation({ summary: 'The subscription with the catalogue, the computed Flemish contribution and open issues' })
  get(@CurrentAuth() auth: AuthContext, @Param('id', UUID_PIPE) id: string): Promise<SubscriptionView> {
    return this.subscriptions.get(auth, id);
  }

  @Put('dossiers/:id/subscription')
  @ApiOperation({
    summary:
      'Autosave the subscription (If-Match: the dossier version); a draft breaking a rule is stored and answered with its issues',
  })
  save(
    @CurrentAuth() auth: AuthContext,
    @Param('id', UUID_PIPE) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() dto: SubscriptionDto,
  ): Promise<SubscriptionView> {
    return this.subscriptions.save(auth, id, versionFromIfMatch(ifMatch), dto);
  }

  @Get('dossiers/:id/allocation')
  @ApiOperation({ summary: 'What was asked, what was granted and why, once the minister approved the allocation' })
  allocation(
    @CurrentAuth() auth: AuthContext,
    @Param('id', UUID_PIPE) id: string,
  ): Promise<SubscriptionAllocationView> {
    return this.subscriptions.allocation(auth, id);
  }
}
