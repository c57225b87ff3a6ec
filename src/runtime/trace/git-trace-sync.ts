import type { GitSettings } from '../../artifacts/git-settings/index.js';
import type { ProposedEvent } from '../../domain/events/index.js';
import type { Board } from '../../domain/orchestrator/index.js';
import { gitTraceEvents, planGitTags, type GitTraceEvent } from '../../domain/trace/index.js';
import { createGitTag, GitError, isGitRepository, readGitHistory } from '../../integrations/git/index.js';
import type { EventStore } from '../../store/index.js';
import type { Clock } from '../clock.js';

/** What one reading of the repository did. */
export interface GitSyncReport {
  /** Events appended (facts read, tags recorded); 0 when the log already knew everything. */
  appended: number;
  /** Tags created in the repository. */
  tagsCreated: string[];
  /** Why nothing was read, or what went wrong (never thrown: a repository must not stop a run). */
  warnings: string[];
}

/**
 * Brings the log up to date with a git repository: reads its history, appends what the board does
 * not know yet (trace-tagged commits, feature branches and their merges, tags; ids derived from
 * shas, so reading again appends nothing twice) and, when the settings say so, tags closed sprints
 * and completed milestones (recorded as `VersionTagged`). The log stays the source of truth: git
 * facts feed the evidence the gates read only through these events.
 */
export class GitTraceSync {
  private warned = new Set<string>();

  constructor(
    private readonly store: EventStore,
    private readonly settings: GitSettings,
    private readonly clock: Clock,
  ) {}

  /** One reading against `board` (the board as folded so far). */
  async sync(board: Board): Promise<GitSyncReport> {
    const report: GitSyncReport = { appended: 0, tagsCreated: [], warnings: [] };
    const { repository } = this.settings;
    if (!this.settings.scan) return report;
    if (!isGitRepository(repository)) {
      if (this.settings.named) this.warnOnce(report, `git: ${repository} is not a git repository (planning/pipeline.yaml git.repository); nothing read`);
      return report;
    }
    try {
      const options = { maxCommits: this.settings.maxCommits, ...(this.settings.mainBranch === undefined ? {} : { mainBranch: this.settings.mainBranch }) };
      const history = await readGitHistory(repository, options);
      const reading = gitTraceEvents(history, board);
      report.appended += await this.append(reading.events);
      if (this.settings.tags) {
        const plan = planGitTags(board, history);
        const recorded: GitTraceEvent[] = plan.existing.map((existing) => existing.recorded);
        for (const tag of plan.create) {
          const outcome = await createGitTag(repository, tag);
          if (outcome === 'created') {
            report.tagsCreated.push(tag.name);
            recorded.push(tag.recorded);
          } else if (outcome === 'invalid-name') this.warnOnce(report, `git: ${tag.name} is not a valid tag name; not tagged`);
        }
        report.appended += await this.append(recorded);
      }
    } catch (error) {
      if (!(error instanceof GitError)) throw error;
      this.warnOnce(report, error.message);
    }
    return report;
  }

  /** Appends each event on its own (one may be stored already); how many were new. */
  private async append(events: readonly GitTraceEvent[]): Promise<number> {
    const occurredAt = this.clock.now();
    const results = await Promise.all(events.map(({ streamId, event }) => this.store.append(streamId, [{ ...event, occurredAt } as ProposedEvent])));
    return results.filter((result) => !result.duplicate).length;
  }

  private warnOnce(report: GitSyncReport, warning: string): void {
    if (this.warned.has(warning)) return;
    this.warned.add(warning);
    report.warnings.push(warning);
  }
}
