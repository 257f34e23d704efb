/**
 * Forms made by copy: a form whose questions, sections and settings were built before (same
 * template key, render/formTemplate.ts) is a Drive copy of that template with its own title and
 * description; otherwise the template is built first (in the register's templates folder) and
 * registered in the register's `_sjablonen` table. Templates serve every case and round whose
 * forms have the same items: a step's group-level form for every case, a partner kind's form
 * for every partner of that kind, a monitoring form for every round with an unchanged plan.
 */
import type { FormSpec } from '../render/formSpec';
import { showsProgressBar, splitOwn, templateKey } from '../render/formTemplate';
import { nowMs } from '../workspace/clock';
import { ensureFolder, parentFolderId } from '../workspace/files';
import type { CreatedForm, FormTemplate } from '../workspace/forms';
import { buildTemplate, copyTemplate } from '../workspace/forms';
import { spreadsheetId } from '../workspace/spreadsheets';
import { appendRows, readTable } from '../workspace/tables';
import type { Register } from './context';
import type { TemplateRow } from './records';
import { TEMPLATES } from './records';

/** Script property holding the templates folder's id. */
export const TEMPLATES_FOLDER_PROPERTY = 'TEMPLATES_FOLDER_ID';

function fromRow(r: TemplateRow): FormTemplate {
  return {
    key: r.key,
    formId: r.formId,
    itemIds: JSON.parse(r.itemIds || '[]') as string[],
    keys: JSON.parse(r.keys || '[]') as string[],
  };
}

/** The register's templates, read once per run (on first use). */
export class TemplateStore {
  private byKey: Map<string, FormTemplate> | null = null;
  private folderId: string | null = null;

  constructor(private readonly reg: Register) {}

  private all(): Map<string, FormTemplate> {
    if (!this.byKey) {
      this.byKey = new Map();
      for (const r of readTable(this.reg.ss, TEMPLATES)) this.byKey.set(r.key, fromRow(r));
    }
    return this.byKey;
  }

  private folder(): string {
    this.folderId ??= ensureFolder(
      TEMPLATES_FOLDER_PROPERTY,
      'Formuliersjablonen (niet delen, niet invullen)',
      parentFolderId(spreadsheetId(this.reg.ss)),
    );
    return this.folderId;
  }

  private build(spec: FormSpec, key: string): FormTemplate {
    const t = buildTemplate(spec, {
      key,
      folderId: this.folder(),
      allowEdits: this.reg.settings.allowResponseEdits,
    });
    appendRows(this.reg.ss, TEMPLATES, [
      {
        key,
        formId: t.formId,
        itemIds: JSON.stringify(t.itemIds),
        keys: JSON.stringify(t.keys),
        createdAt: nowMs(),
      },
    ]);
    this.all().set(key, t);
    return t;
  }

  /**
   * A form for `spec` in the case folder. A template that cannot be copied (gone, or changed by
   * hand) is built again once; the error of that second attempt is the one reported.
   */
  makeForm(spec: FormSpec, folderId: string): CreatedForm {
    // Partners of one kind share the template; each copy gets its own actions or goals added.
    const { shared, own } = splitOwn(spec);
    const key = templateKey(shared, { allowEdits: this.reg.settings.allowResponseEdits });
    const opts = {
      folderId,
      own,
      progressBar: showsProgressBar(spec) && !showsProgressBar(shared),
    };
    const known = this.all().get(key);
    if (known) {
      let made: CreatedForm | null = null;
      try {
        made = copyTemplate(known, spec, opts);
      } catch (_e) {
        // Whatever went wrong (the template is trashed or gone): a new template below.
      }
      if (made) return made;
    }
    const made = copyTemplate(this.build(shared, key), spec, opts);
    if (!made) throw new Error('Een formulier kon niet van zijn sjabloon worden gekopieerd.');
    return made;
  }
}
