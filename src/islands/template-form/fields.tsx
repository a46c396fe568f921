/**
 * The static equivalents of Backstage's custom fields, as rjsf fields. rjsf's field template
 * draws a custom field's help and errors but not its label or description (rjsf hides the label
 * of any `ui:field`), so these draw them, with Backstage's default titles. The logic is in
 * ./entity-options.ts and ./repo-url.ts.
 */
import { ariaDescribedByIds, descriptionId, type FieldProps, type RegistryFieldsType, type RJSFSchema } from '@rjsf/utils';
import { useMemo, type ChangeEvent } from 'react';
import type { ExplorerEntity } from '../explorer/catalog-index.ts';
import { completeEntityRef, entityPickerModel, findOption } from './entity-options.ts';
import { parseRepoUrl, repoUrlOptions, serializeRepoUrl } from './repo-url.ts';

/** What the form passes every field through rjsf's `formContext`. */
export interface FieldContext {
  org: string;
  /** undefined while catalog.json loads; null when it failed. */
  entities: readonly ExplorerEntity[] | undefined | null;
}

type Props = FieldProps<unknown, RJSFSchema, FieldContext>;

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function Label({ id, title, required }: { id: string; title: string; required: boolean | undefined }) {
  return (
    <label className="control-label" htmlFor={id}>
      {title}
      {required && (
        <span className="required" aria-hidden="true">
          *
        </span>
      )}
    </label>
  );
}

function Description({ id, text }: { id: string; text: unknown }) {
  return typeof text === 'string' && text !== '' ? (
    <p id={descriptionId(id)} className="field-description">
      {text}
    </p>
  ) : null;
}

/** Backstage's titles and descriptions when the template gives none. */
const FALLBACK = {
  OwnerPicker: { title: 'Owner', description: 'The owner of the component' },
  EntityPicker: { title: 'Entity', description: 'An entity from the catalog' },
} as const;

function EntityPickerField({ field, ...props }: Props & { field: 'OwnerPicker' | 'EntityPicker' }) {
  const { idSchema, required, disabled, readonly, uiSchema, formContext, rawErrors } = props;
  // rjsf's onChange returns `any`; nothing here uses it.
  const onChange = (value: string | undefined): void => {
    props.onChange(value);
  };
  const id = idSchema.$id;
  const formData = text(props.formData);
  const entities = formContext?.entities;
  const model = useMemo(() => entityPickerModel(entities ?? [], field, uiSchema?.['ui:options']), [entities, field, uiSchema]);
  const chosen = findOption(model.options, formData);
  const invalid = (rawErrors?.length ?? 0) > 0;
  const describedBy = `${ariaDescribedByIds(id)} ${id}__picker`;
  const status =
    entities === undefined
      ? 'Loading the catalog…'
      : entities === null
        ? 'The catalog could not be loaded: type a reference such as group:default/my-team.'
        : model.options.length === 0
          ? 'No catalog entry matches this field’s filter: type a reference.'
          : chosen
            ? chosen.label
            : model.ignoredFilterKeys.length > 0
              ? `Not filtered by ${model.ignoredFilterKeys.join(', ')} (not in the static catalog).`
              : '';
  const title = typeof props.schema.title === 'string' ? props.schema.title : FALLBACK[field].title;
  const description = props.schema.description ?? FALLBACK[field].description;
  const head = (
    <>
      <Label id={id} title={title} required={required} />
      <Description id={id} text={description} />
    </>
  );
  const defaults = {
    ...(model.defaultKind ? { defaultKind: model.defaultKind } : {}),
    ...(model.defaultNamespace ? { defaultNamespace: model.defaultNamespace } : {}),
  };

  if (!model.allowArbitraryValues && entities) {
    return (
      <>
        {head}
        <select
          id={id}
          value={chosen?.ref ?? formData ?? ''}
          required={required}
          disabled={disabled || readonly}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          onChange={(e: ChangeEvent<HTMLSelectElement>) => onChange(e.target.value || undefined)}
        >
          <option value="">Choose…</option>
          {model.options.map((o) => (
            <option key={o.ref} value={o.ref}>
              {o.label}
            </option>
          ))}
        </select>
        <p className="tf-field-note" id={`${id}__picker`}>
          {model.ignoredFilterKeys.length > 0 ? status : ''}
        </p>
      </>
    );
  }
  return (
    <>
      {head}
      <input
        id={id}
        type="text"
        list={`${id}__options`}
        value={formData ?? ''}
        required={required}
        disabled={disabled || readonly}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
        // Backstage completes a typed name into a full ref when the field loses focus.
        onBlur={(e) => {
          const completed = completeEntityRef(e.target.value, defaults);
          if (completed !== e.target.value) onChange(completed);
        }}
      />
      <datalist id={`${id}__options`}>
        {model.options.map((o) => (
          <option key={o.ref} value={o.ref} label={o.label} />
        ))}
      </datalist>
      <p className="tf-field-note" id={`${id}__picker`}>
        {status}
      </p>
    </>
  );
}

