/**
 * `SpreadsheetApp.getUi()` / `DocumentApp.getUi()` / `FormApp.getUi()` (reference/base/ui, base/menu,
 * reference/base/ui). What a coordinator would see is recorded in `rt.ui`; answers to `alert`/`prompt`
 * are scripted by tests in `rt.ui.answers`.
 */
import { releaseHeldLocks } from './lock';
import { gasError, type Runtime } from './runtime';
import { gasEnum, strict } from './strict';

export const Button = gasEnum(['CLOSE', 'OK', 'CANCEL', 'YES', 'NO']);
export const ButtonSet = gasEnum(['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL']);

type ButtonName = keyof typeof Button;
type ButtonSetName = keyof typeof ButtonSet;

/** Buttons a user can click per set; CLOSE (the title-bar X) is always possible. */
const BUTTONS_OF: Record<ButtonSetName, ButtonName[]> = {
  OK: ['OK', 'CLOSE'],
  OK_CANCEL: ['OK', 'CANCEL', 'CLOSE'],
  YES_NO: ['YES', 'NO', 'CLOSE'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL', 'CLOSE'],
};

type GasButton = GoogleAppsScript.Base.Button;
type MenuItem = { caption: string; functionName: string };

/** Caption recorded for a separator; sub-menu items are recorded as `Sub > Item`. */
export const SEPARATOR = '---';

class MenuImpl implements Pick<GoogleAppsScript.Base.Menu, 'addSeparator' | 'addToUi'> {
  readonly items: MenuItem[] = [];

  constructor(
    private readonly rt: Runtime,
    readonly caption: string,
  ) {}

  addItem(caption: string, functionName: string): GoogleAppsScript.Base.Menu {
    this.rt.call('Menu.addItem');
    if (typeof functionName !== 'string' || functionName === '') {
      throw gasError('Invalid argument: functionName');
    }
    this.items.push({ caption: String(caption), functionName });
    return this.self();
  }

  addSeparator(): GoogleAppsScript.Base.Menu {
    this.rt.call('Menu.addSeparator');
    this.items.push({ caption: SEPARATOR, functionName: '' });
    return this.self();
  }

  addSubMenu(menu: GoogleAppsScript.Base.Menu): GoogleAppsScript.Base.Menu {
    this.rt.call('Menu.addSubMenu');
    const sub = menu as unknown as MenuImpl;
    for (const item of sub.items) {
      const caption = item.caption === SEPARATOR ? SEPARATOR : `${sub.caption} > ${item.caption}`;
      this.items.push({ caption, functionName: item.functionName });
    }
    return this.self();
  }

  addToUi(): void {
    this.rt.call('Menu.addToUi');
    const entry = { caption: this.caption, items: this.items.map((i) => ({ ...i })) };
    // One menu per caption per file: a second addToUi with the same caption replaces the first.
    const at = this.rt.ui.menus.findIndex((m) => m.caption === this.caption);
    if (at >= 0) this.rt.ui.menus[at] = entry;
    else this.rt.ui.menus.push(entry);
  }

  private proxy: GoogleAppsScript.Base.Menu | null = null;
  self(): GoogleAppsScript.Base.Menu {
    this.proxy ??= strict(this, 'Menu') as unknown as GoogleAppsScript.Base.Menu;
    return this.proxy;
  }
}

class PromptResponseImpl {
  constructor(
    private readonly rt: Runtime,
    private readonly text: string,
    private readonly button: ButtonName,
  ) {}
  getResponseText(): string {
    this.rt.call('PromptResponse.getResponseText');
    return this.text;
  }
  getSelectedButton(): GasButton {
    this.rt.call('PromptResponse.getSelectedButton');
    return this.button as unknown as GasButton;
  }
}

class UiImpl
  implements
    Pick<GoogleAppsScript.Base.Ui, 'createMenu' | 'createAddonMenu' | 'showSidebar' | 'showModalDialog'>
{
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;

  constructor(private readonly rt: Runtime) {}

  createMenu(caption: string): GoogleAppsScript.Base.Menu {
    this.rt.call('Ui.createMenu');
    return new MenuImpl(this.rt, String(caption)).self();
  }

  createAddonMenu(): GoogleAppsScript.Base.Menu {
    this.rt.call('Ui.createAddonMenu');
    return new MenuImpl(this.rt, 'Add-on').self();
  }

  alert(...args: unknown[]): GasButton {
    this.rt.call('Ui.alert');
    const { title, prompt, set } = dialogArgs('alert', args);
    return this.ask(title, prompt, set).button as unknown as GasButton;
  }

  prompt(...args: unknown[]): GoogleAppsScript.Base.PromptResponse {
    this.rt.call('Ui.prompt');
    const { title, prompt, set } = dialogArgs('prompt', args);
    const answer = this.ask(title, prompt, set);
    const response = new PromptResponseImpl(this.rt, answer.text ?? '', answer.button);
    return strict(response, 'PromptResponse') as unknown as GoogleAppsScript.Base.PromptResponse;
  }

  showSidebar(userInterface: GoogleAppsScript.HTML.HtmlOutput): void {
    this.rt.call('Ui.showSidebar');
    this.rt.ui.sidebars.push({ title: userInterface.getTitle(), html: userInterface.getContent() });
  }

  showModalDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.rt.call('Ui.showModalDialog');
    this.rt.ui.dialogs.push({ title: String(title), html: userInterface.getContent(), modal: true });
  }

  showModelessDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.rt.call('Ui.showModelessDialog');
    this.rt.ui.dialogs.push({ title: String(title), html: userInterface.getContent(), modal: false });
  }

  /**
   * A modal alert/prompt suspends the server script until the user answers; LockService locks
   * are not kept across that suspension (reference/base/ui#alert), so held locks are released.
   */
  private ask(title: string, prompt: string, set: ButtonSetName): { button: ButtonName; text?: string } {
    this.rt.ui.alerts.push({ title, prompt });
    releaseHeldLocks(this.rt);
    const answer = this.rt.ui.answers.shift();
    if (!answer) {
      throw new Error(
        `Emulator: Ui dialog "${title || prompt}" needs an answer; push one to rt.ui.answers first ` +
          `(e.g. { button: 'OK' }).`,
      );
    }
    const allowed = BUTTONS_OF[set];
    if (!allowed.includes(answer.button as ButtonName)) {
      throw new Error(
        `Emulator: scripted button "${answer.button}" is not on ButtonSet.${set} (${allowed.join(', ')}).`,
      );
    }
    return {
      button: answer.button as ButtonName,
      ...(answer.text !== undefined ? { text: answer.text } : {}),
    };
  }
}

