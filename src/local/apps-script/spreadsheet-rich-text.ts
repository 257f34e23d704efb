/**
 * `SpreadsheetApp.newRichTextValue()` → RichTextValueBuilder → RichTextValue, for links in a cell
 * (reference/spreadsheet/rich-text-value-builder, …/rich-text-value).
 *
 * Emulated: the text and ONE link over the whole text — `setLinkUrl(linkUrl)` ("Sets the link URL
 * for the entire value"), or `setLinkUrl(start, end, url)` when it covers the whole text;
 * `getLinkUrl()` gives that link, null when there is none. Links on part of the text, text
 * styles and runs are not emulated (they throw). A link set through the Sheets API
 * (`TextFormat.link`, advanced/sheets-batch-update.ts) is the same cell link.
 */
import { signatureError, wrap } from './handles';
import { gasError, type Runtime } from './runtime';

type Builder = GoogleAppsScript.Spreadsheet.RichTextValueBuilder;
type Value = GoogleAppsScript.Spreadsheet.RichTextValue;

export class RichTextValueImpl implements Pick<Value, 'getText' | 'getLinkUrl' | 'copy'> {
  constructor(
    private readonly rt: Runtime,
    readonly text: string,
    readonly link: string | null,
  ) {}

  getText(): string {
    this.rt.call('RichTextValue.getText');
    return this.text;
  }

  /** The link of the whole value; null without one (rich-text-value#getLinkUrl). */
  getLinkUrl(): string | null {
    this.rt.call('RichTextValue.getLinkUrl');
    return this.link;
  }

  copy(): Builder {
    this.rt.call('RichTextValue.copy');
    return newRichTextBuilder(this.rt, this.text, this.link);
  }
}

class RichTextValueBuilderImpl implements Pick<Builder, 'setText' | 'setLinkUrl' | 'build'> {
  constructor(
    private readonly rt: Runtime,
    private text: string,
    private link: string | null,
  ) {}

  private self(): Builder {
    return this as unknown as Builder;
  }

  setText(text: string): Builder {
    this.rt.call('RichTextValueBuilder.setText');
    if (typeof text !== 'string') throw signatureError('SpreadsheetApp.RichTextValueBuilder.setText', [text]);
    this.text = text;
    return this.self();
  }

  setLinkUrl(...args: unknown[]): Builder {
    this.rt.call('RichTextValueBuilder.setLinkUrl');
    const url = args.length === 1 ? args[0] : args[2];
    if (args.length !== 1 && args.length !== 3)
      throw signatureError('SpreadsheetApp.RichTextValueBuilder.setLinkUrl', args);
    if (url !== null && typeof url !== 'string')
      throw signatureError('SpreadsheetApp.RichTextValueBuilder.setLinkUrl', args);
    if (args.length === 3) {
      const [start, end] = args;
      if (typeof start !== 'number' || typeof end !== 'number')
        throw signatureError('SpreadsheetApp.RichTextValueBuilder.setLinkUrl', args);
      if (start < 0 || end > this.text.length || start > end) throw gasError('Invalid argument: offset');
      if (start !== 0 || end !== this.text.length)
        throw new Error('Niet geëmuleerd: RichTextValueBuilder.setLinkUrl op een deel van de tekst');
    }
    this.link = url === '' ? null : (url as string | null);
    return this.self();
  }

  build(): Value {
    this.rt.call('RichTextValueBuilder.build');
    return richTextValue(this.rt, this.text, this.link);
  }
}

function newRichTextBuilder(rt: Runtime, text: string, link: string | null): Builder {
  return wrap<Builder>(new RichTextValueBuilderImpl(rt, text, link), 'RichTextValueBuilder');
}

export function newRichTextValueBuilder(rt: Runtime): Builder {
  return newRichTextBuilder(rt, '', null);
}

export function richTextValue(rt: Runtime, text: string, link: string | null): Value {
  return wrap<Value>(new RichTextValueImpl(rt, text, link), 'RichTextValue');
}
