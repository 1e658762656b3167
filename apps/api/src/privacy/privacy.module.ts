import { Module } from '@nestjs/common';
import { PersonalDataRepository } from './personal-data.repository';
import { PersonalDataService } from './personal-data.service';
import { PrivacyController } from './privacy.controller';

@Module({ controllers: [PrivacyController], providers: [PersonalDataService, PersonalDataRepository] })
export class PrivacyModule {}
