import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CallView } from '@portal/contracts';
import { AppException } from '@portal/server';
import { Public, Roles } from '../common/access.decorators';
import { CurrentAuth } from '../common/current-auth.decorator';
import { versionFromIfMatch } from '../common/if-match';
import { UUID_PIPE } from '../common/uuid.pipe';
import { type AuthContext, type PortalRequest } from '../common/request-context';
import { CallsService } from './calls.service';
import { CallInputDto, CallListQueryDto, CallPatchDto } from './dto/call-input.dto';

@ApiTags('calls')
@Controller({ path: 'calls', version: '1' })
export class CallsController {
  constructor(private readonly calls: CallsService) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Published calls (anyone); with ?include=drafts also drafts (admin)' })
  list(@Query() query: CallListQueryDto, @Req() request: PortalRequest): Promise<CallView[]> {
    const isAdmin = request.auth?.user.roles.includes('admin') ?? false;
    if (query.include === 'drafts' && !isAdmin) throw new AppException(request.auth ? 'FORBIDDEN' : 'AUTH_REQUIRED');
    return this.calls.list(query.include === 'drafts');
  }

  @Public()
  @Get(':id')
  @ApiOperation({ summary: "A call's page (drafts only for admins)" })
  get(@Param('id', UUID_PIPE) id: string, @Req() request: PortalRequest): Promise<CallView> {
    return this.calls.get(id, request.auth?.user.roles.includes('admin') ?? false);
  }

  @Roles('admin')
  @Post()
  @ApiOperation({ summary: 'Create a call (draft)' })
  create(@CurrentAuth() auth: AuthContext, @Body() dto: CallInputDto): Promise<CallView> {
    return this.calls.create(auth, dto, auth.requestId);
  }

  @Roles('admin')
  @Patch(':id')
  @ApiOperation({
    summary: 'Change a call (If-Match: version); changes that hurt applicants are refused once dossiers exist',
  })
  update(
    @CurrentAuth() auth: AuthContext,
    @Param('id', UUID_PIPE) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() dto: CallPatchDto,
  ): Promise<CallView> {
    return this.calls.update(auth, id, versionFromIfMatch(ifMatch), dto, auth.requestId);
  }

  @Roles('admin')
  @Post(':id/publish')
  @HttpCode(200)
  @ApiOperation({ summary: 'Publish a call after validating it' })
  publish(@CurrentAuth() auth: AuthContext, @Param('id', UUID_PIPE) id: string): Promise<CallView> {
    return this.calls.publish(auth, id, auth.requestId);
  }
}