function RepoUrlPickerField(props: Props) {
  const { idSchema, required, disabled, readonly, uiSchema, formContext, rawErrors } = props;
  const onChange = (value: string | undefined): void => {
    props.onChange(value);
  };
  const id = idSchema.$id;
  const options = useMemo(() => repoUrlOptions(uiSchema?.['ui:options']), [uiSchema]);
  const parts = parseRepoUrl(text(props.formData));
  const host = parts.host || options.allowedHosts[0] || 'github.com';
  const update = (patch: Partial<typeof parts>) => onChange(serializeRepoUrl({ ...parts, host, ...patch }));
  const invalid = (rawErrors?.length ?? 0) > 0;
  const off = disabled || readonly;
  const describedBy = ariaDescribedByIds(id);
  const title = typeof props.schema.title === 'string' ? props.schema.title : 'Repository Location';
  return (
    <fieldset className="tf-repo-set" aria-describedby={props.schema.description ? descriptionId(id) : undefined}>
      <legend className="control-label">
        {title}
        {required && (
          <span className="required" aria-hidden="true">
            *
          </span>
        )}
      </legend>
      <Description id={id} text={props.schema.description} />
      <div className="tf-repo">
        {options.allowedHosts.length > 1 && (
          <label className="tf-sub">
            <span>Host</span>
            <select value={host} disabled={off} onChange={(e) => update({ host: e.target.value })}>
              {options.allowedHosts.map((h) => (
                <option key={h}>{h}</option>
              ))}
            </select>
          </label>
        )}
        <label className="tf-sub">
          <span>Owner</span>
          {options.allowedOwners.length > 0 ? (
            <select value={parts.owner} disabled={off} onChange={(e) => update({ owner: e.target.value })}>
              {options.allowedOwners.map((o) => (
                <option key={o}>{o}</option>
              ))}
            </select>
          ) : (
            <input
              type="text"
              value={parts.owner}
              placeholder={formContext?.org}
              disabled={off}
              spellCheck={false}
              onChange={(e) => update({ owner: e.target.value.trim() })}
            />
          )}
        </label>
        <span className="tf-repo-slash" aria-hidden="true">
          /
        </span>
        <label className="tf-sub">
          <span>Repository name</span>
          {options.allowedRepos.length > 0 ? (
            <select id={id} value={parts.repoName} disabled={off} aria-describedby={describedBy} onChange={(e) => update({ repoName: e.target.value })}>
              <option value="">Choose…</option>
              {options.allowedRepos.map((r) => (
                <option key={r}>{r}</option>
              ))}
            </select>
          ) : (
            <input
              id={id}
              type="text"
              value={parts.repoName}
              required={required}
              disabled={off}
              spellCheck={false}
              autoComplete="off"
              aria-invalid={invalid || undefined}
              aria-describedby={describedBy}
              onChange={(e) => update({ repoName: e.target.value.trim() })}
            />
          )}
        </label>
      </div>
    </fieldset>
  );
}

/** EntityNamePicker needs no component: rjsf's text box, checked by ./validation.ts. */
export const customFields: RegistryFieldsType<unknown, RJSFSchema, FieldContext> = {
  OwnerPicker: (props: Props) => <EntityPickerField {...props} field="OwnerPicker" />,
  EntityPicker: (props: Props) => <EntityPickerField {...props} field="EntityPicker" />,
  RepoUrlPicker: RepoUrlPickerField,
};
