/**
 * The template form: Backstage's scaffolder wizard without a backend. One parameter step at a
 * time (Back / Next), a Review step, then the next steps (GitHub's prefilled create page, the
 * `gh` line, the values JSON); beside it, the dry run of the skeleton with the values so far.
 *
 * Drawn with react-jsonschema-form v5 (the major Backstage's scaffolder uses) and its ajv8
 * validator; the logic lives in the sibling modules (steps, defaults, validation, custom fields,
 * launch), this component only wires them to React. Hydrated only on a template's page.
 */
import Form from '@rjsf/core';
import type { RJSFValidationError } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ExplorerEntity } from '../explorer/catalog-index.ts';
import type { TemplateLaunchData } from '../../scaffolder/schema.ts';
import { unsupportedUiFields } from './custom-fields.ts';
import { formDataFromQuery, initialFormData, withSingleOptionPicks, type FormValues } from './defaults.ts';
import { DryRunPanel } from './DryRunPanel.tsx';
import { customFields, type FieldContext } from './fields.tsx';
import { loadCatalog, loadTemplate } from './load.ts';
import { NextSteps } from './NextSteps.tsx';
import { reviewSections } from './review.ts';
import { templateSteps } from './steps.ts';
import { customFieldErrors, errorAnnouncement, stepErrorList, transformSchemaErrors } from './validation.ts';
import './template-form.css';

export interface TemplateFormProps {
  /** The template's launch data (`create/templates/<namespace>/<name>/template.json`). */
  dataUrl: string;
  /** The explorer's catalog.json, for the owner and entity pickers. */
  catalogUrl: string;
  /** The GitHub org new repos go to by default. */
  org: string;
  /** The opt-in workflow's path in a template repo (`.github/workflows/apply-template.yml`). */
  workflowFile: string;
  /** `<owner>/<repo>/.github/actions/apply-template@<ref>`, when configured. */
  actionRef?: string;
}

const PICKERS = new Set(['OwnerPicker', 'EntityPicker']);

