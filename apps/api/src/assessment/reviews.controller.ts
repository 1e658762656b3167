import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AssignmentView, ReviewView } from '@portal/contracts';
import { Roles } from '../common/access.decorators';
import { CurrentAuth } from '../common/current-auth.decorator';
import type { AuthContext } from '../common/request-context';
import { UUID_PIPE } from '../common/uuid.pipe';
import { ConflictDto, ScoresDto } from './dto/assessment.dto';
import { ReviewsService } from './reviews.service';

/** The reviewer's side: only their own assignments, only their own scores. */
@ApiTags('reviews')
@Roles('reviewer')
@Controller({ version: '1' })
export class ReviewsController {
  constructor(private readonly reviews: ReviewsService) {}

  @Get('assignments/mine')
  @ApiOperation({ summary: 'My review assignments' })
  mine(@CurrentAuth() auth: AuthContext): Promise<AssignmentView[]> {
    return this.reviews.mine(auth);
  }

  @Get('assignments/:id')
  @ApiOperation({ summary: 'An assignment: the submitted dossier, the criteria and my scores' })
  get(@CurrentAuth() auth: AuthContext, @Param('id', UUID_PIPE) id: string): Promise<ReviewView> {
    return this.reviews.review(auth, id);
  }

  @Put('assignments/:id/scores')
  @ApiOperation({ summary: 'Save (submit=false) or submit my scores; a score below a threshold needs a comment' })
  scores(
    @CurrentAuth() auth: AuthContext,
    @Param('id', UUID_PIPE) id: string,
    @Body() dto: ScoresDto,
  ): Promise<ReviewView> {
    return this.reviews.saveScores(auth, id, dto.scores, dto.submit);
  }

  @Post('assignments/:id/no-conflict')
  @HttpCode(200)
  @ApiOperation({ summary: 'State that I have no conflict of interest with the applicant: required before scoring' })
  noConflict(@CurrentAuth() auth: AuthContext, @Param('id', UUID_PIPE) id: string): Promise<ReviewView> {
    return this.reviews.stateNoConflict(auth, id);
  }

  @Post('assignments/:id/conflict')
  @HttpCode(200)
  @ApiOperation({ summary: 'Declare a conflict of interest; another reviewer is assigned' })
  conflict(
    @CurrentAuth() auth: AuthContext,
    @Param('id', UUID_PIPE) id: string,
    @Body() dto: ConflictDto,
  ): Promise<AssignmentView[]> {
    return this.reviews.declareConflict(auth, id, dto.reason);
  }
}
