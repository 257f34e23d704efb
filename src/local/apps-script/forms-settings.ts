/**
 * Form settings, publishing and URLs of the emulated FormApp (reference/forms/form;
 * reference/forms/form). FormImpl in forms.ts adds destination, items and responses.
 */

import {
  editUrl,
  type FormModel,
  formModelOf,
  invalidArgument,
  isAccepting,
  publishedUrl,
} from './forms-model';
import { gasError, type Runtime } from './runtime';
import { strict } from './strict';

export type Form = GoogleAppsScript.Forms.Form;
type BoolKey = {
  [K in keyof FormModel]: FormModel[K] extends boolean ? K : never;
}[keyof FormModel];
type StrKey = 'title' | 'description' | 'confirmationMessage' | 'customClosedFormMessage';

export const FORM_URL_RE = /^https:\/\/docs\.google\.com\/forms\/d\/(e\/)?([A-Za-z0-9_-]+)(\/|$|\?)/;

function userHandle(rt: Runtime, email: string): GoogleAppsScript.Base.User {
  const user = {
    getEmail(): string {
      rt.call('User.getEmail');
      return email;
    },
  };
  return strict(user, 'User') as unknown as GoogleAppsScript.Base.User;
}

function emailOf(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v && typeof (v as GoogleAppsScript.Base.User).getEmail === 'function') {
    return (v as GoogleAppsScript.Base.User).getEmail();
  }
  throw invalidArgument('emailAddress');
}