export default function TemplateForm({ dataUrl, catalogUrl, org, workflowFile, actionRef }: TemplateFormProps) {
  const [template, setTemplate] = useState<TemplateLaunchData | undefined>();
  const [loadError, setLoadError] = useState<string | undefined>();
  const [values, setValues] = useState<FormValues>({});
  const [entities, setEntities] = useState<ExplorerEntity[] | null | undefined>();
  const [active, setActive] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const mainRef = useRef<HTMLDivElement>(null);
  const moved = useRef(false);

  const steps = useMemo(() => (template ? templateSteps(template.parameters) : []), [template]);
  const fallbacks = useMemo(() => (template ? unsupportedUiFields(template.parameters) : []), [template]);
  const dryRunTemplate = useMemo(() => template && { steps: template.steps, skeletons: template.skeletons, templatePath: template.templatePath }, [template]);

  useEffect(() => {
    let current = true;
    loadTemplate(dataUrl)
      .then((data) => {
        if (!current) return;
        const parsed = templateSteps(data.parameters);
        setTemplate(data);
        setValues(initialFormData(parsed, validator, { org, prefill: formDataFromQuery(window.location.search) }));
        const usesPickers = parsed.some((step) =>
          Object.values(step.uiSchema).some((ui) => PICKERS.has((ui as Record<string, unknown>)?.['ui:field'] as string)),
        );
        if (!usesPickers) return;
        loadCatalog(catalogUrl).then(
          (list) => {
            if (!current) return;
            setEntities(list);
            setValues((v) => withSingleOptionPicks(parsed, v, list));
          },
          () => current && setEntities(null),
        );
      })
      .catch((error: unknown) => current && setLoadError(error instanceof Error ? error.message : String(error)));
    return () => {
      current = false;
    };
  }, [dataUrl, catalogUrl, org]);

  // A new step: focus its heading, unless one of its fields took focus (`ui:autofocus`).
  useEffect(() => {
    if (!moved.current) return;
    const focused = document.activeElement;
    if (!(focused instanceof HTMLElement && mainRef.current?.contains(focused) && focused.matches('input, select, textarea'))) headingRef.current?.focus();
  }, [active]);

  if (loadError) return <p className="tf-error">The form could not load: {loadError}. GitHub’s “Use this template” link above still works.</p>;
  if (!template || !dryRunTemplate) return <p className="tf-muted">Loading the form…</p>;

  const step = steps[active];
  const context = { entities: entities ?? undefined };
  const go = (to: number) => {
    moved.current = true;
    setAnnouncement('');
    setActive(to);
  };
  const announce = (text: string) => {
    // Cleared first, so the same problems submitted twice are announced twice.
    setAnnouncement('');
    requestAnimationFrame(() => setAnnouncement(text));
  };
  const onError = (errors: RJSFValidationError[]) => {
    if (!step) return;
    const list = stepErrorList(
      step,
      errors.filter((e) => e.name),
      customFieldErrors(step, values, context),
    );
    announce(errorAnnouncement(list));
    const target = list[0] && document.getElementById(list[0].id);
    (target ?? headingRef.current)?.focus();
  };
  const titles = [...steps.map((s) => s.title), 'Review', 'Create'];
  const heading = step ? step.title : active === steps.length ? 'Review' : 'Create the repository';

  return (
    <div className="tf">
      <div className="tf-main" ref={mainRef}>
        <ol className="tf-progress">
          {titles.map((title, i) => (
            <li key={i} aria-current={i === active ? 'step' : undefined} className={i < active ? 'tf-done' : undefined}>
              {title}
            </li>
          ))}
        </ol>
        <h2 ref={headingRef} tabIndex={-1} className="tf-heading">
          <span className="tf-muted">
            Step {active + 1} of {titles.length}:
          </span>{' '}
          {heading}
        </h2>
        {step?.description && <p className="tf-muted">{step.description}</p>}
        <div role="alert" className={announcement ? 'tf-announce' : 'tf-announce tf-empty'}>
          {announcement}
        </div>
        {active === 0 && fallbacks.length > 0 && (
          <p className="tf-note">Shown as plain fields (Frontdoor has no equivalent of these Backstage fields): {fallbacks.map((f) => f.field).join(', ')}.</p>
        )}
        {step ? (
          <Form
            key={active}
            schema={step.schema}
            uiSchema={step.uiSchema}
            formData={values}
            validator={validator}
            fields={customFields}
            formContext={{ org, entities } satisfies FieldContext}
            showErrorList={false}
            noHtml5Validate
            transformErrors={(errors) => transformSchemaErrors(errors, step)}
            customValidate={(formData, errors) => {
              for (const [name, messages] of Object.entries(customFieldErrors(step, (formData ?? {}) as FormValues, context)))
                for (const message of messages) errors[name]?.addError(message);
              return errors;
            }}
            onChange={(event) => setValues((current) => ({ ...current, ...(event.formData as FormValues) }))}
            onError={onError}
            onSubmit={(event) => {
              setValues((current) => ({ ...current, ...(event.formData as FormValues) }));
              go(active + 1);
            }}
          >
            <div className="tf-actions">
              <button type="button" onClick={() => go(active - 1)} disabled={active === 0}>
                Back
              </button>
              <button type="submit" className="tf-primary">
                {active === steps.length - 1 ? 'Review' : 'Next'}
              </button>
            </div>
          </Form>
        ) : active === steps.length ? (
          <>
            {reviewSections(steps, values).map((section, i) => (
              <section key={i} className="tf-review">
                <h3>{section.title}</h3>
                {section.rows.length > 0 ? (
                  <dl>
                    {section.rows.map((row) => (
                      <div key={row.name}>
                        <dt>{row.label}</dt>
                        <dd>{row.value}</dd>
                      </div>
                    ))}
                  </dl>
                ) : (
                  <p className="tf-muted">Nothing entered.</p>
                )}
              </section>
            ))}
            <div className="tf-actions">
              <button type="button" onClick={() => go(active - 1)} disabled={active === 0}>
                Back
              </button>
              <button type="button" className="tf-primary" onClick={() => go(active + 1)}>
                Create
              </button>
            </div>
          </>
        ) : (
          <>
            <NextSteps
              steps={steps}
              values={values}
              template={template.repo}
              org={org}
              workflowFile={workflowFile}
              templatePath={template.templatePath}
              actionRef={actionRef}
            />
            <div className="tf-actions">
              <button type="button" onClick={() => go(active - 1)}>
                Back
              </button>
            </div>
          </>
        )}
      </div>
      <aside className="tf-side">
        <DryRunPanel template={dryRunTemplate} values={values} />
      </aside>
    </div>
  );
}