function isButtonSet(v: unknown): v is ButtonSetName {
  return typeof v === 'string' && Object.hasOwn(ButtonSet, v);
}

/** Resolves the three overloads `(prompt)`, `(prompt, buttons)`, `(title, prompt, buttons)`. */
function dialogArgs(method: string, args: unknown[]): { title: string; prompt: string; set: ButtonSetName } {
  const [a, b, c] = args;
  const count = args.length;
  if (count === 1 && a !== undefined) return { title: '', prompt: String(a), set: 'OK' };
  if (count === 2 && isButtonSet(b)) return { title: '', prompt: String(a), set: b };
  if (count === 3 && isButtonSet(c)) return { title: String(a), prompt: String(b), set: c };
  const types = args.map((v) => (typeof v === 'string' ? 'String' : typeof v));
  throw gasError(`The parameters (${types.join(',')}) don't match the method signature for Ui.${method}.`);
}

/**
 * `<App>.getUi()`: only in a bound script opened by a user. In trigger runs (`rt.ui.uiAvailable`
 * false) it throws `Cannot call <App>.getUi() from this context.` [W]; so it does when the
 * script is not bound to a file of type `boundMime` (DocumentApp, FormApp).
 */
export function createUi(
  rt: Runtime,
  app: 'SpreadsheetApp' | 'DocumentApp' | 'FormApp',
  boundMime?: string,
): GoogleAppsScript.Base.Ui {
  if ((boundMime !== undefined && !rt.boundEntry(boundMime)) || !rt.ui.uiAvailable)
    throw gasError(`Cannot call ${app}.getUi() from this context.`);
  return strict(new UiImpl(rt), 'Ui') as unknown as GoogleAppsScript.Base.Ui;
}
