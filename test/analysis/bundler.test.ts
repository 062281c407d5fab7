import { describe, expect, it } from 'vitest';
import { bundlePath } from '../../src/analysis/bundler.js';
import { parseDockerfile } from '../../src/dockerfile/parse.js';
import { memoryBuildContext } from '../../src/engine/context.js';
import { invokedProgram, runBody } from '../../src/shell/index.js';

/** Where the last \`bundle install\` of the file's last RUN puts the gems: the folder, gem-home, or unknown. */
function where(text: string, context: Record<string, string> = {}): string {
  const file = parseDockerfile(text);
  const inst = file.instructions.filter((i) => i.keyword === 'RUN').at(-1)!;
  const body = runBody(file, inst);
  if (!body.ok) throw new Error(body.reason);
  const command = body.parsed.commands.filter((c) => invokedProgram(c)?.name === 'bundle' && c.args[0] !== 'config').at(-1)!;
  const found = bundlePath(file, inst, body.parsed, command, memoryBuildContext(context));
  return found.kind === 'path' ? found.dir : found.kind === 'unknown' ? `unknown: ${found.why}` : found.kind;
}

describe('bundlePath', () => {
  it('reads the path from the app folder the install runs in, and ~ from its home', () => {
    expect(where('FROM ruby:3.3\nWORKDIR /app\nRUN bundle config set --local path vendor/bundle\nRUN bundle install\n')).toBe('/app/vendor/bundle');
    expect(where('FROM ruby:3.3\nWORKDIR /app\nRUN cd /srv && bundle install --path ./gems\n')).toBe('/srv/gems');
    expect(where('FROM ruby:3.3\nWORKDIR /app\nENV BUNDLE_GEMFILE=/src/Gemfile BUNDLE_PATH=vendor\nRUN bundle install\n')).toBe('/src/vendor');
    expect(where('FROM node:22\nUSER node\nWORKDIR /app\nRUN bundle config set --global path ~/gems && bundle install\n')).toBe('/home/node/gems');
  });

  it('takes the first level that sets a path: the install, the app, the environment, the user', () => {
    // The app's config is read before BUNDLE_PATH, the user's after it.
    expect(where('FROM ruby:3.3\nWORKDIR /app\nENV BUNDLE_PATH=/gems\nRUN bundle config set --local path vendor && bundle install\n')).toBe('/app/vendor');
    expect(where('FROM ruby:3.3\nWORKDIR /app\nENV BUNDLE_PATH=/gems\nRUN bundle config set --global path vendor && bundle install\n')).toBe('/gems');
    expect(where('FROM ruby:3.3\nWORKDIR /app\nRUN bundle config set --local path vendor && bundle install --path /opt/gems\n')).toBe('/opt/gems');
    // Unset, or given up for the system's gems.
    expect(where('FROM ruby:3.3\nWORKDIR /app\nRUN bundle config set --local path vendor\nRUN bundle config unset path && bundle install\n')).toBe('gem-home');
    expect(where('FROM ruby:3.3\nWORKDIR /app\nRUN bundle config set --local path vendor\nRUN bundle install --system\n')).toBe('gem-home');
    expect(where('FROM ruby:3.3\nWORKDIR /app\nRUN bundle config set --local path.system true && bundle config set --global path /x && bundle install\n')).toBe('gem-home');
  });

  it('installs into vendor/bundle in deployment mode with no path, and not with deployment off', () => {
    expect(where('FROM ruby:3.3\nWORKDIR /app\nRUN bundle install --deployment\n')).toBe('/app/vendor/bundle');
    expect(where('FROM ruby:3.3\nWORKDIR /app\nENV BUNDLE_DEPLOYMENT=false\nRUN bundle install\n')).toBe('gem-home');
    expect(where('FROM ruby:3.3\nWORKDIR /app\nENV BUNDLE_DEPLOYMENT=1 BUNDLE_PATH=/usr/local/bundle\nRUN bundle install\n')).toBe('/usr/local/bundle');
  });

  it('reads a .bundle/config the build copies in, where Bundler reads the app config', () => {
    const context = { '.bundle/config': '---\nBUNDLE_PATH: "vendor/bundle"\n' };
    expect(where('FROM debian:12\nWORKDIR /app\nCOPY . .\nRUN bundle install\n', context)).toBe('/app/vendor/bundle');
    // The ruby images move it to /usr/local/bundle/config (BUNDLE_APP_CONFIG): the app's copy is not read.
    expect(where('FROM ruby:3.3\nWORKDIR /app\nCOPY . .\nRUN bundle install\n', context)).toBe('gem-home');
    // A config command after the COPY changes that file.
    expect(where('FROM debian:12\nWORKDIR /app\nCOPY . .\nRUN bundle config set --local path /opt/gems\nRUN bundle install\n', context)).toBe('/opt/gems');
  });

  it('counts a config command only for the file the install reads', () => {
    // Another app's local config.
    expect(where('FROM debian:12\nWORKDIR /app\nRUN cd /other && bundle config set --local path vendor\nRUN bundle install\n')).toBe('gem-home');
    // With BUNDLE_APP_CONFIG, every app shares it.
    expect(where('FROM ruby:3.3\nWORKDIR /app\nRUN cd /other && bundle config set --local path vendor\nRUN bundle install\n')).toBe('/app/vendor');
  });

  it('says why the path is not known', () => {
    expect(where('FROM ruby:3.3\nARG DIR\nWORKDIR /app\nRUN bundle config set --local path "$DIR" && bundle install\n')).toBe('unknown: `bundle config set --local path "$DIR"` names the path by a value only known at build time');
    expect(where('FROM example/base\nRUN bundle install --path vendor\n')).toMatch(/^unknown: `bundle install --path vendor` names a path from the app's folder, which is not known/);
    expect(where('FROM ruby:3.3\nWORKDIR /app\nRUN sudo -u app bundle config set --local path vendor\nRUN bundle install\n')).toMatch(/writes the app's Bundler config, in a file dockshift cannot tell$/);
    expect(where('FROM ruby:3.3\nWORKDIR /app\nRUN bundle install --standalone\n')).toMatch(/--standalone/);
    expect(where('FROM ruby:3.3\nENV BUNDLE_PATH=/gems\nWORKDIR /app\nRUN bundle config set path vendor\nRUN bundle install\n')).toMatch(/for the app from Bundler 2\.3\.7 on and for the user before it/);
  });
});
