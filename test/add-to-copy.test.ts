import { describe, expect, it } from 'vitest';
import { runPipeline } from '../src/engine/pipeline.js';
import addToCopy from '../transforms/add-to-copy.js';

function reasons(text: string): string[] {
  const result = runPipeline(text, [{ transform: addToCopy, options: { trustNames: true } }], { tier: 'review' });
  if (!result.ok) throw new Error(result.error.message);
  return result.refusals.map((r) => r.reason);
}

describe('add-to-copy names the source as written', () => {
  it('quotes a bare source and shows a quoted one as it is', () => {
    expect(reasons('FROM a\nADD https://example.com/x.jar /x.jar\n')).toEqual(['"https://example.com/x.jar" is a URL: ADD downloads it']);
    // jenkinsci/docker-agent quotes its URL: it was shown as "\"https://…\"".
    expect(reasons('FROM a\nARG VERSION=1\nADD --chown=a:b "https://repo.example.com/remoting-${VERSION}.jar" /usr/share/jenkins/agent.jar\n')).toEqual([
      '"https://repo.example.com/remoting-${VERSION}.jar" is a URL: ADD downloads it',
    ]);
    expect(reasons("FROM a\nADD 'https://example.com/x.jar' /x.jar\n")).toEqual(["'https://example.com/x.jar' is a URL: ADD downloads it"]);
  });
});
