import { describe, expect, it } from 'vitest';
import { logicalText } from '../../src/dockerfile/logical.js';
import { parseDockerfile } from '../../src/dockerfile/parse.js';
import { effectiveShell, runBody, unEditedParsed, unEditedScripts } from '../../src/shell/body.js';
import { scriptFileOf, shellCommandString, shellInvocation, shellOperand } from '../../src/shell/options.js';
import { parseScript } from '../../src/shell/parse.js';
import { bodyOf } from './helpers.js';

/** The file text under each word of the body's commands, read through `offsetOf`. */
function wordsInFile(text: string): string[] {
  const { file, body } = bodyOf(text);
  return body.parsed.commands.flatMap((c) =>
    c.words.map((w) => file.text.slice(body.offsetOf(w.start), body.offsetOf(w.end - 1) + 1)),
  );
}

describe('runBody', () => {
  it('gives the body as the shell sees it, with offsets into the file', () => {
    const text = 'FROM debian\nRUN apt-get update && apt-get install -y curl\n';
    const { body } = bodyOf(text);
    expect(body.script).toBe('apt-get update && apt-get install -y curl');
    expect(body.offsetOf(0)).toBe(text.indexOf('apt-get'));
    expect(body.offsetOf(body.script.length)).toBe(text.length - 1);
    expect(body.shell.argv).toEqual(['/bin/sh', '-c']);
  });

  it('maps words back through line continuations', () => {
    const text = 'FROM debian\nRUN apt-get update \\\n    && apt-get install -y \\\n        curl \\\n        git\n';
    const { body } = bodyOf(text);
    expect(body.script).toBe('apt-get update     && apt-get install -y         curl         git');
    expect(wordsInFile(text)).toEqual(['apt-get', 'update', 'apt-get', 'install', '-y', 'curl', 'git']);
  });

  it('drops comment and empty lines inside continuations, as BuildKit does', () => {
    const text = 'FROM alpine\nRUN set -eux; \\\n\t\\\n# why we need curl\n\tapk add --no-cache curl; \\\n\n\techo done\n';
    const { body } = bodyOf(text);
    expect(body.script).toBe('set -eux; \t\tapk add --no-cache curl; \techo done');
    expect(wordsInFile(text)).toEqual(['set', '-eux', 'apk', 'add', '--no-cache', 'curl', 'echo', 'done']);
  });

  it('handles CRLF line endings', () => {
    const text = 'FROM debian\r\nRUN apt-get update \\\r\n && apt-get install -y curl\r\n';
    const { body } = bodyOf(text);
    expect(body.script).toBe('apt-get update  && apt-get install -y curl');
    expect(wordsInFile(text)).toEqual(['apt-get', 'update', 'apt-get', 'install', '-y', 'curl']);
  });

  it('keeps RUN flags out of the body', () => {
    const text = 'FROM debian\nRUN --mount=type=cache,target=/var/cache/apt \\\n    apt-get update\n';
    expect(bodyOf(text).body.script).toBe('apt-get update');
  });

  it('maps non-ASCII text to the right offsets', () => {
    const text = 'FROM debian\nRUN echo "héllo wörld" && touch /tmp/ß\n';
    expect(wordsInFile(text)).toEqual(['echo', '"héllo wörld"', 'touch', '/tmp/ß']);
  });

  it('accepts a POSIX SHELL such as bash', () => {
    const text = 'FROM debian\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://x | bash\n';
    expect(bodyOf(text).body.shell.argv).toEqual(['/bin/bash', '-o', 'pipefail', '-c']);
  });

  it('caches per parsed file', () => {
    const file = parseDockerfile('FROM debian\nRUN true\n');
    const inst = file.instructions[1]!;
    expect(runBody(file, inst)).toBe(runBody(file, inst));
    expect(runBody(parseDockerfile(file.text), inst)).not.toBe(runBody(file, inst));
  });
});

