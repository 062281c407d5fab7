/**
 * A run of the default transforms over a Dockerfile of the common shape, made before the bundled
 * CLI's code cache is saved (src/codeCache.ts): a first start that only printed `--version` would
 * otherwise save a cache without the pipeline's code, and every later start would compile it
 * again. Its RUNs take the fast shell reader and it prints no diff, so it loads nothing a run
 * loads only on demand.
 */
import { runPipeline } from './engine/pipeline.js';
import { configure, selectTransforms } from './engine/select.js';

const SAMPLE = `FROM python:3.12
RUN apt-get update
RUN apt-get install -y curl
RUN pip install flask
COPY . /app
WORKDIR /app
CMD ["python", "app.py"]
`;

export function warmUp(): void {
  const selected = selectTransforms({});
  if (selected.ok) runPipeline(SAMPLE, configure(selected.selection));
}
