/** Gives a slot back. */
export type Release = () => void;

interface Waiting {
  exclusive: boolean;
  grant: (release: Release) => void;
}

interface AgentQueue {
  running: number;
  exclusive: boolean;
  waiting: Waiting[];
}

/**
 * How many executions of each agent run at once: at most its `concurrency` (agents.yaml), and an
 * execution for a sprint with `concurrencyPolicy: isolated` runs alone (it shares the agent with no
 * other execution). First come, first served per agent, so an isolated execution is not starved by
 * a stream of shared ones.
 *
 * @example
 * const release = await slots.acquire('qa', false);
 * try { await run(); } finally { release(); }
 */
export class AgentSlots {
  private readonly queues = new Map<string, AgentQueue>();

  /** `limitOf(agentId)`: the agent's concurrency; anything below 1 counts as 1. */
  constructor(private readonly limitOf: (agentId: string) => number) {}

  /** Resolves once the execution may run. Call the release it gives exactly once when it ends. */
  acquire(agentId: string, exclusive: boolean): Promise<Release> {
    let queue = this.queues.get(agentId);
    if (queue === undefined) {
      queue = { running: 0, exclusive: false, waiting: [] };
      this.queues.set(agentId, queue);
    }
    const current = queue;
    const granted = new Promise<Release>((grant) => current.waiting.push({ exclusive, grant }));
    this.dispatch(agentId, current);
    return granted;
  }

  /** Executions of `agentId` running now. */
  running(agentId: string): number {
    return this.queues.get(agentId)?.running ?? 0;
  }

  private dispatch(agentId: string, queue: AgentQueue): void {
    const limit = Math.max(1, this.limitOf(agentId));
    for (;;) {
      const next = queue.waiting[0];
      if (next === undefined || queue.exclusive) return;
      if (next.exclusive ? queue.running > 0 : queue.running >= limit) return;
      queue.waiting.shift();
      queue.running++;
      queue.exclusive = next.exclusive;
      let released = false;
      next.grant(() => {
        if (released) return;
        released = true;
        queue.running--;
        queue.exclusive = false;
        this.dispatch(agentId, queue);
      });
    }
  }
}
