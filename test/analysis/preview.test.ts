import { describe, expect, it } from 'vitest';
import { preview } from '../../src/analysis/preview.js';
import { parseDockerfile } from '../../src/dockerfile/parse.js';

/** The preview of the file's last instruction. */
function last(text: string): string {
  const file = parseDockerfile(text);
  return preview(file, file.instructions.at(-1)!);
}

describe('preview', () => {
  it('shows the first command of a heredoc that is the script, its delimiter read as BuildKit reads it', () => {
    const doc = 'set -e\n# tools\napt-get install -y git\nEOF\n';
    expect(last(`FROM debian\nRUN <<E"O"F\n${doc}`)).toBe('`RUN <<E"O"F … apt-get install -y git`');
    expect(last(`FROM debian\nRUN <<'EOF' bash -e\n${doc}`)).toBe("`RUN <<'EOF' bash -e … apt-get install -y git`");
    expect(last(`FROM debian\nRUN bash -eo pipefail << EOF\n${doc}`)).toBe('`RUN bash -eo pipefail << EOF … apt-get install -y git`');
    expect(last('FROM debian\nRUN <<-EOF\n\tset -e\n\tapt-get install -y git\n\tEOF\n')).toBe('`RUN <<-EOF … apt-get install -y git`');
  });

  it('shows the line alone of a heredoc the command reads otherwise, or a COPY writes', () => {
    // The document is on descriptor 3: cat reads standard input, as a shell would.
    expect(last('FROM debian\nRUN 3<<EOF cat\nhello\nEOF\n')).toBe('`RUN 3<<EOF cat …`');
    expect(last('FROM debian\nRUN 3<<EOF bash\nhello\nEOF\n')).toBe('`RUN 3<<EOF bash …`');
    expect(last('FROM debian\nRUN cat <<EOF > /etc/motd \\\n  && chmod 644 /etc/motd\nhello\nEOF\n')).toBe('`RUN cat <<EOF > /etc/motd && chmod 644 /etc/motd …`');
    expect(last('FROM debian\nCOPY <<\'EOF\' /tmp/init.sql\nCREATE TABLE t (id int);\nEOF\n')).toBe("`COPY <<'EOF' /tmp/init.sql …`");
  });
});
