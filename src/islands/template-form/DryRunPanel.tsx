/**
 * The dry run: the new repo's files rendered with the values as they are typed (debounced),
 * a folder tree to pick a file, the file's text, what happens to each step, and the problems.
 */
import { useEffect, useState } from 'react';
import { dryRunSummary, fileTree, problemLine, selectedFile, type TreeNode } from './dry-run.ts';
import { loadDryRun, type DryRun, type DryRunResult, type DryRunTemplate } from './renderer.ts';

/** Long enough to skip work between keystrokes, short enough to feel live. */
const DEBOUNCE_MS = 150;

function Tree({ nodes, selected, onSelect }: { nodes: TreeNode[]; selected: string | undefined; onSelect: (path: string) => void }) {
  return (
    <ul>
      {nodes.map((node) =>
        node.children ? (
          <li key={node.path}>
            <span className="tf-folder">{node.name}/</span>
            <Tree nodes={node.children} selected={selected} onSelect={onSelect} />
          </li>
        ) : (
          <li key={node.path}>
            <button type="button" className="tf-file" aria-current={node.path === selected ? 'true' : undefined} onClick={() => onSelect(node.path)}>
              {node.name}
              {node.file?.templated ? '' : <span className="tf-tag"> copied</span>}
            </button>
          </li>
        ),
      )}
    </ul>
  );
}

export function DryRunPanel({ template, values }: { template: DryRunTemplate; values: Record<string, unknown> }) {
  const [render, setRender] = useState<DryRun | undefined>();
  const [failed, setFailed] = useState<string | undefined>();
  const [result, setResult] = useState<DryRunResult | undefined>();
  const [selected, setSelected] = useState<string | undefined>();

  useEffect(() => {
    loadDryRun().then(
      (fn) => setRender(() => fn),
      (error: unknown) => setFailed(error instanceof Error ? error.message : String(error)),
    );
  }, []);

  useEffect(() => {
    if (!render) return;
    // A newer render replaces this one: its answer, arriving later, is not shown.
    let current = true;
    const timer = setTimeout(() => {
      render(template, values).then(
        (next) => {
          if (!current) return;
          setResult(next);
          setFailed(undefined);
        },
        (error: unknown) => {
          if (current) setFailed(error instanceof Error ? error.message : String(error));
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [render, template, values]);

  const file = result ? selectedFile(result.files, selected) : undefined;
  return (
    <section className="tf-dry" aria-labelledby="tf-dry-heading">
      <h2 id="tf-dry-heading">Dry run</h2>
      <p className="tf-muted">
        The new repository as the apply-template workflow will write it, rendered in your browser with the values so far.{' '}
        {result && <span aria-live="polite">{dryRunSummary(result)}.</span>}
      </p>
      {failed && <p className="tf-error">The dry run could not run: {failed}</p>}
      {!result && !failed && <p className="tf-muted">Rendering…</p>}
      {result && result.problems.length > 0 && (
        <div className="tf-problems">
          <h3>Problems with the values so far</h3>
          <ul>
            {result.problems.map((p, i) => (
              <li key={i}>{problemLine(p)}</li>
            ))}
          </ul>
        </div>
      )}
      {result && (
        <div className="tf-dry-body">
          <nav className="tf-tree" aria-label="Files of the new repository">
            <Tree nodes={fileTree(result.files)} selected={file?.path} onSelect={setSelected} />
          </nav>
          <div className="tf-file-view">
            {file ? (
              <>
                <h3 className="tf-file-name">{file.path}</h3>
                {file.text !== undefined ? (
                  <pre tabIndex={0} aria-label={`Contents of ${file.path}`}>
                    <code>{file.text}</code>
                  </pre>
                ) : (
                  <p className="tf-muted">
                    {file.binary ? `Binary file, ${file.size} bytes, copied as it is.` : 'Not in the published data; the workflow renders it from the repo.'}
                  </p>
                )}
              </>
            ) : (
              <p className="tf-muted">No files.</p>
            )}
          </div>
        </div>
      )}
      {result && result.steps.length > 0 && (
        <details className="tf-steps-done">
          <summary>What happens to each step</summary>
          <ul>
            {result.steps.map((step, i) => (
              <li key={i}>
                <code>{step.action}</code> {step.name ?? step.id ?? ''}: {step.skipped ? 'skipped (its `if` is false)' : step.note}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
