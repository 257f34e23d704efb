/**
 * ScriptApp: triggers, script id, authorization (reference/script/*; reference/script/script-app). The clock
 * scheduler that fires time-driven triggers lives in scriptScheduler.ts and is re-exported here.
 */
import { gasError, type Runtime } from './runtime';
import { keyOf, TriggerBuilderImpl, type TriggerImpl, WeekDay, wrapTrigger } from './scriptBuilders';
import { scriptState } from './scriptTriggers';
import { gasEnum, strict } from './strict';

type Trigger = GoogleAppsScript.Script.Trigger;

export { WeekDay } from './scriptBuilders';
export { runAsExecution, runDueTriggers, runEventTriggers, type TriggerRun } from './scriptScheduler';
export { MAX_TRIGGERS, TOO_MANY_TRIGGERS } from './scriptTriggers';

export const AuthMode = gasEnum(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL']);
export const AuthorizationStatus = gasEnum(['REQUIRED', 'NOT_REQUIRED']);
export const TriggerSource = gasEnum(['SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR']);
export const EventType = gasEnum([
  'CLOCK',
  'ON_OPEN',
  'ON_EDIT',
  'ON_FORM_SUBMIT',
  'ON_CHANGE',
  'ON_EVENT_UPDATED',
]);
export const InstallationSource = gasEnum(['APPS_MARKETPLACE_DOMAIN_ADD_ON', 'NONE', 'WEB_STORE_ADD_ON']);
class ScriptAppImpl implements Pick<GoogleAppsScript.Script.ScriptApp, 'getScriptId' | 'getOAuthToken'> {
  readonly AuthMode = AuthMode;
  readonly AuthorizationStatus = AuthorizationStatus;
  readonly TriggerSource = TriggerSource;
  readonly EventType = EventType;
  readonly InstallationSource = InstallationSource;
  readonly WeekDay = WeekDay;

  constructor(private readonly rt: Runtime) {}

  newTrigger(functionName: string): GoogleAppsScript.Script.TriggerBuilder {
    this.rt.call('ScriptApp.newTrigger');
    if (typeof functionName !== 'string' || functionName === '')
      throw gasError('Invalid argument: functionName');
    return strict(new TriggerBuilderImpl(this.rt, functionName), 'TriggerBuilder') as never;
  }

  /** This user's triggers of this project (a copy). */
  getProjectTriggers(): Trigger[] {
    this.rt.call('ScriptApp.getProjectTriggers');
    return scriptState(this.rt).triggers.map((r) => wrapTrigger(this.rt, r));
  }

  getUserTriggers(container: unknown): Trigger[] {
    this.rt.call('ScriptApp.getUserTriggers');
    const id = keyOf(container);
    return scriptState(this.rt)
      .triggers.filter((r) => r.sourceId === id)
      .map((r) => wrapTrigger(this.rt, r));
  }

  deleteTrigger(trigger: Trigger): void {
    this.rt.call('ScriptApp.deleteTrigger');
    const uid = (trigger as unknown as TriggerImpl | undefined)?.record?.uid;
    if (uid === undefined) throw gasError('Invalid argument: trigger');
    const s = scriptState(this.rt);
    s.triggers = s.triggers.filter((r) => r.uid !== uid);
  }

  getScriptId(): string {
    this.rt.call('ScriptApp.getScriptId');
    return scriptState(this.rt).scriptId;
  }

  getOAuthToken(): string {
    this.rt.call('ScriptApp.getOAuthToken');
    return `ya29.emulator-${this.rt.newId('t')}`;
  }

  getInstallationSource(): GoogleAppsScript.Script.InstallationSource {
    this.rt.call('ScriptApp.getInstallationSource');
    return 'NONE' as unknown as GoogleAppsScript.Script.InstallationSource;
  }

  /** Everything the emulator offers is authorised: status NOT_REQUIRED. */
  getAuthorizationInfo(authMode: unknown, oAuthScopes?: string[]): GoogleAppsScript.Script.AuthorizationInfo {
    this.rt.call('ScriptApp.getAuthorizationInfo');
    if (!Object.hasOwn(AuthMode, String(authMode))) throw gasError('Invalid argument: authMode');
    const scopes = [...(oAuthScopes ?? [])];
    const info = {
      getAuthorizationStatus: () => 'NOT_REQUIRED' as unknown as GoogleAppsScript.Script.AuthorizationStatus,
      getAuthorizationUrl: () => null as unknown as string,
      getAuthorizedScopes: () => [...scopes],
    };
    return strict(info, 'AuthorizationInfo');
  }

  /** No-ops that are recorded (granular consent is never missing in the emulator). */
  requireAllScopes(authMode: unknown): void {
    this.rt.call('ScriptApp.requireAllScopes');
    scriptState(this.rt).requiredScopes.push({ authMode: String(authMode), scopes: 'ALL' });
  }

  requireScopes(authMode: unknown, oAuthScopes: string[]): void {
    this.rt.call('ScriptApp.requireScopes');
    scriptState(this.rt).requiredScopes.push({ authMode: String(authMode), scopes: [...oAuthScopes] });
  }

  getService(): GoogleAppsScript.Script.Service {
    this.rt.call('ScriptApp.getService');
    const url = `https://script.google.com/macros/s/${scriptState(this.rt).scriptId}/exec`;
    return strict(
      { getUrl: () => url, isEnabled: () => true },
      'Service',
    ) as unknown as GoogleAppsScript.Script.Service;
  }
}

/** The scopes `requireScopes`/`requireAllScopes` recorded (for tests). */
export function requiredScopes(rt: Runtime): { authMode: string; scopes: string[] | 'ALL' }[] {
  return scriptState(rt).requiredScopes;
}

export function createScriptApp(rt: Runtime): GoogleAppsScript.Script.ScriptApp {
  return strict(new ScriptAppImpl(rt), 'ScriptApp') as unknown as GoogleAppsScript.Script.ScriptApp;
}