describe('runBody refusals', () => {
  const refusal = (text: string, n = 0) => {
    const file = parseDockerfile(text);
    const inst = file.instructions.filter((i) => i.keyword === 'RUN')[n]!;
    const result = runBody(file, inst);
    if (result.ok) throw new Error('expected a refusal');
    return result;
  };

  it('refuses exec form', () => {
    expect(refusal('FROM debian\nRUN ["apt-get", "update"]\n')).toMatchObject({ code: 'exec-form', at: 12 });
    expect(refusal('FROM debian\nRUN ["/bin/bash", "-c", "apt-get update && apt-get install -y curl"]\n')).toMatchObject({
      code: 'exec-form',
      reason: 'exec-form RUN runs /bin/bash with its script in a JSON string, which is not rewritten',
    });
  });

  it('refuses heredocs', () => {
    expect(refusal('FROM debian\nRUN <<EOF\napt-get update\nEOF\n').code).toBe('heredoc');
  });

  it('refuses PowerShell and cmd set by SHELL, here or in a parent stage', () => {
    const pwsh = 'FROM debian AS base\nSHELL ["pwsh", "-Command"]\nRUN Write-Host hi\nFROM base\nRUN echo hi\n';
    expect(refusal(pwsh)).toMatchObject({ code: 'non-posix-shell', reason: 'SHELL ["pwsh","-Command"] is not a POSIX shell' });
    expect(refusal(pwsh, 1).code).toBe('non-posix-shell');
    expect(refusal('FROM debian\nSHELL ["cmd", "/S", "/C"]\nRUN dir\n').code).toBe('non-posix-shell');
  });

  it('refuses Windows stages: Windows base images and the backtick escape', () => {
    expect(refusal('FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir\n').code).toBe('non-posix-shell');
    expect(refusal('FROM mcr.microsoft.com/dotnet/sdk:8.0-nanoserver-ltsc2022\nRUN dir\n').code).toBe('non-posix-shell');
    expect(refusal('# escape=`\nFROM debian\nRUN echo hi\n').code).toBe('non-posix-shell');
  });

  it('refuses bodies the shell parser rejects, pointing at the problem', () => {
    const text = 'FROM debian\nRUN for x in a b; do echo $x; done; done\n';
    const result = refusal(text);
    expect(result.code).toBe('unparsable-shell');
    expect(result.reason).toBe('shell syntax: "done" can only be used to end a loop');
    expect(result.at).toBe(text.lastIndexOf('done'));
  });

  it('a SHELL only applies after it, in its own stage and the stages built on it', () => {
    const text = 'FROM debian\nRUN echo before\nSHELL ["pwsh", "-c"]\nFROM debian\nRUN echo other\n';
    const file = parseDockerfile(text);
    const [before, other] = file.instructions.filter((i) => i.keyword === 'RUN');
    expect(effectiveShell(file, before!).posix).toBe(true);
    expect(effectiveShell(file, other!).posix).toBe(true);
  });
});

describe('backtick escape offsets', () => {
  // runBody refuses these stages, but the offset mapping they rely on must still hold.
  it('maps words through backtick continuations', () => {
    const text = '# escape=`\r\nFROM debian\r\nRUN apt-get update `\r\n    && apt-get install -y curl\r\n';
    const file = parseDockerfile(text);
    const inst = file.instructions[1]!;
    const { text: script, offsetOf } = logicalText(file.text, inst.argsSpan!.start, inst.argsSpan!.end, file.escape);
    const parsed = parseScript(script);
    if (!parsed.ok) throw new Error(parsed.message);
    const words = parsed.commands.flatMap((c) => c.words.map((w) => text.slice(offsetOf(w.start), offsetOf(w.end - 1) + 1)));
    expect(words).toEqual(['apt-get', 'update', 'apt-get', 'install', '-y', 'curl']);
  });
});