export abstract class FormSettings
  implements
    Pick<
      Form,
      | 'addPublishedReader'
      | 'addPublishedReaders'
      | 'canEditResponse'
      | 'collectsEmail'
      | 'getConfirmationMessage'
      | 'getCustomClosedFormMessage'
      | 'getDescription'
      | 'getEditUrl'
      | 'getId'
      | 'getPublishedReaders'
      | 'getPublishedUrl'
      | 'getShuffleQuestions'
      | 'getSummaryUrl'
      | 'getTitle'
      | 'hasLimitOneResponsePerUser'
      | 'hasProgressBar'
      | 'hasRespondAgainLink'
      | 'isAcceptingResponses'
      | 'isPublished'
      | 'isPublishingSummary'
      | 'isQuiz'
      | 'removePublishedReader'
      | 'setAcceptingResponses'
      | 'setAllowResponseEdits'
      | 'setCollectEmail'
      | 'setConfirmationMessage'
      | 'setCustomClosedFormMessage'
      | 'setDescription'
      | 'setIsQuiz'
      | 'setLimitOneResponsePerUser'
      | 'setProgressBar'
      | 'setPublished'
      | 'setPublishingSummary'
      | 'setShowLinkToRespondAgain'
      | 'setShuffleQuestions'
      | 'setTitle'
      | 'shortenFormUrl'
      | 'supportsAdvancedResponderPermissions'
    >
{
  constructor(
    protected readonly rt: Runtime,
    readonly id: string,
  ) {}

  protected call(method: string): void {
    this.rt.call(`Form.${method}`);
  }

  protected model(): FormModel {
    return formModelOf(this.rt, this.id);
  }

  protected edit(): FormModel {
    this.rt.touch(this.rt.getEntry(this.id));
    return this.model();
  }

  /** The strict proxy handed to scripts (chainable setters return it). */
  proxy: Form | null = null;

  protected self(): Form {
    return this.proxy ?? (this as unknown as Form);
  }

  private setStr(method: string, key: StrKey, value: unknown): Form {
    this.call(method);
    this.edit()[key] = value == null ? '' : String(value);
    return this.self();
  }

  private getStr(method: string, key: StrKey): string {
    this.call(method);
    return this.model()[key];
  }

  private setBool(method: string, key: BoolKey, value: unknown): Form {
    this.call(method);
    this.edit()[key] = Boolean(value);
    return this.self();
  }

  private getBool(method: string, key: BoolKey): boolean {
    this.call(method);
    return this.model()[key];
  }

  getId(): string {
    this.call('getId');
    this.model();
    return this.id;
  }

  getTitle = () => this.getStr('getTitle', 'title');
  setTitle = (t: string) => this.setStr('setTitle', 'title', t);
  getDescription = () => this.getStr('getDescription', 'description');
  setDescription = (t: string) => this.setStr('setDescription', 'description', t);
  getConfirmationMessage = () => this.getStr('getConfirmationMessage', 'confirmationMessage');
  setConfirmationMessage = (t: string) => this.setStr('setConfirmationMessage', 'confirmationMessage', t);
  /** '' when none was set: respondents then see the default closed message. */
  getCustomClosedFormMessage = () => this.getStr('getCustomClosedFormMessage', 'customClosedFormMessage');
  setCustomClosedFormMessage = (t: string) =>
    this.setStr('setCustomClosedFormMessage', 'customClosedFormMessage', t);

  setCollectEmail = (b: boolean) => this.setBool('setCollectEmail', 'collectEmail', b);
  collectsEmail = () => this.getBool('collectsEmail', 'collectEmail');
  setAllowResponseEdits = (b: boolean) => this.setBool('setAllowResponseEdits', 'allowResponseEdits', b);
  canEditResponse = () => this.getBool('canEditResponse', 'allowResponseEdits');
  setLimitOneResponsePerUser = (b: boolean) =>
    this.setBool('setLimitOneResponsePerUser', 'limitOneResponsePerUser', b);
  hasLimitOneResponsePerUser = () => this.getBool('hasLimitOneResponsePerUser', 'limitOneResponsePerUser');
  setAcceptingResponses = (b: boolean) => this.setBool('setAcceptingResponses', 'acceptingResponses', b);
  setPublishingSummary = (b: boolean) => this.setBool('setPublishingSummary', 'publishingSummary', b);
  isPublishingSummary = () => this.getBool('isPublishingSummary', 'publishingSummary');
  setShowLinkToRespondAgain = (b: boolean) =>
    this.setBool('setShowLinkToRespondAgain', 'showLinkToRespondAgain', b);
  hasRespondAgainLink = () => this.getBool('hasRespondAgainLink', 'showLinkToRespondAgain');
  setProgressBar = (b: boolean) => this.setBool('setProgressBar', 'progressBar', b);
  hasProgressBar = () => this.getBool('hasProgressBar', 'progressBar');
  setShuffleQuestions = (b: boolean) => this.setBool('setShuffleQuestions', 'shuffleQuestions', b);
  getShuffleQuestions = () => this.getBool('getShuffleQuestions', 'shuffleQuestions');
  setIsQuiz = (b: boolean) => this.setBool('setIsQuiz', 'quiz', b);
  isQuiz = () => this.getBool('isQuiz', 'quiz');

  /** An unpublished form never accepts responses (REST PublishState forces it). */
  isAcceptingResponses(): boolean {
    this.call('isAcceptingResponses');
    return isAccepting(this.model());
  }

  // ---- publishing (reference/forms/form) ----------------------------------------------------------------

  /** Publishing also turns accepting responses on (FPUB sample); unpublishing turns it off. */
  setPublished(enabled: boolean): Form {
    this.call('setPublished');
    const f = this.edit();
    f.published = Boolean(enabled);
    f.acceptingResponses = f.published;
    return this.self();
  }

  isPublished(): boolean {
    this.call('isPublished');
    return this.model().published;
  }

  addPublishedReader(emailAddress: string | GoogleAppsScript.Base.User): Form {
    this.call('addPublishedReader');
    this.addReaders([emailOf(emailAddress)]);
    return this.self();
  }

  addPublishedReaders(emailAddresses: string[]): Form {
    this.call('addPublishedReaders');
    if (!Array.isArray(emailAddresses)) throw invalidArgument('emailAddresses');
    this.addReaders(emailAddresses.map(emailOf));
    return this.self();
  }

  private addReaders(emails: string[]): void {
    for (const e of emails) if (!/^[^\s@]+@[^\s@]+$/.test(e)) throw gasError(`Invalid email: ${e}`);
    const f = this.edit();
    for (const e of emails)
      if (!f.publishedReaders.includes(e.toLowerCase())) f.publishedReaders.push(e.toLowerCase());
  }

  removePublishedReader(emailAddress: string | GoogleAppsScript.Base.User): Form {
    this.call('removePublishedReader');
    const e = emailOf(emailAddress).toLowerCase();
    const f = this.edit();
    f.publishedReaders = f.publishedReaders.filter((x) => x !== e);
    return this.self();
  }

  getPublishedReaders(): GoogleAppsScript.Base.User[] {
    this.call('getPublishedReaders');
    return this.model().publishedReaders.map((e) => userHandle(this.rt, e));
  }

  /** Every form created here has publish settings (no legacy forms). */
  supportsAdvancedResponderPermissions(): boolean {
    this.call('supportsAdvancedResponderPermissions');
    this.model();
    return true;
  }

  // ---- URLs ------------------------------------------------------------------------------------------

  getEditUrl(): string {
    this.call('getEditUrl');
    this.model();
    return editUrl(this.id);
  }

  getPublishedUrl(): string {
    this.call('getPublishedUrl');
    return publishedUrl(this.model());
  }

  getSummaryUrl(): string {
    this.call('getSummaryUrl');
    this.model();
    return `https://docs.google.com/forms/d/${this.id}/viewanalytics`;
  }

  /** Forms URLs only (wording of the refusal unconfirmed); the same URL keeps its code. */
  shortenFormUrl(url: string): string {
    this.call('shortenFormUrl');
    if (typeof url !== 'string' || !FORM_URL_RE.test(url)) throw invalidArgument('url');
    const f = this.edit();
    let code = f.shortLinks[url];
    if (!code) {
      const abc = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
      code = '';
      while (code.length < 17) code += abc[Math.floor(this.rt.random() * abc.length)];
      f.shortLinks[url] = code;
    }
    return `https://forms.gle/${code}`;
  }
}
