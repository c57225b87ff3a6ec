import { CloudEvent, HTTP } from 'cloudevents';
import type { JsonObject } from '../../domain/events/index.js';
import type { ExecutionRequest } from '../../domain/orchestrator/index.js';
import { executionTraceparent } from '../../domain/trace-context/index.js';

/** The `type` of the CloudEvent an http agent receives: a request to run, not an event of the log (those are `kairos.<Type>`). */
export const executionRequestedType = 'dev.kairos.agent.execution.requested';

/**
 * The execution context as a CloudEvent 1.0 in structured mode: `id` is the executionId (stable
 * across retries and re-runs, so an endpoint can deduplicate), `subject` the sprint, `data` the
 * context; trace and scope ride as lower-case extensions (`traceid`, `sprintid`, …) as in
 * `toCloudEvent`, `traceparent` (the CloudEvents distributed-tracing extension), plus `callbackurl`
 * when the result may come later.
 */
export function executionRequestedEvent(request: ExecutionRequest, context: JsonObject, callbackUrl?: string): { headers: Record<string, string>; body: string } {
  const extensions: Record<string, string> = {
    traceid: request.traceId,
    correlationid: request.correlationId,
    causationid: request.causationId,
    sprintid: request.sprintId,
    agentid: request.agentId,
    traceparent: executionTraceparent(request.traceId, request.executionId),
  };
  if (request.milestoneId !== undefined) extensions.milestoneid = request.milestoneId;
  if (request.moduleId !== undefined) extensions.moduleid = request.moduleId;
  if (callbackUrl !== undefined) extensions.callbackurl = callbackUrl;
  const event = new CloudEvent<JsonObject>({
    specversion: '1.0',
    id: request.executionId,
    type: executionRequestedType,
    source: 'kairos',
    subject: request.sprintId,
    datacontenttype: 'application/json',
    data: context,
    ...extensions,
  });
  const message = HTTP.structured(event);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers)) if (typeof value === 'string') headers[name] = value;
  return { headers, body: String(message.body) };
}
