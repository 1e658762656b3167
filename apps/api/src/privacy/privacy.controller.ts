import { Controller, Get, Header } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PersonalDataExport } from '@portal/contracts';
import { Authenticated } from '../common/access.decorators';
import { CurrentAuth } from '../common/current-auth.decorator';
import type { AuthContext } from '../common/request-context';
import { PersonalDataService } from './personal-data.service';

/** A person's own data (GDPR): kept apart from the login routes, which change often. */
@ApiTags('auth')
@Controller({ path: 'auth/me', version: '1' })
export class PrivacyController {
  constructor(private readonly personalData: PersonalDataService) {}

  @Authenticated()
  @Get('export')
  @Header('Cache-Control', 'no-store')
  @Header('Content-Disposition', 'attachment; filename="mijn-gegevens.json"')
  @ApiOperation({
    summary:
      'Everything the portal keeps about me as JSON: account, sessions, memberships, dossiers, reviews, mails, audit events',
  })
  export(@CurrentAuth() auth: AuthContext): Promise<PersonalDataExport> {
    return this.personalData.export(auth, auth.requestId);
  }
}