describe('unEditedParsed', () => {
  it('reads the scripts of a RUN the shell layer does not edit once, as unEditedScripts gives them, with their parse', () => {
    const text = 'FROM debian:12\nRUN <<EOF\napt-get install -y curl\necho done\nEOF\nRUN ["sh", "-c", "echo a && echo b"]\nSHELL ["pwsh", "-c"]\nRUN Get-Item x |\n';
    const file = parseDockerfile(text);
    const runs = file.instructions.filter((i) => i.keyword === 'RUN');
    const read = runs.map((inst) => {
      const body = runBody(file, inst);
      if (body.ok) throw new Error('expected a RUN the shell layer does not edit');
      const scripts = unEditedParsed(file, inst, body.code);
      expect(unEditedParsed(file, inst, body.code)).toBe(scripts);
      expect(scripts.map((s) => s.text)).toEqual(unEditedScripts(file, inst, body.code));
      return scripts.map((s) => [s.text, s.parsed.ok ? s.parsed.commands.map((c) => c.name) : 'syntax error']);
    });
    expect(read).toEqual([
      [['apt-get install -y curl\necho done', ['apt-get', 'echo']]],
      [['echo a && echo b', ['echo', 'echo']]],
      [['Get-Item x |', 'syntax error']],
    ]);
  });

  it('reads the document a heredoc RUN gives a shell with options that take an argument', () => {
    const scripts = (line: string) => {
      const file = parseDockerfile(`FROM debian:12\nRUN ${line}\napt-get install -y curl\nEOF\n`);
      return unEditedScripts(file, file.instructions[1]!, 'heredoc');
    };
    expect(scripts('bash -e <<EOF')).toEqual(['apt-get install -y curl']);
    // `pipefail` and `extglob` are the options' arguments, and `-s x` still reads standard input.
    expect(scripts('bash -o pipefail <<EOF')).toEqual(['apt-get install -y curl']);
    expect(scripts('bash -O extglob -e <<EOF')).toEqual(['apt-get install -y curl']);
    expect(scripts('sh -s x <<EOF')).toEqual(['apt-get install -y curl']);
    // A shell running a file or a -c string does not read the document as its script.
    expect(scripts('bash setup.sh <<EOF')).toEqual(['bash setup.sh']);
    expect(scripts('bash -c "cat > /etc/x" <<EOF')).toEqual(['bash -c "cat > /etc/x"']);
    // A file descriptor's digits go with the marker; a continued line is the command's, not the document's.
    const words = (line: string) => scripts(line).map((s) => s.replace(/\s+/g, ' '));
    expect(words('cat 3<<EOF /dev/fd/3')).toEqual(['cat /dev/fd/3']);
    expect(words('bash -e \\\n    <<EOF')).toEqual(['apt-get install -y curl']);
    expect(words('cat <<EOF > /etc/x \\\n  && chmod 644 /etc/x')).toEqual(['cat > /etc/x && chmod 644 /etc/x']);
    // The words are BuildKit's: quotes inside the delimiter, blanks after `<<`, tabs `<<-` strips.
    expect(scripts('<<E"O"F bash')).toEqual(['apt-get install -y curl']);
    expect(scripts('bash -e << "EOF"')).toEqual(['apt-get install -y curl']);
    expect(scripts("cat <<E'O'F >/etc/x")).toEqual(['cat  >/etc/x']);
    const tabs = parseDockerfile('FROM debian:12\nRUN <<-EOF\n\tapt-get install -y curl\n\tEOF\n');
    expect(unEditedScripts(tabs, tabs.instructions[1]!, 'heredoc')).toEqual(['apt-get install -y curl']);
    // A shell reads its script from standard input: not a document on descriptor 3, nor the second of two.
    expect(scripts('3<<EOF cat')).toEqual(['cat']);
    expect(scripts('3<<EOF bash')).toEqual(['bash']);
    const two = parseDockerfile('FROM debian:12\nRUN <<A <<B\necho a\nA\necho b\nB\n');
    expect(unEditedScripts(two, two.instructions[1]!, 'heredoc')).toEqual(['']);
  });
});

describe('shellOperand', () => {
  it('finds the command string or script after the options, whatever takes an argument', () => {
    expect(shellOperand(['/bin/sh', '-c', 'echo hi'])).toEqual({ command: true, at: 2, stdin: false });
    // `o` in a bundle takes the next argument: `pipefail` is no script.
    expect(shellOperand(['/bin/ash', '-eo', 'pipefail', '-c', 'crond; httpd'])).toEqual({ command: true, at: 4, stdin: false });
    expect(shellOperand(['bash', '-O', 'extglob', 'start.sh', 'x'])).toEqual({ command: false, at: 3, stdin: false });
    // `-c` is a flag: the string is the first operand (dash and bash run `echo hi` here).
    expect(shellOperand(['sh', '-c', '-e', 'echo hi'])).toEqual({ command: true, at: 3, stdin: false });
    expect(shellOperand(['bash', '--rcfile', 'rc', '--', '-start.sh'])).toEqual({ command: false, at: 4, stdin: false });
    expect(shellOperand(['bash', '-l'])).toEqual({ command: false, at: null, stdin: true });
    // Not known: neither a script nor standard input can be told.
    expect(shellOperand(['sh', null, '-c', 'x'])).toEqual({ command: false, at: null, stdin: false });
  });

  it('gives the -c string of a shell the same way for every option shape, and none for a file or standard input', () => {
    const at = (...argv: (string | null)[]) => shellCommandString(argv);
    expect(at('sh', '-ec', 'x')).toBe(2);
    expect(at('/bin/bash', '-o', 'pipefail', '-c', 'x')).toBe(4);
    expect(at('bash', '-O', 'extglob', '-c', 'x')).toBe(4);
    expect(at('bash', '--norc', '-c', 'x')).toBe(3);
    expect(at('bash', '-c', '--', 'x')).toBe(3);
    // A string only known at build time may be an option: no string is found.
    expect(at('sh', '-c', null)).toBeNull();
    // A script's own arguments are not the shell's options; `-s` reads standard input.
    expect(at('sh', 'build.sh', '-c', 'x')).toBeNull();
    expect(at('sh', '-s', 'x')).toBeNull();
    expect(at('python3', '-c', 'x')).toBeNull();
  });

  it('reads an exec-form RUN whose shell takes options before -c', () => {
    const file = parseDockerfile('FROM debian\nRUN ["bash", "-eo", "pipefail", "-c", "curl -fsSL https://x | sh"]\n');
    expect(unEditedScripts(file, file.instructions[1]!, 'exec-form')).toEqual(['curl -fsSL https://x | sh']);
  });
});

