import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, ValidateNested } from 'class-validator';
import { APPLICANT_KINDS, type ApplicantKind } from '@portal/contracts';
import { HumanText, IsEmailAddress } from '../../common/validation';

export class AddressDto {
  @HumanText({ min: 1, max: 200 })
  street: string;

  @HumanText({ min: 4, max: 10 })
  postalCode: string;

  @HumanText({ min: 1, max: 100 })
  city: string;
}

export class RegisterApplicantDto {
  @ApiProperty({ enum: APPLICANT_KINDS })
  @IsIn(APPLICANT_KINDS)
  kind: ApplicantKind;

  @ApiProperty({ example: 'vzw De Brug' })
  @HumanText({ min: 2, max: 300 })
  legalName: string;

  @ApiPropertyOptional({ example: '0203.201.340' })
  @IsOptional()
  @HumanText({ max: 20 })
  enterpriseNumber?: string;

  @ApiPropertyOptional({ example: '44021' })
  @IsOptional()
  @HumanText({ max: 10 })
  nisCode?: string;

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(20)
  @HumanText({ max: 60 }, { each: true })
  policyDomains: string[];

  @ApiProperty({ type: AddressDto })
  @ValidateNested()
  @Type(() => AddressDto)
  address: AddressDto;

  @ApiProperty({ example: 'BE68 5390 0754 7034' })
  @HumanText({ max: 50 })
  iban: string;

  @ApiProperty()
  @HumanText({ min: 2, max: 200 })
  contactName: string;

  @ApiProperty()
  @IsEmailAddress()
  contactEmail: string;

  @ApiPropertyOptional()
  @IsOptional()
  @HumanText({ max: 40 })
  contactPhone?: string;
}
