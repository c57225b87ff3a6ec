import { loadMachines, loadWorkspace, type Workspace } from '../../artifacts/index.js';
import { emptyBoard, type Board, type OrchestratorConfig } from '../../domain/orchestrator/index.js';
import { foldLog, workspaceOrchestratorConfig } from '../../runtime/index.js';
import { openEventStore, type EventStore } from '../../store/index.js';
import type { CliContext } from '../cli-context.js';

/** A loaded workspace with its log open and its orchestrator config: what every orchestration command needs. */
export interface Session {
  workspace: Workspace;
  store: EventStore;
  config: OrchestratorConfig;
  /** Plan drafts including the machines the workspace runs. */
  machines: Awaited<ReturnType<typeof loadMachines>>;
}

/** Opens the session; the caller closes `store`. Invalid planning files are a ValidationError (exit 1). */
export async function openSession(context: CliContext): Promise<Session> {
  const workspace = await loadWorkspace(context.workspace);
  const [config, machines] = await Promise.all([workspaceOrchestratorConfig(workspace), loadMachines(workspace)]);
  const store = await openEventStore(context.storeUrl, { workspace: context.workspace });
  return { workspace, store, config, machines };
}

/** Runs `body` with an open session and closes the log afterwards. */
export async function withSession<T>(context: CliContext, body: (session: Session) => Promise<T>): Promise<T> {
  const session = await openSession(context);
  try {
    return await body(session);
  } finally {
    await session.store.close();
  }
}

/** The board as the whole log makes it now. */
export function currentBoard(session: Session): Promise<Board> {
  return foldLog(session.store, emptyBoard(), session.config);
}