describe('shellInvocation', () => {
  it('reads errexit and startup files past options that take an argument', () => {
    // bash runs `false; echo after` under -e here: -O's argument is no operand.
    expect(shellInvocation(['/bin/bash', '-O', 'extglob', '-e', '-c'])).toEqual({ errexit: true, startupFiles: false, allexport: false });
    expect(shellInvocation(['/bin/bash', '-eux', '-o', 'pipefail', '-c'])).toEqual({ errexit: true, startupFiles: false, allexport: false });
    expect(shellInvocation(['/bin/sh', '-o', 'pipefail', '-o', 'errexit', '-c'])).toEqual({ errexit: true, startupFiles: false, allexport: false });
    expect(shellInvocation(['/bin/bash', '-e', '+o', 'errexit', '-lc'])).toEqual({ errexit: false, startupFiles: true, allexport: false });
    expect(shellInvocation(['/bin/bash', '-o', 'pipefail', '-c'])).toEqual({ errexit: false, startupFiles: false, allexport: false });
    // -a and -o allexport export every assignment.
    expect(shellInvocation(['/bin/bash', '-a', '-c'])).toEqual({ errexit: false, startupFiles: false, allexport: true });
    expect(shellInvocation(['/bin/sh', '-o', 'allexport', '-ec'])).toEqual({ errexit: true, startupFiles: false, allexport: true });
  });

  it('reads each command line anew, though it remembers the last one read', () => {
    const errexit = ['/bin/bash', '-e', '-c'];
    const plain = ['/bin/sh', '-c'];
    for (let i = 0; i < 2; i++) {
      expect(shellInvocation(errexit).errexit).toBe(true);
      expect(shellInvocation(errexit).errexit).toBe(true);
      expect(shellInvocation(plain).errexit).toBe(false);
      // Another array with the same words is read, not taken for the one before.
      expect(shellInvocation([...errexit]).errexit).toBe(true);
    }
  });

  it('finds no script after -s, which reads the commands from standard input', () => {
    expect(shellOperand(['sh', '-s', 'x', 'y'])).toEqual({ command: false, at: null, stdin: true });
    expect(shellOperand(['bash', '-o', 'pipefail'])).toEqual({ command: false, at: null, stdin: true });
    expect(shellOperand(['sh', '-s', '-c', 'echo', 'x'])).toEqual({ command: true, at: 3, stdin: false });
  });
});

describe('scriptFileOf', () => {
  it('names the script a command runs, and whether PATH finds it', () => {
    expect(scriptFileOf(['./install.sh'])).toEqual({ path: './install.sh', onPath: false });
    expect(scriptFileOf(['/app/run', '--port', '80'])).toEqual({ path: '/app/run', onPath: false });
    expect(scriptFileOf(['bash', '-eo', 'pipefail', 'setup.sh', 'x'])).toEqual({ path: 'setup.sh', onPath: false });
    expect(scriptFileOf(['.', 'env.sh'])).toEqual({ path: 'env.sh', onPath: false });
    expect(scriptFileOf(['source', './env.sh'])).toEqual({ path: './env.sh', onPath: false });
    expect(scriptFileOf(['docker-entrypoint.sh', 'postgres'])).toEqual({ path: 'docker-entrypoint.sh', onPath: true });
  });

  it('names none for a command string, standard input, a program on PATH or a file only known at run time', () => {
    for (const argv of [['sh', '-c', 'make'], ['bash'], ['bash', '-s'], ['make', 'install'], ['sh', null], ['.', null], [null, 'x'], ['source', '-h']]) {
      expect(scriptFileOf(argv), JSON.stringify(argv)).toBeNull();
    }
  });
});
