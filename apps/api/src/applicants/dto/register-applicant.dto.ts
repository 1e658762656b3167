import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { APPLICANT_KINDS, type ApplicantKind } from '@portal/contracts';

export class AddressDto {
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  street: string;

  @IsString()
  @MinLength(4)
  @MaxLength(10)
  postalCode: string;

  @IsString()
  @MinLength(1)
  @MaxLength(100)
  city: string;
}

export class RegisterApplicantDto {
  @ApiProperty({ enum: APPLICANT_KINDS })
  @IsIn(APPLICANT_KINDS)
  kind: ApplicantKind;

  @ApiProperty({ example: 'vzw De Brug' })
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  legalName: string;

  @ApiPropertyOptional({ example: '0203.201.340' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  enterpriseNumber?: string;

  @ApiPropertyOptional({ example: '44021' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  nisCode?: string;

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  policyDomains: string[];

  @ApiProperty({ type: AddressDto })
  @ValidateNested()
  @Type(() => AddressDto)
  address: AddressDto;

  @ApiProperty({ example: 'BE68 5390 0754 7034' })
  @IsString()
  @MaxLength(50)
  iban: string;

  @ApiProperty()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  contactName: string;

  @ApiProperty()
  @IsEmail()
  @MaxLength(254)
  contactEmail: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(40)
  contactPhone?: string;
}
