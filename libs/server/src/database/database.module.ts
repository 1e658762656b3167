import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { MixedList } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';

@Module({})
export class DatabaseModule {
  static forRoot(options: {
    migrations?: MixedList<Function>;
    applicationName: string;
    poolSize?: number;
  }): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) =>
            dataSourceOptions(config, options.migrations ?? [], {
              applicationName: options.applicationName,
              poolSize: options.poolSize,
            }),
        }),
      ],
    };
  }
}
