import { Module } from '@nestjs/common';
import { ApplicantsModule } from '../applicants/applicants.module';
import { CallsModule } from '../calls/calls.module';
import { AttachmentDownloads, AttachmentDownloadsController } from './attachment-downloads.controller';
import { AttachmentStorage } from './attachment-storage';
import { DossierRepository } from './dossier.repository';
import { DossiersController } from './dossiers.controller';
import { DossiersService } from './dossiers.service';

@Module({
  imports: [CallsModule, ApplicantsModule],
  controllers: [DossiersController, AttachmentDownloadsController],
  providers: [DossiersService, DossierRepository, AttachmentStorage, AttachmentDownloads],
})
export class DossiersModule {}
