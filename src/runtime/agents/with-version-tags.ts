import type { Board } from '../../domain/orchestrator/index.js';
import { sprintVersionTags, type VersioningSettings } from '../../domain/release/index.js';
import type { AgentRunner } from './agent-runner.js';

/**
 * `runner`, with the version tags of each execution's sprint and milestone put in its context
 * (`versionTag`, `milestoneVersionTag`: KAIROS_VERSION_TAG and KAIROS_MILESTONE_VERSION_TAG for a
 * command agent), computed from the board as it is when the execution starts.
 */
export function withVersionTags(runner: AgentRunner, board: () => Board, settings: VersioningSettings): AgentRunner {
  return {
    run(request, context) {
      const tags = sprintVersionTags(board(), request.sprintId, settings);
      const versionTags = {
        ...(tags.sprint === undefined ? {} : { versionTag: tags.sprint.tag }),
        ...(tags.milestone === undefined ? {} : { milestoneVersionTag: tags.milestone.tag }),
      };
      return runner.run(request, { ...context, versionTags });
    },
  };
}
