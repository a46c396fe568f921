/**
 * The end of the form: GitHub's prefilled create-from-template page (the primary action), the
 * one `gh` line that creates the repo and runs the apply-template workflow, and the values JSON
 * for the workflow's form on the Actions page. All built by ./launch.ts.
 */
import { useState } from 'react';
import { CopyButton } from './CopyButton.tsx';
import {
  ghCommand,
  launchValues,
  newRepoTarget,
  prefilledCreateUrl,
  valuesJson,
  VISIBILITIES,
  workflowFileName,
  type RepoRef,
  type Visibility,
} from './launch.ts';
import type { FormStep } from './steps.ts';

export interface NextStepsProps {
  steps: readonly FormStep[];
  values: Record<string, unknown>;
  template: RepoRef;
  org: string;
  workflowFile: string;
  /** The template.yaml the workflow applies (its `template` input). */
  templatePath: string;
  actionRef?: string | undefined;
}

export function NextSteps({ steps, values, template, org, workflowFile, templatePath, actionRef }: NextStepsProps) {
  const [visibility, setVisibility] = useState<Visibility>('private');
  const target = newRepoTarget(steps, values, org);
  const { values: workflowValues, leftOut } = launchValues(steps, values);
  const json = valuesJson(workflowValues);
  const gh = target ? ghCommand({ template, target, visibility, workflowFile, templatePath, values: workflowValues }) : undefined;
  return (
    <div className="tf-next">
      <label className="tf-sub">
        <span>Visibility of the new repository</span>
        <select value={visibility} onChange={(e) => setVisibility(e.target.value as Visibility)}>
          {VISIBILITIES.map((v) => (
            <option key={v} value={v}>
              {v === 'internal' ? 'internal (GitHub Enterprise)' : v}
            </option>
          ))}
        </select>
      </label>
      <ol className="tf-next-list">
        <li>
          <h3>Create the repository on GitHub</h3>
          <p>
            GitHub copies the template repository <code>{`${template.owner}/${template.name}`}</code>
            {target ? (
              <>
                {' '}
                into <code>{`${target.owner}/${target.name}`}</code>
              </>
            ) : null}
            . Check the name and visibility on GitHub’s page, then press its Create button.
          </p>
          <a className="tf-primary" href={prefilledCreateUrl(template, target, visibility)} target="_blank" rel="noopener noreferrer">
            Open GitHub’s create page
          </a>
        </li>
        <li>
          <h3>Apply the template</h3>
          <p>
            In the new repository, run the <code>{workflowFileName(workflowFile)}</code> workflow (Actions → the workflow → Run workflow) with the template{' '}
            <code>{templatePath}</code> and these values
            {actionRef ? (
              <>
                ; it runs <code>{actionRef}</code>, which renders the skeleton exactly as the dry run shows and commits it
              </>
            ) : null}
            .
          </p>
          {leftOut.length > 0 && (
            <p className="tf-warning">Not included, because workflow inputs are visible in the run: {leftOut.join(', ')}. Add them as repository secrets.</p>
          )}
          <pre tabIndex={0} aria-label="Values JSON">
            <code>{json}</code>
          </pre>
          <CopyButton text={json} label="Copy values JSON" />
        </li>
        <li>
          <h3>Or do both from a terminal</h3>
          {gh ? (
            <>
              <p>
                With the <a href="https://cli.github.com/">GitHub CLI</a>, in a POSIX shell (bash, zsh). If the workflow is not found yet, GitHub is still
                copying: run the part after <code>&amp;&amp;</code> again a few seconds later.
              </p>
              <pre tabIndex={0} aria-label="gh command" className="tf-wrap">
                <code>{gh}</code>
              </pre>
              <CopyButton text={gh} label="Copy command" />
            </>
          ) : (
            <p className="tf-muted">Enter the repository’s name to get the command.</p>
          )}
        </li>
      </ol>
    </div>
  );
}
